#!/usr/bin/env bash
# Subsets the web fonts into public/fonts (committed). Needs Debian's python3-fonttools,
# python3-brotli and fonts-noto-core. Run again only when the character ranges change.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
FIRA=node_modules/@kern-ux/native/dist/fonts/fira-sans
NOTO=/usr/share/fonts/truetype/noto
LATIN="U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"
# Latin Extended in two faces: the letters of the offered languages beyond Latin-1 (pl, ro, tr,
# kmr, fr: 4 KB a weight), which their pages load, and the rest, which only a page with such a
# character (a name) loads. One face for all of it (25 KB a weight) put pl/ro/tr/kmr step pages
# over the 250 KiB budget (ADR 0044).
LATIN_EXT="U+0102-0107,U+0118-0119,U+011E-011F,U+0130,U+0141-0144,U+015A-015B,U+015E-015F,U+0162-0163,U+0178-017C,U+0218-021B"
LATIN_EXT_REST="U+0100-0101,U+0108-0117,U+011A-011D,U+0120-012F,U+0132-0140,U+0145-0151,U+0154-0159,U+015C-015D,U+0160-0161,U+0164-0177,U+017D-0217,U+021C-024F,U+0259,U+1E00-1EFF,U+2020,U+20A0-20AB,U+20AD-20CF,U+2113,U+2C60-2C7F,U+A720-A7FF"
CYRILLIC="U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116"
ARABIC="U+0600-06FF,U+200C-200F"
# Ethiopic syllables and punctuation as Tigrinya writes them (no Ethiopic numerals: the portal
# writes Latin digits in every language). One weight only: bold is synthesised, because a
# second 42 KB face would break the page budget on Tigrinya pages (ADR 0025).
ETHIOPIC="U+1200-135A,U+135D-1368"
ETHIOPIC_FEATURES="kern,mark,mkmk,ccmp,locl"
# Arabic keeps only the shaping features (the full set doubles the file).
ARABIC_FEATURES="kern,mark,mkmk,init,medi,fina,isol,rlig,liga,calt,ccmp,locl"
sub() { $PY -m fontTools.subset "$1" --unicodes="$2" --flavor=woff2 --layout-features="${4:-*}" --no-hinting --desubroutinize --output-file="$3" 2>/dev/null; }
for w in Regular:400 SemiBold:600; do
  name=${w%%:*}; weight=${w##*:}
  sub "$FIRA/FiraSans-$name.woff2" "$LATIN" "public/fonts/fira-sans-$weight-latin.woff2"
  sub "$FIRA/FiraSans-$name.woff2" "$LATIN_EXT" "public/fonts/fira-sans-$weight-latin-ext.woff2"
  sub "$FIRA/FiraSans-$name.woff2" "$LATIN_EXT_REST" "public/fonts/fira-sans-$weight-latin-ext-rest.woff2"
  sub "$FIRA/FiraSans-$name.woff2" "$CYRILLIC" "public/fonts/fira-sans-$weight-cyrillic.woff2"
done
sub "$NOTO/NotoSansArabic-Regular.ttf" "$ARABIC" public/fonts/noto-sans-arabic-400.woff2 "$ARABIC_FEATURES"
sub "$NOTO/NotoSansArabic-Bold.ttf" "$ARABIC" public/fonts/noto-sans-arabic-700.woff2 "$ARABIC_FEATURES"
sub "$NOTO/NotoSansEthiopic-Regular.ttf" "$ETHIOPIC" public/fonts/noto-sans-ethiopic-400.woff2 "$ETHIOPIC_FEATURES"
ls -l public/fonts

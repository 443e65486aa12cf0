#!/usr/bin/env bash
# Subsets the fonts embedded in the PDFs (caseworker PDF, receipt) into assets/fonts (committed).
# Needs Debian's python3-fonttools and fonts-noto-core. Run again only when the ranges change.
#
# Unlike scripts/subset-fonts.sh this writes plain TrueType (no woff2): PDF embeds TrueType as
# /FontFile2. The PDF code embeds these files whole, so the ranges decide which characters the
# documents can show; anything else is replaced before drawing (PDF/A forbids .notdef).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=/usr/bin/python3
NOTO=/usr/share/fonts/truetype/noto
OUT=assets/fonts
mkdir -p "$OUT" assets/icc
# Latin, Latin Extended (Turkish, Kurdish in Latin script, Vietnamese…), combining marks for
# decomposed input, Greek, Cyrillic (Ukrainian, Russian), general punctuation, €, U+FFFD.
TEXT_RANGES="U+0000-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+FEFF,U+FFFD"
# Arabic script (Arabic, Persian/Dari, Pashto, Kurdish Sorani), the spaces (fontkit swaps
# default-ignorables such as ZWNJ for the space glyph), ZWNJ/ZWJ/LRM/RLM and the presentation
# forms. fontkit shapes through GSUB, whose output glyphs the subsetter keeps anyway (about 320
# of them have no code point); the PDF code writes widths for every glyph it draws. The
# presentation forms are kept because most contextual forms and lam-alef ligatures are mapped
# from U+FB50–FEFF: that gives them real letters in the ToUnicode map (copy, search), and
# pasted presentation-form text renders.
ARABIC_RANGES="U+0020,U+00A0,U+0600-06FF,U+0750-077F,U+200C-200F,U+FB50-FDFF,U+FE70-FEFF"
# Ethiopic (Tigrinya, Amharic): the syllables, punctuation and numerals, with the spaces.
ETHIOPIC_RANGES="U+0020,U+00A0,U+1200-137F,U+200C-200F"
ETHIOPIC_FEATURES="ccmp,locl,kern,mark,mkmk"
# Only the features a shaper applies; the full set adds stylistic variants nobody draws.
TEXT_FEATURES="ccmp,locl,mark,mkmk,kern,liga,clig,calt,rlig"
ARABIC_FEATURES="ccmp,locl,isol,init,medi,fina,med2,fin2,fin3,rlig,calt,liga,clig,mset,curs,kern,mark,mkmk"
sub() {
  $PY -m fontTools.subset "$1" --unicodes="$2" --layout-features="$3" --output-file="$4" \
    --no-glyph-names --no-hinting --notdef-outline --name-IDs=0,1,2,3,4,5,6,13,14 2>/dev/null
}
for w in Regular Bold; do
  sub "$NOTO/NotoSans-$w.ttf" "$TEXT_RANGES" "$TEXT_FEATURES" "$OUT/NotoSans-$w.ttf"
  sub "$NOTO/NotoSansArabic-$w.ttf" "$ARABIC_RANGES" "$ARABIC_FEATURES" "$OUT/NotoSansArabic-$w.ttf"
  sub "$NOTO/NotoSansEthiopic-$w.ttf" "$ETHIOPIC_RANGES" "$ETHIOPIC_FEATURES" "$OUT/NotoSansEthiopic-$w.ttf"
done
# The OFL text, taken from Debian's copyright file (DEP-5: one leading space, " ." = blank line).
{
  echo "Noto Sans, Noto Sans Arabic and Noto Sans Ethiopic: Copyright 2010-2020 Google Inc. / Google LLC."
  echo "This Font Software is licensed under the SIL Open Font License, Version 1.1."
  echo "The files in this folder are subsets made by scripts/subset-pdf-fonts.sh."
  echo
  # The stand-alone "License: OFL-1.1" paragraph (after a blank line) holds the text; it ends at
  # the next blank line.
  awk 'prev == "" && $0 == "License: OFL-1.1" { on = 1; prev = $0; next }
       on && $0 == "" { exit }
       on { sub(/^ \.$/, ""); sub(/^ /, ""); print }
       { prev = $0 }' /usr/share/doc/fonts-noto-core/copyright
} > "$OUT/OFL.txt"
# The output intent's colour profile (PDF/A), from Debian's icc-profiles-free (zlib licence).
cp /usr/share/color/icc/sRGB.icc assets/icc/sRGB.icc
ls -l "$OUT" assets/icc

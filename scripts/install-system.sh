#!/usr/bin/env bash
# Debian packages the portal's tests need, installed only when missing (root or sudo).
# chromium: browser tests · postgresql: the store's tests against PostgreSQL ·
# poppler-utils, qpdf, xmlsec1, libxml2-utils, libnss3-tools: independent checks of the sealed
# PDF and XML (pdfsig, pdfdetach, pdffonts, qpdf --check, xmlsec1 --verify, xmllint, certutil) ·
# fonts-noto-core: the Noto fonts (Sans, Arabic, Ethiopic) the committed subsets in public/fonts and
# assets/fonts are made from (scripts/subset-fonts.sh, subset-pdf-fonts.sh; those two also need
# python3-fonttools python3-brotli, installed by hand when the ranges change), and the browser's
# system fallback for Arabic and Ethiopic text.
set -euo pipefail
packages=(chromium postgresql poppler-utils qpdf xmlsec1 libxml2-utils libnss3-tools fonts-noto-core)
missing=()
for p in "${packages[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages needed to build, run and test Cathode
# Composer. Only missing packages are installed; run as root or with sudo.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libcairo2-dev libpango1.0-dev
  libgtk-4-dev libepoxy-dev
  desktop-file-utils appstream
  xvfb xauth libgl1-mesa-dri mesa-utils
  python3 valgrind clang libclang-rt-14-dev
  poppler-utils librsvg2-bin
  locales    # locale sources: tests/i18n generates de_DE/zh_CN.UTF-8 from them
  fonts-droid-fallback   # CJK glyphs for the Chinese UI (no boxes under Xvfb)
  parallel   # GNU Parallel: the sweep tests run the documented sharding command line
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "Installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the metainfo screenshots in data/screenshots/: the app draws
# its own window (cathode-composer --screenshot FILE) on a literature preset,
# under Xvfb, in English, with default settings. Run after a build; commit
# the PNGs when the window has changed.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-_build}"
app="$PWD/$build_dir/src/app/cathode-composer"
out="$PWD/data/screenshots"
preset="preset:nacro2-nyzc-na3ps4"

[ -x "$app" ] || { echo "$app: not built (run build-aux/build.sh)" >&2; exit 1; }
mkdir -p "$out"

shoot() {  # FILE VIEW [EXTRA-ARGS]
  env -u LANGUAGE LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 \
      GSETTINGS_SCHEMA_DIR="$PWD/$build_dir/data" XDG_DATA_HOME="$(mktemp -d)" \
      xvfb-run -a -s "-screen 0 1600x1000x24" \
      "$app" --screenshot "$out/$1" --screenshot-view "$2" ${3:-} "$preset" 2> >(grep -v 'session bus' >&2)
  echo "wrote data/screenshots/$1"
}

shoot main-window.png materials --screenshot-after-run
shoot literature-cells.png cells

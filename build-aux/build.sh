#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures (once) and builds into _build (or $BUILD_DIR). Extra arguments
# go to `meson setup` the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-_build}"
if [ ! -f "$build_dir/build.ninja" ]; then
  meson setup "$build_dir" "$@" >/dev/null
fi
ninja -C "$build_dir"

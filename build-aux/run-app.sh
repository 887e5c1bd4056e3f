#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One command: installs what is missing, builds, and starts the app with the
# default design loaded. Arguments are passed to the app (e.g. a design file).
set -euo pipefail
cd "$(dirname "$0")/.."
./build-aux/install-deps.sh
./build-aux/build.sh
export GSETTINGS_SCHEMA_DIR="$PWD/${BUILD_DIR:-_build}/data"
# Translations from the build tree (LANGUAGE=de or LANG=zh_CN.UTF-8 to try them).
export CC_LOCALEDIR="$PWD/${BUILD_DIR:-_build}/po"
exec "./${BUILD_DIR:-_build}/src/app/cathode-composer" "$@"

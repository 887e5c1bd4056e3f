#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One command: installs what is missing, builds, runs every test (GUI tests
# under Xvfb) and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
./build-aux/install-deps.sh || exit 1
build_dir="${BUILD_DIR:-_build}"
./build-aux/build.sh || { echo "0 passed, 1 failed"; exit 1; }

rm -f "$build_dir/meson-logs/testlog.json"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  meson test -C "$build_dir" --print-errorlogs --num-processes 2 "$@"
status=$?

python3 - "$build_dir/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
try:
    with open(sys.argv[1]) as f:
        for line in f:
            r = json.loads(line)
            res = r.get("result")
            if res in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif res == "SKIP":
                skipped += 1
            else:
                failed += 1
except FileNotFoundError:
    failed = 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
exit $status

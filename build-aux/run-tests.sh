#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One command: installs what is missing, builds, runs every test (GUI tests
# under Xvfb) and ends with "N passed, N failed".
#
# With RUN_SANITIZERS=1 it then builds and runs the suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer (build-aux/run-sanitizers.sh),
# and with RUN_FUZZ=1 it runs each fuzz harness for FUZZ_TIME seconds
# (default 30; build-aux/run-fuzz.sh). Both default to on when CI is "true"
# or "1". Their tests count in the final line; the exit status is non-zero
# if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
./build-aux/install-deps.sh || exit 1
build_dir="${BUILD_DIR:-_build}"
./build-aux/build.sh || { echo "0 passed, 1 failed"; exit 1; }

rm -f "$build_dir/meson-logs/testlog.json"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  meson test -C "$build_dir" --print-errorlogs --num-processes 2 "$@"
status=$?

# wanted VAR: VAR set to 1/true/yes, or unset while CI is true/1.
wanted() {
  local v="${!1:-}"
  if [ -z "$v" ]; then
    v="${CI:-}"
  fi
  case "$v" in 1|true|yes) return 0 ;; *) return 1 ;; esac
}

# Runs a checker that ends with "NAME: N passed, N failed"; shows its output
# but that line, and adds its counts to extra_passed/extra_failed.
extra_passed=0
extra_failed=0
run_checker() {
  local out rc line
  out=$(mktemp)
  "$@" 2>&1 | tee "$out" | grep -vE '^[a-z]+: [0-9]+ passed, [0-9]+ failed$'
  rc=${PIPESTATUS[0]}
  line=$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed$' "$out" | tail -1)
  rm -f "$out"
  if [ -z "$line" ]; then
    extra_failed=$((extra_failed + 1))
  else
    echo "(${line%%:*}: ${line#*: })" | sed 's/passed/ok/'
    extra_passed=$((extra_passed + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
    extra_failed=$((extra_failed + $(echo "$line" | sed -E 's/.*, ([0-9]+) failed/\1/')))
  fi
  if [ "$rc" -ne 0 ] && [ "$status" -eq 0 ]; then
    status=$rc
  fi
}

if wanted RUN_SANITIZERS; then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer =="
  run_checker ./build-aux/run-sanitizers.sh
fi
if wanted RUN_FUZZ; then
  echo "== Fuzzing, ${FUZZ_TIME:-30} s per harness =="
  run_checker ./build-aux/run-fuzz.sh -t "${FUZZ_TIME:-30}"
fi

python3 - "$build_dir/meson-logs/testlog.json" "$extra_passed" "$extra_failed" <<'PY'
import json, sys
passed = int(sys.argv[2])
failed = int(sys.argv[3])
skipped = 0
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
    failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
if [ $status -eq 0 ] && [ "$extra_failed" -gt 0 ]; then
  status=1
fi
exit $status

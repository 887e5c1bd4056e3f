#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer
# (meson's b_sanitize) in _build-asan and runs the test suite there. Any
# memory error, leak or undefined behaviour aborts the test that hit it.
# Ends with "sanitizers: N passed, N failed" and exits non-zero on failure.
#
#   build-aux/run-sanitizers.sh [MESON TEST ARGS...]
#
# Environment: ASAN_BUILD_DIR (default _build-asan), SANITIZER_JOBS (test
# processes, default 2).
#
# The GUI tests are left out (-Dgui_tests=false, --no-suite gui): GTK under
# Xvfb draws through Mesa's llvmpipe, whose LLVM JIT and driver caches give
# thousands of LeakSanitizer reports in code that is not ours, and run many
# times slower under ASan. The app is still built with the sanitizers.
# Third-party leaks are suppressed in build-aux/lsan.supp (their frames
# only, never ours).
set -uo pipefail
cd "$(dirname "$0")/.."

build_dir="${ASAN_BUILD_DIR:-_build-asan}"
src_root=$PWD

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$src_root/build-aux/lsan.supp:print_suppressions=0"
# GLib's slice allocator (2.74) hides blocks from the leak checker.
export G_SLICE=always-malloc

summary() { echo "sanitizers: $1 passed, $2 failed"; }

if [ ! -f "$build_dir/build.ninja" ]; then
  if ! meson setup "$build_dir" -Db_sanitize=address,undefined -Db_lundef=false \
       -Dgui_tests=false >"$build_dir.setup.log" 2>&1; then
    cat "$build_dir.setup.log" >&2
    summary 0 1
    exit 1
  fi
  rm -f "$build_dir.setup.log"
fi
if ! ninja -C "$build_dir" >"$build_dir.build.log" 2>&1; then
  tail -40 "$build_dir.build.log" >&2
  summary 0 1
  exit 1
fi
rm -f "$build_dir.build.log"

rm -f "$build_dir/meson-logs/testlog.json"
meson test -C "$build_dir" --print-errorlogs --num-processes "${SANITIZER_JOBS:-2}" \
  --timeout-multiplier 3 --no-suite gui "$@"
status=$?

python3 - "$build_dir/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = 0
try:
    with open(sys.argv[1]) as f:
        for line in f:
            res = json.loads(line).get("result")
            if res in ("OK", "EXPECTEDFAIL", "SKIP"):
                passed += res != "SKIP"
            else:
                failed += 1
except FileNotFoundError:
    failed = 1
print(f"sanitizers: {passed} passed, {failed} failed")
PY
exit $status

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer harnesses of tests/fuzz (clang, AddressSanitizer +
# UndefinedBehaviorSanitizer, coverage-instrumented core) in _build-fuzz and
# runs each for a fixed time. Ends with "fuzz: N passed, N failed" and exits
# non-zero if any harness found a crash, leak, hang or broken oracle.
#
#   build-aux/run-fuzz.sh [-t SECONDS] [HARNESS...]
#
#   -t SECONDS   time per harness (default $FUZZ_TIME or 30)
#   HARNESS      design, materials, presets, ... (default: all; the list is
#                read from the fuzz-replay-NAME tests of tests/fuzz/meson.build)
#
# Environment: FUZZ_BUILD_DIR (default _build-fuzz), FUZZ_JOBS (parallel
# fuzzing processes per harness, default 1), FUZZ_ARGS (extra libFuzzer flags).
#
# The corpus grows in $FUZZ_BUILD_DIR/fuzz-corpus/NAME and is reused by the
# next run; the seeds (regressions, tests/fuzz/seeds, data files) are read,
# never written. A crash leaves its input in $FUZZ_BUILD_DIR/fuzz-artifacts/
# NAME/: copy it to tests/robust/regressions/NAME/ (the replay test then runs
# it in every build) and fix the bug.
set -uo pipefail
cd "$(dirname "$0")/.."

time_per=${FUZZ_TIME:-30}
while getopts "t:h" opt; do
  case $opt in
    t) time_per=$OPTARG ;;
    *) sed -n '3,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

build_dir="${FUZZ_BUILD_DIR:-_build-fuzz}"
src_root=$PWD
export LSAN_OPTIONS="suppressions=$src_root/build-aux/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="halt_on_error=1:print_stacktrace=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export G_SLICE=always-malloc G_DEBUG=gc-friendly,fatal-criticals LC_ALL=C.UTF-8

fail() { echo "run-fuzz: $*" >&2; echo "fuzz: 0 passed, 1 failed"; exit 1; }

command -v clang >/dev/null || fail "clang not found (build-aux/install-deps.sh installs it)"
probe=$(mktemp -d)
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput (const uint8_t *d, size_t n) { return 0; }\n' > "$probe/p.c"
clang -fsanitize=fuzzer,address "$probe/p.c" -o "$probe/p" 2>"$probe/err" \
  || { cat "$probe/err" >&2; rm -rf "$probe"; fail "clang cannot link libFuzzer (install libclang-rt-14-dev)"; }
rm -rf "$probe"

if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang meson setup "$build_dir" \
    -Dfuzzing=true -Dapp=false -Dgui_tests=false \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    >"$build_dir.setup.log" 2>&1 || { cat "$build_dir.setup.log" >&2; fail "meson setup failed"; }
  rm -f "$build_dir.setup.log"
fi

# Harness names and seed directories, from the replay tests' arguments.
mapfile -t specs < <(meson introspect --tests "$build_dir" | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["name"].startswith("fuzz-replay-"):
        print("\t".join(t["cmd"][1:]))
')
[ ${#specs[@]} -gt 0 ] || fail "no fuzz-replay-* tests found in $build_dir"

passed=0
failed=0
for spec in "${specs[@]}"; do
  IFS=$'\t' read -r -a fields <<<"$spec"
  name=${fields[0]}
  seeds=("${fields[@]:1}")
  if [ $# -gt 0 ] && [[ ! " $* " =~ \ $name\  ]]; then
    continue
  fi

  if ! ninja -C "$build_dir" "tests/fuzz/fuzz-$name" >"$build_dir/fuzz-$name.build.log" 2>&1; then
    tail -30 "$build_dir/fuzz-$name.build.log" >&2
    echo "FAIL  $name: build failed"
    failed=$((failed + 1))
    continue
  fi

  corpus="$build_dir/fuzz-corpus/$name"
  artifacts="$build_dir/fuzz-artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  existing=()
  for s in "${seeds[@]}"; do
    [ -d "$s" ] && existing+=("$s")
  done

  log="$build_dir/fuzz-$name.log"
  jobs_args=()
  if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
    # -jobs writes fuzz-N.log into the working directory: keep them in the build dir.
    jobs_args=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS" -close_fd_mask=1)
  fi
  # shellcheck disable=SC2086
  "$build_dir/tests/fuzz/fuzz-$name" \
    -max_total_time="$time_per" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict=tests/fuzz/json.dict -print_final_stats=1 \
    ${jobs_args[@]+"${jobs_args[@]}"} \
    -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} \
    "$corpus" "${existing[@]}" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s += $2} END {print s + 0}')
  if [ $rc -eq 0 ]; then
    echo "ok    $name: $runs inputs in ${time_per}s, corpus $(ls "$corpus" | wc -l) files"
    passed=$((passed + 1))
  else
    echo "FAIL  $name (exit $rc): see $log"
    grep -E "ERROR|ERROR:|runtime error|SUMMARY|GLib-ERROR|\*\*" "$log" | head -20
    echo "      crash inputs: $(ls "$artifacts" 2>/dev/null | tr '\n' ' ')"
    echo "      copy each to tests/robust/regressions/$name/ and fix the bug"
    failed=$((failed + 1))
  fi
done

echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One shard of a Cathode Composer sweep as a task of a Slurm job array.
# Task I of an array of N runs `cathode-composer-cli sweep --shard I/N`
# into OUTDIR/part-I.jsonl; nothing else is distributed: Slurm schedules the
# tasks, the sweep file decides which points a shard holds.
#
#   sbatch --array=0-15 build-aux/slurm-sweep.sh SWEEP.json OUTDIR [SWEEP OPTIONS…]
#
# and once every task has finished (or chained: sbatch --dependency=afterok:JOBID …):
#
#   cathode-composer-cli sweep-merge OUTDIR/part-*.jsonl --sweep SWEEP.json --out OUTDIR/all.jsonl
#
# The merged file is byte-identical to what one unsharded run would write.
# A task stopped by its time limit (Slurm sends SIGTERM first) keeps every
# finished point; resubmitting the same array resumes each shard. Set CC_CLI
# to the program's path if it is not on PATH. The array must be a plain range
# (0-15, 1-16, or with a %throttle), not a list or a stepped range.
#
# The #SBATCH lines are defaults; options given to sbatch override them.
#SBATCH --job-name=cc-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=4
#SBATCH --time=04:00:00
#SBATCH --output=cc-sweep-%A_%a.log

set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: sbatch --array=0-(N-1) $0 SWEEP.json OUTDIR [SWEEP OPTIONS…]" >&2
  exit 2
fi
sweep=$1
outdir=$2
shift 2

task=${SLURM_ARRAY_TASK_ID:?not a job-array task: submit with sbatch --array=0-(N-1)}
count=${SLURM_ARRAY_TASK_COUNT:?SLURM_ARRAY_TASK_COUNT is not set}
first=${SLURM_ARRAY_TASK_MIN:-0}
last=${SLURM_ARRAY_TASK_MAX:-$((first + count - 1))}
step=${SLURM_ARRAY_TASK_STEP:-1}
if [ "$step" != 1 ] || [ $((last - first + 1)) -ne "$count" ]; then
  echo "$0: the array must be a plain range such as --array=0-$((count - 1))" >&2
  exit 2
fi
shard=$((task - first))

mkdir -p "$outdir"
args=(sweep "$sweep" --shard "$shard/$count" --out "$outdir/part-$shard.jsonl")
if [ -n "${SLURM_CPUS_PER_TASK:-}" ]; then
  args+=(--threads "$SLURM_CPUS_PER_TASK")
fi
# exec: Slurm's SIGTERM goes straight to the program, which saves and stops.
exec "${CC_CLI:-cathode-composer-cli}" "${args[@]}" "$@"

/* SPDX-License-Identifier: GPL-3.0-or-later
 * One function per command; each lives in its own cli-<command>.c. */
#pragma once

int cli_materials_run (int argc, char **argv);
int cli_presets_run   (int argc, char **argv);
int cli_preset_run    (int argc, char **argv);
int cli_validate_run  (int argc, char **argv);
int cli_plot_run      (int argc, char **argv);
int cli_sweep_run       (int argc, char **argv);
int cli_sweep_merge_run (int argc, char **argv);
int cli_optimize_run    (int argc, char **argv);
int cli_pareto_run      (int argc, char **argv);
/* Benchmark of the sweep engine, run by the `bench` command. */
int cli_bench_sweep     (void);
int cli_eis_run       (int argc, char **argv);
int cli_eis_fit_run   (int argc, char **argv);
int cli_drt_run       (int argc, char **argv);
int cli_kk_run        (int argc, char **argv);
/* `bench eis`: prints the median timings of the impedance benchmarks. */
int cli_bench_eis     (void);
int cli_stability_run (int argc, char **argv);
int cli_bench_pipeline_echem (void);
int cli_pack_run      (int argc, char **argv);
int cli_bench_run     (int argc, char **argv);
int cli_simulate_run (int argc, char **argv);
int cli_validate_presets_run (int argc, char **argv);
int cli_bench_pipeline (void);

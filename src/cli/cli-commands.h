/* SPDX-License-Identifier: GPL-3.0-or-later
 * One function per command; each lives in its own cli-<command>.c. */
#pragma once

int cli_materials_run (int argc, char **argv);
int cli_presets_run   (int argc, char **argv);
int cli_preset_run    (int argc, char **argv);
int cli_validate_run  (int argc, char **argv);
int cli_pack_run      (int argc, char **argv);
int cli_bench_run     (int argc, char **argv);

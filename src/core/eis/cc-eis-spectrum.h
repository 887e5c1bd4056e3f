/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An impedance spectrum: frequencies and complex impedances Z = Z' + j Z''
 * (Z'' < 0 for capacitive behaviour, the physics sign convention), plus, for
 * spectra that come from the cell model, the table of processes that make it
 * up. Measured and simulated spectra share this type so the analysis tools
 * (Kramers-Kronig test, circuit fit, DRT) work on both.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_EIS_ERROR (cc_eis_error_quark ())

typedef enum {
  CC_EIS_ERROR_PARSE,     /* a file or string could not be read */
  CC_EIS_ERROR_INVALID,   /* a value is out of its physical range */
  CC_EIS_ERROR_IO,
  CC_EIS_ERROR_CIRCUIT,   /* bad circuit string */
  CC_EIS_ERROR_NUMERIC,   /* a solver failed (singular system, no convergence) */
} CcEisError;

/* Limits that keep bad input from exhausting memory or time. */
#define CC_EIS_MAX_POINTS      100000
#define CC_EIS_MAX_FILE_BYTES  (16 * 1024 * 1024)

/* One physical process of a model spectrum: its resistance (in the
 * spectrum's unit) and characteristic time constant. */
typedef struct {
  char   *name;
  double  resistance;
  double  tau_s;
} CcEisProcess;

typedef struct {
  guint      n;
  double    *freq_Hz;
  double    *z_re;
  double    *z_im;
  gboolean   area_specific;      /* impedances in ohm cm2 rather than ohm */
  gboolean   imag_sign_flipped;  /* the source stored -Z''; flipped on import */
  GPtrArray *processes;          /* CcEisProcess*, empty for measured data */
} CcEisSpectrum;

/* Frequency grid: log-spaced, from f_max down to f_min (the order in
 * which instruments sweep). */
typedef struct {
  double f_min_Hz;
  double f_max_Hz;
  guint  points_per_decade;
} CcEisFreqRange;

#define CC_EIS_DEFAULT_F_MIN_HZ  1e-2
#define CC_EIS_DEFAULT_F_MAX_HZ  1e7
#define CC_EIS_DEFAULT_PPD       10

GQuark          cc_eis_error_quark         (void);

void            cc_eis_freq_range_init_default (CcEisFreqRange *range);
gboolean        cc_eis_freq_range_validate (const CcEisFreqRange *range,
                                            GError              **error);
/* Descending frequencies; *n_out receives the count. */
double         *cc_eis_freq_grid           (const CcEisFreqRange *range,
                                            guint                *n_out,
                                            GError              **error);

CcEisSpectrum  *cc_eis_spectrum_new        (guint n);
CcEisSpectrum  *cc_eis_spectrum_copy       (const CcEisSpectrum *self);
void            cc_eis_spectrum_free       (CcEisSpectrum *self);
void            cc_eis_spectrum_add_process (CcEisSpectrum *self,
                                             const char    *name,
                                             double         resistance,
                                             double         tau_s);
/* Checks that frequencies are positive and finite and impedances finite. */
gboolean        cc_eis_spectrum_validate   (const CcEisSpectrum *self,
                                            guint                min_points,
                                            GError             **error);
/* Unit label for reports: "ohm cm2" or "ohm". */
const char     *cc_eis_spectrum_unit       (const CcEisSpectrum *self);

void            cc_eis_process_free        (CcEisProcess *process);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcEisSpectrum, cc_eis_spectrum_free)

G_END_DECLS

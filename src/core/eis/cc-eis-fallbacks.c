/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-fallbacks-private.h"

#include <stdarg.h>

/* Sulfides and hydrides are soft and cold-press into dense pellets whose
 * bulk and boundary arcs merge (Hayashi et al., Nat. Commun. 2019; Rettie
 * et al., ChemElectroChem 2021): the whole resistance goes to the bulk.
 * Oxides and halides show separate boundary arcs; with only the total known,
 * the bulk carries one third of the resistance, as in NZSP (total 5e-3,
 * bulk 1.5e-2 S/cm; Ma et al., J. Mater. Chem. A 2019). */
static const CcEisSeFamily families[] = {
  { "sulfide", 4.6e-4, 0.28, 2.25, 1.0,
    "c-Na3PS4: 4.6e-4 S/cm (Hayashi 2014), ~27 kJ/mol, DFT oxidation limit ~2.25 V" },
  { "oxide", 1e-3, 0.30, 3.4, 1.0 / 3.0,
    "optimised NZSP / beta''-alumina ~1e-3 S/cm, ~0.3 eV, NZSP oxidation ~3.4 V" },
  { "halide", 6.6e-5, 0.66, 3.8, 1.0 / 3.0,
    "NYZC: 6.6e-5 S/cm (Wu 2021), 664 meV (Ridley 2024), stable to 3.8 V" },
  { "hydride", 9e-4, 0.40, 3.0, 1.0,
    "Na4(B12H12)(B10H10): 9e-4 S/cm (Duchene 2017), ~0.4 eV, practical window 3 V" },
  /* Polymer, plastic-crystal and liquid electrolytes have no grain
   * boundaries. */
  { NULL, 1e-4, 0.40, 3.0, 1.0,
    "generic electrolyte: order-of-magnitude estimate" },
};

const CcEisSeFamily *
cc_eis_se_family (const CcMaterial *se)
{
  const char *family = se != NULL ? cc_material_get_family (se) : NULL;

  for (guint i = 0; families[i].family != NULL; i++)
    if (family != NULL && g_str_equal (family, families[i].family))
      return &families[i];
  return &families[G_N_ELEMENTS (families) - 1];
}

void
cc_eis_note (GPtrArray  *notes,
             const char *format,
             ...)
{
  va_list args;
  char *text;

  if (notes == NULL)
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* The same fallback is often met twice (separator and catholyte). */
  for (guint i = 0; i < notes->len; i++)
    if (g_str_equal (g_ptr_array_index (notes, i), text))
      {
        g_free (text);
        return;
      }
  g_ptr_array_add (notes, text);
}

double
cc_eis_prop (const CcMaterial *m,
             const char       *key,
             double            fallback,
             const char       *basis,
             GPtrArray        *notes)
{
  if (m != NULL && cc_material_has (m, key))
    return cc_material_get (m, key, fallback);
  cc_eis_note (notes, "%s: no %s in the database; using %g (%s)",
               m != NULL ? cc_material_get_id (m) : "(no material)", key, fallback, basis);
  return fallback;
}

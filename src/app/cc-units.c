/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cc-units.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Longest suffixes first: "_wt_percent" before "_percent", "_cm2_s" before
 * "_s", "_mS_cm" before "_S_cm". */
static const struct {
  const char *suffix;
  const char *unit;
} suffixes[] = {
  { "_cm2_cm3", "cm²/cm³" },
  { "_wt_percent", "wt %" },
  { "_ohm_cm2", "Ω·cm²" },
  { "_mA_cm2", "mA/cm²" },
  { "_mg_cm2", "mg/cm²" },
  { "_percent", "%" },
  { "_S_per_cm", "S/cm" },
  { "_mAh_g", "mAh/g" },
  { "_cm2_s", "cm²/s" },
  { "_ohm_cm", "Ω·cm" },
  { "_Wh_kg", "Wh/kg" },
  { "_g_cm3", "g/cm³" },
  { "_g_mol", "g/mol" },
  { "_cycles", N_("cycles") },
  { "_mS_cm", "mS/cm" },
  { "_m2_g", "m²/g" },
  { "_mA_g", "mA/g" },
  { "_W_kg", "W/kg" },
  { "_S_cm", "S/cm" },
  { "_GPa", "GPa" },
  { "_MPa", "MPa" },
  { "_ohm", "Ω" },
  { "_eV", "eV" },
  { "_nm", "nm" },
  { "_um", "µm" },
  { "_mm", "mm" },
  { "_mV", "mV" },
  { "_V", "V" },
  { "_C", "°C" },
  { "_K", "K" },
  { "_h", "h" },
  { "_s", "s" },
};

/* Labels of the quantities and facts the materials database uses, so they
 * can be translated (data/materials/README.md lists the keys). A key that is
 * not here gets the automatic label: its stem with spaces, capitalised. */
static const struct {
  const char *stem;
  const char *label;
} labels[] = {
  { "activation_energy", N_("Activation energy") },
  { "apparent_oxidation_limit", N_("Apparent oxidation limit") },
  { "apparent_reduction_limit", N_("Apparent reduction limit") },
  { "average_voltage", N_("Average voltage") },
  { "bulk_ionic_conductivity", N_("Bulk ionic conductivity") },
  { "density", N_("Density") },
  { "diffusion_activation_energy", N_("Diffusion activation energy") },
  { "diffusion_coefficient", N_("Diffusion coefficient") },
  { "electronic_conductivity", N_("Electronic conductivity") },
  { "exchange_current_density", N_("Exchange current density") },
  { "grain_boundary_conductivity", N_("Grain boundary conductivity") },
  { "hardness", N_("Hardness") },
  { "interface_resistance", N_("Interface resistance") },
  { "ionic_conductivity", N_("Ionic conductivity") },
  { "lifetime", N_("Lifetime") },
  { "molar_mass", N_("Molar mass") },
  { "oxidation_limit", N_("Oxidation limit") },
  { "poisson_ratio", N_("Poisson’s ratio") },
  { "potential_vs_na", N_("Potential vs Na⁺/Na") },
  { "practical_capacity", N_("Practical capacity") },
  { "reduction_limit", N_("Reduction limit") },
  { "relative_permittivity", N_("Relative permittivity") },
  { "specific_surface_area", N_("Specific surface area") },
  { "structural_limit", N_("Structural limit") },
  { "theoretical_capacity", N_("Theoretical capacity") },
  { "thickness", N_("Thickness") },
  { "voltage_hysteresis", N_("Voltage hysteresis") },
  { "voltage_max", N_("Upper voltage limit") },
  { "voltage_min", N_("Lower voltage limit") },
  { "volume_change", N_("Volume change") },
  { "water_content", N_("Water content") },
  { "young_modulus", N_("Young’s modulus") },
  /* qualitative facts */
  { "anion", N_("Anion") },
  { "blocks", N_("Blocks") },
  { "deformation", N_("Deformation") },
  { "facts_source", N_("Source of the facts") },
  { "kind", N_("Kind") },
  { "mechanism", N_("Mechanism") },
  { "moisture_sensitivity", N_("Moisture sensitivity") },
  { "oxidation_products", N_("Oxidation products") },
  { "oxidation_products_electronic", N_("Oxidation products conduct electrons") },
  { "oxidation_products_ionic", N_("Oxidation products conduct ions") },
  { "reduction_products", N_("Reduction products") },
  { "reduction_products_electronic", N_("Reduction products conduct electrons") },
  { "reduction_products_ionic", N_("Reduction products conduct ions") },
  { "shape", N_("Shape") },
  { "solvent", N_("Solvent") },
  { "structure", N_("Structure") },
  { "volatile", N_("Volatile") },
};

/* The enumerated values of the qualitative facts; free-text facts
 * (structure, products, sources) are data and stay as written. */
static const struct {
  const char *value;
  const char *label;
} fact_values[] = {
  { "low", NC_("material fact", "low") },
  { "moderate", NC_("material fact", "moderate") },
  { "high", NC_("material fact", "high") },
  { "elastic", NC_("material fact", "elastic") },
  { "plastic", NC_("material fact", "plastic") },
  { "solid", NC_("material fact", "solid") },
  { "polymer", NC_("material fact", "polymer") },
  { "liquid", NC_("material fact", "liquid") },
  { "ionic_liquid", NC_("material fact", "ionic liquid") },
  { "plastic_crystal", NC_("material fact", "plastic crystal") },
  { "oxidation", NC_("material fact", "oxidation") },
  { "reduction", NC_("material fact", "reduction") },
  { "chemical_reaction", NC_("material fact", "chemical reaction") },
  { "contact_loss", NC_("material fact", "contact loss") },
  { "insertion", NC_("material fact", "insertion") },
  { "conversion", NC_("material fact", "conversion") },
  { "organic", NC_("material fact", "organic") },
  { "oxide", NC_("material fact", "oxide") },
  { "sulfide", NC_("material fact", "sulfide") },
  { "halide", NC_("material fact", "halide") },
  { "hydride", NC_("material fact", "hydride") },
  { "cyanide", NC_("material fact", "cyanide") },
  { "polyanion", NC_("material fact", "polyanion") },
  { "sphere", NC_("material fact", "sphere") },
  { "fiber", NC_("material fact", "fiber") },
  { "sheet", NC_("material fact", "sheet") },
  { "tube", NC_("material fact", "tube") },
  { "mesoporous", NC_("material fact", "mesoporous") },
};

static gssize
find_suffix (const char *key)
{
  gsize len = strlen (key);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize slen = strlen (suffixes[i].suffix);
      if (len > slen && strcmp (key + len - slen, suffixes[i].suffix) == 0)
        return i;
    }
  return -1;
}

const char *
cc_units_unit_for_key (const char *key)
{
  gssize i;

  g_return_val_if_fail (key != NULL, "");

  i = find_suffix (key);
  /* Symbols are not translated; gettext returns them as they are. */
  return i < 0 ? "" : _(suffixes[i].unit);
}

char *
cc_units_label_for_key (const char *key)
{
  gssize i;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  i = find_suffix (key);
  stem = i < 0 ? g_strdup (key)
               : g_strndup (key, strlen (key) - strlen (suffixes[i].suffix));
  for (guint j = 0; j < G_N_ELEMENTS (labels); j++)
    if (strcmp (stem, labels[j].stem) == 0)
      return g_strdup (_(labels[j].label));

  g_strdelimit (stem, "_", ' ');
  if (stem[0] != '\0')
    stem[0] = g_ascii_toupper (stem[0]);
  return g_steal_pointer (&stem);
}

static void
append_superscript (GString *s,
                    int      exponent)
{
  static const char * const digits[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  char buf[16];

  if (exponent < 0)
    g_string_append (s, "⁻");
  g_snprintf (buf, sizeof buf, "%d", ABS (exponent));
  for (const char *p = buf; *p; p++)
    g_string_append (s, digits[*p - '0']);
}

const char *
cc_units_fact_value_label (const char *value)
{
  g_return_val_if_fail (value != NULL, "");

  for (guint i = 0; i < G_N_ELEMENTS (fact_values); i++)
    if (strcmp (value, fact_values[i].value) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "material fact", fact_values[i].label);
  return value;
}

char *
cc_units_format_value (double value,
                       guint  digits)
{
  double mag = fabs (value);
  GString *s;
  int exponent;
  double mantissa;

  digits = CLAMP (digits, 1, 15);
  if (!isfinite (value))
    return g_strdup (isnan (value) ? "—" : (value > 0 ? "∞" : "−∞"));
  if (value == 0 || (mag >= 1e-2 && mag < 1e5))
    return g_strdup_printf ("%.*g", (int) digits, value);

  exponent = (int) floor (log10 (mag));
  mantissa = value / pow (10, exponent);
  /* Rounding can carry the mantissa to 10 (9.99 -> "10"). */
  if (fabs (mantissa) >= 10 - 0.5 * pow (10, 1 - (int) digits))
    {
      mantissa /= 10;
      exponent++;
    }
  s = g_string_new (NULL);
  if (fabs (fabs (mantissa) - 1) > 0.5 * pow (10, 1 - (int) digits))
    g_string_append_printf (s, "%.*g × ", (int) digits, mantissa);
  else if (mantissa < 0)
    g_string_append (s, "−");
  g_string_append (s, "10");
  append_superscript (s, exponent);
  return g_string_free (s, FALSE);
}

char *
cc_units_format_with_unit (double      value,
                           const char *key,
                           guint       digits)
{
  g_autofree char *num = cc_units_format_value (value, digits);
  const char *unit = cc_units_unit_for_key (key);

  if (*unit == '\0')
    return g_steal_pointer (&num);
  if (strcmp (unit, "%") == 0)
    return g_strdup_printf ("%s %%", num);
  return g_strdup_printf ("%s %s", num, unit);
}

char *
cc_units_formula_markup (const char *formula)
{
  GString *s;
  gboolean in_sub = FALSE;
  char prev = '\0';

  g_return_val_if_fail (formula != NULL, NULL);

  s = g_string_new (NULL);
  for (const char *p = formula; *p; p++)
    {
      gboolean digit = g_ascii_isdigit (*p) || (*p == '.' && in_sub && g_ascii_isdigit (p[1]));
      gboolean after_symbol = g_ascii_isalpha (prev) || prev == ')' || prev == ']';

      if (digit && !in_sub && after_symbol)
        {
          g_string_append (s, "<sub>");
          in_sub = TRUE;
        }
      else if (!digit && in_sub)
        {
          g_string_append (s, "</sub>");
          in_sub = FALSE;
        }
      switch (*p)
        {
        case '<': g_string_append (s, "&lt;"); break;
        case '>': g_string_append (s, "&gt;"); break;
        case '&': g_string_append (s, "&amp;"); break;
        default: g_string_append_c (s, *p); break;
        }
      if (!in_sub || !digit)
        prev = *p;
    }
  if (in_sub)
    g_string_append (s, "</sub>");
  return g_string_free (s, FALSE);
}

char *
cc_units_markup_for_labels (const char *markup)
{
  static const struct { const char *from, *to; } swaps[] = {
    { "<sub>", "<span size=\"80%\" rise=\"-3pt\">" },
    { "</sub>", "</span>" },
    { "<sup>", "<span size=\"80%\" rise=\"4pt\">" },
    { "</sup>", "</span>" },
  };
  g_autoptr(GString) s = NULL;

  g_return_val_if_fail (markup != NULL, NULL);

  s = g_string_new (markup);
  for (guint i = 0; i < G_N_ELEMENTS (swaps); i++)
    g_string_replace (s, swaps[i].from, swaps[i].to, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

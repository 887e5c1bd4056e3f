/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-chemistry.h"

#include <math.h>
#include <string.h>

/* Reads a number at *p (digits and one dot); 1 when there is none. */
static double
read_count (const char **p)
{
  const char *s = *p;
  char *end = NULL;
  double v;

  if (!g_ascii_isdigit (*s) && *s != '.')
    return 1;
  v = g_ascii_strtod (s, &end);
  if (end == s)
    return 1;
  *p = end;
  return v;
}

/* Sodium count of formula[from, to), recursing into brackets. */
static double
count_range (const char *s,
             const char *end,
             const char **stop)
{
  double total = 0;

  while (s < end && *s != ')' && *s != ']')
    {
      if (*s == '(' || *s == '[')
        {
          double inner = count_range (s + 1, end, &s);
          if (s < end)
            s++;             /* closing bracket */
          total += inner * read_count (&s);
        }
      else if (g_ascii_isupper (*s))
        {
          gboolean na = s[0] == 'N' && s + 1 < end && s[1] == 'a';
          s += 1;
          while (s < end && g_ascii_islower (*s))
            s++;
          {
            double n = read_count (&s);
            if (na)
              total += n;
          }
        }
      else
        s++;   /* charges, dots of hydrates, spaces, x/δ symbols */
    }
  *stop = s;
  return total;
}

double
cc_formula_sodium_count (const char *formula)
{
  const char *stop;

  if (formula == NULL)
    return 0;
  return count_range (formula, formula + strlen (formula), &stop);
}

gboolean
cc_formula_has_sodium (const char *formula)
{
  if (formula == NULL)
    return FALSE;
  for (const char *s = formula; *s; s++)
    if (s[0] == 'N' && s[1] == 'a')
      return TRUE;
  return FALSE;
}

const char *
cc_material_anion (const CcMaterial *m)
{
  static const char * const known[] = {
    "oxide", "sulfide", "halide", "hydride", "polyanion", "cyanide", "organic", "selenide",
  };
  const char *fact = cc_material_get_string (m, "anion");
  const char *family = cc_material_get_family (m);
  const char *formula = cc_material_get_formula (m);

  if (fact != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (known); i++)
      if (g_str_equal (fact, known[i]))
        return known[i];
  if (family != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (known); i++)
      if (strstr (family, known[i]) != NULL)
        return known[i];
  if (family != NULL && (strstr (family, "layered") || strstr (family, "tunnel")))
    return "oxide";
  if (family != NULL && (strstr (family, "nasicon") || strstr (family, "phosphate")))
    return "polyanion";
  if (formula != NULL)
    {
      if (strstr (formula, "CN") != NULL)
        return "cyanide";
      if (strstr (formula, "PO4") || strstr (formula, "SO4") || strstr (formula, "SiO4"))
        return "polyanion";
      if (strstr (formula, "Cl") || strstr (formula, "Br") || strstr (formula, "F"))
        return "halide";
      if (strstr (formula, "Se") != NULL)
        return "selenide";
      if (strchr (formula, 'S') != NULL && strstr (formula, "Si") == NULL)
        return "sulfide";
      if (strchr (formula, 'O') != NULL)
        return "oxide";
    }
  return NULL;
}

static gboolean
is_oxygen_based (const char *anion)
{
  return g_strcmp0 (anion, "oxide") == 0 || g_strcmp0 (anion, "polyanion") == 0;
}

static gboolean
is_chalcogenide (const char *anion)
{
  return g_strcmp0 (anion, "sulfide") == 0 || g_strcmp0 (anion, "selenide") == 0;
}

/* Estimates after the review's qualitative statements: oxide CAMs against
 * sulfide SEs exchange O and S and form a space-charge layer (section 3.1.1);
 * transition-metal sulfides are chemically similar to sulfide SEs (3.2.1);
 * halide buffers are stable against oxides (4, ref. [35]); organics are soft
 * and mostly compatible but quinones suffer nucleophilic attack by sulfides
 * (ref. [258]); cyanides carry lattice water that hydrolyses sulfides. */
double
cc_anion_mismatch (const char  *cam,
                   const char  *partner,
                   const char **reason)
{
  const char *why = "same anion family: no driving force for anion exchange";
  double m = 0;

  if (cam == NULL || partner == NULL)
    {
      why = "anion family unknown: no chemical mismatch assumed";
      m = 0;
    }
  else if (g_str_equal (cam, partner))
    m = 0;
  else if (is_oxygen_based (cam) && is_chalcogenide (partner))
    {
      m = g_str_equal (cam, "oxide") ? 1.0 : 0.6;
      why = "oxygen-based CAM against a sulfide: O/S exchange and a space-charge layer";
    }
  else if (is_chalcogenide (cam) && is_oxygen_based (partner))
    {
      m = 0.6;
      why = "sulfide CAM against an oxide electrolyte: anion exchange at the contact";
    }
  else if (is_chalcogenide (cam) && is_chalcogenide (partner))
    m = 0;
  else if (g_str_equal (cam, "cyanide") && is_chalcogenide (partner))
    {
      m = 0.7;
      why = "lattice water of the Prussian-blue analogue hydrolyses the sulfide";
    }
  else if (g_str_equal (cam, "organic"))
    {
      m = is_chalcogenide (partner) ? 0.2 : 0.1;
      why = is_chalcogenide (partner)
            ? "carbonyl groups can suffer nucleophilic attack by sulfide anions"
            : "organic CAM: weak chemical driving force";
    }
  else if (g_str_equal (partner, "halide") && (is_oxygen_based (cam) || g_str_equal (cam, "halide")))
    {
      m = 0.15;
      why = "halide electrolytes are chemically stable against oxides (buffer role)";
    }
  else if (g_str_equal (partner, "hydride"))
    {
      m = is_oxygen_based (cam) ? 0.4 : 0.3;
      why = "hydroborates are reducing: a high-valent CAM surface oxidises them chemically";
    }
  else if (g_str_equal (cam, "halide") && is_chalcogenide (partner))
    {
      m = 0.4;
      why = "halide CAM against a sulfide: halide/sulfide exchange";
    }
  else if (is_oxygen_based (cam) && is_oxygen_based (partner))
    {
      m = 0.05;
      why = "oxide against oxide: chemically compatible below sintering temperatures";
    }
  else
    {
      m = 0.3;
      why = "different anion families: moderate chemical driving force";
    }
  if (reason != NULL)
    *reason = why;
  return m;
}

double
cc_contact_modulus (const CcMaterial *a,
                    const CcMaterial *b)
{
  double ea = cc_material_get (a, "young_modulus_GPa", NAN) * 1e9;
  double eb = cc_material_get (b, "young_modulus_GPa", NAN) * 1e9;
  double va = cc_material_get (a, "poisson_ratio", 0.3);
  double vb = cc_material_get (b, "poisson_ratio", 0.3);

  if (!(ea > 0) || !(eb > 0))
    return 0;
  return 1.0 / ((1 - va * va) / ea + (1 - vb * vb) / eb);
}

gboolean
cc_material_is_plastic (const CcMaterial *m)
{
  const char *def = cc_material_get_string (m, "deformation");
  double e = cc_material_get (m, "young_modulus_GPa", NAN);

  if (def != NULL)
    return g_str_equal (def, "plastic");
  return e > 0 && e < 30;
}

gboolean
cc_material_is_wetting (const CcMaterial *m,
                        gboolean         *volatile_out)
{
  const char *kind = cc_material_get_string (m, "kind");
  /* Plastic crystals (succinonitrile) are melt-infiltrated and permeate the
   * composite like a liquid (Review section 5.2.2, ref. [205]). */
  gboolean wet = kind != NULL && (g_str_equal (kind, "liquid") || g_str_equal (kind, "ionic_liquid")
                                  || g_str_equal (kind, "plastic_crystal"));

  if (volatile_out != NULL)
    *volatile_out = wet && cc_material_get_flag (m, "volatile", g_str_equal (kind, "liquid"));
  return wet;
}

static gboolean
products_look_metallic (const char * const *products)
{
  /* Elemental transition metals and metal-rich sulfides/alloys conduct
   * electrons; salts (NaCl, Na2S, Na3P, Na3PO4), S and P2S5 do not. */
  static const char * const metals[] = {
    "Fe", "Co", "Ni", "Cu", "Zr", "Y", "Ti", "V", "Cr", "Mn", "Sn", "Sb", "Ge", "Al", "In", "La", "Zn",
  };
  if (products == NULL)
    return FALSE;
  for (guint i = 0; products[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (metals); k++)
      if (g_str_equal (products[i], metals[k]))
        return TRUE;
  return FALSE;
}

/* A boolean fact when the database gives it: both fallbacks agree. */
static gboolean
flag_known (const CcMaterial *m,
            const char       *key,
            gboolean         *value)
{
  gboolean a = cc_material_get_flag (m, key, TRUE);
  gboolean b = cc_material_get_flag (m, key, FALSE);

  *value = a;
  return a == b;
}

gboolean
cc_products_electronic (const CcMaterial *m,
                        gboolean          oxidation)
{
  const char *key = oxidation ? "oxidation_products_electronic" : "reduction_products_electronic";
  const char *list = oxidation ? "oxidation_products" : "reduction_products";
  gboolean v;

  if (flag_known (m, key, &v))
    return v;
  return products_look_metallic (cc_material_get_strv (m, list));
}

gboolean
cc_products_ionic (const CcMaterial *m,
                   gboolean          oxidation)
{
  const char *key = oxidation ? "oxidation_products_ionic" : "reduction_products_ionic";
  gboolean v;

  if (flag_known (m, key, &v))
    return v;
  /* Without the fact: reduction products of Na conductors are Na-rich salts
   * (Na2S, Na3P, Na2O) that pass some Na+; oxidation products (S, P2S5,
   * Cl-deficient halides, O-loss phases) block it. */
  return !oxidation;
}

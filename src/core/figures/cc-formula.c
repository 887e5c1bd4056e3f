/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-formula.h"

#include <string.h>

static gboolean
is_subscript_context (char prev)
{
  return g_ascii_isalpha (prev) || prev == ')' || prev == ']';
}

/* A trailing charge: optional digits then one '+' or '-' at the end. */
static gsize
charge_start (const char *s,
              gsize       len)
{
  gsize i;

  if (len < 2 || (s[len - 1] != '+' && s[len - 1] != '-'))
    return len;
  i = len - 1;
  while (i > 0 && g_ascii_isdigit (s[i - 1]))
    i--;
  /* "Na+" or "Mg2+": the charge follows a symbol, not the formula's start. */
  return i > 0 && is_subscript_context (s[i - 1]) ? i : len;
}

/* Byte-wise escaping: only ASCII needs it, so UTF-8 sequences (·, −)
 * pass through whole. */
static void
append_escaped (GString    *out,
                const char *s,
                gsize       n)
{
  for (gsize i = 0; i < n; i++)
    switch (s[i])
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&apos;"); break;
      default:  g_string_append_c (out, s[i]); break;
      }
}

char *
cc_formula_to_markup (const char *formula)
{
  GString *out;
  gsize len, charge;
  char prev = ' ';

  g_return_val_if_fail (formula != NULL, NULL);
  out = g_string_new (NULL);
  len = strlen (formula);
  charge = charge_start (formula, len);
  for (gsize i = 0; i < charge; )
    {
      if (g_ascii_isdigit (formula[i]) && is_subscript_context (prev))
        {
          gsize j = i;

          while (j < charge && (g_ascii_isdigit (formula[j]) ||
                                (formula[j] == '.' && j + 1 < charge && g_ascii_isdigit (formula[j + 1]))))
            j++;
          g_string_append (out, "<sub>");
          append_escaped (out, formula + i, j - i);
          g_string_append (out, "</sub>");
          prev = '0';
          i = j;
          continue;
        }
      append_escaped (out, formula + i, 1);
      prev = formula[i];
      i++;
    }
  if (charge < len)
    {
      g_string_append (out, "<sup>");
      append_escaped (out, formula + charge, len - charge - 1);
      /* A real minus sign for anions. */
      g_string_append (out, formula[len - 1] == '+' ? "+" : "\xe2\x88\x92");
      g_string_append (out, "</sup>");
    }
  return g_string_free (out, FALSE);
}

char *
cc_formulas_to_markup (const char * const *formulas)
{
  GString *out;

  if (formulas == NULL || formulas[0] == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; formulas[i] != NULL; i++)
    {
      g_autofree char *m = cc_formula_to_markup (formulas[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, m);
    }
  return g_string_free (out, FALSE);
}

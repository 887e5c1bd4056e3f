/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parser and evaluator of the circuit language (grammar and naming in
 * cc-eis-circuit.h). Recursive descent over the text with whitespace
 * removed; errors name the position and what was expected.
 */
#include "cc-eis-circuit-private.h"
#include "cc-eis-spectrum.h"

#include <math.h>
#include <string.h>

#define MAX_DEPTH 16

typedef enum { NODE_ELEMENT, NODE_SERIES, NODE_PARALLEL } NodeKind;

typedef struct _Node Node;
struct _Node {
  NodeKind   kind;
  guint      element;
  GPtrArray *children;   /* Node*, for series and parallel */
};

typedef struct {
  char             *name;
  CcEisElementType  type;
  guint             param;
  guint             group;        /* index of the top-level series term holding it */
  gboolean          in_parallel;  /* that term is a p(...) block */
} Element;

typedef struct {
  char           *name;
  const char     *unit;
  CcEisParamKind  kind;
} Param;

struct _CcEisCircuit {
  char      *text;
  Node      *root;
  GArray    *elements;   /* Element */
  GArray    *params;     /* Param */
};

typedef struct {
  const char   *s;
  gsize         pos;
  guint         depth;
  CcEisCircuit *circuit;
  GError      **error;
} Parser;

static void
node_free (Node *node)
{
  if (node == NULL)
    return;
  if (node->children != NULL)
    g_ptr_array_unref (node->children);
  g_free (node);
}

static Node *
node_new (NodeKind kind)
{
  Node *node = g_new0 (Node, 1);

  node->kind = kind;
  if (kind != NODE_ELEMENT)
    node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  return node;
}

static gboolean
fail (Parser *p, const char *what)
{
  g_set_error (p->error, CC_EIS_ERROR, CC_EIS_ERROR_CIRCUIT,
               "circuit '%s', position %" G_GSIZE_FORMAT ": %s", p->s, p->pos + 1, what);
  return FALSE;
}

static void
add_param (CcEisCircuit *c, const char *elem, const char *suffix, const char *unit, CcEisParamKind kind)
{
  Param prm = { g_strconcat (elem, suffix, NULL), unit, kind };

  g_array_append_val (c->params, prm);
}

static gboolean
classify (const char *name, CcEisElementType *type)
{
  if (g_ascii_strncasecmp (name, "CPE", 3) == 0 || g_ascii_toupper (name[0]) == 'Q')
    *type = CC_EIS_ELEMENT_CPE;
  else if (g_ascii_strncasecmp (name, "Ws", 2) == 0)
    *type = CC_EIS_ELEMENT_WS;
  else if (g_ascii_strncasecmp (name, "Wo", 2) == 0)
    *type = CC_EIS_ELEMENT_WO;
  else if (g_ascii_toupper (name[0]) == 'W')
    *type = CC_EIS_ELEMENT_W;
  else if (g_ascii_toupper (name[0]) == 'R')
    *type = CC_EIS_ELEMENT_R;
  else if (g_ascii_toupper (name[0]) == 'C')
    *type = CC_EIS_ELEMENT_C;
  else if (g_ascii_toupper (name[0]) == 'L')
    *type = CC_EIS_ELEMENT_L;
  else
    return FALSE;
  return TRUE;
}

static void
register_element (CcEisCircuit *c, const char *name, CcEisElementType type)
{
  Element e = { g_strdup (name), type, c->params->len };

  g_array_append_val (c->elements, e);
  switch (type)
    {
    case CC_EIS_ELEMENT_R:   add_param (c, name, "", "ohm", CC_EIS_PARAM_POSITIVE); break;
    case CC_EIS_ELEMENT_C:   add_param (c, name, "", "F", CC_EIS_PARAM_POSITIVE); break;
    case CC_EIS_ELEMENT_L:   add_param (c, name, "", "H", CC_EIS_PARAM_POSITIVE); break;
    case CC_EIS_ELEMENT_W:   add_param (c, name, "", "ohm s^-1/2", CC_EIS_PARAM_POSITIVE); break;
    case CC_EIS_ELEMENT_CPE:
      add_param (c, name, "", "F s^(n-1)", CC_EIS_PARAM_POSITIVE);
      add_param (c, name, "_n", "", CC_EIS_PARAM_EXPONENT);
      break;
    case CC_EIS_ELEMENT_WS:
    case CC_EIS_ELEMENT_WO:
      add_param (c, name, "_R", "ohm", CC_EIS_PARAM_POSITIVE);
      add_param (c, name, "_tau", "s", CC_EIS_PARAM_POSITIVE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static Node *parse_series (Parser *p);

static Node *
parse_element (Parser *p)
{
  gsize start = p->pos;
  g_autofree char *name = NULL;
  CcEisElementType type;
  guint first;
  Node *node;

  if (!g_ascii_isalpha (p->s[p->pos]))
    {
      fail (p, p->s[p->pos] ? "expected an element name or p(" : "the circuit ends where an element was expected");
      return NULL;
    }
  while (g_ascii_isalnum (p->s[p->pos]) || p->s[p->pos] == '_')
    p->pos++;
  name = g_strndup (p->s + start, p->pos - start);
  if (!classify (name, &type))
    {
      g_autofree char *msg = g_strdup_printf ("unknown element '%s': names start with R, C, L, "
                                              "Q or CPE, W, Ws or Wo", name);
      p->pos = start;
      fail (p, msg);
      return NULL;
    }
  for (guint i = 0; i < p->circuit->elements->len; i++)
    if (g_ascii_strcasecmp (g_array_index (p->circuit->elements, Element, i).name, name) == 0)
      goto duplicate;
  if (p->circuit->elements->len >= CC_EIS_CIRCUIT_MAX_ELEMENTS)
    {
      fail (p, "too many elements (at most 32)");
      return NULL;
    }
  first = p->circuit->params->len;
  register_element (p->circuit, name, type);
  /* "Q1" owns "Q1_n": an element called Q1_n would clash with it. */
  for (guint i = first; i < p->circuit->params->len; i++)
    for (guint j = 0; j < first; j++)
      if (g_str_equal (g_array_index (p->circuit->params, Param, i).name,
                       g_array_index (p->circuit->params, Param, j).name))
        goto duplicate;
  node = node_new (NODE_ELEMENT);
  node->element = p->circuit->elements->len - 1;
  return node;

duplicate:
  {
    g_autofree char *msg = g_strdup_printf ("element name '%s' is used twice or clashes with "
                                            "another element's parameter", name);
    p->pos = start;
    fail (p, msg);
    return NULL;
  }
}

static Node *
parse_parallel (Parser *p)
{
  Node *node = node_new (NODE_PARALLEL);

  p->pos += 2;   /* "p(" */
  if (++p->depth > MAX_DEPTH)
    {
      fail (p, "nested too deeply");
      node_free (node);
      return NULL;
    }
  for (;;)
    {
      Node *branch = parse_series (p);

      if (branch == NULL)
        {
          node_free (node);
          return NULL;
        }
      g_ptr_array_add (node->children, branch);
      if (p->s[p->pos] == ',')
        {
          p->pos++;
          continue;
        }
      if (p->s[p->pos] == ')')
        break;
      fail (p, "expected ',' or ')' in p(...)");
      node_free (node);
      return NULL;
    }
  if (node->children->len < 2)
    {
      fail (p, "p(...) needs at least two branches separated by ','");
      node_free (node);
      return NULL;
    }
  p->pos++;
  p->depth--;
  return node;
}

static Node *
parse_term (Parser *p)
{
  if ((p->s[p->pos] == 'p' || p->s[p->pos] == 'P') && p->s[p->pos + 1] == '(')
    return parse_parallel (p);
  return parse_element (p);
}

static Node *
parse_series (Parser *p)
{
  Node *node = node_new (NODE_SERIES);

  for (;;)
    {
      Node *term = parse_term (p);

      if (term == NULL)
        {
          node_free (node);
          return NULL;
        }
      g_ptr_array_add (node->children, term);
      if (p->s[p->pos] != '-')
        break;
      p->pos++;
    }
  return node;
}

static void
mark_group (CcEisCircuit *c, const Node *node, guint group, gboolean in_parallel)
{
  if (node->kind == NODE_ELEMENT)
    {
      Element *e = &g_array_index (c->elements, Element, node->element);
      e->group = group;
      e->in_parallel = in_parallel;
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    mark_group (c, g_ptr_array_index (node->children, i), group, in_parallel);
}

static void
strip_spaces (char *s)
{
  char *w = s;

  for (char *r = s; *r; r++)
    if (!g_ascii_isspace (*r))
      *w++ = *r;
  *w = '\0';
}

CcEisCircuit *
cc_eis_circuit_parse (const char *text,
                      GError    **error)
{
  g_autoptr(CcEisCircuit) c = NULL;
  Parser p = { 0 };

  g_return_val_if_fail (text != NULL, NULL);
  if (strlen (text) > CC_EIS_CIRCUIT_MAX_LENGTH || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_CIRCUIT,
                   "circuit: must be ASCII text of at most %d characters", CC_EIS_CIRCUIT_MAX_LENGTH);
      return NULL;
    }
  c = g_new0 (CcEisCircuit, 1);
  c->text = g_strdup (text);
  strip_spaces (c->text);
  c->elements = g_array_new (FALSE, FALSE, sizeof (Element));
  c->params = g_array_new (FALSE, FALSE, sizeof (Param));
  if (c->text[0] == '\0')
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_CIRCUIT, "circuit: the circuit string is empty");
      return NULL;
    }
  p = (Parser) { c->text, 0, 0, c, error };
  c->root = parse_series (&p);
  if (c->root == NULL)
    return NULL;
  if (c->text[p.pos] != '\0')
    {
      fail (&p, c->text[p.pos] == ')' ? "unmatched ')'" : "expected '-', ',' or the end of the circuit");
      return NULL;
    }
  for (guint t = 0; t < c->root->children->len; t++)
    mark_group (c, g_ptr_array_index (c->root->children, t), t,
                ((Node *) g_ptr_array_index (c->root->children, t))->kind == NODE_PARALLEL);
  return g_steal_pointer (&c);
}

void
cc_eis_circuit_free (CcEisCircuit *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; self->elements && i < self->elements->len; i++)
    g_free (g_array_index (self->elements, Element, i).name);
  for (guint i = 0; self->params && i < self->params->len; i++)
    g_free (g_array_index (self->params, Param, i).name);
  if (self->elements)
    g_array_unref (self->elements);
  if (self->params)
    g_array_unref (self->params);
  node_free (self->root);
  g_free (self->text);
  g_free (self);
}

const char *
cc_eis_circuit_get_text (const CcEisCircuit *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

guint
cc_eis_circuit_get_n_elements (const CcEisCircuit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->elements->len;
}

const char *
cc_eis_circuit_get_element_name (const CcEisCircuit *self,
                                 guint               index)
{
  g_return_val_if_fail (self != NULL && index < self->elements->len, NULL);
  return g_array_index (self->elements, Element, index).name;
}

CcEisElementType
cc_eis_circuit_get_element_type (const CcEisCircuit *self,
                                 guint               index)
{
  g_return_val_if_fail (self != NULL && index < self->elements->len, CC_EIS_ELEMENT_R);
  return g_array_index (self->elements, Element, index).type;
}

guint
cc_eis_circuit_get_element_param (const CcEisCircuit *self,
                                  guint               index)
{
  g_return_val_if_fail (self != NULL && index < self->elements->len, 0);
  return g_array_index (self->elements, Element, index).param;
}

guint
cc_eis_circuit_get_n_params (const CcEisCircuit *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->params->len;
}

const char *
cc_eis_circuit_get_param_name (const CcEisCircuit *self,
                               guint               index)
{
  g_return_val_if_fail (self != NULL && index < self->params->len, NULL);
  return g_array_index (self->params, Param, index).name;
}

const char *
cc_eis_circuit_get_param_unit (const CcEisCircuit *self,
                               guint               index)
{
  g_return_val_if_fail (self != NULL && index < self->params->len, NULL);
  return g_array_index (self->params, Param, index).unit;
}

CcEisParamKind
cc_eis_circuit_get_param_kind (const CcEisCircuit *self,
                               guint               index)
{
  g_return_val_if_fail (self != NULL && index < self->params->len, CC_EIS_PARAM_POSITIVE);
  return g_array_index (self->params, Param, index).kind;
}

int
cc_eis_circuit_lookup_param (const CcEisCircuit *self,
                             const char         *name)
{
  g_return_val_if_fail (self != NULL && name != NULL, -1);
  for (guint i = 0; i < self->params->len; i++)
    if (g_str_equal (g_array_index (self->params, Param, i).name, name))
      return (int) i;
  return -1;
}

static double complex
element_z (const Element *e, const double *v, double omega)
{
  switch (e->type)
    {
    case CC_EIS_ELEMENT_R:   return v[0];
    case CC_EIS_ELEMENT_C:   return 1.0 / (I * omega * v[0]);
    case CC_EIS_ELEMENT_L:   return I * omega * v[0];
    case CC_EIS_ELEMENT_CPE: return cc_eis_z_cpe (omega, v[0], v[1]);
    case CC_EIS_ELEMENT_W:   return cc_eis_z_warburg (omega, v[0]);
    case CC_EIS_ELEMENT_WS:  return cc_eis_z_warburg_short (omega, v[0], v[1]);
    case CC_EIS_ELEMENT_WO:  return cc_eis_z_warburg_open (omega, v[0], v[1]);
    default:                 g_assert_not_reached ();
    }
  return 0;
}

static double complex
node_z (const CcEisCircuit *c, const Node *node, const double *params, double omega)
{
  double complex sum = 0;

  if (node->kind == NODE_ELEMENT)
    {
      const Element *e = &g_array_index (c->elements, Element, node->element);
      return element_z (e, params + e->param, omega);
    }
  for (guint i = 0; i < node->children->len; i++)
    {
      double complex z = node_z (c, g_ptr_array_index (node->children, i), params, omega);

      /* Parallel branches add admittances; a zero-impedance branch shorts
       * the whole group. */
      if (node->kind == NODE_SERIES)
        sum += z;
      else if (z == 0)
        return 0;
      else
        sum += 1.0 / z;
    }
  return node->kind == NODE_SERIES ? sum : 1.0 / sum;
}

guint
cc_eis_circuit_get_n_groups (const CcEisCircuit *self)
{
  return self->root->children->len;
}

guint
cc_eis_circuit_get_element_group (const CcEisCircuit *self,
                                  guint               index,
                                  gboolean           *in_parallel)
{
  const Element *e = &g_array_index (self->elements, Element, index);

  if (in_parallel != NULL)
    *in_parallel = e->in_parallel;
  return e->group;
}

static void
append_signature (const CcEisCircuit *c, const Node *node, GString *out)
{
  static const char * const letters[] = { "R", "C", "L", "Q", "W", "Ws", "Wo" };

  if (node->kind == NODE_ELEMENT)
    {
      g_string_append (out, letters[g_array_index (c->elements, Element, node->element).type]);
      return;
    }
  if (node->kind == NODE_PARALLEL)
    g_string_append (out, "p(");
  for (guint i = 0; i < node->children->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, node->kind == NODE_PARALLEL ? ',' : '-');
      append_signature (c, g_ptr_array_index (node->children, i), out);
    }
  if (node->kind == NODE_PARALLEL)
    g_string_append_c (out, ')');
}

char *
cc_eis_circuit_group_signature (const CcEisCircuit *self,
                                guint               group)
{
  GString *out = g_string_new (NULL);

  append_signature (self, g_ptr_array_index (self->root->children, group), out);
  return g_string_free (out, FALSE);
}

void
cc_eis_circuit_group_params (const CcEisCircuit *self,
                             guint               group,
                             guint              *first,
                             guint              *end)
{
  *first = G_MAXUINT;
  *end = 0;
  for (guint e = 0; e < self->elements->len; e++)
    {
      const Element *el = &g_array_index (self->elements, Element, e);
      guint next = e + 1 < self->elements->len
                   ? g_array_index (self->elements, Element, e + 1).param : self->params->len;

      if (el->group != group)
        continue;
      *first = MIN (*first, el->param);
      *end = MAX (*end, next);
    }
}

double complex
cc_eis_circuit_eval_group_omega (const CcEisCircuit *self,
                                 const double       *params,
                                 guint               group,
                                 double              omega)
{
  return node_z (self, g_ptr_array_index (self->root->children, group), params, omega);
}

double complex
cc_eis_circuit_eval_omega (const CcEisCircuit *self,
                           const double       *params,
                           double              omega)
{
  return node_z (self, self->root, params, omega);
}

void
cc_eis_circuit_eval (const CcEisCircuit *self,
                     const double       *params,
                     double              freq_Hz,
                     double             *z_re,
                     double             *z_im)
{
  double complex z;

  g_return_if_fail (self != NULL && params != NULL && z_re != NULL && z_im != NULL);
  z = node_z (self, self->root, params, 2 * G_PI * freq_Hz);
  *z_re = creal (z);
  *z_im = cimag (z);
}

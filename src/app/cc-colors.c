/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-colors.h"
#include "cc-packing.h"

#define RGB(h) { ((h) >> 16 & 0xff) / 255.f, ((h) >> 8 & 0xff) / 255.f, ((h) & 0xff) / 255.f }

static const CcRgb cam_colors[] = { RGB (0xE69F00), RGB (0xD55E00), RGB (0xCC79A7), RGB (0xF0E442) };
static const CcRgb se_colors[] = { RGB (0x56B4E9), RGB (0x0072B2), RGB (0x8FC9EE), RGB (0x2B5D8C) };
/* Medium greys rather than black: the 3D view's background is dark. */
static const CcRgb carbon_colors[] = { RGB (0x85828C), RGB (0xA8A5AD) };
static const CcRgb binder_colors[] = { RGB (0xC8C0A0), RGB (0xA89F80) };
static const CcRgb interlayer_colors[] = { RGB (0x009E73), RGB (0x5FC9A8) };
static const CcRgb other_colors[] = { RGB (0x999999) };

CcRgb
cc_colors_for_component (CcMaterialClass klass,
                         guint           nth)
{
#define PICK(a) return a[nth % G_N_ELEMENTS (a)]
  switch (klass)
    {
    case CC_MATERIAL_CLASS_CAM: PICK (cam_colors);
    case CC_MATERIAL_CLASS_SE: PICK (se_colors);
    case CC_MATERIAL_CLASS_CARBON: PICK (carbon_colors);
    case CC_MATERIAL_CLASS_BINDER: PICK (binder_colors);
    case CC_MATERIAL_CLASS_INTERLAYER: PICK (interlayer_colors);
    case CC_MATERIAL_CLASS_ANODE:
    case CC_MATERIAL_N_CLASSES:
    default: PICK (other_colors);
    }
#undef PICK
}

void
cc_colors_for_design (const CcDesign *design,
                      CcMaterialDb   *db,
                      CcRgb          *out)
{
  guint nth[CC_MATERIAL_N_CLASSES + 1] = { 0 };

  for (guint i = 0; i < design->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (design->components, i);
      const CcMaterial *m = cc_material_db_lookup (db, c->material_id);
      CcMaterialClass klass = m ? cc_material_get_class (m) : CC_MATERIAL_N_CLASSES;

      out[i] = cc_colors_for_component (klass, nth[klass]++);
    }
}

CcRgb
cc_colors_for_state (guint state)
{
  static const CcRgb states[] = {
    [CC_PARTICLE_STATE_NONE] = RGB (0xC0BFBC),
    [CC_PARTICLE_STATE_ACTIVE] = RGB (0x009E73),
    [CC_PARTICLE_STATE_IONICALLY_ISOLATED] = RGB (0xE69F00),
    [CC_PARTICLE_STATE_ELECTRONICALLY_ISOLATED] = RGB (0xCC79A7),
    [CC_PARTICLE_STATE_ISOLATED] = RGB (0xD55E00),
  };

  return state < G_N_ELEMENTS (states) ? states[state] : states[0];
}

CcRgb
cc_colors_collector (void)
{
  return (CcRgb) RGB (0xB5B3B0);
}

CcRgb
cc_colors_separator (void)
{
  return (CcRgb) RGB (0x99C1F1);
}

char *
cc_rgb_to_hex (CcRgb c)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (c.r * 255.f + .5f, 0, 255),
                          (guint) CLAMP (c.g * 255.f + .5f, 0, 255),
                          (guint) CLAMP (c.b * 255.f + .5f, 0, 255));
}

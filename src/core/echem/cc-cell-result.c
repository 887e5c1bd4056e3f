/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-cell.h"

#include <math.h>

const char *
cc_cell_status_to_string (CcCellStatus status)
{
  switch (status)
    {
    case CC_CELL_STATUS_OK:                 return "ok";
    case CC_CELL_STATUS_PARTIAL:            return "partial";
    case CC_CELL_STATUS_NO_IONIC_PATH:      return "no_ionic_path";
    case CC_CELL_STATUS_NO_ELECTRONIC_PATH: return "no_electronic_path";
    case CC_CELL_STATUS_NO_ACTIVE_CAM:      return "no_active_cam";
    case CC_CELL_STATUS_FAILED:             return "failed";
    default:                                return "unknown";
    }
}

void
cc_cell_result_free (CcCellResult *r)
{
  if (r == NULL)
    return;
  g_free (r->message);
  g_clear_pointer (&r->profiles, g_ptr_array_unref);
  g_clear_pointer (&r->rates, g_array_unref);
  g_clear_pointer (&r->cycles, g_array_unref);
  g_clear_pointer (&r->warnings, g_ptr_array_unref);
  g_free (r);
}

double
cc_cell_result_discharge_at (const CcCellResult *r,
                             guint               cycle)
{
  if (r->cycles == NULL || r->cycles->len == 0 || cycle == 0)
    return 0;
  cycle = MIN (cycle, r->cycles->len);
  return g_array_index (r->cycles, CcCycleRecord, cycle - 1).discharge_mAh_g;
}

double
cc_cell_result_retention (const CcCellResult *r,
                          guint               cycle)
{
  double first = cc_cell_result_discharge_at (r, 1);

  if (!(first > 0))
    return 0;
  return cc_cell_result_discharge_at (r, cycle) / first;
}

/* Writes a finite number, or null (json-glib would print nan). */
static void
add_number (JsonBuilder *b,
            double       v)
{
  if (isfinite (v))
    json_builder_add_double_value (b, v);
  else
    json_builder_add_null_value (b);
}

static void
member_number (JsonBuilder *b,
               const char  *name,
               double       v)
{
  json_builder_set_member_name (b, name);
  add_number (b, v);
}

static void
member_array (JsonBuilder  *b,
              const char   *name,
              const GArray *a)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; a != NULL && i < a->len; i++)
    add_number (b, g_array_index (a, double, i));
  json_builder_end_array (b);
}

static void
write_profiles (const CcCellResult *r,
                JsonBuilder        *b)
{
  json_builder_set_member_name (b, "voltage_profiles");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->profiles->len; i++)
    {
      const CcVoltageProfile *p = g_ptr_array_index (r->profiles, i);

      json_builder_begin_object (b);
      member_number (b, "c_rate", p->c_rate);
      json_builder_set_member_name (b, "branch");
      json_builder_add_string_value (b, p->branch == CC_BRANCH_CHARGE ? "charge" : "discharge");
      member_array (b, "capacity_mAh_g", p->capacity_mAh_g);
      member_array (b, "voltage_V", p->voltage_V);
      member_number (b, "capacity_end_mAh_g", p->capacity_mAh_g_end);
      member_number (b, "mean_voltage_V", p->mean_voltage_V);
      json_builder_set_member_name (b, "converged");
      json_builder_add_boolean_value (b, p->converged);
      json_builder_set_member_name (b, "end");
      json_builder_add_string_value (b, p->end_reason != NULL ? p->end_reason : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
write_rates (const CcCellResult *r,
             JsonBuilder        *b)
{
  static const struct { const char *name; gsize off; } energy[] = {
    { "specific_energy_Wh_kg_cam", G_STRUCT_OFFSET (CcRatePoint, energy_Wh_kg_cam) },
    { "specific_energy_Wh_kg_composite", G_STRUCT_OFFSET (CcRatePoint, energy_Wh_kg_composite) },
    { "specific_power_W_kg_cam", G_STRUCT_OFFSET (CcRatePoint, power_W_kg_cam) },
    { "specific_power_W_kg_composite", G_STRUCT_OFFSET (CcRatePoint, power_W_kg_composite) },
  };

  json_builder_set_member_name (b, "rate_capability");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "c_rate");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->rates->len; i++)
    add_number (b, g_array_index (r->rates, CcRatePoint, i).c_rate);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "capacity_mAh_g");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->rates->len; i++)
    {
      const CcRatePoint *p = &g_array_index (r->rates, CcRatePoint, i);
      add_number (b, p->valid ? p->capacity_mAh_g : NAN);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "energy");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "c_rate");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->rates->len; i++)
    add_number (b, g_array_index (r->rates, CcRatePoint, i).c_rate);
  json_builder_end_array (b);
  for (guint k = 0; k < G_N_ELEMENTS (energy); k++)
    {
      json_builder_set_member_name (b, energy[k].name);
      json_builder_begin_array (b);
      for (guint i = 0; i < r->rates->len; i++)
        {
          const CcRatePoint *p = &g_array_index (r->rates, CcRatePoint, i);
          add_number (b, p->valid ? G_STRUCT_MEMBER (double, p, energy[k].off) : NAN);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
}

static void
write_cycles (const CcCellResult *r,
              JsonBuilder        *b)
{
  static const struct { const char *name; gsize off; } cols[] = {
    { "charge_capacity_mAh_g", G_STRUCT_OFFSET (CcCycleRecord, charge_mAh_g) },
    { "discharge_capacity_mAh_g", G_STRUCT_OFFSET (CcCycleRecord, discharge_mAh_g) },
    { "coulombic_efficiency", G_STRUCT_OFFSET (CcCycleRecord, coulombic_efficiency) },
    { "resistance_ohm_cm2", G_STRUCT_OFFSET (CcCycleRecord, resistance_ohm_cm2) },
    { "interphase_thickness_nm", G_STRUCT_OFFSET (CcCycleRecord, interphase_nm) },
    { "active_cam_fraction", G_STRUCT_OFFSET (CcCycleRecord, active_cam_fraction) },
  };
  guint n = r->cycles->len;

  json_builder_set_member_name (b, "cycling");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cycle");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_int_value (b, g_array_index (r->cycles, CcCycleRecord, i).cycle);
  json_builder_end_array (b);
  for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
    {
      json_builder_set_member_name (b, cols[k].name);
      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        add_number (b, G_STRUCT_MEMBER (double, &g_array_index (r->cycles, CcCycleRecord, i), cols[k].off));
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "dominant_mechanism");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      int d = g_array_index (r->cycles, CcCycleRecord, i).dominant;
      json_builder_add_string_value (b, d >= 0 ? cc_mechanism_name (d) : "none");
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "simulated");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_boolean_value (b, g_array_index (r->cycles, CcCycleRecord, i).simulated);
  json_builder_end_array (b);
  json_builder_end_object (b);
}

void
cc_cell_result_to_json (const CcCellResult *r,
                        JsonBuilder        *b)
{
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, cc_cell_status_to_string (r->status));
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, r->message != NULL ? r->message : "");
  write_profiles (r, b);
  write_rates (r, b);
  member_number (b, "initial_coulombic_efficiency", r->has_ice ? r->ice : NAN);
  member_number (b, "first_charge_mAh_g", r->first_charge_mAh_g);
  member_number (b, "first_discharge_mAh_g", r->first_discharge_mAh_g);
  member_number (b, "theoretical_capacity_mAh_g", r->theoretical_mAh_g);
  write_cycles (r, b);

  json_builder_set_member_name (b, "degradation");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "limiting_mechanism");
  json_builder_add_string_value (b, r->limiting >= 0 ? cc_mechanism_name (r->limiting) : "none");
  json_builder_set_member_name (b, "capacity_loss_by_mechanism");
  json_builder_begin_object (b);
  for (guint k = 0; k < CC_N_MECHANISMS; k++)
    member_number (b, cc_mechanism_name (k), r->loss[k]);
  json_builder_end_object (b);
  member_number (b, "reduced_model_calibration_ohm_cm2", r->calibration_ohm_cm2);
  json_builder_set_member_name (b, "explicit_cycles");
  json_builder_add_int_value (b, r->explicit_cycles);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "warnings");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->warnings->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (r->warnings, i));
  json_builder_end_array (b);
}

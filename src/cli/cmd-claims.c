/* cmd-claims.c — khathi-cli claims FILE: the proposer's claimed figures against a recomputation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kt-claims.h"
#include "kt-cli-table.h"
#include "kt-cli.h"
#include "kt-portfolio-db.h"
#include "kt-problem.h"
#include "kt-project-file.h"

static void
print_json (const char             *path,
            const KtClaimedFigures *claimed,
            GPtrArray              *checks,
            int                     n_mismatched,
            gboolean                stamped)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "stamped");
  json_builder_add_boolean_value (b, stamped);
  json_builder_set_member_name (b, "engine");
  if (claimed->engine != NULL)
    json_builder_add_string_value (b, claimed->engine);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "computed_at");
  if (claimed->computed_at != NULL)
    json_builder_add_string_value (b, claimed->computed_at);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "claims");
  json_builder_begin_array (b);
  for (guint i = 0; i < checks->len; i++)
    {
      const KtClaimCheck *c = checks->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, c->key);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, c->label);
      kt_cli_json_number (b, "claimed", c->claimed);
      kt_cli_json_number (b, "recomputed", c->recomputed);
      json_builder_set_member_name (b, "matches");
      json_builder_add_boolean_value (b, c->matches);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "claims_mismatched");
  json_builder_add_int_value (b, n_mismatched);
  json_builder_end_object (b);
  kt_cli_json_print (b);
}

static void
print_text (const char             *path,
            const KtClaimedFigures *claimed,
            GPtrArray              *checks,
            int                     n_mismatched)
{
  KtLang lang = kt_lang_current ();
  int width = 0;

  if (checks->len == 0)
    {
      g_print (_("%s claims no figures: nothing to compare.\n"), path);
      return;
    }
  g_print (_("Figures claimed in %s (computed by Khả Thi %s at %s), against the recomputation:\n"),
           path, claimed->engine != NULL ? claimed->engine : "?",
           claimed->computed_at != NULL ? claimed->computed_at : "?");
  /* TRANSLATORS: column heads of `khathi-cli claims`. */
  width = (int) g_utf8_strlen (_("Figure"), -1);
  for (guint i = 0; i < checks->len; i++)
    width = MAX (width, (int) g_utf8_strlen (((KtClaimCheck *) checks->pdata[i])->label, -1));
  {
    long pad = width + 2 - (long) g_utf8_strlen (_("Figure"), -1);
    long pad1 = 20 - (long) g_utf8_strlen (_("Claimed"), -1);
    long pad2 = 22 - (long) g_utf8_strlen (_("Recomputed"), -1);

    g_print ("%s%*s%*s%s%*s%s\n", _("Figure"), (int) MAX (pad, 0), "", (int) MAX (pad1, 0), "",
             _("Claimed"), (int) MAX (pad2, 0), "", _("Recomputed"));
  }
  for (guint i = 0; i < checks->len; i++)
    {
      const KtClaimCheck *c = checks->pdata[i];
      const KtFieldDesc *f = kt_claims_find (c->key);
      g_autofree char *claimed_text = NULL, *own_text = NULL;
      long pad;

      claimed_text = kt_claims_format (f != NULL ? f->unit : KT_UNIT_NONE, c->claimed, lang);
      own_text = kt_claims_format (f != NULL ? f->unit : KT_UNIT_NONE, c->recomputed, lang);
      pad = width + 2 - (long) g_utf8_strlen (c->label, -1);
      g_print ("%s%*s", c->label, (int) MAX (pad, 0), "");
      pad = 20 - (long) g_utf8_strlen (claimed_text, -1);
      g_print ("%*s%s", (int) MAX (pad, 0), "", claimed_text);
      pad = 22 - (long) g_utf8_strlen (own_text, -1);
      g_print ("%*s%s", (int) MAX (pad, 0), "", own_text);
      /* TRANSLATORS: whether a claimed figure agrees with the recomputation. */
      g_print ("  %s\n", c->matches ? _("agrees") : _("DIFFERS"));
    }
  if (n_mismatched > 0)
    g_print (ngettext ("%d claimed figure differs from the recomputation.\n",
                       "%d claimed figures differ from the recomputation.\n", n_mismatched),
             n_mismatched);
  else
    g_print ("%s\n", _("Every claimed figure agrees with the recomputation."));
}

int
kt_cli_claims (int    argc,
               char **argv)
{
  gboolean json = FALSE, stamp = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "stamp", 0, 0, G_OPTION_ARG_NONE, &stamp,
      N_("Replace the claims in FILE with this version’s figures (saved atomically)"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE — the proposer’s claimed figures against a recomputation"));
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtModel) model = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  KtClaimedFigures recomputed = { 0 };
  KtProjectData *data;
  KtRules rules;
  int n_mismatched = 0;

  g_option_context_set_description (context,
    /* xgettext:no-c-format */
    _("The figures a proposer’s file claims (its <claimed-figures>, stamped by Khả Thi when the "
      "file was saved) are compared with the appraiser’s own recomputation from the file’s inputs. "
      "Money agrees within the larger of 0.05 % and 1 000 000 ₫, rates (IRR) within 0.01 percentage "
      "point, ratios (DSCR, LLCR) within 0.005.\n\n"
      "Exit status: 0 when every claimed figure agrees or nothing is claimed, 1 when a claimed "
      "figure differs, 2 on a usage or file error.  With --stamp the file gets this version’s "
      "figures and the exit status is 0."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("claims", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("claims", "%s", _("give one project file"));

  memset (&rules, 0, sizeof rules);
  project = kt_cli_load_for_model ("claims", argv[1], &set, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  data = kt_project_edit_data (project);
  model = kt_model_new (data, 0);
  if (model == NULL || !kt_model_evaluate (model, data, &rules, NULL))
    return kt_cli_usage_error ("claims", "%s: %s", argv[1],
                               _("The project has no year to compute (check its timeline)"));
  if (stamp)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[1]);

      kt_project_data_stamp_claims (data, model, NULL);
      if (!kt_project_save (project, file, NULL, &error))
        return kt_cli_usage_error ("claims", "%s", error->message);
    }
  kt_claims_from_model (model, data, &recomputed);
  checks = kt_claims_check (&data->claimed, &recomputed);
  for (guint i = 0; i < checks->len; i++)
    n_mismatched += !((KtClaimCheck *) checks->pdata[i])->matches;
  if (json)
    print_json (argv[1], &data->claimed, checks, n_mismatched, stamp);
  else
    {
      if (stamp)
        g_print (_("Stamped %s with the figures of Khả Thi %s.\n"), argv[1], PACKAGE_VERSION);
      print_text (argv[1], &data->claimed, checks, n_mismatched);
    }
  return n_mismatched > 0 ? KT_CLI_INVALID : KT_CLI_OK;
}

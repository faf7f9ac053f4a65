/* kt-cli.h — subcommands of khathi-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-rules.h"

G_BEGIN_DECLS

/* Exit codes shared by all subcommands. */
enum {
  KT_CLI_OK = 0,
  KT_CLI_INVALID = 1,   /* the input was read but is invalid (validate) */
  KT_CLI_USAGE = 2,     /* usage or I/O error */
};

/* Each subcommand gets argv with argv[0] = its own name. */
typedef int (*KtCliCommand) (int argc, char **argv);

int kt_cli_validate (int argc, char **argv);
int kt_cli_show     (int argc, char **argv);
int kt_cli_flows    (int argc, char **argv);
int kt_cli_schema   (int argc, char **argv);
int kt_cli_new      (int argc, char **argv);
int kt_cli_compute  (int argc, char **argv);
int kt_cli_claims   (int argc, char **argv);
int kt_cli_bench    (int argc, char **argv);
int kt_cli_portfolio (int argc, char **argv);
int kt_cli_report   (int argc, char **argv);
int kt_cli_export   (int argc, char **argv);
int kt_cli_viability     (int argc, char **argv);
int kt_cli_compare_forms (int argc, char **argv);
int kt_cli_risks       (int argc, char **argv);
int kt_cli_sensitivity (int argc, char **argv);
int kt_cli_scenarios   (int argc, char **argv);
int kt_cli_simulate    (int argc, char **argv);
/* khathi-cli bench FILE --simulate (cmd-simulate.c): a timed Monte Carlo run. */
int kt_cli_bench_simulate (const char *path,
                           int         iterations,
                           gboolean    json);

/* Loads FILE and resolves the rule set it names (cmd-compute.c); prints the
 * error and returns NULL on failure.  `rule_set` may be NULL. */
KtProject *kt_cli_load_for_model (const char  *command,
                                  const char  *path,
                                  KtRuleSet  **rule_set,
                                  KtRules     *rules,
                                  GPtrArray   *problems);

/* Prints "khathi-cli NAME: message" to stderr and returns KT_CLI_USAGE. */
int kt_cli_usage_error (const char *command,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS

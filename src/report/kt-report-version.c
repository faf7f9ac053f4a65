/* kt-report-version.c — the engine version printed in reproducibility lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-report-version.h"

const char *
kt_report_engine_version (void)
{
  return PACKAGE_VERSION;
}

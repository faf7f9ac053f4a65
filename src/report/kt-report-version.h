/* kt-report-version.h — the engine version printed in reproducibility lines
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

const char *kt_report_engine_version (void);

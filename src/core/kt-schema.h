/* kt-schema.h — a description of every field of the document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table drives the file format (element names, order, bounds), the
 * RELAX NG schema, generic copy/compare/free, validation of ranges and the
 * editor's forms, so a field added here is saved, loaded, checked and edited
 * everywhere at once.
 */
#pragma once

#include <glib.h>

#include "kt-enums.h"

G_BEGIN_DECLS

typedef enum {
  KT_FT_STRING,   /* char* */
  KT_FT_TEXT,     /* KtText, vi and en */
  KT_FT_DOUBLE,
  KT_FT_INT,
  KT_FT_UINT64,
  KT_FT_BOOL,     /* gboolean */
  KT_FT_ENUM,     /* int-sized enum, `enum_info` */
  KT_FT_DOUBLES,  /* GArray* of double */
  KT_FT_INTS,     /* GArray* of int */
  KT_FT_GROUP,    /* an element grouping fields of the same struct (same base) */
  KT_FT_RECORD,   /* an embedded struct described by `record` */
  KT_FT_LIST,     /* GArray* of `record` structs */
} KtFieldType;

typedef enum {
  KT_UNIT_NONE,
  KT_UNIT_VND,        /* money */
  KT_UNIT_RATE,       /* annual fraction, shown as % */
  KT_UNIT_SHARE,      /* fraction, shown as % */
  KT_UNIT_YEARS,      /* a duration */
  KT_UNIT_YEAR,       /* a calendar year */
  KT_UNIT_DAYS,
  KT_UNIT_FACTOR,     /* a multiplier or ratio */
  KT_UNIT_COUNT,
  KT_UNIT_SCALE,      /* 1 … 5 */
} KtUnit;

typedef enum {
  KT_FIELD_REQUIRED  = 1 << 0,  /* a string that must not be empty */
  KT_FIELD_MULTILINE = 1 << 1,  /* long text */
  KT_FIELD_OPTIONAL  = 1 << 2,  /* a scalar that may be absent from a file (default kept);
                                 * a DOUBLE whose default is NAN is absent while NAN (never
                                 * written, not range-checked); a RECORD is written only
                                 * while one of its fields is present */
  KT_FIELD_ATTRIBUTE = 1 << 3,  /* a STRING saved as an attribute of the enclosing element */
} KtFieldFlags;

typedef struct _KtRecordDesc KtRecordDesc;

typedef struct {
  const char         *name;       /* element name, a file-format contract */
  KtFieldType         type;
  gsize               offset;
  const KtEnumInfo   *enum_info;
  const KtRecordDesc *record;     /* GROUP, RECORD, LIST */
  double              min;
  double              max;
  double              def;        /* default of new documents and rows */
  KtUnit              unit;
  guint               flags;
  const char         *label;      /* N_() */
} KtFieldDesc;

struct _KtRecordDesc {
  const char        *name;        /* element name of one item in a list */
  gsize              size;
  const KtFieldDesc *fields;
  int                n_fields;
  const char        *label;       /* N_() */
};

/* The root: fields of KtProjectData. */
const KtRecordDesc *kt_schema_project (void);

void                kt_record_init    (const KtRecordDesc *desc,
                                       gpointer            record);
void                kt_record_clear   (const KtRecordDesc *desc,
                                       gpointer            record);
void                kt_record_copy    (const KtRecordDesc *desc,
                                       gpointer            dest,
                                       gconstpointer       src);
gboolean            kt_record_equal   (const KtRecordDesc *desc,
                                       gconstpointer       a,
                                       gconstpointer       b);
/* An empty list for records of `desc`. */
GArray             *kt_list_new       (const KtRecordDesc *desc);
/* Appends a row initialised with the defaults; returns it. */
gpointer            kt_list_append    (GArray             *list,
                                       const KtRecordDesc *desc);
void                kt_list_remove    (GArray             *list,
                                       const KtRecordDesc *desc,
                                       guint               index);

static inline gpointer
kt_field_ptr (const KtFieldDesc *field,
              gpointer           base)
{
  return (char *) base + field->offset;
}

/* Whether an optional field holds a value: an OPTIONAL DOUBLE is present
 * unless NAN, an OPTIONAL RECORD when one of its fields is present (a
 * non-empty string, a present double).  Other fields are always present. */
gboolean            kt_field_present  (const KtFieldDesc  *field,
                                       gconstpointer       base);

/* Finds a direct field of `desc` by element name (a GROUP is one field: its
 * members are found in its own record); NULL if none. */
const KtFieldDesc  *kt_record_find_field (const KtRecordDesc *desc,
                                          const char         *name);
/* The RELAX NG schema (XML syntax) of the project file. */
char               *kt_schema_to_relaxng (void);

G_END_DECLS

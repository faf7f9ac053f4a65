/* kt-report-i18n.c — report text in the report's language, not the UI's
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "kt-paths.h"
#include "kt-report-i18n.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

/* One compiled catalogue, mapped read-only.  Layout (GNU gettext manual,
 * "The Format of GNU MO Files"): a header of 32-bit words — magic, revision,
 * N, offset of the originals table, offset of the translations table — and
 * two tables of N (length, offset) pairs; originals sorted by strcmp. */
typedef struct {
  GMappedFile  *file;
  const guint8 *data;
  gsize         size;
  gboolean      swapped;
  guint32       n_strings;
  guint32       originals;
  guint32       translations;
} Catalogue;

static GMutex lock;
static char *locale_dir_override;
static gboolean vi_loaded;
static Catalogue *vi_catalogue;
/* Catalogues replaced by kt_report_set_locale_dir (): strings handed out
 * earlier point into them, so they stay mapped. */
static GPtrArray *retired;

static guint32
read_word (const Catalogue *cat,
           guint32          offset)
{
  guint32 word;

  memcpy (&word, cat->data + offset, sizeof word);
  return cat->swapped ? GUINT32_SWAP_LE_BE (word) : word;
}

/* The string of entry i in the table at `table`, or NULL if the file lies. */
static const char *
entry_string (const Catalogue *cat,
              guint32          table,
              guint32          i)
{
  guint32 at = table + 8 * i;
  guint32 length, offset;

  if ((gsize) at + 8 > cat->size)
    return NULL;
  length = read_word (cat, at);
  offset = read_word (cat, at + 4);
  /* msgfmt writes a NUL after every string; a string without one is not used. */
  if ((gsize) offset + length >= cat->size || cat->data[offset + length] != '\0')
    return NULL;
  return (const char *) cat->data + offset;
}

static Catalogue *
catalogue_open (const char *path)
{
  g_autoptr(GMappedFile) file = NULL;
  Catalogue *cat;
  guint32 magic;

  file = g_mapped_file_new (path, FALSE, NULL);
  if (file == NULL || g_mapped_file_get_length (file) < 20)
    return NULL;

  cat = g_new0 (Catalogue, 1);
  cat->data = (const guint8 *) g_mapped_file_get_contents (file);
  cat->size = g_mapped_file_get_length (file);
  memcpy (&magic, cat->data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    {
      g_free (cat);
      return NULL;
    }
  cat->swapped = magic == MO_MAGIC_SWAPPED;
  cat->n_strings = read_word (cat, 8);
  cat->originals = read_word (cat, 12);
  cat->translations = read_word (cat, 16);
  cat->file = g_steal_pointer (&file);
  return cat;
}

static const char *
locale_dir (void)
{
  const char *env;

  if (locale_dir_override != NULL)
    return locale_dir_override;
  env = g_getenv ("KHATHI_LOCALEDIR");
  if (env != NULL && *env != '\0')
    return env;
  return kt_locale_dir ();
}

static Catalogue *
vi_catalogue_get (void)
{
  if (!vi_loaded)
    {
      g_autofree char *path = g_build_filename (locale_dir (), "vi", "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);
      vi_catalogue = catalogue_open (path);
      vi_loaded = TRUE;
    }
  return vi_catalogue;
}

static const char *
catalogue_lookup (const Catalogue *cat,
                  const char      *key)
{
  guint32 lo = 0, hi = cat->n_strings;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      const char *original = entry_string (cat, cat->originals, mid);
      int cmp;

      if (original == NULL)
        return NULL;
      cmp = strcmp (key, original);
      if (cmp == 0)
        {
          const char *translation = entry_string (cat, cat->translations, mid);
          /* An untranslated entry is absent from a .mo; an empty one means the same. */
          return translation != NULL && *translation != '\0' ? translation : NULL;
        }
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

static const char *
lookup (KtLang      lang,
        const char *key)
{
  const char *found = NULL;

  if (lang != KT_LANG_VI)
    return NULL;
  g_mutex_lock (&lock);
  if (vi_catalogue_get () != NULL)
    found = catalogue_lookup (vi_catalogue, key);
  g_mutex_unlock (&lock);
  return found;
}

const char *
kt_report_gettext (KtLang      lang,
                   const char *msgid)
{
  const char *found;

  g_return_val_if_fail (msgid != NULL, NULL);
  if (*msgid == '\0')   /* "" is the catalogue header */
    return msgid;
  found = lookup (lang, msgid);
  return found != NULL ? found : msgid;
}

const char *
kt_report_pgettext (KtLang      lang,
                    const char *context,
                    const char *msgid)
{
  g_autofree char *key = NULL;
  const char *found;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);
  if (lang != KT_LANG_VI)
    return msgid;
  /* gettext's key for a message with context: "context\004msgid". */
  key = g_strconcat (context, "\004", msgid, NULL);
  found = lookup (lang, key);
  return found != NULL ? found : msgid;
}

gboolean
kt_report_lang_available (KtLang lang)
{
  gboolean available;

  if (lang != KT_LANG_VI)
    return TRUE;
  g_mutex_lock (&lock);
  available = vi_catalogue_get () != NULL;
  g_mutex_unlock (&lock);
  return available;
}

void
kt_report_set_locale_dir (const char *dir)
{
  g_mutex_lock (&lock);
  g_free (locale_dir_override);
  locale_dir_override = g_strdup (dir);
  if (vi_catalogue != NULL)
    {
      if (retired == NULL)
        retired = g_ptr_array_new ();
      g_ptr_array_add (retired, vi_catalogue);
    }
  vi_catalogue = NULL;
  vi_loaded = FALSE;
  g_mutex_unlock (&lock);
}

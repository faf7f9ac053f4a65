/* kt-report-font.c — the report font: Liberation Serif in a private Pango font map
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "kt-report-font.h"

G_DEFINE_QUARK (kt-report-font-error-quark, kt_report_font_error)

enum { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_BOLD_ITALIC, N_FACES };

static int
face_of (int weight,
         int slant)
{
  /* Medium (100) still reads as regular; DemiBold (180) and up as bold. */
  gboolean bold = weight >= FC_WEIGHT_DEMIBOLD;
  gboolean italic = slant != FC_SLANT_ROMAN;

  if (weight > FC_WEIGHT_MEDIUM && !bold)
    return -1;
  return (bold ? FACE_BOLD : FACE_REGULAR) + (italic ? FACE_ITALIC : 0);
}

/* Closeness to the face's ideal weight (Regular 80, Bold 200): a family with
 * Book and Regular, or Bold and Black, gets the usual one. */
static int
weight_distance (int face,
                 int weight)
{
  int ideal = (face == FACE_BOLD || face == FACE_BOLD_ITALIC) ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
  return ABS (weight - ideal);
}

/* The files of the four faces of `family` in the system configuration. */
static gboolean
find_faces (const char *family,
            char       *files[N_FACES])
{
  FcPattern *pattern;
  FcObjectSet *objects;
  FcFontSet *set;
  int best[N_FACES] = { G_MAXINT, G_MAXINT, G_MAXINT, G_MAXINT };

  pattern = FcPatternBuild (NULL,
                            FC_FAMILY, FcTypeString, family,
                            FC_SCALABLE, FcTypeBool, FcTrue,
                            NULL);
  objects = FcObjectSetBuild (FC_FILE, FC_WEIGHT, FC_SLANT, NULL);
  set = FcFontList (NULL, pattern, objects);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      FcChar8 *file = NULL;
      int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
      int face;

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      FcPatternGetInteger (set->fonts[i], FC_WEIGHT, 0, &weight);
      FcPatternGetInteger (set->fonts[i], FC_SLANT, 0, &slant);
      face = face_of (weight, slant);
      if (face < 0 || weight_distance (face, weight) >= best[face])
        continue;
      best[face] = weight_distance (face, weight);
      g_free (files[face]);
      files[face] = g_strdup ((const char *) file);
    }
  if (set != NULL)
    FcFontSetDestroy (set);

  for (int face = 0; face < N_FACES; face++)
    if (files[face] == NULL)
      return FALSE;
  return TRUE;
}

const char *
kt_report_font_family (void)
{
  const char *env = g_getenv ("KHATHI_REPORT_FONT");

  return env != NULL && *env != '\0' ? env : KT_REPORT_FONT_FAMILY;
}

/* One private FcConfig per family for the life of the process: Pango 1.50's
 * font map keeps a reference to its config that it never drops, so a config per
 * document would leak; and scanning four files once is enough.  FcConfig is
 * read-only once built, so maps in different threads may share it. */
static GMutex configs_lock;
static GHashTable *configs;   /* family → FcConfig */

PangoFontMap *
kt_report_font_map_new (const char *family,
                        GError    **error)
{
  static const char *const face_names[N_FACES] = {
    N_("regular"), N_("bold"), N_("italic"), N_("bold italic"),
  };
  char *files[N_FACES] = { NULL, };
  FcConfig *config = NULL;
  PangoFontMap *map = NULL;

  if (family == NULL)
    family = kt_report_font_family ();

  g_mutex_lock (&configs_lock);
  if (configs != NULL)
    config = g_hash_table_lookup (configs, family);
  if (config != NULL)
    {
      FcConfigReference (config);
      g_mutex_unlock (&configs_lock);
      goto make_map;
    }
  g_mutex_unlock (&configs_lock);

  if (!FcInit ())
    {
      g_set_error (error, KT_REPORT_FONT_ERROR, KT_REPORT_FONT_ERROR_FAILED,
                   _("Fontconfig could not be initialised, so the report font “%s” cannot be found"),
                   family);
      return NULL;
    }

  if (!find_faces (family, files))
    {
      g_autoptr(GString) missing = g_string_new (NULL);

      for (int face = 0; face < N_FACES; face++)
        if (files[face] == NULL)
          {
            if (missing->len > 0)
              g_string_append (missing, ", ");
            g_string_append (missing, _(face_names[face]));
          }
      g_set_error (error, KT_REPORT_FONT_ERROR, KT_REPORT_FONT_ERROR_NOT_FOUND,
                   /* Translators: the first %s is a font family, the second a list
                    * of faces such as "regular, bold". */
                   _("The report font “%s” is not installed (missing: %s). "
                     "Install the Debian package fonts-liberation2."),
                   family, missing->str);
      goto out;
    }

  config = FcConfigCreate ();
  /* Nothing to rescan: the config is never changed once built. */
  FcConfigSetRescanInterval (config, 0);
  for (int face = 0; face < N_FACES; face++)
    if (!FcConfigAppFontAddFile (config, (const FcChar8 *) files[face]))
      {
        g_set_error (error, KT_REPORT_FONT_ERROR, KT_REPORT_FONT_ERROR_FAILED,
                     _("The report font file “%s” could not be loaded"), files[face]);
        goto out;
      }

  g_mutex_lock (&configs_lock);
  if (configs == NULL)
    configs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) FcConfigDestroy);
  if (!g_hash_table_contains (configs, family))
    g_hash_table_insert (configs, g_strdup (family), FcConfigReference (config));
  g_mutex_unlock (&configs_lock);

make_map:
  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  if (map == NULL)
    {
      g_set_error_literal (error, KT_REPORT_FONT_ERROR, KT_REPORT_FONT_ERROR_FAILED,
                           _("Cairo was built without FreeType fonts; reports cannot be rendered"));
      goto out;
    }
  /* The map keeps its own reference to the config. */
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);

out:
  if (config != NULL)
    FcConfigDestroy (config);
  for (int face = 0; face < N_FACES; face++)
    g_free (files[face]);
  return map;
}

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks flatpak/io.github.khathi.Khathi.json (STYLE.md §11): it parses as JSON,
has the required keys, a GNOME runtime and SDK, the command the build installs,
minimal permissions (no host file system; files go through the portal), GSL,
libxlsxwriter and the Liberation fonts before the app module, every download
pinned by sha256 to an https URL, and every local file or folder it names
existing.  It cannot build the flatpak (no network): flatpak-builder is not run."""
import json
import os
import re
import sys

top = sys.argv[1]
APP_ID = "io.github.khathi.Khathi"
manifest_path = os.path.join(top, "flatpak", APP_ID + ".json")
failures = []
fail = failures.append

try:
    with open(manifest_path, encoding="utf-8") as f:
        m = json.load(f)
except (OSError, ValueError) as e:
    print(f"{manifest_path}: {e}", file=sys.stderr)
    sys.exit(1)

app_id = m.get("id", m.get("app-id"))
if app_id != APP_ID:
    fail(f"id is {app_id!r}, not {APP_ID!r}")
if os.path.basename(manifest_path) != f"{app_id}.json":
    fail("the manifest file is not named after the app id")
for key in ["runtime", "runtime-version", "sdk", "command", "finish-args", "modules"]:
    if key not in m:
        fail(f"missing key {key!r}")
if m.get("runtime") != "org.gnome.Platform":
    fail("runtime must be org.gnome.Platform")
if m.get("sdk") != "org.gnome.Sdk":
    fail("sdk must be org.gnome.Sdk")
if not isinstance(m.get("runtime-version"), str) or not re.fullmatch(r"\d+", m.get("runtime-version", "")):
    fail("runtime-version must be a GNOME release such as \"47\" (a string)")
if m.get("command") != "khathi":
    fail("command must be khathi")

args = m.get("finish-args", [])
for need in ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]:
    if need not in args:
        fail(f"finish-args lacks {need}")
for a in args:
    if a.startswith("--filesystem") or a in ("--socket=x11", "--share=network", "--device=all") \
            or a.startswith("--talk-name=org.freedesktop.Flatpak"):
        fail(f"finish-args grants more than needed: {a} (GtkFileChooserNative uses the portal)")

modules = m.get("modules", [])
names = [mod.get("name") if isinstance(mod, dict) else None for mod in modules]
for need in ["gsl", "libxlsxwriter", "fonts-liberation2"]:
    if need not in names:
        fail(f"no module {need!r}")
if not names or names[-1] != "khathi":
    fail("the last module must be the app, khathi")
else:
    app = modules[-1]
    if app.get("buildsystem") != "meson":
        fail("the app module must build with meson")
    if not any(s.get("type") == "dir" for s in app.get("sources", [])):
        fail("the app module must build the source tree (a \"dir\" source)")


def sources(mods):
    for mod in mods:
        if isinstance(mod, str):          # a module given as a path to its own manifest
            path = os.path.join(os.path.dirname(manifest_path), mod)
            if not os.path.exists(path):
                fail(f"module file {mod} does not exist")
            continue
        for s in mod.get("sources", []):
            yield mod.get("name"), s
        yield from sources(mod.get("modules", []))


base = os.path.dirname(manifest_path)
for name, s in sources(modules):
    kind = s.get("type")
    if "path" in s:
        path = os.path.normpath(os.path.join(base, s["path"]))
        if not os.path.exists(path):
            fail(f"{name}: local {kind} source {s['path']} does not exist ({path})")
        elif kind == "dir" and not os.path.isfile(os.path.join(path, "meson.build")):
            fail(f"{name}: {s['path']} is not the source tree (no meson.build)")
    for p in s.get("paths", []):
        if not os.path.exists(os.path.join(base, p)):
            fail(f"{name}: patch {p} does not exist")
    if kind in ("archive", "file") and "url" in s:
        if not s["url"].startswith("https://"):
            fail(f"{name}: {s['url']} is not https")
        if not re.fullmatch(r"[0-9a-f]{64}", s.get("sha256", "")):
            fail(f"{name}: {s['url']} is not pinned by a sha256")
    if kind == "git" and not s.get("commit"):
        fail(f"{name}: git source without a pinned commit")

gsl = next((mod for mod in modules if isinstance(mod, dict) and mod.get("name") == "gsl"), None)
if gsl and not any("gsl-2.7.1.tar" in s.get("url", "") for s in gsl.get("sources", [])):
    fail("gsl must be built from the GSL 2.7.1 release archive")

# The app id and command match what the build installs.
if not os.path.isfile(os.path.join(top, "data", APP_ID + ".desktop.in")):
    fail(f"data/{APP_ID}.desktop.in does not exist")
with open(os.path.join(top, "src", "gui", "meson.build"), encoding="utf-8") as f:
    if not re.search(r"executable\(\s*'%s'" % re.escape(m.get("command", "")), f.read()):
        fail(f"src/gui/meson.build builds no executable {m.get('command')!r}")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"{manifest_path}: {len(modules)} modules, runtime {m['runtime']}//{m['runtime-version']}")

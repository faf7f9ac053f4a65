#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build to a temporary DESTDIR and checks the result is a working
application: every expected file is there (binaries, desktop file, metainfo,
icons, MIME type, GSettings schema, help in every language, translations,
rule sets, rubrics, risk benchmarks, samples), and the *installed* khathi-cli
validates and computes the installed samples from the installed data folder.

Usage: check-install.py MESON BUILDDIR SOURCEDIR PREFIX BINDIR DATADIR LOCALEDIR
(BINDIR, DATADIR and LOCALEDIR relative to PREFIX or absolute, as meson gives them.)

`meson install --no-rebuild` only copies files: the build directory is left as it
is (meson writes its install log in meson-logs/, nothing else)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

meson, builddir, srcdir, prefix, bindir, datadir, localedir = sys.argv[1:8]
APP_ID = "io.github.khathi.Khathi"
NAME = "khathi"
failures = []


def under_prefix(path):
    return path if os.path.isabs(path) else os.path.join(prefix, path)


def source_files(folder):
    """Files of data/<folder> relative to it, as install_subdir copies them."""
    root = os.path.join(srcdir, "data", folder)
    out = []
    for top, _dirs, files in os.walk(root):
        for f in files:
            out.append(os.path.relpath(os.path.join(top, f), root))
    return sorted(out)


def read_linguas(path):
    with open(path, encoding="utf-8") as f:
        return [w for line in f for w in line.split("#")[0].split()]


tmp = tempfile.mkdtemp(prefix="khathi-install-")
try:
    env = dict(os.environ)
    env.pop("DESTDIR", None)
    run = subprocess.run([meson, "install", "-C", builddir, "--destdir", tmp,
                          "--no-rebuild", "--quiet"],
                         capture_output=True, text=True, env=env)
    if run.returncode != 0:
        print("meson install failed:\n" + run.stdout + run.stderr, file=sys.stderr)
        sys.exit(1)

    # DESTDIR + absolute prefix path (os.path.join would drop tmp for an absolute path).
    root = lambda p: tmp + os.path.abspath(under_prefix(p))
    bin_dir, data_dir, locale_dir = root(bindir), root(datadir), root(localedir)
    pkgdata = os.path.join(data_dir, NAME)

    expected = [
        os.path.join(bin_dir, NAME),
        os.path.join(bin_dir, "khathi-cli"),
        os.path.join(data_dir, "applications", APP_ID + ".desktop"),
        os.path.join(data_dir, "metainfo", APP_ID + ".metainfo.xml"),
        os.path.join(data_dir, "icons/hicolor/scalable/apps", APP_ID + ".svg"),
        os.path.join(data_dir, "icons/hicolor/symbolic/apps", APP_ID + "-symbolic.svg"),
        os.path.join(data_dir, "mime/packages", APP_ID + ".xml"),
        os.path.join(data_dir, "glib-2.0/schemas", APP_ID + ".gschema.xml"),
    ]
    for lang in read_linguas(os.path.join(srcdir, "po", "LINGUAS")):
        expected.append(os.path.join(locale_dir, lang, "LC_MESSAGES", NAME + ".mo"))
    pages = sorted(p for p in os.listdir(os.path.join(srcdir, "help", "C")) if p.endswith(".page"))
    if "index.page" not in pages:
        failures.append("help/C has no index.page")
    figures_dir = os.path.join(srcdir, "help", "C", "figures")
    figures = sorted(os.path.join("figures", f) for f in os.listdir(figures_dir)) \
        if os.path.isdir(figures_dir) else []
    for lang in ["C"] + read_linguas(os.path.join(srcdir, "help", "LINGUAS")):
        for page in pages + figures:
            expected.append(os.path.join(data_dir, "help", lang, NAME, page))
    for folder in ["rules", "rubrics", "risks", "samples"]:
        if os.path.isdir(os.path.join(srcdir, "data", folder)):
            for f in source_files(folder):
                expected.append(os.path.join(pkgdata, folder, f))
    for must in ["rules/vn-2025-11.xml", "rubrics/default.xml"]:
        if os.path.join(pkgdata, must) not in expected:
            expected.append(os.path.join(pkgdata, must))

    for path in expected:
        if not os.path.isfile(path):
            failures.append("not installed: " + os.path.relpath(path, tmp))
    for exe in expected[:2]:
        if os.path.isfile(exe) and not os.access(exe, os.X_OK):
            failures.append("not executable: " + os.path.relpath(exe, tmp))
    print(f"{len(expected)} expected files checked")

    # The installed CLI on the installed samples, reading the installed data folder.
    cli = os.path.join(bin_dir, "khathi-cli")
    run_env = dict(os.environ, KHATHI_DATA_DIR=pkgdata, LC_ALL="C.UTF-8")
    run_env.pop("LANGUAGE", None)
    samples = sorted(os.path.join(pkgdata, "samples", f)
                     for f in os.listdir(os.path.join(pkgdata, "samples"))
                     if f.endswith(".khathi")) if os.path.isdir(os.path.join(pkgdata, "samples")) else []
    if not samples:
        failures.append("no installed sample to run")
    if os.path.isfile(cli) and samples:
        r = subprocess.run([cli, "validate"] + samples, capture_output=True, text=True, env=run_env)
        if r.returncode != 0:
            failures.append(f"installed khathi-cli validate exited {r.returncode}:\n{r.stderr}")
        for sample in samples:
            r = subprocess.run([cli, "compute", "--json", sample], capture_output=True, text=True,
                               env=run_env)
            if r.returncode != 0:
                failures.append(f"installed khathi-cli compute {os.path.basename(sample)} "
                                f"exited {r.returncode}:\n{r.stderr}")
                continue
            try:
                result = json.loads(r.stdout)
            except ValueError as e:
                failures.append(f"compute --json {os.path.basename(sample)}: not JSON ({e})")
                continue
            for key in ["total_investment", "project", "equity", "debt", "state", "economic", "checks"]:
                if key not in result:
                    failures.append(f"compute --json {os.path.basename(sample)}: no key {key!r}")
            if not (result.get("total_investment") or 0) > 0:
                failures.append(f"compute --json {os.path.basename(sample)}: no total investment")
            print(f"{os.path.basename(sample)}: total investment {result.get('total_investment'):.0f} ₫")
        # A study that names a rule set the installed data folder lacks must fail to validate.
        bad = os.path.join(tmp, "missing-rules.khathi")
        with open(samples[0], encoding="utf-8") as f:
            text = f.read()
        with open(bad, "w", encoding="utf-8") as f:
            f.write(text.replace("<rule-set>vn-2025-11</rule-set>", "<rule-set>vn-1999-01</rule-set>"))
        r = subprocess.run([cli, "validate", bad], capture_output=True, text=True, env=run_env)
        if r.returncode != 1 or pkgdata not in r.stderr:
            failures.append("a missing rule set was not looked for in the installed data folder: "
                            + r.stderr.strip())

    # Installed desktop integration files are valid too (the 'data' suite checks the build copies).
    dfv = shutil.which("desktop-file-validate")
    if dfv and os.path.isfile(expected[2]):
        r = subprocess.run([dfv, expected[2]], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append("installed desktop file: " + r.stdout + r.stderr)
    asc = shutil.which("appstreamcli")
    if asc and os.path.isfile(expected[3]):
        r = subprocess.run([asc, "validate", "--no-net", expected[3]], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append("installed metainfo: " + r.stdout + r.stderr)
    gcs = shutil.which("glib-compile-schemas")
    if gcs:
        r = subprocess.run([gcs, "--strict", "--dry-run", os.path.dirname(expected[7])],
                           capture_output=True, text=True)
        if r.returncode != 0:
            failures.append("installed schema: " + r.stderr)
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("install OK")

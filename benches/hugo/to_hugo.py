#!/usr/bin/env python3
"""Turn a heropath clinic into an equivalent Hugo site (for benches/bench.sh).

    to_hugo.py CLINIC_DIR HUGO_SITE_DIR

Every plan becomes a Hugo page whose front matter is the plan's YAML as
written (no re-serialising: Hugo parses the same bytes heropath parses),
every library exercise a data file, and every published story a page of its
own.  The layouts beside this script render a handout and a story page with
the same fields heropath's handout and story show, so both tools build
equivalent pages from the same data.
"""
import os
import re
import shutil
import sys

clinic, site = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
if os.path.exists(site):
    shutil.rmtree(site)
os.makedirs(os.path.join(site, "content", "plans"))
os.makedirs(os.path.join(site, "content", "stories"))
os.makedirs(os.path.join(site, "data", "exercises"))
shutil.copytree(os.path.join(here, "layouts"), os.path.join(site, "layouts"))
shutil.copy(os.path.join(here, "hugo.yaml"), os.path.join(site, "hugo.yaml"))

for name in sorted(os.listdir(os.path.join(clinic, "content", "exercises"))):
    if name.endswith((".yaml", ".yml")):
        shutil.copy(os.path.join(clinic, "content", "exercises", name),
                    os.path.join(site, "data", "exercises", name))

story_key = re.compile(r"^story:", re.M)
for name in sorted(os.listdir(os.path.join(clinic, "content", "plans"))):
    if not name.endswith((".yaml", ".yml")):
        continue
    with open(os.path.join(clinic, "content", "plans", name), encoding="utf-8") as f:
        text = f.read()
    stem = name.rsplit(".", 1)[0]
    page = "---\n" + text + ("" if text.endswith("\n") else "\n") + "---\n"
    with open(os.path.join(site, "content", "plans", stem + ".md"), "w", encoding="utf-8") as f:
        f.write(page)
    if story_key.search(text):
        # The story page reads the same plan (as heropath's does) under its
        # own layout; `type: stories` picks that layout.
        with open(os.path.join(site, "content", "stories", stem + ".md"), "w", encoding="utf-8") as f:
            f.write(page.replace("---\n", "---\ntype: stories\n", 1))

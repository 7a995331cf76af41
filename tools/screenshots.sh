#!/bin/sh
# Screenshots of the sample site's home page at 1280×800 and 390×844, for
# docs/screenshots/. Builds the sample clinic (this repository) into a
# temporary folder and photographs it with headless Chromium (Debian's
# `chromium`). Usage: tools/screenshots.sh [path/to/heropath]
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-"$repo/target/debug/heropath"}
[ -x "$bin" ] || (cd "$repo" && cargo build --quiet)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$repo/site.yaml" "$repo/content" "$repo/themes" "$work/"
(cd "$work" && "$bin" build --public-only --today 2026-11-26 --base-url "file://$work/public/" >/dev/null 2>&1)
mkdir -p "$repo/docs/screenshots"
for size in 1280,800 390,844; do
  w=${size%,*}
  chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size="$size" \
    --screenshot="$repo/docs/screenshots/home-$w.png" \
    "file://$work/public/index.html" 2>/dev/null
  echo "docs/screenshots/home-$w.png"
done

#!/usr/bin/env bash
# Real-world validators over a fresh build of the sample clinic:
# Nu Html Checker, axe-core (WCAG 2.1 A/AA) in headless Chromium, sitemap and
# Atom feed checks, and an internal link checker. See validate.mjs.
#
# Installs what it needs when missing (apt packages only as root), builds into
# a temporary folder (the repo's public/ and handouts/ are left alone), and
# exits non-zero on any failure.
#
# Environment:
#   SOURCE_DATE_EPOCH  fixes dates written into the output (default: the last
#                      commit's time); consent is judged by the clock
#   HEROPATH_BIN       use this heropath binary instead of `cargo run --release`
#   VALIDATE_PROFILE   cargo profile for that run: release (default) or dev,
#                      which after `cargo test` needs no new compile (the
#                      output is the same either way)
#   CHROMIUM_PATH      the browser (default /usr/bin/chromium)
#   VALIDATE_ONLY      a comma list of checks: vnu,axe,feeds,links (default all)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
t0=$SECONDS

# ---- what the checks need: Java (vnu, Jing), Chromium, Node packages
need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "validate: installing ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "validate: missing ${need_apt[*]}; install them (apt-get install ${need_apt[*]}) or run as root" >&2
    exit 1
  fi
fi
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || {
  echo "validate: Node.js 20+ and npm are needed" >&2
  exit 1
}

# npm ci whenever node_modules does not match package-lock.json. Install
# scripts are skipped: vnu-jar's would try to download a Java runtime, and
# the machine's Java is used instead.
lock_sum="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
stamp="$here/node_modules/.heropath-validate-lock"
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
  echo "validate: npm ci (tools/validate)"
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$stamp"
fi

# ---- build the sample clinic into a temporary folder
tmpbase="${TMPDIR:-/tmp}"
# The temporary path goes into a file:// URL as is: keep it plain.
[[ "$tmpbase" =~ ^[A-Za-z0-9/._-]+$ ]] || tmpbase=/tmp
tmp="$(mktemp -d "$tmpbase/heropath-validate.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 1767225600)"
fi
export SOURCE_DATE_EPOCH

heropath() {
  if [ -n "${HEROPATH_BIN:-}" ]; then
    (cd "$root" && "$HEROPATH_BIN" "$@")
  else
    case "${VALIDATE_PROFILE:-release}" in
      release) (cd "$root" && cargo run --release --quiet -- "$@") ;;
      dev) (cd "$root" && cargo run --quiet -- "$@") ;;
      *) echo "validate: VALIDATE_PROFILE must be release or dev" >&2; return 2 ;;
    esac
  fi
}
build() { # build LOG ARGS...: quiet unless it fails
  local log="$1"
  shift
  if ! heropath "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "validate: FAILED: heropath $*" >&2
    exit 1
  fi
}

tb=$SECONDS
echo "validate: building the sample clinic (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
build "$tmp/build.log" build --out "$tmp/public" --handouts "$tmp/handouts"
# The same site with a file:// base URL, so pages opened from disk find
# their stylesheet (for axe) and links are checked under a non-root base path.
build "$tmp/build-file.log" build --public-only --out "$tmp/file-public" --base-url "file://$tmp/file-public"
# The fullest sample handout in every other shipped language (issue 15):
# the same plan with `language:` changed, built in a copy of the clinic and
# checked beside the others (a handout is one self-contained file).
for lang in es zh vi ar; do
  clinic="$tmp/clinic-$lang"
  mkdir -p "$clinic"
  cp -r "$root/content" "$root/themes" "$root/site.yaml" "$clinic/"
  sed -i "s/^  language: en$/  language: $lang/" "$clinic/content/plans/maria-lopez.yaml"
  grep -q "^  language: $lang$" "$clinic/content/plans/maria-lopez.yaml" \
    || { echo "validate: could not set maria-lopez.yaml to $lang" >&2; exit 1; }
  build "$tmp/build-$lang.log" --root "$clinic" build --handouts "$tmp/handouts-$lang" --out "$tmp/public-$lang"
  cp "$tmp/handouts-$lang/maria-lopez.html" "$tmp/handouts/maria-lopez-$lang.html"
done
tail -n 1 "$tmp/build.log"
echo "validate: built in $((SECONDS - tb)) s"

# ---- the checks
only=()
[ -n "${VALIDATE_ONLY:-}" ] && only=(--only "$VALIDATE_ONLY")
status=0
node "$here/validate.mjs" --public "$tmp/public" --handouts "$tmp/handouts" \
  --axe-public "$tmp/file-public" "${only[@]}" || status=$?
echo "validate: done in $((SECONDS - t0)) s"
exit "$status"

#!/usr/bin/env bash
# End-to-end benchmark of `heropath build` and `heropath check` (issue 7).
#
#   benches/bench.sh                          # 1,000, 10,000 and 100,000 plans
#   benches/bench.sh --sizes "1000 10000" --runs 5
#
# Builds the release binary and the clinic generator, writes synthetic
# clinics (examples/gen_clinic.rs, seed 42, 200 exercises, a consented story
# every 10th plan) into $HEROPATH_BENCH_DIR (default: $TMPDIR/heropath-bench),
# re-using a clinic already generated with the same arguments, reads the
# files each run reads into the file cache (before every run), then times
# each scenario --runs times with /usr/bin/time -v.
# Prints a Markdown table: median wall time, plans per second, median CPU
# time (user + system) and peak resident memory (the highest of the runs).
#
# Scenarios (each but build-first starts from the output of a previous
# build, as in use):
#   build-first  build --no-cache with no output folders yet, as on a CI
#                runner's first build (the folders and the cache are
#                removed, untimed, before each run)
#   build-cold   build --no-cache: parse, check and render every plan
#   build-disk   build-cold with nothing in the file cache: the cache is
#                dropped before each run (root only), as after a reboot or
#                on a virtual machine that hands idle memory back
#   build        rebuild with the build cache, nothing changed
#   build-edit   rebuild after one plan (without a story) changed
#   build-story  rebuild after one plan with a published story changed
#                (the public site is rendered and privacy-scanned again)
#   check-cold   check --no-cache
#   check        check with the build cache
#
# With build-first, build-cold and build-disk, Hugo (when installed; as root the script
# installs Debian's) builds an equivalent site from the same clinic in the
# same runs (for build-first, from no output folder either),
# alternating with heropath run by run: benches/hugo/to_hugo.py turns each
# plan into a Hugo page (its YAML as front matter) and each published story
# into a story page, rendered by benches/hugo/layouts with the same fields.
# The table then has a `hugo` row and the ratio. Zola has no such converter
# yet and is not measured. A `yaml floor` line gives serde_yaml alone on
# the same plans (examples/yaml_floor.rs): no build can be faster.
#
# Performance targets (release build, warm file cache): a cold 10,000-plan
# build at least 6x faster than Hugo in the same run and <= 300 MiB;
# 100,000 plans in <= 10x the 10,000-plan time and <= 2 GiB; check
# --no-cache on 10,000 plans <= 0.5 s.
#
# Not part of `cargo test`: cargo only runs benches/*.rs targets.
set -euo pipefail

sizes="1000 10000 100000"
# The generated clinic's goals are agreed in November 2026 and its next
# visits fall in December: every run reads the plans on the same day.
today=2026-12-01
runs=5
commands="build-first build-cold build build-edit build-story check-cold check"
out_file=""
usage() {
    sed -n '2,/^# Scenarios/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    sed -n '/^# Scenarios/,/^# *$/p' "$0" | sed 's/^# \{0,1\}//'
    echo
    echo "options: --sizes \"N ...\"  --runs N  --commands \"build-cold build ...\"  --out FILE  (table also written to FILE)"
}
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --commands) commands="$2"; shift 2 ;;
        --out) out_file="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done
[ "$runs" -ge 1 ] 2>/dev/null || { echo "bench.sh: --runs must be a positive number" >&2; exit 2; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_dir="${HEROPATH_BENCH_DIR:-${TMPDIR:-/tmp}/heropath-bench}"
mkdir -p "$bench_dir"

# /usr/bin/time (GNU time) gives the peak resident set size.
if [ ! -x /usr/bin/time ]; then
    echo "bench.sh: installing GNU time" >&2
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq >&2 && apt-get install -y -qq time >&2
    else
        sudo apt-get update -qq >&2 && sudo apt-get install -y -qq time >&2
    fi
fi

cd "$repo"
echo "bench.sh: building (release)" >&2
cargo build --release --quiet --bin heropath --example gen_clinic --example yaml_floor
target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
heropath="$target_dir/release/heropath"
gen="$target_dir/release/examples/gen_clinic"
yaml_floor="$target_dir/release/examples/yaml_floor"

# Hugo, for the paired comparison (see above).
if ! command -v hugo >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "bench.sh: installing hugo (Debian) for the comparison" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >&2 || true
fi
hugo_bin="$(command -v hugo || true)"
[ -x "$heropath" ] && [ -x "$gen" ] || { echo "bench.sh: binaries not found in $target_dir/release" >&2; exit 1; }

# Fixed dates in the output, as in CI (consent is judged by the clock;
# gen_clinic's consents run to 2030).
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1795000000}"

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -n 1; }

# Read every file under the given folders into the file cache, untimed.
# Before each run, not once: some machines (virtual ones whose host takes
# back idle memory) drop clean cached pages within minutes, and a run that
# reads from disk measures the disk, not the tool.
warm() {
    local d
    for d in "$@"; do
        [ -d "$d" ] && find "$d" -type f -print0 | xargs -0 -r cat >/dev/null
    done
    return 0
}

# Empty the file cache (build-disk): every file is read from the disk.
uncache() {
    if ! { echo 1 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
        echo "bench.sh: build-disk needs root (to write /proc/sys/vm/drop_caches)" >&2
        exit 2
    fi
}

# Seconds from GNU time's "h:mm:ss" or "m:ss.ss".
to_seconds() { awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }'; }

# Wall seconds, CPU seconds (user + system) and peak KB from GNU time -v.
time_fields() {
    local wall user sys kb
    wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | to_seconds)"
    user="$(sed -n 's/.*User time (seconds): //p' "$1")"
    sys="$(sed -n 's/.*System time (seconds): //p' "$1")"
    kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$1")"
    echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $kb"
}

rows=(); ratios=(); floors=()
for n in $sizes; do
    clinic="$bench_dir/clinic-$n"
    want="gen_clinic v2 --plans $n --seed 42 --exercises 200 --stories-every 10"
    if [ "$(cat "$clinic/.gen_clinic" 2>/dev/null)" = "$want" ]; then
        echo "bench.sh: re-using $clinic" >&2
    else
        echo "bench.sh: generating $n plans in $clinic" >&2
        "$gen" --plans "$n" --seed 42 --exercises 200 --stories-every 10 --out "$clinic"
    fi
    # Warm the file cache and reach the steady state (a rebuild replaces
    # an existing output): one untimed build.
    warm "$clinic/content"
    echo "bench.sh: warm-up build of $n plans" >&2
    if ! "$heropath" --today "$today" --root "$clinic" --quiet build >"$bench_dir/warmup-$n.log" 2>&1; then
        echo "bench.sh: heropath build failed on $n plans; see $bench_dir/warmup-$n.log" >&2
        exit 1
    fi
    warnings="$("$heropath" --today "$today" --root "$clinic" --format short check 2>&1 | grep -c 'warning\[' || true)"
    echo "bench.sh: $n plans: $warnings warning(s)" >&2
    warm "$clinic/content"
    floors+=("$n plans: $("$yaml_floor" "$clinic" "$runs")")
    hugo_site="$bench_dir/hugo-$n"
    if [ -n "$hugo_bin" ] && [[ " $commands " == *" build-cold "* || " $commands " == *" build-first "* || " $commands " == *" build-disk "* ]]; then
        echo "bench.sh: converting $n plans for Hugo into $hugo_site" >&2
        python3 "$repo/benches/hugo/to_hugo.py" "$clinic" "$hugo_site"
        (cd "$hugo_site" && "$hugo_bin" --quiet >/dev/null 2>&1) || true
    fi
    plain_plan="$(grep -rL --include='*.yaml' '^story:' "$clinic/content/plans" | head -n 1 || true)"
    story_plan="$(grep -rl --include='*.yaml' '^story:' "$clinic/content/plans" | head -n 1 || true)"
    cp "$plain_plan" "$bench_dir/plain-plan.orig"
    cp "$story_plan" "$bench_dir/story-plan.orig"
    for cmd in $commands; do
        case "$cmd" in
            build-first | build-cold | build-disk) args=(build --no-cache) ;;
            build | build-edit | build-story) args=(build) ;;
            check-cold) args=(check --no-cache) ;;
            check) args=(check) ;;
            *) echo "bench.sh: unknown scenario $cmd" >&2; exit 2 ;;
        esac
        walls=(); cpus=(); rss=()
        hwalls=(); hcpus=(); hrss=()
        for ((i = 1; i <= runs; i++)); do
            # Hugo first in each pair, then heropath: both see the same
            # warm file cache and the same machine load.
            paired=""
            case "$cmd" in build-first | build-cold | build-disk) [ -n "$hugo_bin" ] && paired=1 ;; esac
            if [ "$cmd" = build-first ]; then
                rm -rf "$clinic/handouts" "$clinic/public" "$clinic/.heropath-cache" "$hugo_site/public" "$hugo_site/resources"
                sync
                sleep 1
            fi
            if [ -n "$paired" ]; then
                # Each tool starts with no dirty pages of the other's output
                # left to write back (at 100,000 plans Hugo leaves gigabytes,
                # which the kernel flushed during heropath's run).
                sync
                if [ "$cmd" = build-disk ]; then
                    uncache
                else
                    warm "$hugo_site/content" "$hugo_site/data" "$hugo_site/layouts" "$hugo_site/public"
                fi
                ht="$bench_dir/time-$n-hugo-$cmd-$i.txt"
                if ! (cd "$hugo_site" && /usr/bin/time -v -o "$ht" "$hugo_bin" --quiet >/dev/null 2>"$bench_dir/stderr-$n-hugo.log"); then
                    echo "bench.sh: hugo failed on $n plans; see $bench_dir/stderr-$n-hugo.log" >&2
                    exit 1
                fi
                read -r hw hc hk < <(time_fields "$ht")
                hwalls+=("$hw"); hcpus+=("$hc"); hrss+=("$hk")
                echo "bench.sh: $n hugo run $i: ${hw}s wall, $((hk / 1024)) MB" >&2
            fi
            if [ "$cmd" = build-first ]; then
                # Hugo's output was made just now: heropath starts from none too.
                sync
                sleep 1
            elif [ -n "$paired" ]; then
                sync
            fi
            # One changed plan per run: a comment line that differs each time.
            case "$cmd" in
                build-edit) echo "# bench edit $i $RANDOM" >>"$plain_plan" ;;
                build-story) echo "# bench edit $i $RANDOM" >>"$story_plan" ;;
            esac
            if [ "$cmd" = build-disk ]; then
                sync
                uncache
            else
                warm "$clinic/content" "$clinic/themes" "$clinic/public" "$clinic/handouts" "$clinic/.heropath-cache"
            fi
            tv="$bench_dir/time-$n-$cmd-$i.txt"
            if ! /usr/bin/time -v -o "$tv" "$heropath" --today "$today" --root "$clinic" --quiet "${args[@]}" >/dev/null 2>"$bench_dir/stderr-$n-$cmd.log"; then
                echo "bench.sh: heropath $cmd failed on $n plans; see $bench_dir/stderr-$n-$cmd.log" >&2
                exit 1
            fi
            read -r wall cpu kb < <(time_fields "$tv")
            walls+=("$wall"); cpus+=("$cpu"); rss+=("$kb")
            echo "bench.sh: $n $cmd run $i: ${wall}s wall, $((kb / 1024)) MB" >&2
        done
        # Put the edited plans back as generated; an untimed build then
        # brings the cache up to date, outside the timings.
        cp "$bench_dir/plain-plan.orig" "$plain_plan"
        cp "$bench_dir/story-plan.orig" "$story_plan"
        if [ "$cmd" = build-edit ] || [ "$cmd" = build-story ]; then
            "$heropath" --today "$today" --root "$clinic" --quiet build >/dev/null 2>&1
        fi
        w="$(printf '%s\n' "${walls[@]}" | median)"
        c="$(printf '%s\n' "${cpus[@]}" | median)"
        m="$(printf '%s\n' "${rss[@]}" | maximum)"
        rate="$(awk -v n="$n" -v w="$w" 'BEGIN { if (w > 0) printf "%.0f", n / w; else print "-" }')"
        rows+=("| $n | $cmd | $(printf '%.2f' "$w") | $rate | $(printf '%.2f' "$c") | $(awk -v k="$m" 'BEGIN { printf "%.0f", k / 1024 }') |")
        if [ ${#hwalls[@]} -gt 0 ]; then
            hw="$(printf '%s\n' "${hwalls[@]}" | median)"
            hc="$(printf '%s\n' "${hcpus[@]}" | median)"
            hm="$(printf '%s\n' "${hrss[@]}" | maximum)"
            hrate="$(awk -v n="$n" -v w="$hw" 'BEGIN { if (w > 0) printf "%.0f", n / w; else print "-" }')"
            rows+=("| $n | hugo (same data, paired with $cmd) | $(printf '%.2f' "$hw") | $hrate | $(printf '%.2f' "$hc") | $(awk -v k="$hm" 'BEGIN { printf "%.0f", k / 1024 }') |")
            ratios+=("$n plans, $cmd: heropath build --no-cache is $(awk -v h="$hw" -v w="$w" 'BEGIN { printf "%.1f", h / w }')x faster than Hugo ($(printf '%.2f' "$w") s against $(printf '%.2f' "$hw") s, medians of $runs paired runs)")
        fi
    done
done

{
    echo
    echo "heropath $("$heropath" --version | awk '{ print $2 }'), $(nproc) CPU(s), $runs run(s) each, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| plans | scenario | wall s (median) | plans/s | CPU s (median) | peak RSS MB |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${rows[@]}"
    echo
    for r in "${ratios[@]}"; do echo "- $r"; done
    if [ -z "$hugo_bin" ]; then echo "- Hugo is not installed: no comparison."; fi
    for f in "${floors[@]}"; do echo "- $f"; done
} | tee ${out_file:+"$out_file"}

#!/usr/bin/env bash
# Tomwerk against what DPOs use today: the same TOM typeset to PDF by
#   1. `tomwerk export` (release build; the .tom made once by `tomwerk import`),
#   2. LibreOffice headless (`soffice --headless --convert-to pdf` from a DOCX pandoc made),
#   3. Typst (PyPI package `typst`, from typst markup pandoc made), as a whole process.
# Measures whole-process wall time (median of RUNS), peak memory (max RSS, GNU time), PDF
# size and pages, and how many of the source's words `pdftotext` recovers from each PDF.
# Prints a Markdown table.
#
# Usage: bench/compare.sh [SOURCE.md] [RUNS]
#   SOURCE defaults to ../shared/reference/000_d7ca327f3288d2ba.txt (from the package root).
#   RUNS defaults to 10.
# Needs (installed when run as root, else listed): apt: time poppler-utils
# libreoffice-writer-nogui fonts-noto-core hyperfine (optional); pip: typst pypandoc-binary
# (pandoc >= 3.1 for the typst writer; Debian 12's pandoc 2.17 has none).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:-$root/../shared/reference/000_d7ca327f3288d2ba.txt}"
runs="${2:-10}"
[ -f "$src" ] || { echo "compare.sh: no such source file: $src" >&2; exit 2; }
src="$(cd "$(dirname "$src")" && pwd)/$(basename "$src")"

# ---- dependencies -------------------------------------------------------------------
missing_apt=()
command -v /usr/bin/time >/dev/null 2>&1 || missing_apt+=(time)
command -v pdftotext >/dev/null 2>&1 || missing_apt+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing_apt+=(libreoffice-writer-nogui)
[ -d /usr/share/fonts/truetype/noto ] || missing_apt+=(fonts-noto-core)
command -v hyperfine >/dev/null 2>&1 || missing_apt+=(hyperfine)
py=python3
missing_pip=()
$py -c 'import typst' 2>/dev/null || missing_pip+=(typst)
$py -c 'import pypandoc; pypandoc.get_pandoc_path()' 2>/dev/null || missing_pip+=(pypandoc-binary)
if [ ${#missing_apt[@]} -gt 0 ] || [ ${#missing_pip[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    if [ ${#missing_apt[@]} -gt 0 ]; then
      echo "installing (apt): ${missing_apt[*]}" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null
    fi
    if [ ${#missing_pip[@]} -gt 0 ]; then
      echo "installing (pip): ${missing_pip[*]}" >&2
      $py -m pip install -q "${missing_pip[@]}"
    fi
  else
    echo "compare.sh: missing; install as root:" >&2
    [ ${#missing_apt[@]} -gt 0 ] && echo "  apt-get install ${missing_apt[*]}" >&2
    [ ${#missing_pip[@]} -gt 0 ] && echo "  pip install ${missing_pip[*]}" >&2
    # hyperfine is optional: without it a plain loop times the runs.
    only_hf=1
    for m in "${missing_apt[@]}" "${missing_pip[@]}"; do [ "$m" = hyperfine ] || only_hf=0; done
    [ "$only_hf" = 1 ] || exit 2
  fi
fi
pandoc3="$($py -c 'import pypandoc; print(pypandoc.get_pandoc_path())')"

# ---- the tomwerk binary ---------------------------------------------------------------
tomwerk="${TOMWERK_BIN:-$root/target/release/tomwerk}"
if [ -z "${TOMWERK_BIN:-}" ]; then
  (cd "$root" && cargo build --release --quiet --bin tomwerk)
fi

# ---- inputs -----------------------------------------------------------------------------
work="$(mktemp -d /tmp/tomwerk-compare.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$src" "$work/source.md"
cd "$work"
export TOMWERK_TODAY=2026-05-27
"$tomwerk" import source.md source.tom --lang de >/dev/null
# Released, as a TOM annex goes to customers (no draft mark; the footer names the version).
TOMWERK_AUTHOR=Benchmark "$tomwerk" release source.tom --label 1.0 --note "Benchmark" >/dev/null
"$pandoc3" source.md -f markdown -t docx -o source.docx
{
  # A4, Noto Sans 10.5 pt, German hyphenation, justified: close to tomwerk's page.
  printf '#set page(paper: "a4", margin: (x: 2.2cm, y: 2.5cm), numbering: "1 / 1")\n'
  printf '#set text(font: "Noto Sans", size: 10.5pt, lang: "de")\n'
  printf '#set par(justify: true)\n'
  "$pandoc3" source.md -f markdown -t typst
} >source.typ
cat >typst_compile.py <<'EOF'
import sys, typst
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=["/usr/share/fonts/truetype/noto"])
EOF
profile="$work/lo-profile"
lo_cmd="soffice -env:UserInstallation=file://$profile --headless --convert-to pdf --outdir lo source.docx"
tw_cmd="$tomwerk export source.tom tomwerk.pdf"
ty_cmd="$py typst_compile.py source.typ typst.pdf"
# One untimed run each: LibreOffice makes its profile, caches warm up for all three.
$lo_cmd >/dev/null 2>&1
$tw_cmd >/dev/null
$ty_cmd >/dev/null

# ---- wall time: median of $runs ---------------------------------------------------------
median_ms() { # command...
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json hf.json "$*" >/dev/null 2>&1 ||
      hyperfine --style none --warmup 1 --runs "$runs" --export-json hf.json "$*" >/dev/null
    $py -c 'import json; r=json.load(open("hf.json"))["results"][0]; print("%.1f" % (r["median"] * 1000))'
  else
    local t=()
    for _ in $(seq "$runs"); do
      local a b
      a=$(date +%s%N); "$@" >/dev/null 2>&1; b=$(date +%s%N)
      t+=($(((b - a) / 1000)))
    done
    printf '%s\n' "${t[@]}" | sort -n | $py -c 'import sys,statistics; v=[int(x) for x in sys.stdin]; print(f"{statistics.median(v)/1000:.1f}")'
  fi
}
# ---- peak memory: the largest max RSS of 3 runs (KiB; includes child processes) --------
peak_kib() {
  local m=0 r
  for _ in 1 2 3; do
    r=$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n1)
    [ "$r" -gt "$m" ] && m=$r
  done
  echo "$m"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
tw_ms=$(median_ms $tw_cmd)
lo_ms=$(median_ms $lo_cmd)
ty_ms=$(median_ms $ty_cmd)
tw_kib=$(peak_kib $tw_cmd)
lo_kib=$(peak_kib $lo_cmd)
ty_kib=$(peak_kib $ty_cmd)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- PDF size, pages and recovered words ------------------------------------------------
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
mapfile -t recovered < <($py "$root/bench/words.py" source.md tomwerk.pdf lo/source.pdf typst.pdf)

row() { # name ms kib pdf recovered
  local found total missing
  IFS=$'\t' read -r found total missing <<<"$5"
  printf '| %s | %s | %s | %s | %s | %s / %s%s |\n' "$1" "$2" \
    "$(awk -v k="$3" 'BEGIN {printf "%.1f", k/1024}')" \
    "$(awk -v b="$(stat -c %s "$4")" 'BEGIN {printf "%.1f", b/1024}')" \
    "$(pages "$4")" "$found" "$total" "${missing:+ (missing: $missing)}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a/b}'; }

echo
echo "Source: $(basename "$src") ($(wc -w <"$src") words by wc); $runs runs each, median wall time."
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; load average before $load_before, after $load_after."
echo "Versions: $("$tomwerk" --version), $(soffice --version 2>/dev/null | head -n1 | cut -d' ' -f1-2), typst (PyPI) $($py -c 'import importlib.metadata as m; print(m.version("typst"))'), pandoc $("$pandoc3" --version | head -n1 | cut -d' ' -f2)."
echo "tomwerk's .tom was made by \`tomwerk import\` and released as 1.0; LibreOffice converts a DOCX and Typst compiles typst markup, both made by pandoc (not timed)."
echo
echo "| Tool | Wall time, median (ms) | Peak RSS (MiB) | PDF size (KiB) | Pages | Source words recovered |"
echo "|---|---:|---:|---:|---:|---|"
row "tomwerk export" "$tw_ms" "$tw_kib" tomwerk.pdf "${recovered[0]}"
row "LibreOffice headless (DOCX → PDF)" "$lo_ms" "$lo_kib" lo/source.pdf "${recovered[1]}"
row "Typst (PyPI, whole process)" "$ty_ms" "$ty_kib" typst.pdf "${recovered[2]}"
echo
echo "tomwerk is $(ratio "$lo_ms" "$tw_ms")× faster than LibreOffice (goal ≥ 30×) and $(ratio "$ty_ms" "$tw_ms")× faster than Typst (goal ≥ 8×)."
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP" && cp tomwerk.pdf lo/source.pdf typst.pdf source.typ source.docx source.tom "$KEEP"/
  echo "PDFs kept in $KEEP"
fi

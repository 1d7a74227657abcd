#!/usr/bin/env bash
# Measures quitting under Xvfb: Ctrl+Q (xdotool) on a saved document to the window gone and
# to the process gone, RUNS times (default 7).
# Usage: scripts/measure-quit.sh [path/to/tomwerk] (default target/release/tomwerk)
# Needs: Xvfb, xdotool.
set -euo pipefail
BIN=${1:-target/release/tomwerk}
RUNS=${RUNS:-7}
DISPLAY_NUM=:${TOMWERK_MEASURE_DISPLAY:-94}
work=$(mktemp -d)
Xvfb "$DISPLAY_NUM" -screen 0 1280x860x24 >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "${app:-0}" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 50); do DISPLAY=$DISPLAY_NUM xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
export DISPLAY=$DISPLAY_NUM TOMWERK_DATA_DIR=$work/data XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/cfg
"$BIN" example "$work/doc.tom" >/dev/null
now() { echo $(( $(date +%s%N) / 1000000 )); }
for run in $(seq "$RUNS"); do
  "$BIN" "$work/doc.tom" >"$work/log" 2>&1 &
  app=$!
  win=""
  for _ in $(seq 2000); do
    win=$(xdotool search --onlyvisible --name Tomwerk 2>/dev/null | head -1) && [ -n "$win" ] && break
    sleep 0.005
  done
  [ -n "$win" ] || { echo "window never appeared"; cat "$work/log"; exit 1; }
  sleep 2 # let start-up settle: the document is saved and idle
  t0=$(now)
  xdotool windowfocus "$win" 2>/dev/null || true
  t0=$(now)
  xdotool key ctrl+q
  gone=""
  while kill -0 "$app" 2>/dev/null; do
    if [ -z "$gone" ] && ! xdotool search --onlyvisible --name Tomwerk >/dev/null 2>&1; then gone=$(( $(now) - t0 )); fi
    sleep 0.002
  done
  exited=$(( $(now) - t0 ))
  wait "$app" 2>/dev/null || true
  echo "run $run: window gone after ${gone:-$exited} ms, process gone after ${exited} ms"
  grep '^quit' "$work/log" || true
done

#!/usr/bin/env bash
# Measures the editor under Xvfb: time until the window is mapped, idle CPU and idle RSS.
# Usage: scripts/measure-startup.sh [path/to/tomwerk] (default target/release/tomwerk)
# Needs: Xvfb, xdotool (Debian: xvfb xdotool libgl1-mesa-dri).
set -euo pipefail
BIN=${1:-target/release/tomwerk}
DISPLAY_NUM=:${TOMWERK_MEASURE_DISPLAY:-93}
work=$(mktemp -d)
Xvfb "$DISPLAY_NUM" -screen 0 1280x860x24 >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "${app:-0}" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 50); do DISPLAY=$DISPLAY_NUM xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

export DISPLAY=$DISPLAY_NUM TOMWERK_DATA_DIR=$work/data XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/cfg
start=$(date +%s%N)
"$BIN" >"$work/log" 2>&1 &
app=$!
# Poll for the mapped window; the 5 ms polling interval bounds the error.
visible=""
for _ in $(seq 2000); do
  if xdotool search --onlyvisible --name Tomwerk >/dev/null 2>&1; then
    visible=$(( ($(date +%s%N) - start) / 1000000 )); break
  fi
  sleep 0.005
done
[ -n "$visible" ] || { echo "window never appeared"; cat "$work/log"; exit 1; }
echo "window visible after: ${visible} ms"

# Let start-up work settle, then watch the process for 10 s doing nothing.
sleep 3
ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
t0=$(ticks); sleep 10; t1=$(ticks)
hz=$(getconf CLK_TCK)
echo "idle CPU over 10 s: $(( (t1 - t0) * 1000 / hz )) ms of CPU time ($(( (t1 - t0) * 100 / (10 * hz) )) %)"
rss=$(awk '/VmRSS/ {print $2}' "/proc/$app/status")
echo "idle RSS: $(( rss / 1024 )) MB"

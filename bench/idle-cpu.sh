#!/usr/bin/env bash
# Measures the reader's CPU use while idle with the ticker moving: the
# reader runs in a tmux pane on the bundled samples, and its CPU time is read
# from /proc over a window (10 s by default).
# Usage: bench/idle-cpu.sh [seconds] [--no-ticker]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
shift || true
bin="$(scripts/build-release 2>/dev/null)"
work="$(mktemp -d)"
trap 'tmux -L kiosque-bench kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

export KIOSQUE_STORE="$work/kiosque.sqlite"
"$bin" import fixtures/pages fixtures/feeds >/dev/null 2>&1 || true

tmux -L kiosque-bench -f /dev/null new-session -d -s bench -x 100 -y 30 \
  "env KIOSQUE_STORE='$KIOSQUE_STORE' TERM=tmux-256color '$bin' $*"
sleep 1
pid="$(pgrep -n -f "^$bin")"
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz="$(getconf CLK_TCK)"
before="$(ticks)"
sleep "$seconds"
after="$(ticks)"
awk -v a="$after" -v b="$before" -v hz="$hz" -v s="$seconds" -v args="$*" 'BEGIN {
  printf "idle reader %s: %.2f %% of one core over %d s (%d ticks)\n", (args == "" ? "with ticker" : args), (a - b) * 100 / hz / s, s, a - b
}'

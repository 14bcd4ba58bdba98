#!/usr/bin/env bash
# Scale benchmark: kiosque beside newsboat (when installed) on the same
# generated French feeds. Prints a table with both columns and the ratios.
#
#   bench/scale.sh FEEDS ITEMS     e.g. 1 10000, 1 100000, 100 1000
#
# Measures: first import (time, peak memory), import again with nothing new,
# start to the first complete screen under tmux, the reader's memory, and a
# search for a common word. Wall-clock times from one run each: read them as
# orders of magnitude, and keep the history in bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
feeds="${1:-1}"
items="${2:-10000}"

swift build -c release --product kiosque >/dev/null
kiosque="$(swift build -c release --show-bin-path)/kiosque"
work="$(mktemp -d)"
trap 'tmux -L kiosque-scale kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/generate_feeds.py "$work/feeds" --feeds "$feeds" --items "$items"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# Runs a command, prints "seconds peak-MB".
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }'; }
# Starts a program in a tmux pane and waits until the screen shows $1;
# prints the seconds it took and leaves the pane's pid in $work/pid.
first_screen() {
  local marker="$1"; shift
  tmux -L kiosque-scale kill-server 2>/dev/null || true
  local start; start=$(now)
  tmux -L kiosque-scale -f /dev/null new-session -d -s s -x 120 -y 40 "$*"
  until tmux -L kiosque-scale capture-pane -p -t s 2>/dev/null | grep -q "$marker"; do sleep 0.005; done
  elapsed "$start" "$(now)"
}
rss_of() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# kiosque
store="$work/kiosque.sqlite"
read -r k_import k_import_mb < <(measure "$kiosque" import --store "$store" "$work/feeds")
read -r k_again _ < <(measure "$kiosque" import --store "$store" "$work/feeds")
k_first=$(first_screen "articles," "env TERM=tmux-256color KIOSQUE_STORE='$store' '$kiosque' --no-ticker")
sleep 0.5
k_rss=$(rss_of "$(pgrep -n -f "^$kiosque --no-ticker")")
read -r k_search _ < <(measure "$kiosque" search --store "$store" --limit 20 gouvernement)
tmux -L kiosque-scale kill-server 2>/dev/null || true

# newsboat, on the same files
n_import="—"; n_import_mb="—"; n_again="—"; n_first="—"; n_rss="—"
if command -v newsboat >/dev/null; then
  for f in "$work"/feeds/*.xml; do echo "file://$f"; done > "$work/urls"
  printf 'reload-threads 2\n' > "$work/newsboat.conf"
  nb=(newsboat -u "$work/urls" -c "$work/cache.db" -C "$work/newsboat.conf")
  read -r n_import n_import_mb < <(measure "${nb[@]}" -x reload)
  read -r n_again _ < <(measure "${nb[@]}" -x reload)
  n_first=$(first_screen "Journal" "env TERM=tmux-256color ${nb[*]}")
  sleep 0.5
  n_rss=$(rss_of "$(pgrep -n -x newsboat)")
  tmux -L kiosque-scale kill-server 2>/dev/null || true
fi

ratio() { awk -v n="$1" -v k="$2" 'BEGIN { if (n == "—" || k == 0) print "—"; else printf "%.1f×", n / k }'; }
echo "## $(date +%F) — $feeds feed(s) × $items items — $(nproc) cores, $(uname -m)"
echo
echo "| measure | kiosque | newsboat | newsboat / kiosque |"
echo "|---|---|---|---|"
echo "| first import | ${k_import} s, ${k_import_mb} MB peak | ${n_import} s, ${n_import_mb} MB peak | $(ratio "$n_import" "$k_import") |"
echo "| import again, nothing new | ${k_again} s | ${n_again} s | $(ratio "$n_again" "$k_again") |"
echo "| start to first screen | ${k_first} s | ${n_first} s | $(ratio "$n_first" "$k_first") |"
echo "| reader memory (RSS) | ${k_rss} MB | ${n_rss} MB | $(ratio "$n_rss" "$k_rss") |"
echo "| search, common word (whole command) | ${k_search} s | — | — |"

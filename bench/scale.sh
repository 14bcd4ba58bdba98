#!/usr/bin/env bash
# Scale benchmark: kiosque beside newsboat (when installed) on the same
# generated French feeds. Prints a table with both columns and the ratios.
#
#   bench/scale.sh FEEDS ITEMS     e.g. 1 10000, 1 100000, 100 1000
#   KIOSQUE_SCRATCH=.build-perf bench/scale.sh 1 100000   (another build folder)
#   KIOSQUE_FEED_OPTIONS="--words 30000 --escaped" bench/scale.sh 1 100000
#     (feeds of another kind: see bench/generate_feeds.py)
#
# Measures: first import (time, peak memory), import again with nothing new,
# start to the first complete screen under tmux, each key's time to its
# frame while opening, scrolling and paging the list (kiosque writes them
# with KIOSQUE_KEY_TRACE; newsboat has no such trace), launch to a list of
# articles (newsboat starts on its list of feeds: its first screen plus
# Enter, timed until the article list shows, the Enter alone also printed;
# kiosque starts on the list of articles, so its first screen is it), the reader's
# memory (newsboat's once that list is open, as the issue measured it),
# and a search for a common word (the whole command, median of 10, and
# typed into the list's filter), and SQLite's own share of the import
# (bench/sqlite-floor.py). The first screen is the median of
# KIOSQUE_SCREEN_RUNS starts (3) of each program.
# The first import is the median of KIOSQUE_IMPORT_RUNS runs (3) for both
# programs, taking turns, every run listed; re-importing, the keys and the
# memory are wall-clock times from one run each: read them as orders of
# magnitude, note what else the machine was doing, and keep the history in
# bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
feeds="${1:-1}"
items="${2:-10000}"
scratch="${KIOSQUE_SCRATCH:-.build}"

kiosque="$(scripts/build-release --scratch-path "$scratch" 2>/dev/null)"
work="$(mktemp -d)"
trap 'tmux -L kiosque-scale kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck disable=SC2086 # the options are words to split
python3 bench/generate_feeds.py "$work/feeds" --feeds "$feeds" --items "$items" ${KIOSQUE_FEED_OPTIONS:-}

# Bash's own clock: no process started to read it.
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# Runs a command, prints "seconds peak-MB".
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }'; }
# One first import from nothing ($1: what to remove first; the rest: the
# command); prints "seconds peak-MB".
first_import() {
  local clean="$1"; shift
  rm -rf $clean
  # The last run's pages still going to the disk would slow this one.
  sync
  measure "$@"
}
# This machine's speed drifts by a sixth from one minute to the next (the
# same import took 3.6 s and 5.0 s within ten minutes), so one run alone can
# mislead either way: the first imports of both programs are run
# $runs times each, taking turns, and their medians compared.
runs="${KIOSQUE_IMPORT_RUNS:-3}"
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
peak() { printf '%s\n' "$@" | sort -n | tail -n 1; }
tmux_() { tmux -L kiosque-scale "$@"; }
# Ends the tmux server and waits until it and the program in its pane are
# gone: a program slow to quit (newsboat with 100,000 items) otherwise still
# holds the old server when the next one is asked for, and that request dies
# with it ("server exited unexpectedly").
stop_screen() {
  local server pane
  read -r server pane < <(tmux_ display-message -p -t s '#{pid} #{pane_pid}' 2>/dev/null || true)
  tmux_ kill-server 2>/dev/null || true
  # The pane's program leads a session of its own: every process in it.
  while [ -n "$pane" ] && pgrep -s "$pane" >/dev/null; do sleep 0.02; done
  while [ -n "$server" ] && kill -0 "$server" 2>/dev/null; do sleep 0.02; done
}
# Starts a program in a tmux pane and waits until the screen shows $1;
# prints the seconds it took, or "—" (and the screen, on stderr) when the
# program ended first or two minutes went by.
first_screen() {
  local marker="$1"; shift
  stop_screen
  local start; start=$(now)
  # The pane stays after the program, showing why it ended.
  tmux_ -f /dev/null new-session -d -s s -x 120 -y 40 "$*; echo \"[ended: \$?]\"; sleep 600"
  screen_shows "$marker" "$start" "first screen never came for: $*"
}
# Waits until the pane shows $1; prints the seconds since $2, or "—" (and
# $3 with the screen, on stderr) when the program ended first or two
# minutes went by.
screen_shows() {
  local marker="$1" start="$2" screen deadline=$((SECONDS + 120))
  until screen=$(tmux_ capture-pane -p -t s 2>/dev/null) && grep -q "$marker" <<< "$screen"; do
    if [ "$SECONDS" -ge "$deadline" ] || grep -q '^\[ended: ' <<< "$screen"; then
      echo "$3" >&2
      grep -v '^$' <<< "$screen" | tail -n 5 >&2
      echo "—"
      return
    fi
    sleep 0.005
  done
  elapsed "$start" "$(now)"
}
# The median of $screens starts to the first screen; the last one's
# session stays for the keys. Prints the seconds.
median_first_screen() {
  local times=()
  for _ in $(seq 1 "$screens"); do times+=("$(first_screen "$@")"); done
  if [[ " ${times[*]} " == *" — "* ]]; then echo "—"; else median "${times[@]}"; fi
}
screens="${KIOSQUE_SCREEN_RUNS:-3}"
# The median of 10 runs of a command, in milliseconds.
median_ms() {
  local times=() start
  for _ in $(seq 1 10); do
    start=$(now); "$@" >/dev/null; times+=("$(elapsed "$start" "$(now)" | awk '{ printf "%.1f", $1 * 1000 }')")
  done
  median "${times[@]}"
}
rss_of() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# Sends one key and waits until the trace has one more line (or 2 s).
send_key() {
  local before; before=$(wc -l < "$trace")
  tmux_ send-keys -t s "$1"
  for _ in $(seq 1 400); do [ "$(wc -l < "$trace")" -gt "$before" ] && return; sleep 0.005; done
}
# "max p99" in milliseconds of the trace's lines $1..$2.
latency() {
  sed -n "$1,$2p" "$trace" | awk '{ print $2 / 1000 }' | sort -n |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "— —"; exit }
          i = int(NR * 0.99 + 0.999); if (i > NR) i = NR; printf "%.1f %.1f\n", v[NR], v[i] }'
}

# kiosque
store="$work/kiosque.sqlite"
trace="$work/keys.txt"
if command -v newsboat >/dev/null; then
  for f in "$work"/feeds/*.xml; do echo "file://$f"; done > "$work/urls"
  printf 'reload-threads 2\n' > "$work/newsboat.conf"
  nb=(newsboat -u "$work/urls" -c "$work/cache.db" -C "$work/newsboat.conf")
fi
k_times=(); k_peaks=(); n_times=(); n_peaks=()
for _ in $(seq 1 "$runs"); do
  read -r t mb < <(first_import "$store $store-wal $store-shm" "$kiosque" import --store "$store" "$work/feeds")
  k_times+=("$t"); k_peaks+=("$mb")
  if [ -n "${nb+x}" ]; then
    read -r t mb < <(first_import "$work/cache.db $work/cache.db.lock" "${nb[@]}" -x reload)
    n_times+=("$t"); n_peaks+=("$mb")
  fi
done
k_import=$(median "${k_times[@]}"); k_import_mb=$(peak "${k_peaks[@]}"); k_import_all="${k_times[*]}"
read -r k_again _ < <(measure "$kiosque" import --store "$store" "$work/feeds")
k_first=$(median_first_screen "articles," "env TERM=tmux-256color KIOSQUE_STORE='$store' KIOSQUE_KEY_TRACE='$trace' '$kiosque' --no-ticker")
sleep 0.5
k_pid=$(pgrep -n -f "^$kiosque --no-ticker")
k_rss=$(rss_of "$k_pid")
: > "$trace"
for _ in $(seq 1 50); do send_key Down; done
for _ in $(seq 1 20); do send_key PageDown; done
send_key End; send_key Home; send_key Enter; send_key q
list_keys=$(wc -l < "$trace")
read -r k_key_max k_key_p99 < <(latency 1 "$list_keys")
send_key /; for c in g o u v e r n e m e n t; do send_key "$c"; done
read -r k_filter_max _ < <(latency $((list_keys + 2)) $((list_keys + 13)))
send_key Escape
k_rss_after=$(rss_of "$k_pid")
k_search=$(median_ms "$kiosque" search --store "$store" --limit 20 gouvernement)
stop_screen
# SQLite's own share: the same rows written again by SQLite alone, no
# parsing (the least any import into this schema can take); best of 3.
k_floor=$(python3 bench/sqlite-floor.py "$kiosque" "$store" |
  awk '{ v = $(NF - 1) + 0; if (best == "" || v < best) best = v } END { printf "%.2f", best }')

# newsboat, on the same files
n_import="—"; n_import_mb="—"; n_import_all=""; n_again="—"; n_first="—"; n_rss="—"; n_open="—"; n_rss_after="—"
if [ -n "${nb+x}" ]; then
  n_import=$(median "${n_times[@]}"); n_import_mb=$(peak "${n_peaks[@]}"); n_import_all="${n_times[*]}"
  read -r n_again _ < <(measure "${nb[@]}" -x reload)
  n_first=$(median_first_screen "Journal" "env TERM=tmux-256color ${nb[*]}")
  sleep 0.5
  n_pid=$(pgrep -n -x newsboat)
  n_rss=$(rss_of "$n_pid")
  # Its first screen lists the feeds: Enter opens the first one's articles.
  start=$(now); tmux_ send-keys -t s Enter
  n_open=$(screen_shows "Articles in feed" "$start" "newsboat's article list never came")
  sleep 0.5
  n_rss_after=$(rss_of "$n_pid")
  stop_screen
fi

# Launch to the first feed's articles: newsboat's first screen lists feeds.
n_to_list=$(awk -v a="$n_first" -v b="$n_open" 'BEGIN { if (a == "—" || b == "—") print "—"; else printf "%.3f", a + b }')
ratio() { awk -v n="$1" -v k="$2" 'BEGIN { if (n == "—" || k == "—" || k == 0) print "—"; else printf "%.1f×", n / k }'; }
# Each first import of newsboat over the kiosque one run just before it.
pairs=""
for i in "${!n_times[@]}"; do pairs+="${pairs:+ }$(ratio "${n_times[$i]}" "${k_times[$i]}")"; done
echo "## $(date +%F) — $feeds feed(s) × $items items${KIOSQUE_FEED_OPTIONS:+ ($KIOSQUE_FEED_OPTIONS)} — $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| measure | kiosque | newsboat | newsboat / kiosque |"
echo "|---|---|---|---|"
echo "| first import (median of $runs: ${k_import_all:-—} / ${n_import_all:-—}) | ${k_import} s, ${k_import_mb} MB peak | ${n_import} s, ${n_import_mb} MB peak | $(ratio "$n_import" "$k_import") |"
echo "| first import, each pair (newsboat / the kiosque run just before) | | | ${pairs:-—} |"
echo "| import again, nothing new | ${k_again} s | ${n_again} s | $(ratio "$n_again" "$k_again") |"
echo "| start to first screen (median of $screens) | ${k_first} s | ${n_first} s | $(ratio "$n_first" "$k_first") |"
echo "| from launch to a list of articles (kiosque: its first screen is that list; newsboat: its first screen, then Enter on the first feed, in brackets) | ${k_first} s | ${n_to_list} s (Enter: ${n_open} s) | $(ratio "$n_to_list" "$k_first") |"
echo "| list keys (Down×50, PgDn×20, End, Home, Enter, q): max, p99 | ${k_key_max} ms, ${k_key_p99} ms | — | — |"
echo "| reader memory (RSS) at first screen, then after the keys (kiosque) or with the article list open (newsboat) | ${k_rss} MB, ${k_rss_after} MB | ${n_rss} MB, ${n_rss_after} MB | $(ratio "$n_rss_after" "$k_rss_after") |"
echo "| search \"gouvernement\", whole command (median of 10) | ${k_search} ms | — | — |"
echo "| search typed into the list filter, slowest key | ${k_filter_max} ms | — | — |"
echo "| SQLite alone: the first import's rows written again, no parsing (bench/sqlite-floor.py, best of 3) | ${k_floor} s | — | — |"

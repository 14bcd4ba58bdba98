#!/usr/bin/env bash
# Scores kiosque on the extraction corpus, with trafilatura beside it when it
# can be installed in a virtualenv (.build/bench-venv, ignored by git).
#   bench/extraction/run.sh [score.py options, e.g. --kiosque PATH]
set -u
cd "$(dirname "$0")/../.."
venv=.build/bench-venv
log=.build/bench-venv-install.log
mkdir -p .build

have_trafilatura() { [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import trafilatura' 2>/dev/null; }

if ! have_trafilatura; then
    # lxml_html_clean: since lxml 5.2, lxml.html.clean (needed by jusText,
    # which trafilatura imports) is a separate package.
    { [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; } >"$log" 2>&1 &&
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check trafilatura lxml_html_clean >>"$log" 2>&1
fi

if have_trafilatura; then
    exec python3 bench/extraction/score.py --trafilatura-venv "$venv" "$@"
else
    echo "run.sh: trafilatura could not be installed in $venv (see $log); scoring kiosque alone"
    exec python3 bench/extraction/score.py --no-trafilatura "$@"
fi

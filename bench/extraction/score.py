#!/usr/bin/env python3
"""Scores `kiosque extract` on the hand-made corpus in bench/extraction.

    python3 bench/extraction/score.py [--kiosque PATH] [--trafilatura-venv DIR] [--corpus DIR]

--corpus DIR scores another corpus laid out the same way (DIR/pages,
DIR/gold, DIR/meta.json), e.g. the held-out set bench/extraction/heldout;
the default is bench/extraction itself.

For each page of pages/, runs `kiosque extract --text PAGE` and compares its
lines with gold/NAME.txt as bags of tokens (precision, recall, F1, as the
trafilatura benchmark does), and `kiosque extract --json PAGE` with
meta.json (title, author, published, image). When trafilatura can be
imported (here, in --trafilatura-venv DIR, or in .build/bench-venv), its
extraction of the same pages is scored beside kiosque's.

Prints a Markdown table. Exits 0 whatever the scores (it is a benchmark,
not a test); 2 only when the kiosque binary or the corpus cannot be found.
"""
import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_VENV = ROOT / ".build" / "bench-venv"
TIMEOUT = 60

# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(r"[^\W_]+")  # runs of Unicode letters and digits


def tokens(text):
    """casefold + NFC, then split on anything that is not a letter or a digit."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return _TOKEN.findall(folded)


class Score:
    def __init__(self, overlap=0, produced=0, expected=0, error=None):
        self.overlap, self.produced, self.expected, self.error = overlap, produced, expected, error

    @classmethod
    def of(cls, output, gold):
        out, ref = Counter(tokens(output)), Counter(tokens(gold))
        return cls(sum((out & ref).values()), sum(out.values()), sum(ref.values()))

    @classmethod
    def failed(cls, gold, error):
        return cls(0, 0, len(tokens(gold)), error)

    @property
    def precision(self):
        return self.overlap / self.produced if self.produced else 0.0

    @property
    def recall(self):
        return self.overlap / self.expected if self.expected else 0.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def micro(scores):
    return Score(sum(s.overlap for s in scores), sum(s.produced for s in scores), sum(s.expected for s in scores))


# ---------------------------------------------------------------- kiosque

def find_kiosque(explicit):
    if explicit:
        path = Path(explicit)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    release = ROOT / ".build" / "release" / "kiosque"
    if release.is_file():
        return release
    try:
        out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
        candidate = Path(out.stdout.strip()) / "kiosque"
        if out.returncode == 0 and candidate.is_file():
            return candidate
    except (OSError, subprocess.TimeoutExpired):
        pass
    return None


def run(cmd):
    """(stdout, error): error is None on success, else a one-line reason."""
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return "", f"timed out after {TIMEOUT} s"
    except OSError as e:
        return "", str(e)
    out = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 0:
        lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return out, f"exit {proc.returncode}" + (f": {lines[-1][:160]}" if lines else "")
    return out, None


# ---------------------------------------------------------------- metadata

def parse_instant(value):
    """An aware datetime, or None if value has no time or no offset."""
    if not isinstance(value, str) or len(value) <= 10:
        return None
    try:
        d = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return d if d.tzinfo is not None else None


def same_published(got, want):
    if want is None:
        return got in (None, "")
    if len(want) == 10:  # date only: the page shows no time
        return isinstance(got, str) and got.strip()[:10] == want
    a, b = parse_instant(got), parse_instant(want)
    return a is not None and a == b


def meta_checks(got, want):
    """[title, author, published, image] as booleans."""
    def norm(v):
        return None if v in (None, "") else v
    return [
        norm(got.get("title")) == want["title"],
        norm(got.get("author")) == want["author"],
        same_published(got.get("published"), want["published"]),
        norm(got.get("image")) == want["image"],
    ]


# ---------------------------------------------------------------- trafilatura

def trafilatura_worker(paths):
    """Runs inside the interpreter that has trafilatura; prints JSON."""
    import trafilatura
    result = {"version": getattr(trafilatura, "__version__", "?"), "pages": {}}
    for p in paths:
        try:
            text = trafilatura.extract(Path(p).read_bytes(), include_comments=False,
                                       include_tables=True, favor_precision=False)
            result["pages"][p] = {"text": text or "", "error": None if text else "nothing extracted"}
        except Exception as e:  # noqa: BLE001 - reported, not raised
            result["pages"][p] = {"text": "", "error": f"{type(e).__name__}: {e}"[:160]}
    json.dump(result, sys.stdout, ensure_ascii=False)


def venv_python(venv):
    for rel in ("bin/python3", "bin/python", "Scripts/python.exe"):
        if (Path(venv) / rel).is_file():
            return str(Path(venv) / rel)
    return None


def run_trafilatura(paths, venv, disabled):
    """({path: (text, error)}, version, note) or (None, None, why not)."""
    if disabled:
        return None, None, "disabled"
    interpreters = []
    if venv:
        py = venv_python(venv)
        if not py:
            return None, None, f"no Python in {venv}"
        interpreters.append(py)
    else:
        interpreters.append(sys.executable)
        if venv_python(DEFAULT_VENV):
            interpreters.append(venv_python(DEFAULT_VENV))
    for py in interpreters:
        probe = subprocess.run([py, "-c", "import trafilatura"], capture_output=True)
        if probe.returncode != 0:
            continue
        proc = subprocess.run([py, str(Path(__file__).resolve()), "--trafilatura-worker", *map(str, paths)],
                              capture_output=True, timeout=600)
        if proc.returncode != 0:
            return None, None, "trafilatura worker failed: " + proc.stderr.decode("utf-8", "replace").strip()[-200:]
        data = json.loads(proc.stdout.decode("utf-8"))
        return ({Path(k): (v["text"], v["error"]) for k, v in data["pages"].items()}, data["version"], py)
    return None, None, "trafilatura not importable" + (f" in {venv}" if venv else "")


# ---------------------------------------------------------------- main

def fmt(x):
    return f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser(description="Score `kiosque extract` against the hand-made corpus.")
    ap.add_argument("--kiosque", metavar="PATH", help="kiosque binary (default: .build/release/kiosque, "
                    "else the one in `swift build -c release --show-bin-path`)")
    ap.add_argument("--trafilatura-venv", metavar="DIR", help="virtualenv where trafilatura is installed")
    ap.add_argument("--no-trafilatura", action="store_true", help="score kiosque alone")
    ap.add_argument("--corpus", metavar="DIR", help="corpus directory holding pages/, gold/ and meta.json "
                    "(default: bench/extraction; the held-out set is bench/extraction/heldout)")
    ap.add_argument("--trafilatura-worker", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.trafilatura_worker is not None:
        trafilatura_worker(args.trafilatura_worker)
        return 0

    kiosque = find_kiosque(args.kiosque)
    if kiosque is None:
        where = args.kiosque or ".build/release/kiosque"
        print(f"score.py: kiosque binary not found ({where}); build it with `swift build -c release` or pass --kiosque PATH",
              file=sys.stderr)
        return 2

    corpus = Path(args.corpus).resolve() if args.corpus else HERE
    pages_dir, gold_dir, meta_file = corpus / "pages", corpus / "gold", corpus / "meta.json"
    if not (pages_dir.is_dir() and gold_dir.is_dir() and meta_file.is_file()):
        print(f"score.py: {corpus} is not a corpus (needs pages/, gold/ and meta.json)", file=sys.stderr)
        return 2
    meta = json.loads(meta_file.read_text("utf-8"))
    pages = sorted(pages_dir.glob("*.html"))
    traf, traf_version, traf_note = run_trafilatura(pages, args.trafilatura_venv, args.no_trafilatura)

    rows, k_scores, t_scores, checks, problems = [], [], [], [], []
    for page in pages:
        name = page.stem
        gold = (gold_dir / f"{name}.txt").read_text("utf-8")
        text, err = run([str(kiosque), "extract", "--text", str(page)])
        k = Score.failed(gold, err) if err else Score.of(text, gold)
        if err:
            problems.append(f"- `{name}` kiosque --text: {err}")
        k_scores.append(k)

        out, jerr = run([str(kiosque), "extract", "--json", str(page)])
        if jerr is None:
            try:
                got = json.loads(out)
                if not isinstance(got, dict):
                    raise ValueError("not an object")
            except ValueError as e:
                got, jerr = {}, f"invalid JSON ({e})"
        if jerr:
            problems.append(f"- `{name}` kiosque --json: {jerr}")
            c = [False] * 4
        else:
            c = meta_checks(got, meta[name])
            for field, ok in zip(("title", "author", "published", "image"), c):
                if not ok:
                    problems.append(f"- `{name}` {field}: got {json.dumps(got.get(field), ensure_ascii=False)}, "
                                    f"want {json.dumps(meta[name][field], ensure_ascii=False)}")
        checks.append(c)

        cells = [name, fmt(k.precision), fmt(k.recall), fmt(k.f1)]
        if traf is not None:
            ttext, terr = traf.get(page, ("", "not run"))
            t = Score.failed(gold, terr) if terr else Score.of(ttext, gold)
            if terr:
                problems.append(f"- `{name}` trafilatura: {terr}")
            t_scores.append(t)
            cells += [fmt(t.precision), fmt(t.recall), fmt(t.f1)]
        cells.append(" ".join("✓" if ok else "✗" for ok in c))
        cells.append("failed" if err else "")
        rows.append(cells)

    head = ["page", "kiosque P", "kiosque R", "kiosque F1"]
    if traf is not None:
        head += ["trafilatura P", "trafilatura R", "trafilatura F1"]
    head += ["meta T A D I", "note"]

    built = dt.datetime.fromtimestamp(kiosque.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    print(f"kiosque: `{kiosque}` (built {built})" + (f" · trafilatura {traf_version} (`{traf_note}`)" if traf is not None
                                      else f" · trafilatura: {traf_note}"))
    try:
        shown = corpus.relative_to(ROOT)
    except ValueError:
        shown = corpus
    print(f"corpus `{shown}` · {len(pages)} pages · tokens: casefolded NFC runs of letters and digits, compared as multisets")
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" for _ in head) + "|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    km = micro(k_scores)
    macro_k = sum(s.f1 for s in k_scores) / len(k_scores) if k_scores else 0.0
    per_field = [sum(c[i] for c in checks) for i in range(4)]
    line = ["**overall (micro)**", fmt(km.precision), fmt(km.recall), f"**{fmt(km.f1)}**"]
    mline = ["**macro mean F1**", "", "", fmt(macro_k)]
    if traf is not None:
        tm = micro(t_scores)
        macro_t = sum(s.f1 for s in t_scores) / len(t_scores) if t_scores else 0.0
        line += [fmt(tm.precision), fmt(tm.recall), f"**{fmt(tm.f1)}**"]
        mline += ["", "", fmt(macro_t)]
    line += [" ".join(f"{n}/{len(checks)}" for n in per_field), ""]
    mline += ["", ""]
    print("| " + " | ".join(line) + " |")
    print("| " + " | ".join(mline) + " |")
    print()
    print("meta: T title, A author, D published, I image (exact; published as the same instant, "
          "or the same day when the page shows no time). Goal: kiosque micro F1 ≥ 0.92.")
    if problems:
        print()
        print("Details:")
        print("\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""SQLite's own share of an import: the least any import into kiosque's store
can take, however fast the parsing.

    bench/sqlite-floor.py KIOSQUE STORE

STORE is a store kiosque filled (e.g. from `bench/generate_feeds.py`'s
100,000 items). Its rows are written again, by SQLite alone, into a new
store with the same schema (made by KIOSQUE from an empty feed, so built
the way a first import builds it): the articles with their indexes, the
images, and the search index fed with terms worked out beforehand (the
words of each body, lowercased and without accents, the analyzer's stop
words left out: about what the French analyzer gives). Nothing is parsed
or analysed while the clock runs.
"""
import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata


def stop_words():
    """The words the analyzer leaves out, read from its source."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "NewsModel", "FrenchStopWords.swift")
    with open(source, encoding="utf-8") as f:
        block = re.search(r'static let all: \[String\] = """(.*?)"""', f.read(), re.S).group(1)
    return set(block.replace("\\", " ").split())


STOP_WORDS = stop_words()


def folded_words(text):
    bare = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return " ".join(w for w in re.findall(r"\w+", bare) if w not in STOP_WORDS)


def body_text(body):
    """The text of a stored body: its blocks' texts and captions, and the
    text of the item HTML an import kept as it came (tags dropped)."""
    parts = []
    for entry in json.loads(body):
        if entry.get("type") == "html":
            parts.append(html.unescape(re.sub(r"<[^>]*>", " ", entry["html"])))
        else:
            parts.extend(entry[key] for key in ("text", "caption") if entry.get(key))
    return " ".join(parts)


def use_ascii_tokenizer(store):
    """kiosque's search index cuts terms with a tokenizer of its own, which
    only kiosque's connections know. The empty store's index is declared
    with FTS5's ascii tokenizer instead, which cuts the same terms (the
    texts above hold only letters, digits and spaces) and does a little
    more work per byte: the floor is, if anything, a little high."""
    c = sqlite3.connect(store, isolation_level=None)
    c.execute("PRAGMA writable_schema = ON")
    c.execute("UPDATE sqlite_schema SET sql = replace(sql, \"'kiosque_terms'\", \"'ascii'\") "
              "WHERE name = 'article_search'")
    c.execute("PRAGMA writable_schema = OFF")
    c.close()


def main():
    kiosque, source = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp()
    terms = os.path.join(work, "terms.sqlite")
    t = sqlite3.connect(terms)
    t.execute("CREATE TABLE terms (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
    s = sqlite3.connect(source)
    rows = []
    for id, title, body in s.execute("SELECT id, title, body FROM article"):
        rows.append((id, folded_words(title), folded_words(body_text(body))))
    t.executemany("INSERT INTO terms VALUES (?, ?, ?)", rows)
    t.commit()
    t.close()

    feeds = os.path.join(work, "feeds")
    os.makedirs(feeds)
    with open(os.path.join(feeds, "empty.xml"), "w") as f:
        f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>vide</title></channel></rss>')
    for run in (1, 2, 3):
        target = os.path.join(work, f"floor{run}.sqlite")
        subprocess.run([kiosque, "import", "--store", target, feeds], check=True, capture_output=True)
        use_ascii_tokenizer(target)
        c = sqlite3.connect(target, isolation_level=None)
        c.execute("PRAGMA cache_size = -32768")
        c.execute("ATTACH ? AS src", (source,))
        c.execute("ATTACH ? AS t", (terms,))
        c.execute("DELETE FROM main.document")
        start = time.time()
        c.execute("BEGIN")
        c.execute("INSERT INTO main.article SELECT * FROM src.article")
        c.execute("INSERT INTO main.image SELECT * FROM src.image")
        c.execute("INSERT INTO main.article_image SELECT * FROM src.article_image")
        rows_done = time.time()
        c.execute("INSERT INTO main.article_search (rowid, title, body) SELECT id, title, body FROM t.terms")
        c.execute("COMMIT")
        end = time.time()
        c.close()
        print(f"run {run}: rows and their indexes {rows_done - start:.2f} s, "
              f"search index {end - rows_done:.2f} s, total {end - start:.2f} s", flush=True)
        os.remove(target)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()

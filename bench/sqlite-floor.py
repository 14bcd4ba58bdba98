#!/usr/bin/env python3
"""SQLite's own share of an import: the least any import into kiosque's store
can take, however fast the parsing and the search index's own work.

    bench/sqlite-floor.py KIOSQUE STORE

STORE is a store kiosque filled (e.g. from `bench/generate_feeds.py`'s
100,000 items). Its rows are written again, by SQLite alone, into a new
store with the same schema (made by KIOSQUE from an empty feed, so built
the way a first import builds it): the articles with their indexes, the
images, and the search index's rows as kiosque made them (its documents
and its blocks of terms). Nothing is parsed, analysed or sorted while the
clock runs.
"""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time


def main():
    kiosque, source = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp()
    feeds = os.path.join(work, "feeds")
    os.makedirs(feeds)
    with open(os.path.join(feeds, "empty.xml"), "w") as f:
        f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>vide</title></channel></rss>')
    for run in (1, 2, 3):
        target = os.path.join(work, f"floor{run}.sqlite")
        subprocess.run([kiosque, "import", "--store", target, feeds], check=True, capture_output=True)
        c = sqlite3.connect(target, isolation_level=None)
        c.execute("PRAGMA cache_size = -16384")
        c.execute("ATTACH ? AS src", (source,))
        c.execute("DELETE FROM main.document")
        start = time.time()
        c.execute("BEGIN")
        c.execute("INSERT INTO main.article SELECT * FROM src.article")
        c.execute("INSERT INTO main.image SELECT * FROM src.image")
        c.execute("INSERT INTO main.article_image SELECT * FROM src.article_image")
        rows_done = time.time()
        for table in ("search_doc", "search_segment", "search_block"):
            c.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
        c.execute("COMMIT")
        end = time.time()
        c.close()
        print(f"run {run}: rows and their indexes {rows_done - start:.2f} s, "
              f"search index {end - rows_done:.2f} s, total {end - start:.2f} s", flush=True)
        os.remove(target)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()

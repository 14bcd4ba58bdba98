#!/usr/bin/env python3
"""Checks the corpus itself: every gold line is visible text of its page,
the title and author of meta.json appear in the page, the image path is in
its markup, and the page decodes as declared (UTF-8, else windows-1252).
Run it after editing a page or a gold file. Exit 1 on any problem."""
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent


class VisibleText(HTMLParser):
    INLINE = {"a", "strong", "em", "b", "i", "span", "abbr", "sup", "sub", "small", "cite", "q", "time"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def decode(raw):
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def main():
    meta = json.loads((HERE / "meta.json").read_text("utf-8"))
    problems = 0
    for page in sorted((HERE / "pages").glob("*.html")):
        source = decode(page.read_bytes())
        parser = VisibleText()
        parser.feed(source)
        text = re.sub(r"[ \t\r\n]+", " ", "".join(parser.parts))
        gold = [l for l in (HERE / "gold" / f"{page.stem}.txt").read_text("utf-8").split("\n") if l]
        want = meta[page.stem]
        issues = [f"gold line not in page: {g[:60]!r}" for g in gold if g not in text]
        issues += [f"{k} not in page: {want[k]!r}" for k in ("title", "author") if want[k] and want[k] not in text]
        if want["image"] and re.sub(r"^https?://[^/]+/", "", want["image"]) not in html.unescape(source):
            issues.append(f"image not in page: {want['image']}")
        for i in issues:
            print(f"{page.stem}: {i}")
        problems += len(issues)
        print(f"{page.stem}: {len(gold)} gold lines, {'ok' if not issues else 'PROBLEMS'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

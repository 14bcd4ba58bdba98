#!/usr/bin/env python3
"""Generates French RSS 2.0 feeds for the scale benchmarks.

Each item carries about 150 words of HTML (paragraphs, an image, a link),
a guid, a date and an author, like the feeds newsboat was measured with.

    bench/generate_feeds.py OUT_DIR --feeds 1 --items 10000 [--seed 1]
        [--words 30000 [--even]] [--escaped] [--fresh-words]

By default the words come from the short list below, and the HTML is
written in CDATA sections. Feeds made elsewhere may differ, so two options
change what costs the most to import: `--words N` adds N made-up French
words drawn by Zipf's law (a few frequent, most rare, as in real prose: the
search index then holds tens of thousands of terms; with `--even`, drawn
evenly instead, as from a dictionary: apart from the commonest words, none
comes often, and no cache of words holds most of them), and `--escaped`
writes the HTML escaped (&lt;p&gt;) with a width and a height on each image.
`--fresh-words` makes up every word but the most common ones as it goes,
so that nearly none comes twice: the worst case for a search index, which
then holds as many terms as the feeds hold words.
"""
import argparse
import itertools
import os
import random
from email.utils import format_datetime
from html import escape
from datetime import datetime, timedelta, timezone

WORDS = ("le la les un une des du de au aux et ou mais donc car ni que qui dont où ce cette ces son sa ses "
         "leur leurs notre votre gouvernement ministre projet réforme économie région ville commune école "
         "hôpital université marché entreprise emploi croissance budget élection élections député sénat "
         "conseil municipal tribunal justice police sécurité transport route rail port aéroport énergie "
         "eau électricité climat sécheresse pluie récolte agriculture pêche tourisme culture festival "
         "musée théâtre cinéma livre presse journal radio télévision numérique internet réseau données "
         "santé vaccin médecin patient enfants jeunes familles habitants citoyens salariés syndicats "
         "annonce présente lance prévoit confirme dénonce salue attend renforce réduit augmente baisse "
         "nouveau nouvelle important importante national nationale local locale public publique premier "
         "première dernier dernière grand grande petit petite long longue rapide difficile possible").split()
PLACES = ["Rabat", "Casablanca", "Fès", "Marrakech", "Tanger", "Agadir", "Lyon", "Marseille", "Lille",
          "Bruxelles", "Liège", "Namur", "Montréal", "Québec", "Genève", "Lausanne", "Dakar", "Abidjan"]


SYLLABLES = ("ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo la le li lo lu ma me mi mo mu na "
             "ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu é è ê "
             "à ç ou an en in on eau ai oi tion ment ique").split()
# Words that stand in every sentence whatever the vocabulary.
COMMON = WORDS[:33]


class Vocabulary:
    """N made-up words, the k-th drawn with weight 1/k (Zipf's law), or all
    with the same weight (`even`)."""

    def __init__(self, rng, size, even=False):
        words = set()
        while len(words) < size:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
        self.words = sorted(words)
        rng.shuffle(self.words)
        self.weights = list(itertools.accumulate(1.0 if even else 1.0 / (k + 1) for k in range(size)))

    def draw(self, rng, n):
        drawn = rng.choices(self.words, cum_weights=self.weights, k=n)
        return [rng.choice(COMMON) if rng.random() < 0.3 else word for word in drawn]


VOCABULARY = None


FRESH = False


def made_up(rng):
    """A word of four to eight syllables, made up now: nearly never twice."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(4, 8)))


def sentence(rng, n):
    if FRESH:
        words = [rng.choice(COMMON) if rng.random() < 0.3 else made_up(rng) for _ in range(n)]
    else:
        words = VOCABULARY.draw(rng, n) if VOCABULARY else [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randrange(1, len(words)), rng.choice(PLACES))
    return " ".join(words) + rng.choice([".", ".", ".", " !", " ?", "…"])


def item(rng, feed, n, when, escaped):
    title = f"{rng.choice(PLACES)} : {sentence(rng, rng.randint(6, 11)).rstrip('.!?…')}"
    paragraphs = []
    words = 0
    while words < 150:
        count = rng.randint(14, 28)
        paragraphs.append(f"<p>{sentence(rng, count)} {sentence(rng, rng.randint(8, 16))}</p>")
        words += count + 12
    size = ' width="640" height="360"' if escaped else ''
    image = (f'<figure><img src="https://img.example/{feed}/{n}.jpg" alt="Photo {n}"{size}>'
             f'<figcaption>{sentence(rng, 6)}</figcaption></figure>')
    link = f'<p>Lire aussi <a href="https://journal{feed}.example/dossier/{n % 97}">notre dossier</a>.</p>'
    body = paragraphs[0] + image + "".join(paragraphs[1:]) + link
    return (f"<item><title>{title}</title><link>https://journal{feed}.example/{n}.html</link>"
            f"<guid isPermaLink=\"false\">journal{feed}-{n}</guid>"
            f"<pubDate>{format_datetime(when)}</pubDate><dc:creator>Rédaction {feed}</dc:creator>"
            f"<description>{escape(body) if escaped else f'<![CDATA[{body}]]>'}</description></item>\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--feeds", type=int, default=1)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=0)
    parser.add_argument("--even", action="store_true")
    parser.add_argument("--escaped", action="store_true")
    parser.add_argument("--fresh-words", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    global VOCABULARY, FRESH
    VOCABULARY = Vocabulary(rng, args.words, args.even) if args.words > 0 else None
    FRESH = args.fresh_words
    start = datetime(2024, 10, 24, 14, 5, tzinfo=timezone(timedelta(hours=2)))
    for feed in range(args.feeds):
        path = os.path.join(args.out, f"journal-{feed:03d}.xml")
        with open(path, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                      'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                      f"<title>Le Journal n° {feed}</title><link>https://journal{feed}.example/</link>"
                      "<description>Actualités</description><language>fr</language>\n")
            for n in range(args.items):
                out.write(item(rng, feed, n, start - timedelta(minutes=7 * n + feed), args.escaped))
            out.write("</channel></rss>\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generates French RSS 2.0 feeds for the scale benchmarks.

Each item carries about 150 words of HTML (paragraphs, an image, a link),
a guid, a date and an author, like the feeds newsboat was measured with.

    bench/generate_feeds.py OUT_DIR --feeds 1 --items 10000 [--seed 1]
"""
import argparse
import os
import random
from email.utils import format_datetime
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


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randrange(1, len(words)), rng.choice(PLACES))
    return " ".join(words) + rng.choice([".", ".", ".", " !", " ?", "…"])


def item(rng, feed, n, when):
    title = f"{rng.choice(PLACES)} : {sentence(rng, rng.randint(6, 11)).rstrip('.!?…')}"
    paragraphs = []
    words = 0
    while words < 150:
        count = rng.randint(14, 28)
        paragraphs.append(f"<p>{sentence(rng, count)} {sentence(rng, rng.randint(8, 16))}</p>")
        words += count + 12
    image = (f'<figure><img src="https://img.example/{feed}/{n}.jpg" alt="Photo {n}">'
             f'<figcaption>{sentence(rng, 6)}</figcaption></figure>')
    link = f'<p>Lire aussi <a href="https://journal{feed}.example/dossier/{n % 97}">notre dossier</a>.</p>'
    body = paragraphs[0] + image + "".join(paragraphs[1:]) + link
    return (f"<item><title>{title}</title><link>https://journal{feed}.example/{n}.html</link>"
            f"<guid isPermaLink=\"false\">journal{feed}-{n}</guid>"
            f"<pubDate>{format_datetime(when)}</pubDate><dc:creator>Rédaction {feed}</dc:creator>"
            f"<description><![CDATA[{body}]]></description></item>\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--feeds", type=int, default=1)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    start = datetime(2024, 10, 24, 14, 5, tzinfo=timezone(timedelta(hours=2)))
    for feed in range(args.feeds):
        path = os.path.join(args.out, f"journal-{feed:03d}.xml")
        with open(path, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                      'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                      f"<title>Le Journal n° {feed}</title><link>https://journal{feed}.example/</link>"
                      "<description>Actualités</description><language>fr</language>\n")
            for n in range(args.items):
                out.write(item(rng, feed, n, start - timedelta(minutes=7 * n + feed)))
            out.write("</channel></rss>\n")


if __name__ == "__main__":
    main()

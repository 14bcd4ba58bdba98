#!/usr/bin/env python3
"""A loopback HTTP server for kiosque's fetch tests. It serves the fixture
feeds and the awkward cases a real network has: conditional requests (ETag,
Last-Modified, 304), permanent, temporary, endless and non-web redirects,
gzip, a declared charset, slow, missing, failing, oversized and garbage
answers. It listens on 127.0.0.1
only, prints its port, and stops when its standard input closes.

    scripts/test-feed-server.py FIXTURES_DIR
"""
import gzip
import hashlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = sys.argv[1]
COUNTS = {}
LAST_MODIFIED = "Thu, 24 Oct 2024 12:00:00 GMT"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def feed(self, name, encode_gzip=False):
        path = os.path.join(ROOT, "feeds", os.path.basename(name))
        if not os.path.isfile(path):
            return self.send(404, b"not found")
        body = open(path, "rb").read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            return self.send(304, headers={"ETag": etag})
        headers = {"Content-Type": "application/rss+xml", "ETag": etag, "Last-Modified": LAST_MODIFIED}
        if encode_gzip:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        self.send(200, body, headers)

    def page(self, name):
        path = os.path.join(ROOT, "web", os.path.basename(name))
        if not os.path.isfile(path):
            return self.send(404, b"<html><body><h1>Page introuvable</h1></body></html>", {"Content-Type": "text/html"})
        # No charset in the header: the page's own <meta>, or nothing, decides.
        self.send(200, open(path, "rb").read(), {"Content-Type": "text/html"})

    def summaries(self):
        """A feed whose items carry only a line of summary and link to pages
        of this server (one of them missing), for full-text fetching."""
        base = "http://" + self.headers.get("Host", "127.0.0.1")
        items = [
            ("s1", "Grève à la SNCF : le trafic perturbé mardi", "sncf-greve.html"),
            ("s2", "Un quotidien sous le feu des notifications", "quotidien-clutter.html"),
            ("s3", "Une page qui n'existe plus", "disparue.html"),
        ]
        body = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Résumés</title>'
                '<link>%s/</link>' % base]
        for guid, title, page in items:
            body.append('<item><guid>%s</guid><title>%s</title><link>%s/pages/%s</link>'
                        '<pubDate>Tue, 18 Feb 2025 10:20:00 GMT</pubDate>'
                        '<description>Le résumé de cet article tient en une ligne…</description></item>'
                        % (guid, title, base, page))
        body.append("</channel></rss>")
        self.send(200, "".join(body).encode("utf-8"), {"Content-Type": "application/rss+xml"})

    def do_GET(self):
        COUNTS[self.path] = COUNTS.get(self.path, 0) + 1
        COUNTS.setdefault("304", 0)
        # The query string only makes addresses distinct (many subscriptions
        # to the same file); it does not change the answer.
        parts = self.path.split("?", 1)[0].strip("/").split("/", 1)
        kind, name = parts[0], (parts[1] if len(parts) > 1 else "")
        if kind == "feeds":
            return self.feed(name)
        if kind == "pages":
            return self.page(name)
        if kind == "summaries":
            return self.summaries()
        if kind == "gzip":
            return self.feed(name, encode_gzip=True)
        if kind == "moved":
            return self.send(301, headers={"Location": "/feeds/" + name})
        if kind == "temporary":
            return self.send(302, headers={"Location": "/feeds/" + name})
        if kind == "loop":
            return self.send(307, headers={"Location": "/loop/" + name})
        if kind == "elsewhere":
            return self.send(301, headers={"Location": "file:///etc/passwd"})
        if kind == "latin1":
            text = ('<rss version="2.0"><channel><title>La Gazette</title><item><guid>g1</guid>'
                    '<title>L’été — 5 € œuvre</title><description>Déjà là</description></item></channel></rss>')
            return self.send(200, text.encode("cp1252"), {"Content-Type": "text/xml; charset=iso-8859-1"})
        if kind == "slow":
            time.sleep(float(name or "30"))
            return self.send(200, b"")
        if kind == "big":
            return self.send(200, b"<rss>" + b" " * (int(name or "1") << 10), {"Content-Type": "application/rss+xml"})
        if kind == "broken":
            return self.send(500, b"erreur interne")
        if kind == "garbage":
            return self.send(200, bytes(range(256)) * 8, {"Content-Type": "application/rss+xml"})
        if kind == "stats":
            return self.send(200, json.dumps(COUNTS).encode(), {"Content-Type": "application/json"})
        self.send(404, b"not found")


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()          # the test closes our stdin when it is done
    server.shutdown()


if __name__ == "__main__":
    main()

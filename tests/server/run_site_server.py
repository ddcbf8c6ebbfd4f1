#!/usr/bin/env python3
"""A small web site for the `winnow run` end-to-end tests, served from a folder the test writes.

    run_site_server.py --root DIR --log FILE

Listens on 127.0.0.1 and a free port, prints the port on stdout, and serves GET PATH from
ROOT/PATH: ETag (a hash of the content) and Last-Modified on every file, 304 to a matching
If-None-Match, 500 when ROOT/PATH.fail exists (a page "that starts failing"), 404 otherwise.
Content types follow the extension (.html, .xml, .gz, .txt, .pdf). Each request is logged as one
JSON line in FILE (path, status, If-None-Match, If-Modified-Since) so tests can check what was
asked. The server exits when its standard input closes (the test process died or finished).
"""
import argparse
import email.utils
import hashlib
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TYPES = {".html": "text/html; charset=utf-8", ".xml": "application/xml", ".gz": "application/gzip",
         ".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)
        entry = {"path": self.path, "status": status,
                 "if_none_match": self.headers.get("If-None-Match", ""),
                 "if_modified_since": self.headers.get("If-Modified-Since", ""),
                 "user_agent": self.headers.get("User-Agent", "")}
        with self.server.log_lock, open(self.server.log_path, "a") as log:
            log.write(json.dumps(entry) + "\n")

    def do_GET(self):
        root = os.path.realpath(self.server.root)
        path = os.path.realpath(os.path.join(root, self.path.split("?")[0].lstrip("/")))
        if not path.startswith(root + os.sep) or not os.path.isfile(path):
            return self.send(404, b"<html><body>not found</body></html>", {"Content-Type": "text/html"})
        if os.path.exists(path + ".fail"):
            return self.send(500, b"<html><body>server error</body></html>", {"Content-Type": "text/html"})
        with open(path, "rb") as f:
            body = f.read()
        headers = {"Content-Type": TYPES.get(os.path.splitext(path)[1], "application/octet-stream"),
                   "ETag": '"' + hashlib.sha1(body).hexdigest()[:16] + '"',
                   "Last-Modified": email.utils.formatdate(os.path.getmtime(path), usegmt=True)}
        if self.headers.get("If-None-Match") == headers["ETag"]:
            return self.send(304, b"", headers)
        self.send(200, body, headers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.root = args.root
    server.log_path = args.log
    server.log_lock = threading.Lock()
    open(args.log, "a").close()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # returns when the test closes the pipe or dies
    server.shutdown()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""winnow's test HTTP server: Python standard library only, 127.0.0.1 only.

Started by the tests (tests/support/test_server.cpp) and by scripts/bench-fetch:

    winnow_test_server.py [--ports N] [--log FILE] [--static DIR] [--files DIR]
                          [--robots FILE | --robots-status CODE] [--robots-delay S]

It listens on N free ports (all serving the same routes, so they look like N hosts), prints
"PORTS p1 p2 ..." on one line of stdout, and serves until SIGTERM or until its stdin closes (so
it never outlives the test that started it). Each request is appended to the log file as one
JSON line: {"time", "port", "client_port", "method", "path", "headers": {...}} with the request headers the
tests look at (and every header whose name starts with "X-", and Cookie); "time" is when the
request reached the machine (the kernel's receive timestamp).

It is also a small HTTP proxy: a request for an absolute URL ("GET http://any.name/page/a") is
answered from these routes as if that host were this server, and logged with "proxied": true
and the URL as "path" (so a test can use a name that does not resolve and still prove the request
went through the proxy).

Routes are functions registered with @route(prefix); the longest matching prefix wins. To add
a route, write `@route("/my/prefix") def my_route(req): ...` returning a Response.
"""

import argparse
import gzip
import hashlib
import json
import os
import re
import signal
import socket
import struct
import sys
import threading
import time
import zlib
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ROUTES = {}
LOGGED_HEADERS = ("User-Agent", "Accept", "If-None-Match", "If-Modified-Since", "Accept-Encoding", "Host", "Connection",
                  "Cookie", "Accept-Language", "Referer", "Authorization")


class Response:
    def __init__(self, status=200, body=b"", content_type="text/html; charset=utf-8", headers=None,
                 chunks=None, chunk_pause=0.0, stall_after=None, no_length=False, reason=None):
        self.status = status
        self.reason = reason            # the status line's text (default: the standard one)
        self.body = body if isinstance(body, bytes) else body.encode("utf-8")
        self.content_type = content_type
        self.headers = dict(headers or {})
        self.chunks = chunks            # send the body in this many pieces ...
        self.chunk_pause = chunk_pause  # ... with this pause between them
        self.stall_after = stall_after  # send this many body bytes, then hang
        self.no_length = no_length      # no Content-Length: the body ends when the connection closes


def route(prefix):
    def register(function):
        ROUTES[prefix] = function
        return function
    return register


class Request:
    def __init__(self, handler, config):
        parts = urlsplit(handler.path)  # an absolute URL (a proxied request) or a path
        self.path = parts.path
        self.query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.headers = handler.headers
        self.port = handler.server.server_address[1]
        self.config = config

    def arg(self, name, default):
        value = self.query.get(name)
        return type(default)(value) if value is not None else default


def html_page(title, paragraphs):
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html><head><title>{title}</title></head>\n"
            f"<body><nav><a href='/'>Home</a></nav>\n<article><h1>{title}</h1>\n{body}</article></body></html>\n")


ARTICLE_TEXT = ["This is the first paragraph of a test article served by winnow's test server. "
                "It has enough words to look like prose to an extractor.",
                "A second paragraph follows, with a few more sentences. The fetcher does not care about "
                "the content, but winnow clean does."]


# --- pages ---------------------------------------------------------------------------------

@route("/")
def index(req):
    if req.path != "/":
        return Response(404, html_page("Not found", ["No route for " + req.path]))
    return Response(200, html_page("Index", ARTICLE_TEXT))


@route("/page/")
def page(req):
    """/page/NAME: a small generated article, one per name (the benchmark's 200 pages)."""
    name = req.path[len("/page/"):]
    return Response(200, html_page("Page " + name, ARTICLE_TEXT))


@route("/static/")
def static(req):
    """/static/FILE: a file of the static folder (tests/server/static by default)."""
    name = req.path[len("/static/"):]
    path = os.path.realpath(os.path.join(req.config.static, name))
    if not path.startswith(os.path.realpath(req.config.static) + os.sep) or not os.path.isfile(path):
        return Response(404, html_page("Not found", [name]))
    types = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".xml": "application/xml",
             ".json": "application/json", ".gz": "application/gzip"}
    with open(path, "rb") as f:
        return Response(200, f.read(), types.get(os.path.splitext(path)[1], "application/octet-stream"))


@route("/site/")
def site(req):
    """/site/PATH: a small web site for the `winnow run` tests, the files of FILES/site/ that the
    test writes and changes between runs: ETag (a hash of the content) and Last-Modified on every
    file, 304 to a matching If-None-Match, 500 while FILES/site/PATH.fail exists (a page that
    starts failing), 404 for a missing file. Content types follow the extension."""
    root = os.path.realpath(os.path.join(req.config.files or "", "site"))
    path = os.path.realpath(os.path.join(root, req.path[len("/site/"):]))
    if not path.startswith(root + os.sep) or not os.path.isfile(path):
        return Response(404, html_page("Not found", [req.path]))
    if os.path.exists(path + ".fail"):
        return Response(500, html_page("Server error", [req.path]))
    with open(path, "rb") as f:
        body = f.read()
    types = {".html": "text/html; charset=utf-8", ".xml": "application/xml", ".gz": "application/gzip",
             ".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf"}
    headers = {"ETag": '"' + hashlib.sha1(body).hexdigest()[:16] + '"',
               "Last-Modified": formatdate(os.path.getmtime(path), usegmt=True)}
    if req.headers.get("If-None-Match") == headers["ETag"]:
        return Response(304, b"", None, headers)
    return Response(200, body, types.get(os.path.splitext(path)[1], "application/octet-stream"), headers)


# --- redirects -----------------------------------------------------------------------------

@route("/redirect/")
def redirect(req):
    """/redirect/N: a chain of N redirects ending at /page/redirected."""
    n = int(req.path.rsplit("/", 1)[1] or 0)
    target = f"/redirect/{n - 1}" if n > 1 else "/page/redirected"
    return Response(302, "", headers={"Location": target})


@route("/loop/")
def loop(req):
    """/loop/a <-> /loop/b: a redirect loop."""
    target = "/loop/b" if req.path.endswith("/a") else "/loop/a"
    return Response(301, "", headers={"Location": target})


@route("/to-ftp")
def to_ftp(req):
    return Response(302, "", headers={"Location": "ftp://127.0.0.1/file.html"})


# --- encodings and charsets ----------------------------------------------------------------

ENCODED_PAGE = html_page("Encoded page", ARTICLE_TEXT + ["Ünïcödé survives compression."])


@route("/gzip")
def gzip_route(req):
    return Response(200, gzip.compress(ENCODED_PAGE.encode()), headers={"Content-Encoding": "gzip"})


@route("/deflate")
def deflate_route(req):
    return Response(200, zlib.compress(ENCODED_PAGE.encode()), headers={"Content-Encoding": "deflate"})


@route("/brotli")
def brotli_route(req):
    """/brotli: FILES/page.br (compressed by the test with libbrotlienc; Python has no brotli)."""
    path = os.path.join(req.config.files or "", "page.br")
    if not os.path.isfile(path):
        return Response(500, "no page.br in the files folder")
    with open(path, "rb") as f:
        return Response(200, f.read(), headers={"Content-Encoding": "br"})


@route("/charset/latin1")
def latin1(req):
    text = html_page("Caf\u00e9 cr\u00e8me", ["D\u00e9j\u00e0 vu \u00e0 la cr\u00e8merie."])
    return Response(200, text.encode("iso-8859-1"), "text/html; charset=ISO-8859-1")


@route("/charset/quoted")
def quoted_charset(req):
    return Response(200, html_page("Quoted", ["x"]).encode("utf-8"), 'text/html; charset="utf-8"; foo=bar')


# --- timing --------------------------------------------------------------------------------

@route("/slow")
def slow(req):
    """/slow?delay=S: waits S seconds, then answers."""
    time.sleep(req.arg("delay", 0.5))
    return Response(200, html_page("Slow", ARTICLE_TEXT))


@route("/trickle")
def trickle(req):
    """/trickle?chunks=N&pause=S: the body in N pieces, S seconds apart."""
    return Response(200, html_page("Trickle", ARTICLE_TEXT * 4), chunks=req.arg("chunks", 4), chunk_pause=req.arg("pause", 0.1))


@route("/stall")
def stall(req):
    """/stall: headers and 100 bytes of body, then nothing (until the client gives up)."""
    return Response(200, html_page("Stall", ARTICLE_TEXT * 10), stall_after=100)


# --- sizes ---------------------------------------------------------------------------------

@route("/big")
def big(req):
    """/big?bytes=N[&length=0]: an HTML page of N bytes; length=0 sends no Content-Length."""
    n = req.arg("bytes", 1 << 20)
    head = b"<html><body><p>"
    body = head + b"x" * max(0, n - len(head))
    return Response(200, body, no_length=req.arg("length", 1) == 0)


# --- statuses and retries ------------------------------------------------------------------

@route("/status-text")
def status_text(req):
    """/status-text: 503 whose status text carries terminal escape sequences and a bell."""
    return Response(503, html_page("Busy", ["busy"]), reason="Busy \x1b[31mRED\x1b]0;title\x07 \x9b2J now")


@route("/hop/")
def hop(req):
    """/hop/N?to=URL: a chain of N redirects on this host, then a redirect to URL (default /page/end)."""
    n = int(req.path.rsplit("/", 1)[1] or 0)
    target = f"/hop/{n - 1}" if n > 1 else None
    if target and "to" in req.query:
        target += "?to=" + req.query["to"]
    return Response(302, "", headers={"Location": target or req.query.get("to", "/page/end")})


@route("/status/")
def status(req):
    """/status/CODE: that status with a small HTML body."""
    code = int(req.path.rsplit("/", 1)[1])
    return Response(code, html_page(f"Status {code}", [f"status {code}"]))


COUNTERS = {}
COUNTERS_LOCK = threading.Lock()


def count(key):
    with COUNTERS_LOCK:
        COUNTERS[key] = COUNTERS.get(key, 0) + 1
        return COUNTERS[key]


@route("/flaky/")
def flaky(req):
    """/flaky/KEY?fail=N&status=S[&delay=D]: status S for the first N requests of KEY (per port),
    then 200; each answer after D seconds."""
    time.sleep(req.arg("delay", 0.0))
    n = count((req.port, req.path))
    if n <= req.arg("fail", 1):
        return Response(req.arg("status", 503), html_page("Try again", ["later"]))
    return Response(200, html_page("Flaky " + req.path, ARTICLE_TEXT))


@route("/drop/")
def drop(req):
    """/drop/KEY?fail=N: closes the connection without an answer for the first N requests."""
    n = count((req.port, req.path))
    if n <= req.arg("fail", 1):
        return "drop"
    return Response(200, html_page("Dropped then served", ARTICLE_TEXT))


@route("/retry-after/")
def retry_after(req):
    """/retry-after/KEY?seconds=S[&date=1][&fail=N]: 429 with Retry-After (seconds or an HTTP date) N times."""
    n = count((req.port, req.path))
    if n <= req.arg("fail", 1):
        seconds = req.arg("seconds", 1)
        value = formatdate(time.time() + seconds, usegmt=True) if req.arg("date", 0) else str(seconds)
        return Response(429, html_page("Slow down", ["429"]), headers={"Retry-After": value})
    return Response(200, html_page("After waiting", ARTICLE_TEXT))


# --- conditional requests ------------------------------------------------------------------

ETAG = '"v1-abc"'
LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT"


@route("/etag")
def etag(req):
    """/etag: ETag and Last-Modified; 304 when If-None-Match or If-Modified-Since matches."""
    headers = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
    if req.headers.get("If-None-Match") == ETAG or req.headers.get("If-Modified-Since") == LAST_MODIFIED:
        return Response(304, b"", headers=headers)
    return Response(200, html_page("Conditional", ARTICLE_TEXT), headers=headers)


# --- robots.txt and content types ----------------------------------------------------------

@route("/robots.txt")
def robots(req):
    if req.config.robots_delay:
        time.sleep(req.config.robots_delay)
    if req.config.robots_status:
        return Response(req.config.robots_status, "robots.txt status", "text/plain")
    if not req.config.robots:
        return Response(404, "no robots.txt", "text/plain")
    with open(req.config.robots, "rb") as f:
        return Response(200, f.read(), "text/plain")


@route("/private/")
def private(req):
    return Response(200, html_page("Private " + req.path, ARTICLE_TEXT))


@route("/public/")
def public(req):
    return Response(200, html_page("Public " + req.path, ARTICLE_TEXT))


@route("/type/")
def typed(req):
    """/type/pdf, /type/png, /type/json, /type/xml, /type/plain, /type/none: non-HTML (or untyped) bodies."""
    kind = req.path.rsplit("/", 1)[1]
    bodies = {"pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"0" * 2000, "application/pdf"),
              "png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 2000, "image/png"),
              "json": (b'{"a": 1}', "application/json"),
              "xml": (b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", "application/rss+xml"),
              "plain": (b"plain text", "text/plain"),
              "xhtml": (html_page("XHTML", ["x"]).encode(), "application/xhtml+xml"),
              "none": (html_page("Untyped", ["x"]).encode(), None)}
    body, content_type = bodies.get(kind, (b"?", "application/octet-stream"))
    return Response(200, body, content_type)


# --- the server ----------------------------------------------------------------------------

SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)


def kernel_arrival_time(sock):
    """When the next request's first bytes reached this machine (the kernel's receive time of
    the waiting data, peeked), so the log's times do not depend on how fast this Python
    thread got the CPU. Blocks until data comes; None when the peer closed or no timestamp."""
    try:
        data, ancillary, _, _ = sock.recvmsg(1, socket.CMSG_SPACE(16), socket.MSG_PEEK)
    except OSError:
        return None
    if not data:
        return None
    for level, kind, value in ancillary:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(value) >= 16:
            seconds, nanoseconds = struct.unpack("qq", value[:16])
            return seconds + nanoseconds / 1e9
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse can happen
    server_version = "winnow-test-server"
    arrival = None

    def setup(self):
        super().setup()
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        except OSError:
            pass

    def handle_one_request(self):
        # Clients here send one request at a time, so nothing is buffered in rfile yet.
        self.arrival = kernel_arrival_time(self.connection)
        super().handle_one_request()

    def log_message(self, format, *args):  # the JSON log replaces stderr chatter
        pass

    def do_GET(self):
        config = self.server.config
        config.log(self)
        req = Request(self, config)
        handler = None
        for prefix in sorted(ROUTES, key=len, reverse=True):
            if req.path == prefix or (prefix.endswith("/") and req.path.startswith(prefix)) or req.path == prefix.rstrip("/"):
                handler = ROUTES[prefix]
                break
        response = handler(req) if handler else Response(404, html_page("Not found", [req.path]))
        if response == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send(response)

    def send(self, r):
        self.send_response(r.status, r.reason)  # the reason is written as given (latin-1)
        if r.content_type:
            self.send_header("Content-Type", r.content_type)
        for name, value in r.headers.items():
            self.send_header(name, value)
        if r.no_length:
            self.send_header("Connection", "close")
            self.close_connection = True
        elif r.status != 304:
            self.send_header("Content-Length", str(len(r.body)))
        self.end_headers()
        if r.status == 304:
            return
        try:
            if r.stall_after is not None:
                self.wfile.write(r.body[:r.stall_after])
                self.wfile.flush()
                time.sleep(30)
                self.close_connection = True
                return
            if r.chunks:
                size = max(1, -(-len(r.body) // r.chunks))
                for start in range(0, len(r.body), size):
                    self.wfile.write(r.body[start:start + size])
                    self.wfile.flush()
                    time.sleep(r.chunk_pause)
                return
            self.wfile.write(r.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class Config:
    def __init__(self, args):
        self.static = args.static
        self.files = args.files
        self.robots = args.robots
        self.robots_status = args.robots_status
        self.robots_delay = args.robots_delay
        self.log_file = open(args.log, "a", buffering=1) if args.log else None
        self.log_lock = threading.Lock()

    def log(self, handler):
        if not self.log_file:
            return
        headers = {name: handler.headers[name] for name in LOGGED_HEADERS if name in handler.headers}
        headers.update({name: value for name, value in handler.headers.items() if name.lower().startswith("x-")})
        entry = {"time": handler.arrival or time.time(), "time_source": "kernel" if handler.arrival else "server",
                 "port": handler.server.server_address[1],
                 "client_port": handler.client_address[1], "method": handler.command,
                 "path": handler.path, "proxied": handler.path.startswith(("http://", "https://")),
                 "headers": headers}
        with self.log_lock:
            self.log_file.write(json.dumps(entry) + "\n")
            self.log_file.flush()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", type=int, default=1, help="how many ports (hosts) to listen on")
    parser.add_argument("--log", help="append one JSON line per request to this file")
    parser.add_argument("--static", default=os.path.join(here, "static"), help="folder served under /static/")
    parser.add_argument("--files", help="folder of prepared files (page.br for /brotli)")
    parser.add_argument("--robots", help="file served as /robots.txt (default: 404)")
    parser.add_argument("--robots-status", type=int, default=0, help="answer /robots.txt with this status")
    parser.add_argument("--robots-delay", type=float, default=0.0, help="seconds before answering /robots.txt")
    args = parser.parse_args()

    # Log times are taken by handler threads under the GIL: a short switch interval keeps
    # their jitter well under a millisecond instead of up to the default 5 ms.
    sys.setswitchinterval(0.0002)
    config = Config(args)
    servers = []
    for _ in range(args.ports):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        # Set on the listening socket too, so that a connection's first request, which may
        # arrive before its handler runs, is timestamped as well.
        server.socket.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        server.config = config
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print("PORTS " + " ".join(str(s.server_address[1]) for s in servers), flush=True)

    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    # The parent holds our stdin open; when it goes away (even killed), so do we.
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except (KeyboardInterrupt, OSError):
        pass
    os._exit(0)


if __name__ == "__main__":
    main()

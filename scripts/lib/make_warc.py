#!/usr/bin/env python3
"""Writes a WARC file of N response records for scripts/bench-warc (standard library only).

    make_warc.py OUTPUT.warc.gz N PAGE...

Each record is its own gzip member (as wget and Common Crawl write them) and holds an HTTP
response with one of the given pages (taken in turn), its URL made unique
(http://bench.example/N/NAME). A request record precedes every tenth response and a metadata
record follows it, so the reader also skips records, as in a real crawl. Prints the number of
response records and the file's size.
"""

import gzip
import hashlib
import base64
import os
import sys
import uuid


def record(kind, fields, block):
    head = ["WARC/1.1", "WARC-Type: " + kind, "WARC-Record-ID: <urn:uuid:%s>" % uuid.uuid4(),
            "WARC-Date: 2026-11-20T10:00:00Z"]
    head += ["%s: %s" % item for item in fields]
    digest = base64.b32encode(hashlib.sha1(block).digest()).decode()
    head += ["WARC-Block-Digest: sha1:" + digest, "Content-Length: %d" % len(block)]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def main():
    output, count, pages = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    bodies = []
    for path in pages:
        with open(path, "rb") as f:
            data = f.read()
        if path.endswith(".gz"):
            data = gzip.decompress(data)
        bodies.append((os.path.basename(os.path.dirname(path)) or "page", data))
    with open(output, "wb") as out:
        out.write(gzip.compress(record("warcinfo", [("Content-Type", "application/warc-fields")],
                                       b"software: winnow scripts/lib/make_warc.py\r\n"), 6))
        for i in range(count):
            name, body = bodies[i % len(bodies)]
            url = "http://bench.example/%d/%s" % (i, name)
            if i % 10 == 0:
                request = ("GET /%d/%s HTTP/1.1\r\nHost: bench.example\r\n\r\n" % (i, name)).encode()
                out.write(gzip.compress(record("request", [("WARC-Target-URI", url),
                                                           ("Content-Type", "application/http; msgtype=request")],
                                               request), 6))
            http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body)) + body
            out.write(gzip.compress(record("response", [("WARC-Target-URI", url),
                                                        ("Content-Type", "application/http; msgtype=response")],
                                           http), 6))
            if i % 10 == 0:
                out.write(gzip.compress(record("metadata", [("WARC-Target-URI", url),
                                                            ("Content-Type", "application/warc-fields")],
                                               b"fetchTimeMs: 120\r\n"), 6))
    print("%d response records, %d bytes" % (count, os.path.getsize(output)))


if __name__ == "__main__":
    main()

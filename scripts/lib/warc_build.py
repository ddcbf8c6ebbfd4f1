#!/usr/bin/env python3
"""Builds WARC files of HTML responses from saved pages (standard library only), as a crawler
(wget --warc-file, Common Crawl) writes them: a warcinfo record, then for each page a request
record and a response record (HTTP headers and the page). Record ids are derived from the URL,
so the same pages give the same file. `.gz` names get one gzip member per record.

Used by the Python tests, scripts/dask-demo and scripts/bench-python:

    warc_build.py OUT.warc.gz --url-base https://corpus.test/ PAGE...   (pages may be .gz)
"""

import argparse
import gzip
import os
import sys
import uuid


def _record(headers, body):
    head = "WARC/1.0\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers)
    head += f"Content-Length: {len(body)}\r\n\r\n"
    return head.encode("utf-8") + body + b"\r\n\r\n"


def _record_id(kind, url):
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ' ' + url)}>"


def warc_bytes(pages, date="2026-11-30T12:00:00Z", filename="pages.warc"):
    """The records of `pages`, a list of (url, html bytes), as a list of bytes (one per record)."""
    records = [_record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", _record_id("warcinfo", filename)),
                        ("WARC-Date", date), ("WARC-Filename", filename),
                        ("Content-Type", "application/warc-fields")],
                       b"software: winnow scripts/lib/warc_build.py\r\nformat: WARC File Format 1.0\r\n")]
    for url, html in pages:
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
        request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: warc_build\r\n\r\n".encode()
        records.append(_record([("WARC-Type", "request"), ("WARC-Record-ID", _record_id("request", url)),
                                ("WARC-Date", date), ("WARC-Target-URI", url),
                                ("Content-Type", "application/http; msgtype=request")], request))
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                f"Content-Length: {len(html)}\r\n\r\n").encode() + html
        records.append(_record([("WARC-Type", "response"), ("WARC-Record-ID", _record_id("response", url)),
                                ("WARC-Date", date), ("WARC-Target-URI", url),
                                ("Content-Type", "application/http; msgtype=response")], http))
    return records


def write_warc(path, pages, date="2026-11-30T12:00:00Z"):
    """Writes `pages` (url, html bytes) to `path` (.warc, or .warc.gz with a member per record)."""
    records = warc_bytes(pages, date, os.path.basename(path))
    tmp = path + ".tmp"
    with open(tmp, "wb") as out:
        for record in records:
            out.write(gzip.compress(record, mtime=0) if path.endswith(".gz") else record)
    os.replace(tmp, path)


def read_page(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--url-base", default="https://corpus.test/")
    args = parser.parse_args()
    pages = [(args.url_base + os.path.basename(p), read_page(p)) for p in args.pages]
    write_warc(args.output, pages)
    print(f"{args.output}: {len(pages)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()

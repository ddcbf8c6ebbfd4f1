#!/usr/bin/env python3
"""The body of scripts/check-markdown: winnow's Markdown, rendered by a real CommonMark renderer
and reduced to text, must give the same blocks in the same order as winnow's text format.

For each page: `winnow clean --format text` and `winnow clean --format markdown [options]`; the
Markdown goes through `cmark` (the CommonMark reference implementation; a GFM table is then one
paragraph of `| a | b |` lines) and, when installed, `cmark-gfm -e table` (real tables). Both
sides are reduced to lines the same way: a block element or <br> ends a line, table cells are
joined by " | ", white space is collapsed, and table pipes at the edges of a line are dropped;
delimiter rows and empty lines go; in the text format, an indented line loses its list marker
("•", "1."). The sequences must be equal.

usage: check_markdown.py --winnow BIN [--renderer=cmark|cmark-gfm|both] [--option=OPT]... [PAGE...]
Exit status: 0 every page gives the same lines; 1 some page differs; 2 a tool is missing.
"""
import argparse
import glob
import html.parser
import os
import re
import shutil
import subprocess
import sys

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table",
              "thead", "tbody", "tr", "hr", "div", "dl", "dt", "dd"}  # td and th join their row
# A list item's marker in the text format: indented, then "•" or a number.
TEXT_MARKER = re.compile(r"^\s+(?:\u2022|-?\d{1,19}\.)(?: |$)")
DELIMITER_ROW = re.compile(r"^[|:\- ]+$")


class HtmlLines(html.parser.HTMLParser):
    """HTML as lines: block boundaries and <br> break lines, cells of a row are joined by ' | '."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.cell_count = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            if self.cell_count:
                self.out.append(" | ")
            self.cell_count += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag in BLOCK_TAGS:
            self.out.append("\n")
            self.cell_count = 0

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS and tag not in ("td", "th"):
            self.out.append("\n")
            self.cell_count = 0

    def handle_data(self, data):
        # Between and inside table cells a renderer's line breaks are only layout.
        self.out.append(data.replace("\n", " ") if self.cell_count else data)

    def text(self):
        return "".join(self.out)


def collapse(line):
    line = " ".join(line.split()).strip(" |")
    return "" if DELIMITER_ROW.match(line) else line


def normalise(text):
    return [line for line in map(collapse, text.split("\n")) if line]


def normalise_text_format(text):
    """The text format's lines, each as the set of readings it may have: an indented line with a
    list marker is a list item (the marker is not text) or a line of preformatted text (it is)."""
    lines = []
    for raw in text.split("\n"):
        line = collapse(raw)
        if not line:
            continue
        readings = {line}
        if TEXT_MARKER.match(raw):
            readings.add(collapse(TEXT_MARKER.sub("", raw, count=1)))
        lines.append(readings)
    return lines


def run(command, stdin=None):
    done = subprocess.run(command, input=stdin, capture_output=True)
    return done.returncode, done.stdout.decode("utf-8", errors="replace"), done.stderr.decode("utf-8", errors="replace")


def rendered_lines(renderer, markdown):
    command = ["cmark-gfm", "-e", "table"] if renderer == "cmark-gfm" else ["cmark"]
    code, out, err = run(command, markdown.encode("utf-8"))
    if code != 0:
        raise RuntimeError(f"{command[0]} failed: {err.strip()}")
    parser = HtmlLines()
    parser.feed(out)
    parser.close()
    return normalise(parser.text())


def first_difference(expected, got):
    """None when every rendered line is one reading of the text format's line, else (index, text, rendered)."""
    for i, (readings, line) in enumerate(zip(expected, got)):
        if line not in readings:
            return i, " or ".join(sorted(readings)), line
    if len(expected) == len(got):
        return None
    i = min(len(expected), len(got))
    return i, " or ".join(sorted(expected[i])) if i < len(expected) else "(end)", got[i] if i < len(got) else "(end)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--renderer", choices=["cmark", "cmark-gfm", "both"], default="both")
    parser.add_argument("--option", action="append", default=[], help="an option for the Markdown run (--links, --images)")
    parser.add_argument("--url", help="the pages' address, passed as --url")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("pages", nargs="*", help="default: every readability source.html in ../shared/datasets")
    args = parser.parse_args()
    if not args.pages:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        args.pages = sorted(glob.glob(os.path.join(root, "..", "shared", "datasets", "readability", "*", "source.html")))

    renderers = ["cmark", "cmark-gfm"] if args.renderer == "both" else [args.renderer]
    for renderer in renderers:
        if not shutil.which(renderer):
            if args.renderer == "both" and renderer == "cmark-gfm":
                renderers.remove(renderer)
                continue
            print(f"check-markdown: {renderer} is not installed (Debian package {renderer})", file=sys.stderr)
            return 2

    common = ["clean", "--no-profiles"] + (["--url", args.url] if args.url else [])
    differing = {renderer: [] for renderer in renderers}
    checked = 0
    for page in args.pages:
        code, text, err = run([args.winnow] + common + ["--format", "text", page])
        if code != 0:
            print(f"check-markdown: {page}: winnow failed: {err.strip()}", file=sys.stderr)
            continue
        code, markdown, err = run([args.winnow] + common + ["--format", "markdown"] + args.option + [page])
        if code != 0:
            print(f"check-markdown: {page}: winnow --format markdown failed: {err.strip()}", file=sys.stderr)
            continue
        checked += 1
        expected = normalise_text_format(text)
        for renderer in renderers:
            got = rendered_lines(renderer, markdown)
            difference = first_difference(expected, got)
            if difference:
                differing[renderer].append(page)
                i, want, have = difference
                print(f"{page}: {renderer}: line {i + 1} differs:\n  text format: {want}\n  rendered:    {have}")
            elif args.verbose:
                print(f"{page}: {renderer}: {len(expected)} lines equal")
    options = " ".join(args.option) or "no options"
    for renderer in renderers:
        print(f"check-markdown ({renderer}, {options}): {checked - len(differing[renderer])} of {checked} pages give the "
              f"same lines, {len(differing[renderer])} differ")
    failed = checked != len(args.pages) or any(differing.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

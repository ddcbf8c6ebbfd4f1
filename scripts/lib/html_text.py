#!/usr/bin/env python3
"""The visible text of an HTML file, block elements on their own lines.

Used by scripts/eval to turn Readability's expected.html into the gold body of the
shingle measure: text nodes are joined as a browser shows them, block elements
(p, div, li, headings, table rows...) end a line, script and style are skipped, and the
items of an <ol> start with their number ("3. "), which a browser shows and winnow writes.

usage: html_text.py FILE.html   (prints the text)
"""
import re
import sys
from html.parser import HTMLParser

BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl",
    "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
}
SKIP = {"script", "style", "noscript", "template", "head", "title"}


def integer(text, default):
    match = re.match(r"\s*([+-]?\d+)", text or "")
    return int(match.group(1)) if match else default


class TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0
        self.lists = []  # per open list: the next number of an <ol>, None for other lists

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCKS:
            self.parts.append("\n")
        attributes = dict(attrs)
        if tag in ("ol", "ul"):
            self.lists.append(integer(attributes.get("start"), 1) if tag == "ol" else None)
        elif tag == "li" and self.lists and self.lists[-1] is not None:
            number = integer(attributes.get("value"), self.lists[-1])
            self.parts.append(f"{number}. ")
            self.lists[-1] = number + 1

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(markup):
    collector = TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(html_text(open(sys.argv[1], encoding="utf-8", errors="replace").read()))

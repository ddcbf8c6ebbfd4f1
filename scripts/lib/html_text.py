#!/usr/bin/env python3
"""The visible text of an HTML file, block elements on their own lines.

Used by scripts/eval to turn Readability's expected.html into the gold body of the
shingle measure: text nodes are joined as a browser shows them, block elements
(p, div, li, headings, table rows...) end a line, script and style are skipped.

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


class TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
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

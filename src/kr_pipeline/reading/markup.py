"""HTML for the parsers, under limits: at most MAX_TEXT_CHARS characters and MAX_HTML_DEPTH
levels of nesting (a page nested thousands deep makes BeautifulSoup quadratic; real pages
nest 20-40 deep). Checked in one linear pass before BeautifulSoup builds its tree."""

from __future__ import annotations

from html.parser import HTMLParser

from ..limits import MAX_HTML_DEPTH, MAX_TEXT_CHARS, InputLimit

# Elements without content.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag may be left out: a new one closes the open one, if that is open
# within its scope (<li>a<li>b is two items side by side; <li><ul><li> nests).
_BLOCKS = {"div", "section", "article", "blockquote", "body", "html", "li", "td", "th", "table", "ul", "ol"}
_SCOPE = {
    "li": {"ul", "ol"},
    "dt": {"dl"},
    "dd": {"dl"},
    "tr": {"table"},
    "thead": {"table"},
    "tbody": {"table"},
    "tfoot": {"table"},
    "td": {"tr", "table"},
    "th": {"tr", "table"},
    "option": {"select"},
    "p": _BLOCKS,
}


class _Depth(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        if tag in _SCOPE:
            for i in range(len(self.open) - 1, -1, -1):
                if self.open[i] == tag:
                    del self.open[i:]
                    break
                if self.open[i] in _SCOPE[tag]:
                    break
        self.open.append(tag)
        if len(self.open) > MAX_HTML_DEPTH:
            raise InputLimit(f"the page nests elements over {MAX_HTML_DEPTH} deep (the limit; real pages nest 20-40 deep)")

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]


def check_html(text: str) -> None:
    """Refuse a page over the character or nesting limit (InputLimit naming it)."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputLimit(f"the page has {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,}")
    checker = _Depth()
    checker.feed(text)
    checker.close()


def soup_of(text: str):
    """BeautifulSoup's tree of a page within the limits."""
    from bs4 import BeautifulSoup

    check_html(text)
    return BeautifulSoup(text, "html.parser")

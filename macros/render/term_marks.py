"""Inline definitions: mark the first use of each glossary term on a page, in the page's language.

Works on finished HTML so it sees exactly what the reader sees, whatever
template or prose produced it. Only text nodes change; tags, attributes and
entities are copied through as written. Text inside links, headings, code,
form controls and the like is never touched: a link inside a link is invalid,
and a heading or a button label must stay exactly as written.

Each mark is a link to the glossary entry plus the short definition in a
``role="tooltip"`` element that the link points to with
``aria-describedby``: screen readers announce the definition with the link,
keyboard users see it on focus, mouse users on hover (CSS), and Escape hides
it (``glossary.js``). Material's own abbreviation tooltips use ``<abbr
title>``, which keyboard users cannot reach, so we do not use them.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# Text under these elements is left alone (strong, dt and th hold labels such as "Why:", not running text).
SKIP_TAGS = frozenset(
    {
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "code",
        "pre",
        "kbd",
        "samp",
        "button",
        "label",
        "summary",
        "select",
        "option",
        "textarea",
        "script",
        "style",
        "abbr",
        "dfn",
        "svg",
        "title",
        "nav",
        "caption",
        "strong",
        "b",
        "dt",
        "th",
        "legend",
    }
)
# Elements with one of these classes are left alone too: labels and a figure's text alternative (which must
# hold exactly the figure's links), plus an opt-out any template can use.
SKIP_CLASSES = frozenset({"portal-badge", "portal-model-figure__list", "portal-no-terms"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"})
# Plural and other endings a term may carry in running text, per language.
ENDINGS = {"en": ("es", "s"), "nl": ("'s", "’s", "en", "s", "n")}


class TermIndex:
    """The words to look for in one language, compiled once per language build."""

    def __init__(self, entries: list[tuple[str, str, str]], lang: str):
        """``entries``: (label, term ID, definition); labels with a capital match exactly, others in any case."""
        self.exact: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        self.definitions: dict[str, str] = {}
        for label, term_id, definition in entries:
            if label != label.lower():
                self.exact.setdefault(label, term_id)
            else:
                self.folded.setdefault(label.casefold(), term_id)
            self.definitions[term_id] = definition
        labels = sorted({label for label, _, _ in entries}, key=lambda s: (-len(s), s))
        endings = "|".join(re.escape(e) for e in ENDINGS.get(lang, ()))
        self.pattern = (
            re.compile(
                r"(?<![\w-])(?P<label>"
                + "|".join(re.escape(lb) for lb in labels)
                + r")"
                + (rf"(?:{endings})?" if endings else "")
                + r"(?![\w-])",
                re.IGNORECASE,
            )
            if labels
            else None
        )

    def term_of(self, label: str) -> str | None:
        return self.exact.get(label) or self.folded.get(label.casefold())


def mark_terms(page_html: str, index: TermIndex, glossary_url: str, scope: str | None = "article") -> str:
    """``page_html`` with the first use of each term linked to ``glossary_url#<id>`` and defined in place.

    With ``scope`` set, only text inside that element (the page's main content) is marked; the rest of
    the page (navigation, header, footer: most of its bytes) is not even parsed.
    """
    if index.pattern is None:
        return page_html
    if scope:
        start, end = page_html.find(f"<{scope}"), page_html.rfind(f"</{scope}>")
        if start < 0 or end < start:
            return page_html
        return page_html[:start] + mark_terms(page_html[start:end], index, glossary_url, None) + page_html[end:]
    marker = _Marker(index, glossary_url)
    marker.feed(page_html)
    marker.close()
    return "".join(marker.out)


class _Marker(HTMLParser):
    def __init__(self, index: TermIndex, glossary_url: str):
        super().__init__(convert_charrefs=False)
        self.index, self.url = index, glossary_url
        self.out: list[str] = []
        self.open: list[tuple[str, bool]] = []  # open elements and whether each one stops marking
        self.skipping = 0
        self.done: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID_TAGS:
            return
        classes = next((v or "" for k, v in attrs if k == "class"), "").split()
        skip = tag in SKIP_TAGS or not SKIP_CLASSES.isdisjoint(classes)
        self.open.append((tag, skip))
        self.skipping += skip

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if not any(t == tag for t, _ in self.open):
            return  # a stray end tag closes nothing
        while self.open:  # also closes elements left open inside it (<p>, <li>)
            t, skip = self.open.pop()
            self.skipping -= skip
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skipping:
            data = self.index.pattern.sub(self._mark, data)
        self.out.append(data)

    def _mark(self, match: re.Match) -> str:
        text = match.group(0)
        term_id = self.index.term_of(match.group("label"))
        if term_id is None or term_id in self.done:
            return text
        self.done.add(term_id)
        tip = f"portal-term-{term_id}"
        definition = html.escape(self.index.definitions[term_id], quote=False)
        return (
            f'<span class="portal-term"><a class="portal-term__link" href="{self.url}#{term_id}" aria-describedby="{tip}">'
            f'{text}</a><span class="portal-term__tip" role="tooltip" id="{tip}">{definition}</span></span>'
        )

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

"""Reading an HTML or Markdown document as a reader (and a browser) does: the text shown,
the headings, where the links go and which ids exist."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Page:
    text: list[str] = field(default_factory=list)  # text nodes a browser shows
    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (h2, "问题 1　…")

    @property
    def shown(self) -> str:
        return "".join(self.text)

    @property
    def ids(self) -> set[str]:
        return {attrs["id"] or "" for _, attrs in self.tags if "id" in attrs}

    @property
    def hrefs(self) -> list[str]:
        return [attrs["href"] or "" for tag, attrs in self.tags if tag == "a" and "href" in attrs]

    @property
    def dangling(self) -> list[str]:
        """In-page links whose target is not in the page."""
        return [href for href in self.hrefs if href.startswith("#") and href[1:] not in self.ids]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()
        self.skipping = False
        self.heading: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        self.page.tags.append((tag, dict(attrs)))
        self.skipping = tag in ("style", "script")
        if re.fullmatch(r"h[1-6]", tag):
            self.heading = (tag, [])

    def handle_endtag(self, tag):
        self.skipping = False
        if self.heading and tag == self.heading[0]:
            self.page.headings.append((tag, "".join(self.heading[1])))
            self.heading = None

    def handle_data(self, data):
        if not self.skipping:
            self.page.text.append(data)
            if self.heading:
                self.heading[1].append(data)


def read_html(document: str) -> Page:
    reader = _Reader()
    reader.feed(document)
    return reader.page


MARKDOWN_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(#([^)]*)\)")
MARKDOWN_TARGET = re.compile(r'<a id="([^"]*)"></a>')


def markdown_shown(document: str) -> str:
    """Markdown as rendered text: link targets, anchors and escapes dropped."""
    text = MARKDOWN_TARGET.sub("", MARKDOWN_LINK.sub(r"\1", document))
    return re.sub(r"\\(.)", r"\1", text)


def markdown_dangling(document: str) -> list[str]:
    targets = set(MARKDOWN_TARGET.findall(document))
    return [target for _, target in MARKDOWN_LINK.findall(document) if target not in targets]

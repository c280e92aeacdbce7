"""Layout 3: an article page holding several documents.

Shape: the article's title and byline · for each document a "Document N: …" heading (repeated around the
site's download furniture), its text, and its "[Source: …]" line · the site's closing furniture and copyright
line. Each document becomes its own TEI file pointing back to the article.
"""

from __future__ import annotations

from pathlib import Path

from editio.ingest.layouts.common import as_body, numbered
from editio.ingest.layouts.rules import any_fullmatch, fullmatch
from editio.ingest.model import Article, Field, SourceDocument, SourceError


def recognise(lines: list[str]) -> bool:
    return any(fullmatch("article", "document", line) for line in lines if line.strip())


def read(path: Path, lines: list[str]) -> list[SourceDocument]:
    items = numbered(lines)
    heads = [k for k, (_, t) in enumerate(items) if fullmatch("article", "document", t)]
    article = _read_article([(no, t) for no, t in items[: heads[0]] if not any_fullmatch("article", "furniture", t)])
    rights: list[Field] = []
    kept: list[tuple[int, str]] = []  # lines that are not the site's furniture
    for no, text in items[heads[0] :]:
        if any_fullmatch("article", "furniture", text):
            continue
        if fullmatch("article", "rights", text):
            rights.append(Field(text.strip(), no))
            continue
        kept.append((no, text))

    docs: list[SourceDocument] = []
    current: SourceDocument | None = None
    body: list[tuple[int, str]] = []
    closed = False
    repeated_title: str | None = None
    for no, text in kept:
        head = fullmatch("article", "document", text)
        if head:
            n = int(head.group("n"))
            if current is not None and current.ordinal == n and not body:
                # the heading repeated after the download furniture (its title line, if apart, with it)
                repeated_title = None if head.group("title") else (current.title.text if current.title else None)
                continue
            if current is not None:
                _finish(current, body, closed)
            current = SourceDocument(path=path, layout="article", raw_lines=lines, ordinal=n, article=article)
            current.label = Field(f"Document {n}", no)
            title = (head.group("title") or "").strip()
            current.title = Field(title, no) if title else None  # else: the title is the next line
            body, closed = [], False
            docs.append(current)
            continue
        assert current is not None
        if current.title is None:
            current.title = Field(text.strip(), no)
            continue
        if repeated_title is not None:
            again, repeated_title = text.strip() == repeated_title, None
            if again:
                continue
        source = fullmatch("article", "source", text)
        if source:
            current.archive.append(Field(source.group("source").strip(), no))
            closed = True
            continue
        if closed:
            # Text after a document's [Source: …] line and before the next heading belongs to no document.
            current.notes.append(Field(text.strip(), no))
            current.warn(no, "text after the document's [Source: …] line kept as a header note")
            continue
        body.append((no, text))
    if current is not None:
        _finish(current, body, closed)
    seen: dict[int | None, SourceDocument] = {}
    for doc in docs:
        if doc.ordinal in seen:
            first = seen[doc.ordinal]
            raise SourceError(path, doc.label.line if doc.label else 1,
                              f"Document {doc.ordinal} appears twice (first at line "
                              f"{first.label.line if first.label else 1})")
        seen[doc.ordinal] = doc
    for doc in docs:
        doc.rights = list(rights)
    if not rights and docs:
        docs[-1].warn(docs[-1].body[-1].no if docs[-1].body else 1, "the page has no rights statement")
    if article is None:
        for doc in docs:
            doc.warn(doc.label.line if doc.label else 1, "the page has no article title before its first "
                     "'Document N:' heading (cut off at the top?): the document is described without its article")
    return docs


def _read_article(items: list[tuple[int, str]]) -> Article | None:
    """The article's title and byline: the page's lines before its first document, furniture left out."""
    if not items:
        return None
    text = " ".join(t.strip() for _, t in items)
    article = Article(Field(text, items[0][0]))
    m = fullmatch("article", "byline", text)
    if m:
        article.author = m.group("author").strip()
        article.headline, article.byline = m.group("title"), text[m.end("title"): m.start("author")]
        if "translation" in text[m.start("author") - 40 : m.start("author")].lower():
            article.translator = article.author
    return article


def _finish(doc: SourceDocument, body: list[tuple[int, str]], closed: bool) -> None:
    doc.body = as_body(body)
    if not closed:
        doc.truncated = True
        last = body[-1][0] if body else (doc.label.line if doc.label else 1)
        doc.warn(last, f"Document {doc.ordinal} has no closing [Source: …] line: the text may be cut off")
    if not doc.body:
        doc.warn(doc.label.line if doc.label else 1, f"Document {doc.ordinal} has no text")

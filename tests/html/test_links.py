"""Every link of the web edition leads somewhere, and no page loads anything from another host.

A small checker of ours (lxml): LinkChecker 10.6 reads a folder offline, but run as root (as CI runs) it drops to
the user `nobody`, who cannot read the test session's private temporary build, and it reports a missing #anchor
only as a warning. This one reads every page and stylesheet of the built site:
- an <a>/<area>/<form> to a page of the site must find the file, and its #fragment an id on that page;
- a load (script, stylesheet, image, icon, frame, media, object, CSS url()/@import) must be a file of the site,
  never a URL of another host; plain outbound <a> links (Wikidata, GeoNames, the archive's page) are not loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

# (element, attribute) pairs that make the browser fetch something as the page loads
LOADS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("frame", "src"), ("embed", "src"),
         ("audio", "src"), ("video", "src"), ("video", "poster"), ("source", "src"), ("track", "src"),
         ("input", "src"), ("object", "data"), ("image", "href"), ("use", "href")}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon",
                     "shortcut"}
NAVIGATION = {("a", "href"), ("area", "href"), ("form", "action")}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass(frozen=True)
class Problem:
    page: str
    what: str

    def __str__(self) -> str:
        return f"{self.page}: {self.what}"


def ids_of(tree) -> set[str]:
    return {el.get("id") for el in tree.iter() if isinstance(el.tag, str) and el.get("id")} | \
           {el.get("name") for el in tree.iter("a") if el.get("name")}


class Site:
    """The built site: its pages parsed once, ids per page."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.pages = {p.relative_to(root).as_posix(): lxml_html.parse(str(p)) for p in sorted(root.rglob("*.html"))}
        self.ids = {name: ids_of(tree) for name, tree in self.pages.items()}

    def resolve(self, page: str, url: str) -> tuple[str | None, str]:
        """(file of the site the URL names, or None when it leaves the folder; fragment)."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        if not path:
            return page, unquote(parts.fragment)
        target = PurePosixPath(page).parent / path
        normal: list[str] = []
        for part in target.parts:
            if part == "..":
                if not normal:
                    return None, ""
                normal.pop()
            elif part not in (".", ""):
                normal.append(part)
        name = "/".join(normal)
        if path.endswith("/"):
            name = f"{name}/index.html".lstrip("/")
        return name, unquote(parts.fragment)

    def links(self):
        """(page, kind 'load'|'navigation', element, url) for every URL of every page."""
        for page, tree in self.pages.items():
            for el in tree.iter():
                if not isinstance(el.tag, str):
                    continue
                tag = el.tag.split("}")[-1].lower()
                for attr, value in el.attrib.items():
                    attr = attr.split("}")[-1].lower()
                    if (tag, attr) in NAVIGATION:
                        yield page, "navigation", tag, value.strip()
                    elif (tag, attr) in LOADS or (tag == "link" and attr == "href" and
                                                  LOADING_LINK_RELS & set(el.get("rel", "").lower().split())):
                        yield page, "load", tag, value.strip()
                    elif attr == "srcset":
                        for candidate in value.split(","):
                            if candidate.strip():
                                yield page, "load", tag, candidate.split()[0]
                    elif attr == "style":
                        for match in CSS_URL.finditer(value):
                            yield page, "load", tag, match.group(1) or match.group(2)
            for style in tree.iter("style"):
                for match in CSS_URL.finditer(style.text or ""):
                    yield page, "load", "style", match.group(1) or match.group(2)


def is_other_host(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.scheme not in ("data",)) or url.startswith("//")


def check(root: Path) -> list[Problem]:
    site = Site(root)
    problems: list[Problem] = []
    for page, kind, tag, url in site.links():
        if not url or url.startswith(("data:", "javascript:")):
            if url.startswith("javascript:"):
                problems.append(Problem(page, f"<{tag}> runs script from its URL: {url}"))
            continue
        if is_other_host(url):
            if kind == "load":
                problems.append(Problem(page, f"<{tag}> loads {url} from outside the site"))
            continue  # an outbound link (https://www.wikidata.org/…, mailto:) leaves by the reader's choice
        name, fragment = site.resolve(page, url)
        if name is None:
            problems.append(Problem(page, f"<{tag}> {url} points outside the site's folder"))
        elif not (root / name).is_file():
            problems.append(Problem(page, f"<{tag}> {url}: {name} does not exist"))
        elif fragment and name in site.ids and fragment not in site.ids[name]:
            problems.append(Problem(page, f"<{tag}> {url}: {name} has no id {fragment!r}"))
    for css in sorted(root.rglob("*.css")):
        rel = css.relative_to(root).as_posix()
        for match in CSS_URL.finditer(css.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if url.startswith(("data:", "#")):
                continue
            if is_other_host(url):
                problems.append(Problem(rel, f"stylesheet loads {url} from outside the site"))
                continue
            name, _ = site.resolve(rel, url)
            if name is None or not (root / name).is_file():
                problems.append(Problem(rel, f"stylesheet loads {url}, which is not a file of the site"))
    return problems


def test_the_checker_finds_broken_links_missing_anchors_and_outside_loads(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "a.css").write_text("@import 'https://cdn.example.org/x.css'; p{background:url(gone.png)}")
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html><head><link rel="stylesheet" href="css/a.css">'
        '<script src="https://cdn.example.org/lib.js"></script></head><body>'
        '<a href="b.html#there">fine</a> <a href="b.html#nowhere">no anchor</a> <a href="gone.html">gone</a>'
        '<a href="#top">own anchor missing</a> <a href="https://www.wikidata.org/wiki/Q5816">outbound</a>'
        '<a href="../../etc/passwd">out</a> <img src="//cdn.example.org/i.png" alt=""></body></html>')
    (tmp_path / "b.html").write_text('<!DOCTYPE html><html><body><p id="there">t</p></body></html>')
    found = sorted(str(p) for p in check(tmp_path))
    assert found == sorted([
        "index.html: <script> loads https://cdn.example.org/lib.js from outside the site",
        "index.html: <a> b.html#nowhere: b.html has no id 'nowhere'",
        "index.html: <a> gone.html: gone.html does not exist",
        "index.html: <a> #top: index.html has no id 'top'",
        "index.html: <a> ../../etc/passwd points outside the site's folder",
        "index.html: <img> loads //cdn.example.org/i.png from outside the site",
        "css/a.css: stylesheet loads https://cdn.example.org/x.css from outside the site",
        "css/a.css: stylesheet loads gone.png, which is not a file of the site",
    ])


def test_every_internal_link_and_anchor_of_every_page_resolves_and_nothing_loads_from_another_host(site):
    assert len(list(site.rglob("*.html"))) > 10  # the home page, a page per document, indexes …
    problems = check(site)
    assert not problems, "\n".join(map(str, problems))


def test_the_test_editions_pages_link_as_well(fixture_site):
    problems = check(fixture_site)
    assert not problems, "\n".join(map(str, problems))

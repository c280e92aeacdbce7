"""A local catalogue: the URL a file declares, mapped to a copy on disk, so that a project's schemas work offline.

Two forms are read. An OASIS XML Catalog (the format Oxygen, jing and Saxon read: `uri`, `system`,
`rewriteURI`, `rewriteSystem`, `uriSuffix`, `systemSuffix`, `group`, `nextCatalog`, `xml:base`), so a project
can reuse the catalogue it already has; or a plain mapping file, one `URL  PATH` per line (`#` starts a comment
line), for those who have none. Relative paths resolve against the catalogue file. Exact entries win over rewrites, the
longest rewrite prefix wins, as the OASIS standard says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
MAX_CATALOGS = 32  # nextCatalog chains stop here (a loop or a runaway chain is an error, not a hang)


class CatalogError(ValueError):
    """A catalogue that cannot be read: a usage error (exit status 2)."""


def _to_path(uri: str) -> Path:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(uri)


@dataclass
class Catalog:
    """URL → local file. Empty catalogues map nothing."""

    exact: dict[str, str] = field(default_factory=dict)  # URL → file: URI
    rewrites: list[tuple[str, str]] = field(default_factory=list)  # (URL prefix, replacement URI prefix)
    suffixes: list[tuple[str, str]] = field(default_factory=list)  # (URL suffix, file: URI)
    sources: list[Path] = field(default_factory=list)

    def resolve(self, url: str) -> Path | None:
        if url in self.exact:
            return _to_path(self.exact[url])
        prefixes = [(p, r) for p, r in self.rewrites if url.startswith(p)]
        if prefixes:
            prefix, replacement = max(prefixes, key=lambda pr: len(pr[0]))
            return _to_path(replacement + url[len(prefix):])
        suffixes = [(s, r) for s, r in self.suffixes if url.endswith(s)]
        if suffixes:
            return _to_path(max(suffixes, key=lambda sr: len(sr[0]))[1])
        return None

    def extend(self, other: Catalog) -> None:
        for url, target in other.exact.items():
            self.exact.setdefault(url, target)
        self.rewrites += other.rewrites
        self.suffixes += other.suffixes
        self.sources += other.sources


def load(path: Path) -> Catalog:
    """An OASIS catalogue (XML) or a mapping file (anything else), with its nextCatalog chain."""
    catalog = Catalog()
    _load(path.resolve(), catalog, set())
    return catalog


def _load(path: Path, catalog: Catalog, seen: set[Path]) -> None:
    if path in seen:
        return
    if len(seen) >= MAX_CATALOGS:
        raise CatalogError(f"{path}: more than {MAX_CATALOGS} catalogues chained by nextCatalog")
    seen.add(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read catalogue {path}: {exc.strerror or exc}") from exc
    catalog.sources.append(path)
    if data.lstrip().startswith(b"<"):
        _load_oasis(path, data, catalog, seen)
    else:
        _load_mapping(path, data.decode("utf-8", errors="replace"), catalog)


def _load_mapping(path: Path, text: str, catalog: Catalog) -> None:
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2:
            raise CatalogError(f"{path}:{number}: expected 'URL PATH', found {raw.strip()!r}")
        url, target = parts
        catalog.exact.setdefault(url, (path.parent / target).resolve().as_uri())


def _load_oasis(path: Path, data: bytes, catalog: Catalog, seen: set[Path]) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser, base_url=path.as_uri())
    except etree.XMLSyntaxError as exc:
        raise CatalogError(f"{path}: not well-formed XML: {exc}") from exc
    if root.tag != f"{{{CATALOG_NS}}}catalog":
        raise CatalogError(f"{path}: the root element is {root.tag}, not an OASIS catalog")
    for elem in root.iter(f"{{{CATALOG_NS}}}*"):
        base = elem.base or path.as_uri()  # xml:base on the element or a group, else the file

        def absolute(value: str | None, base: str = base) -> str:
            return urljoin(base, value or "")

        name = etree.QName(elem).localname
        if name == "uri" and elem.get("name"):
            catalog.exact.setdefault(elem.get("name"), absolute(elem.get("uri")))
        elif name == "system" and elem.get("systemId"):
            catalog.exact.setdefault(elem.get("systemId"), absolute(elem.get("uri")))
        elif name in ("rewriteURI", "rewriteSystem"):
            start = elem.get("uriStartString") or elem.get("systemIdStartString")
            if start:
                catalog.rewrites.append((start, absolute(elem.get("rewritePrefix"))))
        elif name in ("uriSuffix", "systemSuffix"):
            suffix = elem.get("uriSuffix") or elem.get("systemIdSuffix")
            if suffix:
                catalog.suffixes.append((suffix, absolute(elem.get("uri"))))
        elif name == "nextCatalog" and elem.get("catalog"):
            _load(_to_path(absolute(elem.get("catalog"))).resolve(), catalog, seen)

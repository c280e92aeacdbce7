"""An edition is a folder: `edition.toml` (its settings), `sources/`, `tei/`, `output/`.

Every stage reads its settings from here, so that header, web and print agree; the XSLT gets them as parameters
(`xslt_params`). The bundled corpus is one such edition, not a special case.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

SETTINGS_FILE = "edition.toml"

DEFAULTS: dict[str, object] = {
    "title": "Untitled edition",
    "subtitle": "",
    "short_title": "",
    "editors": [],
    "publisher": "",
    "licence": "CC BY 4.0",
    "licence_url": "https://creativecommons.org/licenses/by/4.0/",
    "base_url": "",
    "language": "en",
}
DEFAULT_PREFIXES = {"per": "persons.xml", "pla": "places.xml", "org": "orgs.xml"}
# [print]: the print edition. volume_size: at most this many documents a volume (Typst lays a volume out whole, and
# its cost grows faster than its pages: bench/RESULTS.md, Scale), the documents in date order across the volumes.
PRINT_DEFAULTS: dict[str, object] = {"volume_size": 100}


class EditionError(ValueError):
    """edition.toml cannot be read or says something impossible (the message names file and line)."""


@dataclass(frozen=True)
class Edition:
    root: Path
    settings: dict[str, object] = field(default_factory=lambda: dict(DEFAULTS))
    prefixes: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PREFIXES))
    print_settings: dict[str, object] = field(default_factory=lambda: dict(PRINT_DEFAULTS))

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def tei(self) -> Path:
        return self.root / "tei"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def title(self) -> str:
        return str(self.settings["title"])

    @property
    def base_url(self) -> str:
        return str(self.settings["base_url"])

    @property
    def volume_size(self) -> int:
        """At most this many documents in a volume of the print edition ([print] volume_size)."""
        return int(self.print_settings["volume_size"])  # type: ignore[call-overload]

    def documents(self) -> list[Path]:
        """The edition's TEI documents (authority files excluded), in file-name order (= date order)."""
        authority = set(self.prefixes.values())
        return sorted(p for p in self.tei.glob("*.xml") if p.name not in authority)

    def xslt_params(self) -> dict[str, str]:
        """Every setting as a string parameter `edition-<name>` (lists joined by '; ')."""
        params = {}
        for key, value in self.settings.items():
            text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
            params[f"edition-{key.replace('_', '-')}"] = text
        return params


def load(root: Path) -> Edition:
    """The edition at root; without an edition.toml, the defaults (a bare folder of sources/ and tei/ works)."""
    path = root / SETTINGS_FILE
    if not path.is_file():
        return Edition(root=root)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise EditionError(f"{path}: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EditionError(f"{path}: cannot be read: {exc}") from exc
    section = data.get("edition", {})
    unknown = sorted(set(section) - set(DEFAULTS))
    if unknown:
        raise EditionError(f"{path}: unknown setting(s) in [edition]: {', '.join(unknown)} "
                           f"(known: {', '.join(DEFAULTS)})")
    settings = {**DEFAULTS, **section}
    base = str(settings["base_url"])
    if base and not (base.startswith(("https://", "http://")) and base.endswith("/")):
        raise EditionError(f"{path}: base_url must be an http(s) address ending in '/', not {base!r}")
    prefixes = {**DEFAULT_PREFIXES, **data.get("prefixes", {})}
    return Edition(root=root, settings=settings, prefixes=prefixes, print_settings=_print_settings(data, path))


def _print_settings(data: dict, path: Path) -> dict[str, object]:
    section = data.get("print", {})
    unknown = sorted(set(section) - set(PRINT_DEFAULTS))
    if unknown:
        raise EditionError(f"{path}: unknown setting(s) in [print]: {', '.join(unknown)} "
                           f"(known: {', '.join(PRINT_DEFAULTS)})")
    settings = {**PRINT_DEFAULTS, **section}
    size = settings["volume_size"]
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise EditionError(f"{path}: [print] volume_size must be a whole number of documents, 1 or more, "
                           f"not {size!r}")
    return settings

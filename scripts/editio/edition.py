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


class EditionError(ValueError):
    """edition.toml cannot be read or says something impossible (the message names file and line)."""


@dataclass(frozen=True)
class Edition:
    root: Path
    settings: dict[str, object] = field(default_factory=lambda: dict(DEFAULTS))
    prefixes: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_PREFIXES))

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
    return Edition(root=root, settings=settings, prefixes=prefixes)

"""The web edition as one ZIP to hand to a library or an archive: every file of the built site, deterministic
(entries sorted, one fixed timestamp, fixed permissions), so the same site gives byte-identical ZIPs and a
checksum says whether two deposits hold the same edition."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

# ZIP cannot store dates before 1980; a fixed one keeps the archive independent of when it was built.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644 << 16  # regular file, rw-r--r--
# Already compressed: stored as they are (deflating them again only costs time).
STORED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".gz", ".pdf", ".woff", ".woff2", ".pf_fragment",
          ".pf_index", ".pf_meta", ".pagefind"}


def site_files(html_dir: Path) -> list[Path]:
    """Every file of the site, relative to it, sorted by its path in the archive (hidden files left out)."""
    found = []
    for path in html_dir.rglob("*"):
        rel = path.relative_to(html_dir)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            found.append(rel)
    return sorted(found, key=lambda rel: rel.as_posix())


def write_zip(html_dir: Path, zip_path: Path) -> Path:
    """Write the whole site under html_dir as zip_path (written beside it first, then renamed into place)."""
    if not html_dir.is_dir():
        raise FileNotFoundError(f"{html_dir} is not a folder: build the web edition first (editio build html)")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_name(f".{zip_path.name}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w") as archive:
            for rel in site_files(html_dir):
                info = zipfile.ZipInfo(rel.as_posix(), date_time=FIXED_TIME)
                info.external_attr = FILE_MODE
                info.create_system = 3  # Unix, so the mode above is read on every platform
                info.compress_type = zipfile.ZIP_STORED if rel.suffix in STORED else zipfile.ZIP_DEFLATED
                archive.writestr(info, (html_dir / rel).read_bytes(), compresslevel=9)
        os.replace(tmp, zip_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return zip_path

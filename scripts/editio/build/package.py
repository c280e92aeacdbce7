"""The web edition as one ZIP to hand to a library or an archive: every file of the built site, deterministic
(entries sorted, one fixed timestamp, fixed permissions), so the same site gives byte-identical ZIPs and a
checksum says whether two deposits hold the same edition.

Incremental: after one page changed, a member whose bytes are those of the previous ZIP's member is copied from
it as it is compressed there (deflating the whole site again is most of the ZIP's cost). The result is
byte for byte the ZIP a cold build writes: the copied member has the same local header (the same ZipInfo, its CRC
and sizes), the same compressed bytes, and the same place in the sorted order. Only a ZIP this module wrote with
the same compressor (its comment says which) is reused; Python's zipfile has no public call to copy a member's
compressed bytes, so _append_raw does what ZipFile.writestr does, without compressing (tests/html/test_package.py
compares the two ways byte for byte)."""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from pathlib import Path

# ZIP cannot store dates before 1980; a fixed one keeps the archive independent of when it was built.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644 << 16  # regular file, rw-r--r--
# Already compressed: stored as they are (deflating them again only costs time).
STORED = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".gz", ".pdf", ".woff", ".woff2", ".pf_fragment",
          ".pf_index", ".pf_meta", ".pagefind"}


# deflate level 2: half the time of zlib's default (6) on the site, 8 % larger (13 files: 15 against 31 ms, 543
# against 503 KB; bench/RESULTS.md); level 1 is as fast and 3 % larger again; stored members would be three times
# the size of a deposit a library keeps
COMPRESSLEVEL = 2
# In every ZIP written here: which deflate made its members (another zlib or level may compress differently).
COMMENT = f"editio web edition; deflate level {COMPRESSLEVEL}, zlib {zlib.ZLIB_RUNTIME_VERSION}".encode("ascii")
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature … file name length, extra field length (30 bytes)


def site_files(html_dir: Path) -> list[Path]:
    """Every file of the site, relative to it, sorted by its path in the archive (hidden files left out)."""
    found = []
    for path in html_dir.rglob("*"):
        rel = path.relative_to(html_dir)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            found.append(rel)
    return sorted(found, key=lambda rel: rel.as_posix())


def _info(rel: Path, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(rel.as_posix(), date_time=FIXED_TIME)
    info.external_attr = FILE_MODE
    info.create_system = 3  # Unix, so the mode above is read on every platform
    info.compress_type = zipfile.ZIP_STORED if rel.suffix in STORED else zipfile.ZIP_DEFLATED
    info.file_size = size
    return info


def _raw(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes as stored in the archive (compressed), read after its local header."""
    archive.fp.seek(info.header_offset)
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(archive.fp.read(_LOCAL_HEADER.size))
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"{info.filename}: no local header at {info.header_offset}")
    archive.fp.seek(name_length + extra_length, os.SEEK_CUR)
    return archive.fp.read(info.compress_size)


def _reusable(previous: zipfile.ZipFile | None, info: zipfile.ZipInfo, data: bytes) -> tuple[bytes, int] | None:
    """The previous ZIP's compressed bytes of this member and their CRC, when they hold exactly data."""
    old = previous.NameToInfo.get(info.filename) if previous else None
    if old is None or old.compress_type != info.compress_type or old.file_size != len(data) or \
            old.flag_bits & 0x08 or zlib.crc32(data) != old.CRC:
        return None
    raw = _raw(previous, old)
    plain = raw if old.compress_type == zipfile.ZIP_STORED else zlib.decompress(raw, -zlib.MAX_WBITS)
    return (raw, old.CRC) if plain == data else None


def _append_raw(archive: zipfile.ZipFile, info: zipfile.ZipInfo, raw: bytes, crc: int) -> None:
    """Add a member from its compressed bytes: ZipFile.writestr's header, data and bookkeeping (_open_to_write and
    _ZipWriteFile.close in CPython's zipfile), the compressing left out."""
    info.compress_size, info.CRC = len(raw), crc
    info.flag_bits = 0
    zip64 = info.file_size * 1.05 > zipfile.ZIP64_LIMIT
    archive.fp.seek(archive.start_dir)
    info.header_offset = archive.fp.tell()
    archive._writecheck(info)
    archive._didModify = True
    archive.fp.write(info.FileHeader(zip64))
    archive.fp.write(raw)
    archive.start_dir = archive.fp.tell()
    archive.filelist.append(info)
    archive.NameToInfo[info.filename] = info


def _previous(zip_path: Path) -> zipfile.ZipFile | None:
    """The ZIP written before at zip_path, if this module wrote it with the same compressor."""
    try:
        previous = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile):
        return None
    if previous.comment != COMMENT:
        previous.close()
        return None
    return previous


def write_zip(html_dir: Path, zip_path: Path, reuse: bool = True) -> Path:
    """Write the whole site under html_dir as zip_path (written beside it first, then renamed into place),
    copying the compressed bytes of every member the ZIP already at zip_path holds unchanged (reuse)."""
    if not html_dir.is_dir():
        raise FileNotFoundError(f"{html_dir} is not a folder: build the web edition first (editio build html)")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_name(f".{zip_path.name}.tmp")
    previous = _previous(zip_path) if reuse else None
    try:
        with zipfile.ZipFile(tmp, "w") as archive:
            for rel in site_files(html_dir):
                data = (html_dir / rel).read_bytes()
                info = _info(rel, len(data))
                reused = _reusable(previous, info, data)
                if reused is None:
                    archive.writestr(info, data, compresslevel=COMPRESSLEVEL)
                else:
                    _append_raw(archive, info, *reused)
            archive.comment = COMMENT
        os.replace(tmp, zip_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if previous:
            previous.close()
    return zip_path

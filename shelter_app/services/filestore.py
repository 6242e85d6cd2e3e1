"""Files kept in the data folder under their SHA-256: evidence attachments, the business-case PDFs.

Content-addressed: `<folder>/ab/abcdef…`, so the same file kept twice is stored once and a copy can be
checked against the hash and size recorded when it was kept.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from shelter_app.core.errors import UserError
from shelter_app.core.filenames import clean_file_name
from shelter_app.settings import ATTACHMENT_LIMIT_MB

CHUNK = 1024 * 1024
MB = 1024 * 1024


def limit_bytes(limit_mb: int = ATTACHMENT_LIMIT_MB.default) -> int:
    """The per-file limit of the setting `attachment_limit_mb`, in bytes (at least 1 MB)."""
    return max(1, limit_mb) * MB


DEFAULT_MAX_BYTES = limit_bytes()


def stored_path(folder: Path, sha256: str) -> Path:
    return folder / sha256[:2] / sha256


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 (hex) and size of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def verified_copy(folder: Path, sha256: str, size_bytes: int, file_name: str, problem: type[UserError]) -> Path:
    """The kept copy, after checking it still has the hash and size it was recorded with; `problem` says
    which kind of file it is (the error the caller's users know)."""
    path = stored_path(folder, sha256)
    file_name = clean_file_name(file_name)
    if not path.is_file():
        raise problem(f"The stored copy of {file_name} is missing from the data folder ({path}).",
                      f"Falta la copia guardada de {file_name} en la carpeta de datos ({path}).")
    sha, size = hash_file(path)
    if sha != sha256 or size != size_bytes:
        raise problem(f"The stored copy of {file_name} was altered: its SHA-256 no longer matches.",
                      f"La copia guardada de {file_name} fue alterada: su SHA-256 ya no coincide.")
    return path


# ---- taking a file in from the user's disk ------------------------------------------------------------------------

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW)  # non-blocking: a named pipe must not hang the open


@dataclass(frozen=True)
class KeptFile:
    """A file taken into a store: its clean name (core.filenames), SHA-256 and size."""

    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Skipped:
    """A file left out of a folder walk (a link, a pipe...), with why, in both languages."""

    path: Path
    en: str
    es: str


def size_text(size: int) -> str:
    """A size as people read it: "512 bytes", "40 KB", "100 MB", "1.5 GB"."""
    if size < 1024:
        return f"{size} bytes"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            value = size / scale
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def shown_name(path: Path) -> str:
    """The file's name as a message shows it: cleaned, so a right-to-left override cannot disguise it."""
    return clean_file_name(path.name, fallback="?")


def _kind(mode: int) -> tuple[str, str] | None:
    """What a non-regular file is, in both languages; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return ("a link (shortcut) to another file; attach the file itself",
                "un enlace (acceso directo) a otro archivo; adjunte el archivo mismo")
    if stat.S_ISDIR(mode):
        return "a folder, not a file", "una carpeta, no un archivo"
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a regular file", "una canalización con nombre, no un archivo normal"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file", "un socket, no un archivo normal"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file", "un dispositivo, no un archivo normal"
    return "not a regular file", "no es un archivo normal"


def _refuse_kind(source: Path, kind: tuple[str, str], problem: type[UserError]) -> UserError:
    name = shown_name(source)
    return problem(f"“{name}” was not attached: it is {kind[0]}.", f"No se adjuntó «{name}»: es {kind[1]}.",
                   field="file")


def _open_failed(source: Path, exc: OSError, problem: type[UserError]) -> UserError:
    name = shown_name(source)
    try:
        mode: int | None = os.lstat(source).st_mode
    except OSError:
        mode = None
    kind = _kind(mode) if mode is not None else None
    if kind is not None:
        return _refuse_kind(source, kind, problem)
    if exc.errno == errno.ENOENT:
        return problem(f"The file “{name}” does not exist (moved or renamed?).",
                       f"El archivo «{name}» no existe (¿se movió o cambió de nombre?).", field="file")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return problem(f"The file “{name}” cannot be read (permission denied).",
                       f"No se puede leer el archivo «{name}» (permiso denegado).", field="file")
    reason = exc.strerror or type(exc).__name__
    return problem(f"The file “{name}” cannot be read: {reason}.", f"No se puede leer el archivo «{name}»: {reason}.",
                   field="file")


def _too_large(source: Path, size: int, max_bytes: int, problem: type[UserError]) -> UserError:
    name = shown_name(source)
    return problem(f"“{name}” was not attached: it is {size_text(size)}, over the limit of {size_text(max_bytes)} "
                   "per file.",
                   f"No se adjuntó «{name}»: pesa {size_text(size)}, más del límite de {size_text(max_bytes)} "
                   "por archivo.", field="file")


@contextmanager
def open_regular(source: Path, max_bytes: int, problem: type[UserError]) -> Iterator[tuple[BinaryIO, int]]:
    """Open `source` for reading without following a link, and only if the opened file is a regular file no
    larger than `max_bytes` (checked on the descriptor with fstat, so nothing can be swapped in between);
    yields the open file and its size. Anything else raises `problem` naming the file."""
    before: os.stat_result | None = None
    if not _NOFOLLOW:  # no O_NOFOLLOW (Windows): refuse a link seen before opening, then check it is the same file
        try:
            before = os.lstat(source)
        except OSError as exc:
            raise _open_failed(source, exc, problem) from None
        if (kind := _kind(before.st_mode)) is not None:
            raise _refuse_kind(source, kind, problem)
    try:
        fd = os.open(source, _OPEN_FLAGS)
    except OSError as exc:
        raise _open_failed(source, exc, problem) from None
    try:
        info = os.fstat(fd)
        if (kind := _kind(info.st_mode)) is not None:
            raise _refuse_kind(source, kind, problem)
        if before is not None and (before.st_dev, before.st_ino) != (info.st_dev, info.st_ino):
            raise _refuse_kind(source, _kind(stat.S_IFLNK) or ("", ""), problem)
        if info.st_size > max_bytes:
            raise _too_large(source, info.st_size, max_bytes, problem)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle, info.st_size


def keep_file(source: Path, folder: Path, max_bytes: int, problem: type[UserError]) -> KeptFile:
    """Copy a regular file (open_regular's rules) into `folder` under its SHA-256, hashing while copying: to a
    temp file first, fsynced, then renamed; a refused or failed copy leaves nothing in `folder`."""
    with open_regular(source, max_bytes, problem) as (handle, _size):
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as out:
                while chunk := handle.read(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:  # it grew while being copied
                        raise _too_large(source, size, max_bytes, problem)
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = stored_path(folder, sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                os.unlink(tmp_name)
            else:
                os.replace(tmp_name, target)
        except OSError as exc:
            Path(tmp_name).unlink(missing_ok=True)
            name = shown_name(source)
            reason = exc.strerror or str(exc)
            raise problem(f"Copying “{name}” failed: {reason}. Nothing was attached.",
                          f"Falló la copia de «{name}»: {reason}. No se adjuntó nada.", field="file") from None
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    return KeptFile(clean_file_name(source.name), sha, size)


def read_regular(source: Path, max_bytes: int, problem: type[UserError]) -> tuple[str, bytes]:
    """The clean name and the bytes of a regular file (open_regular's rules), for a file sent out whole."""
    with open_regular(source, max_bytes, problem) as (handle, _size):
        try:
            content = handle.read(max_bytes + 1)
        except OSError as exc:
            raise _open_failed(source, exc, problem) from None
    if len(content) > max_bytes:
        raise _too_large(source, len(content), max_bytes, problem)
    return clean_file_name(source.name), content


def files_in_folder(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """The regular files under `folder` (sub-folders too), never following a link: links, pipes, devices and
    sockets found on the way are skipped and listed with why."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                found = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            skipped.append(Skipped(current, f"the folder cannot be read: {reason}",
                                   f"no se puede leer la carpeta: {reason}"))
            continue
        subfolders: list[Path] = []
        for entry in found:
            path = Path(entry.path)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                reason = exc.strerror or type(exc).__name__
                skipped.append(Skipped(path, f"it cannot be read: {reason}", f"no se puede leer: {reason}"))
                continue
            if stat.S_ISDIR(mode):
                subfolders.append(path)
            elif (kind := _kind(mode)) is None:
                files.append(path)
            else:
                skipped.append(Skipped(path, f"it is {kind[0]}", f"es {kind[1]}"))
        pending.extend(reversed(subfolders))
    return files, skipped

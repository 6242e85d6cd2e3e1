"""Files kept in the data folder under their SHA-256: evidence attachments, the business-case PDFs.

Content-addressed: `<folder>/ab/abcdef…`, so the same file kept twice is stored once and a copy can be
checked against the hash and size recorded when it was kept.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from shelter_app.core.errors import UserError

CHUNK = 1024 * 1024


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
    if not path.is_file():
        raise problem(f"The stored copy of {file_name} is missing from the data folder ({path}).",
                      f"Falta la copia guardada de {file_name} en la carpeta de datos ({path}).")
    sha, size = hash_file(path)
    if sha != sha256 or size != size_bytes:
        raise problem(f"The stored copy of {file_name} was altered: its SHA-256 no longer matches.",
                      f"La copia guardada de {file_name} fue alterada: su SHA-256 ya no coincide.")
    return path

"""Every folder ShelterDesk reads or writes, answered in one place.

One override moves them all (qutebrowser's standarddir): `--data-dir DIR` or the
`SHELTER_APP_DATA_DIR` environment variable. Tests set the variable to a temp folder,
so nothing ever lands in the real home.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from shelter_app import APP_ID
from shelter_app.core.errors import UserError

ENV_DATA_DIR = "SHELTER_APP_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    """The folders of one ShelterDesk installation (created on first use)."""

    data: Path
    config: Path
    cache: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "shelterdesk.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def evidence(self) -> Path:
        return self.data / "evidence"

    @property
    def documents(self) -> Path:
        """Generated business-case PDFs, kept under their SHA-256 (services.business_documents)."""
        return self.data / "documents"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def crash_log(self) -> Path:
        """Where faulthandler writes a hard crash; offered to the user at the next start."""
        return self.logs / "crash.log"

    def ensure(self) -> Paths:
        """Create the folders; DataFolderUnavailable (saying what to do) when one cannot be created or written."""
        for folder in (self.data, self.config, self.cache, self.logs, self.backups):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DataFolderUnavailable(folder, exc) from None
            if not os.access(folder, os.W_OK | os.X_OK):
                raise DataFolderUnavailable(folder, PermissionError(13, "Permission denied"))
        return self


class DataFolderUnavailable(UserError):
    """A folder ShelterDesk keeps its data in cannot be created or written (a read-only or foreign folder)."""

    def __init__(self, folder: Path, error: OSError) -> None:
        reason = error.strerror or str(error)
        super().__init__(
            f"ShelterDesk cannot write its data folder {folder} ({reason}). Choose a folder you can write with "
            f"--data-dir DIR or the {ENV_DATA_DIR} variable, or give your user write access to it.",
            f"ShelterDesk no puede escribir en su carpeta de datos {folder} ({reason}). Elija una carpeta en la que "
            f"pueda escribir con --data-dir CARPETA o la variable {ENV_DATA_DIR}, o dé permiso de escritura a su "
            "usuario.", field="data_dir")
        self.folder = folder


_override: Path | None = None


def set_data_dir(folder: str | os.PathLike[str] | None) -> None:
    """Move every folder under `folder` (the `--data-dir` option); None restores the default."""
    global _override  # noqa: PLW0603  (one process-wide override, like qutebrowser's standarddir)
    _override = Path(folder).expanduser().resolve() if folder else None


def get_paths() -> Paths:
    """The folders in force: `--data-dir`, else `SHELTER_APP_DATA_DIR`, else the platform's."""
    root = _override
    if root is None and os.environ.get(ENV_DATA_DIR):
        root = Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    if root is not None:
        return Paths(data=root / "data", config=root / "config", cache=root / "cache", logs=root / "logs")
    import platformdirs  # 7 ms: only when no override is given

    return Paths(
        data=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )


def resources_dir() -> Path:
    """The shipped `resources/` folder: beside the package in a checkout, bundled when frozen."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ShelterDesk resources not found next to {here}")


def forms_dir() -> Path:
    """The shipped `forms/` folder (form definitions): beside the package in a checkout, bundled when frozen."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "forms", here.parent / "forms"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ShelterDesk forms not found next to {here}")

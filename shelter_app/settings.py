"""User settings, declared once as typed options with defaults (Picard's config).

Stored as JSON in the config folder. Unknown keys are dropped, values of the wrong type
fall back to the default, and a settings file from an older version is upgraded in
`_UPGRADES`. Secrets never live here: the database password is in the OS keyring.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

from shelter_app.core.urls import has_password, mask_url, mask_urls_in, strip_password
from shelter_app.exchange.bounded_json import JsonLimitError, JsonLimits, read_json_bounded

log = logging.getLogger(__name__)

T = TypeVar("T")

SETTINGS_VERSION = 1
LANGUAGES = ("system", "en", "es_MX")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting: its key, type, default and an optional check of allowed values."""

    key: str
    type: type
    default: T
    doc: str
    allowed: tuple[Any, ...] | None = None

    def coerce(self, raw: object) -> T:
        if not isinstance(raw, self.type) or (self.allowed is not None and raw not in self.allowed):
            log.warning("setting %s: ignoring invalid value %s", self.key, mask_urls_in(repr(raw)))
            return self.default
        return raw  # type: ignore[return-value]


def _default_consultant() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "consultant"


LANGUAGE = Option[str]("language", str, "system", "Interface language: system, en or es_MX", LANGUAGES)
LAST_FOLDER = Option[str]("last_folder", str, "", "Folder last used in a file dialog")
DB_URL = Option[str](
    "db_url", str, "", "Database URL without password; empty means the embedded SQLite file"
)
CONSULTANT = Option[str]("consultant", str, "", "The consultant's name: on documents when the project names no "
                         "consultant, and in the audit trail (empty: the login name, in the audit trail only)")
PROVIDER = Option[str]("provider", str, "", "The shelter provider's name on the cover of business cases")
WINDOW_GEOMETRY = Option[str]("window_geometry", str, "", "Main window geometry (Qt, base64)")
WINDOW_STATE = Option[str]("window_state", str, "", "Main window state (Qt, base64)")
SHOW_ARCHIVED = Option[bool]("show_archived", bool, False, "Portfolio shows archived clients")
DEMO_OFFERED = Option[bool]("demo_offered", bool, False, "The demo portfolio was offered once")
BACKUPS_KEPT = Option[int]("backups_kept", int, 10, "Backups kept: the newest N, plus the newest of each of the "
                           "last 7 days and of each of the last 8 weeks", tuple(range(1, 101)))
ATTACHMENT_LIMIT_MB = Option[int]("attachment_limit_mb", int, 100, "Largest file accepted as evidence or as a form "
                                  "attachment, in MB (1 MB = 1024 × 1024 bytes)")

OPTIONS: dict[str, Option[Any]] = {
    o.key: o
    for o in (LANGUAGE, LAST_FOLDER, DB_URL, CONSULTANT, PROVIDER, WINDOW_GEOMETRY, WINDOW_STATE, SHOW_ARCHIVED,
              DEMO_OFFERED, BACKUPS_KEPT, ATTACHMENT_LIMIT_MB)
}

_MAX_SETTINGS_LIMITS: Final = JsonLimits(max_bytes=1024 * 1024, max_depth=8, max_number_chars=64,
                                         max_integer_digits=18, max_decimal_places=40, max_items=1000)
"""A settings file is one object of a dozen short values; anything far larger is damage (or hostile)."""

# version -> function upgrading the raw dict from that version to the next
_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class Settings:
    """The settings of one installation, loaded from and saved to `path`."""

    def __init__(self, path: Path, values: dict[str, Any] | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = {k: o.default for k, o in OPTIONS.items()}
        for key, raw in (values or {}).items():
            if key in OPTIONS:
                self._values[key] = OPTIONS[key].coerce(raw)

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            with path.open("rb") as stream:  # a damaged or huge file: at most one byte past the limit
                data = stream.read(_MAX_SETTINGS_LIMITS.max_bytes + 1)
            raw = read_json_bounded(data.decode("utf-8"), _MAX_SETTINGS_LIMITS, floats=True)
        except FileNotFoundError:
            return cls(path)
        except JsonLimitError as exc:
            log.warning("settings file %s unreadable (%s); using defaults", path, exc.en)
            return cls(path)
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", path, exc)
            return cls(path)
        if not isinstance(raw, dict):
            return cls(path)
        version = raw.pop("_version", SETTINGS_VERSION)
        while isinstance(version, int) and version in _UPGRADES:
            raw = _UPGRADES[version](raw)
            version += 1
        return cls(path, raw)

    def get(self, option: Option[T]) -> T:
        value: T = self._values[option.key]
        return value

    def set(self, option: Option[T], value: T) -> None:
        if not isinstance(value, option.type) or (option.allowed is not None and value not in option.allowed):
            raise ValueError(f"invalid value {mask_urls_in(repr(value))} for setting {option.key}")
        if option is DB_URL and has_password(str(value)):  # a bug: callers move the password to the keyring first
            raise ValueError(f"setting {option.key} must not hold a password: {mask_url(str(value))}")
        self._values[option.key] = value

    def provider(self) -> str:
        """The shelter provider on documents; empty when not set (a document then names no provider)."""
        return self.get(PROVIDER).strip()

    def consultant(self) -> str:
        """Who acts, for the audit trail: the name set, else the login name."""
        return self.get(CONSULTANT).strip() or _default_consultant()

    def consultant_name(self) -> str:
        """The consultant's name for documents: the name set, never the login name."""
        return self.get(CONSULTANT).strip()

    def save(self) -> None:
        """Write atomically, so a crash mid-write never leaves half a settings file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = {"_version": SETTINGS_VERSION, **self._values}
        data[DB_URL.key] = strip_password(data[DB_URL.key])  # last guard: a password is never written here
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)

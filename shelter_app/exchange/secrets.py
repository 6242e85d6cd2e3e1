"""Secrets live only in the OS keyring (Vorta's rule), never in settings, files or logs.

Headless Linux usually has no keyring backend: then nothing is stored and the caller
tells the user the password will not be remembered. There is no fallback to a file.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError, NoKeyringError

log = logging.getLogger(__name__)

SERVICE = "ShelterDesk database"


def keyring_available() -> bool:
    """True when a real backend (not the `fail` one) will remember secrets."""
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and backend.priority > 0


def backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def get_password(account: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, account)
    except NoKeyringError:
        return None
    except KeyringError as exc:
        log.warning("keyring read failed for %s: %s", account, type(exc).__name__)
        return None


def set_password(account: str, password: str) -> bool:
    """Remember `password`; False when no keyring can hold it (nothing is written anywhere)."""
    try:
        keyring.set_password(SERVICE, account, password)
    except (NoKeyringError, KeyringError) as exc:
        log.warning("keyring cannot store the database password: %s", type(exc).__name__)
        return False
    return True


def delete_password(account: str) -> None:
    with contextlib.suppress(NoKeyringError, KeyringError):
        keyring.delete_password(SERVICE, account)

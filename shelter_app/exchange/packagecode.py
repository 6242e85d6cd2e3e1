"""The cryptography of the one-time code that optionally protects a form package (`core.onetimecode`).

The consultant's app makes the code and never writes it into the package: it is told to the client by phone.
The package carries `protection` (inside what its signature covers): the Argon2id salt and limits, and a check
value, the keyed BLAKE2b of `_CHECK_CONTEXT` under the 32-byte key the code derives. The client's app derives the
key from the code typed and compares the check value, so a mistyped code is told at once. A response to a
protected package carries `code_proof` in its sealed `response.json`: the keyed BLAKE2b of `_PROOF_CONTEXT` and the
response's signed statement under the same key. The consultant's app keeps the code sealed to its own form key
(`seal_code`), derives the key again and compares: a response made by someone who holds the package (it travels
by e-mail) but was not told the code is refused.

Guessing the code from the check value costs one Argon2id derivation (64 MiB) per guess over 2^60 codes.
Limits read from a package are bounded (`read_protection`), so a hostile package cannot ask for gigabytes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any, Final

import nacl.exceptions
import nacl.public
import nacl.utils
from nacl.pwhash import argon2id

from shelter_app.core.onetimecode import normalized

KDF: Final = "argon2id"
OPSLIMIT: Final = argon2id.OPSLIMIT_INTERACTIVE
MEMLIMIT: Final = argon2id.MEMLIMIT_INTERACTIVE
MAX_OPSLIMIT: Final = 8
MAX_MEMLIMIT: Final = 256 * 1024 * 1024
KEY_BYTES: Final = 32
_CHECK_CONTEXT: Final = b"shelterdesk-package-code-check\n"
_PROOF_CONTEXT: Final = b"shelterdesk-package-code-proof\n"


@dataclass(frozen=True)
class Protection:
    """What a protected package says of its code: how to derive the key, and the check value of the right one."""

    salt: bytes
    opslimit: int
    memlimit: int
    check: bytes

    def data(self) -> dict[str, Any]:
        return {"kdf": KDF, "salt": _b64(self.salt), "opslimit": self.opslimit, "memlimit": self.memlimit,
                "check": _b64(self.check)}

    def key(self, code: str) -> bytes | None:
        """The key `code` (as typed) derives, or None when it is not this package's code."""
        plain = normalized(code)
        if plain is None:
            return None
        key = _derive(plain, self.salt, self.opslimit, self.memlimit)
        return key if hmac.compare_digest(_check(key), self.check) else None


def protect(code: str) -> Protection:
    """The protection of a new package for `code` (plain, as `core.onetimecode.new_code` makes it)."""
    plain = normalized(code)
    if plain is None:
        raise ValueError("not a one-time code")
    salt = nacl.utils.random(argon2id.SALTBYTES)
    return Protection(salt, OPSLIMIT, MEMLIMIT, _check(_derive(plain, salt, OPSLIMIT, MEMLIMIT)))


def read_protection(value: object) -> Protection | str:
    """A package's `protection` object, or what is wrong with it (English, for the file's message)."""
    if not isinstance(value, dict) or set(value) != {"kdf", "salt", "opslimit", "memlimit", "check"}:
        return "must hold exactly kdf, salt, opslimit, memlimit and check"
    if value["kdf"] != KDF:
        return f"kdf must be “{KDF}”"
    ops, mem = value["opslimit"], value["memlimit"]
    if type(ops) is not int or not argon2id.OPSLIMIT_MIN <= ops <= MAX_OPSLIMIT:
        return f"opslimit must be a whole number from {argon2id.OPSLIMIT_MIN} to {MAX_OPSLIMIT}"
    if type(mem) is not int or not argon2id.MEMLIMIT_MIN <= mem <= MAX_MEMLIMIT:
        return f"memlimit must be a whole number from {argon2id.MEMLIMIT_MIN} to {MAX_MEMLIMIT}"
    salt, check = _unb64(value["salt"], argon2id.SALTBYTES), _unb64(value["check"], KEY_BYTES)
    if salt is None or check is None:
        return "salt and check must be base64 of the right length"
    return Protection(salt, ops, mem, check)


def proof(key: bytes, statement: bytes) -> bytes:
    """What a response to a protected package carries: proof that its writer knew the code."""
    return hashlib.blake2b(_PROOF_CONTEXT + statement, key=key, digest_size=KEY_BYTES).digest()


def proves(key: bytes, statement: bytes, given: bytes) -> bool:
    return hmac.compare_digest(proof(key, statement), given)


def seal_code(code: str, protection: Protection, public_key: nacl.public.PublicKey) -> str:
    """The code and its derivation, sealed to the consultant's form key (base64 text for the package's row)."""
    document = {"code": code, **protection.data()}
    return _b64(nacl.public.SealedBox(public_key).encrypt(json.dumps(document, sort_keys=True).encode()))


def open_code(sealed: str, private_key: nacl.public.PrivateKey) -> tuple[str, Protection]:
    """The code and protection `seal_code` sealed; `ValueError` when it is not readable with this key."""
    try:
        document = json.loads(nacl.public.SealedBox(private_key).decrypt(base64.b64decode(sealed, validate=True)))
    except (nacl.exceptions.CryptoError, ValueError) as error:
        raise ValueError("the package's code cannot be opened with this form key") from error
    code = document.pop("code", None) if isinstance(document, dict) else None
    protection = read_protection(document)
    if not isinstance(code, str) or isinstance(protection, str):
        raise ValueError("the package's code record is damaged")
    return code, protection


def _derive(code: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return argon2id.kdf(KEY_BYTES, code.encode("ascii"), salt, opslimit=opslimit, memlimit=memlimit)


def _check(key: bytes) -> bytes:
    return hashlib.blake2b(_CHECK_CONTEXT, key=key, digest_size=KEY_BYTES).digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, size: int) -> bytes | None:
    if not isinstance(value, str) or len(value) > 4 * size:
        return None
    try:
        data = base64.b64decode(value, validate=True)
    except ValueError:
        return None
    return data if len(data) == size else None

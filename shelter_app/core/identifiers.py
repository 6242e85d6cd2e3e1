"""Checks for Mexican identifiers (RFC, CURP, postal code) and contact details.

A form calls these before saving so a typo is caught while the user still has the paper in
hand. Each problem is a `ValidationError` that says what is wrong in English and Spanish;
things that look wrong but exist in real life (RFCs that SAT issued with a bad check digit)
are returned as `IdentifierWarning`s instead, so they never block a save.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from shelter_app.core.errors import ValidationError

RFCKind = Literal["company", "person", "generic_public", "generic_foreign"]

GENERIC_RFCS: Final[dict[str, RFCKind]] = {
    "XAXX010101000": "generic_public",  # público en general
    "XEXX010101000": "generic_foreign",  # residentes en el extranjero
}

# SAT's "palabras inconvenientes": an individual's RFC never starts with one (SAT changes the
# last letter to X), so an RFC that does is a typo. The list python-stdnum uses for RFC.
RFC_INCONVENIENT_WORDS: Final = frozenset({
    "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COJA", "COJE", "COJI",
    "COJO", "CULO", "FETO", "GUEY", "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KOGE", "KOJO",
    "KULO", "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MION", "MOCO", "MULA", "PEDA", "PEDO", "PENE",
    "PUTA", "PUTO", "QULO", "RATA", "RUIN",
})

# RENAPO's list for CURP, longer than SAT's (again as python-stdnum has it).
CURP_INCONVENIENT_WORDS: Final = frozenset({
    "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI",
    "COJA", "COJE", "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA",
    "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI",
    "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO", "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS",
    "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO", "NACA", "NACO", "PEDA", "PEDO", "PENE",
    "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO", "RATA", "ROBA", "ROBE", "ROBO", "RUIN", "SENO",
    "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI", "VUEY", "WUEI", "WUEY",
})

# Birth-state codes in a CURP; NE ("nacido en el extranjero") for people born abroad.
CURP_STATES: Final = frozenset({
    "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN",
    "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS", "NE",
})

_RFC_ALPHABET: Final = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"
_CURP_ALPHABET: Final = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"

_RFC_LETTERS = re.compile(r"[A-Z&Ñ]+")
_SIX_DIGITS = re.compile(r"[0-9]{6}")
_HOMOCLAVE = re.compile(r"[A-Z0-9]{2}[0-9A]")
_CURP_LETTERS = re.compile(r"[A-Z]{4}")
_CONSONANTS = re.compile(r"[B-DF-HJ-NP-TV-Z]{3}")
_POSTAL_CODE = re.compile(r"[0-9]{5}")
_PHONE_DECORATION: Final = frozenset("-().")

# Removed from identifiers: people type and paste RFCs as "ABC-680524-P76" or "ABC 680524 P76",
# and word processors turn hyphens into their Unicode look-alikes.
_SEPARATORS: Final = frozenset("-.\u2010\u2011\u2012\u2013")


@dataclass(frozen=True)
class IdentifierWarning:
    """Something the user should double-check that does not block saving.

    `code` is stable (e.g. "check_digit") so callers can react to a kind of warning without
    parsing the text.
    """

    code: str
    en: str
    es: str

    def message(self, language: str = "en") -> str:
        """The text in `language` ("en", "es", "es_MX"...); English otherwise."""
        return self.es if language.lower().startswith("es") else self.en


@dataclass(frozen=True)
class RFCCheck:
    """A valid RFC in its normal form, what kind of taxpayer it names, and any warnings."""

    rfc: str
    kind: RFCKind
    warnings: tuple[IdentifierWarning, ...] = ()


def _show(value: str, limit: int = 40) -> str:
    """Quote user input in a message without letting a pasted paragraph swamp it."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _normalize(text: str) -> str:
    """Upper-case, composed (so Ñ is one character), without spaces, hyphens or dots."""
    kept = "".join(ch for ch in text if not ch.isspace() and ch not in _SEPARATORS)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", kept).upper())


def normalize_rfc(text: str) -> str:
    """The RFC as SAT writes it: " abc-680524 p-76 " becomes "ABC680524P76"."""
    return _normalize(text)


def _is_real_date(yymmdd: str, centuries: tuple[int, ...]) -> bool:
    """Whether YYMMDD is a calendar date in one of `centuries` (1900, 2000)."""
    year, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    for century in centuries:
        try:
            date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


def rfc_check_digit(stem: str) -> str:
    """SAT's check digit for an RFC without its last character (11 or 12 characters).

    Company stems get a leading space to make 12; weights 13 down to 2; 11 - sum mod 11,
    where 11 is written "0" and 10 is written "A".
    """
    if len(stem) not in (11, 12) or any(ch not in _RFC_ALPHABET for ch in stem):
        raise ValueError(f"not an RFC without its check digit: {stem!r}")
    total = sum(_RFC_ALPHABET.index(ch) * (13 - i) for i, ch in enumerate(stem.rjust(12)))
    return _RFC_ALPHABET[(11 - total % 11) % 11]


def validate_rfc(text: str) -> RFCCheck:
    """Check an RFC's structure; a wrong check digit is only a warning (SAT issued some)."""
    rfc = normalize_rfc(text)
    if not rfc:
        raise ValidationError("Enter the RFC.", "Escriba el RFC.", field="rfc")
    if rfc in GENERIC_RFCS:
        return RFCCheck(rfc, GENERIC_RFCS[rfc])
    if len(rfc) not in (12, 13):
        raise ValidationError(
            f"An RFC has 12 characters (company) or 13 (individual); “{_show(rfc)}” has {len(rfc)}.",
            f"Un RFC tiene 12 caracteres (persona moral) o 13 (persona física); “{_show(rfc)}” tiene "
            f"{len(rfc)}.",
            field="rfc",
        )
    kind: RFCKind = "company" if len(rfc) == 12 else "person"
    size = 3 if kind == "company" else 4
    letters, yymmdd, homoclave = rfc[:size], rfc[size : size + 6], rfc[size + 6 :]
    if kind == "company":
        who_en, who_es = "a company", "persona moral"
    else:
        who_en, who_es = "an individual", "persona física"
    if not _RFC_LETTERS.fullmatch(letters):
        raise ValidationError(
            f"The RFC of {who_en} starts with {size} letters (A–Z, Ñ or &); “{letters}” has other "
            "characters.",
            f"El RFC de una {who_es} empieza con {size} letras (A–Z, Ñ o &); “{letters}” tiene otros "
            "caracteres.",
            field="rfc",
        )
    if not _SIX_DIGITS.fullmatch(yymmdd):
        raise ValidationError(
            f"After the {size} letters comes the date as 6 digits (YYMMDD); “{yymmdd}” is not.",
            f"Después de las {size} letras va la fecha en 6 dígitos (AAMMDD); “{yymmdd}” no lo es.",
            field="rfc",
        )
    if not _is_real_date(yymmdd, (1900, 2000)):
        raise ValidationError(
            f"The date part {yymmdd} is not a real date (YYMMDD).",
            f"La parte de la fecha {yymmdd} no es una fecha real (AAMMDD).",
            field="rfc",
        )
    if not _HOMOCLAVE.fullmatch(homoclave):
        raise ValidationError(
            f"The homoclave (last 3 characters) “{homoclave}” is not valid: the first two are letters "
            "A–Z or digits, and the last one, the check digit, is a digit or A.",
            f"La homoclave (últimos 3 caracteres) “{homoclave}” no es válida: los dos primeros son letras "
            "de la A a la Z o dígitos, y el último, el dígito verificador, es un dígito o A.",
            field="rfc",
        )
    if kind == "person" and letters in RFC_INCONVENIENT_WORDS:
        replaced = letters[:3] + "X"
        raise ValidationError(
            f"An individual's RFC never starts with “{letters}”: SAT replaces the last letter with X "
            f"({replaced}).",
            f"El RFC de una persona física nunca empieza con “{letters}”: el SAT cambia la última letra "
            f"por X ({replaced}).",
            field="rfc",
        )
    expected = rfc_check_digit(rfc[:-1])
    if expected == rfc[-1]:
        return RFCCheck(rfc, kind)
    warning = IdentifierWarning(
        "check_digit",
        f"The RFC's check digit (last character) should be {expected}, not {rfc[-1]}. SAT has issued "
        "some RFCs like this, so it is accepted; compare it with the Constancia de Situación Fiscal.",
        f"El dígito verificador del RFC (último carácter) debería ser {expected}, no {rfc[-1]}. El SAT "
        "ha emitido algunos RFC así, por lo que se acepta; compárelo con la Constancia de Situación Fiscal.",
    )
    return RFCCheck(rfc, kind, (warning,))


def curp_check_digit(stem: str) -> str:
    """RENAPO's check digit over a CURP's first 17 characters: weights 18 down to 2, mod 10."""
    if len(stem) != 17 or any(ch not in _CURP_ALPHABET for ch in stem):
        raise ValueError(f"not a CURP without its check digit: {stem!r}")
    total = sum(_CURP_ALPHABET.index(ch) * (18 - i) for i, ch in enumerate(stem))
    return str((10 - total % 10) % 10)


def validate_curp(text: str) -> str:
    """Check a CURP completely, check digit included (RENAPO's are reliable), and normalise it."""
    curp = _normalize(text)
    if not curp:
        raise ValidationError("Enter the CURP.", "Escriba la CURP.", field="curp")
    if len(curp) != 18:
        raise ValidationError(
            f"A CURP has 18 characters; “{_show(curp)}” has {len(curp)}.",
            f"La CURP tiene 18 caracteres; “{_show(curp)}” tiene {len(curp)}.",
            field="curp",
        )
    letters, yymmdd, sex, state = curp[:4], curp[4:10], curp[10], curp[11:13]
    consonants, differentiator, check = curp[13:16], curp[16], curp[17]
    if not _CURP_LETTERS.fullmatch(letters):
        raise ValidationError(
            f"A CURP starts with 4 letters A–Z (RENAPO writes Ñ as X); “{letters}” has other characters.",
            f"La CURP empieza con 4 letras de la A a la Z (RENAPO escribe la Ñ como X); “{letters}” tiene "
            "otros caracteres.",
            field="curp",
        )
    if letters in CURP_INCONVENIENT_WORDS:
        replaced = letters[0] + "X" + letters[2:]
        raise ValidationError(
            f"A CURP never starts with “{letters}”: RENAPO replaces the second letter with X ({replaced}).",
            f"Una CURP nunca empieza con “{letters}”: RENAPO cambia la segunda letra por X ({replaced}).",
            field="curp",
        )
    if not _SIX_DIGITS.fullmatch(yymmdd):
        raise ValidationError(
            f"After the 4 letters comes the birth date as 6 digits (YYMMDD); “{yymmdd}” is not.",
            f"Después de las 4 letras va la fecha de nacimiento en 6 dígitos (AAMMDD); “{yymmdd}” no lo es.",
            field="curp",
        )
    if sex not in "HMX":
        raise ValidationError(
            f"The 11th character of a CURP is the sex, H, M or X; “{sex}” is not one of them.",
            f"El carácter 11 de la CURP es el sexo, H, M o X; “{sex}” no es ninguno de ellos.",
            field="curp",
        )
    if state not in CURP_STATES:
        raise ValidationError(
            f"“{state}” (characters 12–13) is not a Mexican state code such as DF, JC or NL, nor NE for "
            "someone born abroad.",
            f"“{state}” (caracteres 12 y 13) no es una clave de entidad como DF, JC o NL, ni NE para quien "
            "nació en el extranjero.",
            field="curp",
        )
    if not _CONSONANTS.fullmatch(consonants):
        raise ValidationError(
            f"Characters 14–16 of a CURP are consonants from the surnames and name; “{consonants}” "
            "are not all consonants.",
            f"Los caracteres 14 a 16 de la CURP son consonantes de los apellidos y el nombre; "
            f"“{consonants}” no son todas consonantes.",
            field="curp",
        )
    if not (differentiator.isascii() and differentiator.isalnum()):
        raise ValidationError(
            f"The 17th character of a CURP is a digit (born before 2000) or a letter (2000 on); "
            f"“{differentiator}” is neither.",
            f"El carácter 17 de la CURP es un dígito (nacidos antes de 2000) o una letra (de 2000 en "
            f"adelante); “{differentiator}” no es ninguno de los dos.",
            field="curp",
        )
    century = 1900 if differentiator.isdigit() else 2000
    if not _is_real_date(yymmdd, (century,)):
        raise ValidationError(
            f"The birth date {yymmdd} is not a real date in {century}–{century + 99} (YYMMDD).",
            f"La fecha de nacimiento {yymmdd} no es una fecha real entre {century} y {century + 99} "
            "(AAMMDD).",
            field="curp",
        )
    expected = curp_check_digit(curp[:17])
    if check != expected:
        raise ValidationError(
            f"The CURP's check digit (last character) should be {expected}, not “{check}”; "
            "look for a mistyped character.",
            f"El dígito verificador de la CURP (último carácter) debería ser {expected}, no “{check}”; "
            "revise si hay un carácter mal escrito.",
            field="curp",
        )
    return curp


def validate_postal_code(text: str) -> str:
    """A Mexican código postal: five digits from 01000 to 99999."""
    code = text.strip()
    if not code:
        raise ValidationError("Enter the postal code.", "Escriba el código postal.", field="postal_code")
    if not _POSTAL_CODE.fullmatch(code):
        raise ValidationError(
            f"A Mexican postal code is exactly 5 digits; “{_show(code)}” is not.",
            f"Un código postal de México tiene exactamente 5 dígitos; “{_show(code)}” no.",
            field="postal_code",
        )
    if code < "01000":
        raise ValidationError(
            f"Mexican postal codes go from 01000 to 99999; {code} does not exist.",
            f"Los códigos postales de México van del 01000 al 99999; el {code} no existe.",
            field="postal_code",
        )
    return code


def validate_email(text: str) -> str:
    """A pragmatic syntax check (mail servers have the last word); lower-cases the domain."""
    address = text.strip()
    if not address:
        raise ValidationError("Enter the e-mail address.", "Escriba el correo electrónico.", field="email")
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in address):
        raise ValidationError(
            f"An e-mail address has no spaces or invisible characters; “{_show(address)}” does.",
            f"Un correo electrónico no lleva espacios ni caracteres invisibles; “{_show(address)}” sí.",
            field="email",
        )
    if address.count("@") != 1:
        raise ValidationError(
            f"An e-mail address has exactly one @; “{_show(address)}” has {address.count('@')}.",
            f"Un correo electrónico lleva exactamente una @; “{_show(address)}” tiene {address.count('@')}.",
            field="email",
        )
    local, domain = address.split("@")
    if not local:
        raise ValidationError(
            f"Nothing comes before the @ in “{_show(address)}”.",
            f"No hay nada antes de la @ en “{_show(address)}”.",
            field="email",
        )
    domain = domain.lower()
    if "." not in domain or any(not label for label in domain.split(".")):
        raise ValidationError(
            f"After the @ comes a domain such as example.com; “{_show(domain)}” is not one.",
            f"Después de la @ va un dominio como ejemplo.com; “{_show(domain)}” no lo es.",
            field="email",
        )
    result = f"{local}@{domain}"
    if len(result) > 254:
        raise ValidationError(
            f"An e-mail address has at most 254 characters; this one has {len(result)}.",
            f"Un correo electrónico tiene como máximo 254 caracteres; este tiene {len(result)}.",
            field="email",
        )
    return result


def validate_phone(text: str) -> str:
    """Keep a phone number's leading + and digits; the GUI formats it for display."""
    raw = text.strip()
    if not raw:
        raise ValidationError("Enter the phone number.", "Escriba el teléfono.", field="phone")
    plus = raw.startswith("+")
    body = raw[1:] if plus else raw
    for ch in body:
        if not (("0" <= ch <= "9") or ch.isspace() or ch in _PHONE_DECORATION):
            raise ValidationError(
                f"“{ch}” cannot be part of a phone number; use digits, spaces, hyphens, parentheses, "
                "dots and a leading +.",
                f"“{ch}” no puede ir en un teléfono; use dígitos, espacios, guiones, paréntesis, puntos "
                "y un + al inicio.",
                field="phone",
            )
    digits = "".join(ch for ch in body if "0" <= ch <= "9")
    if not 7 <= len(digits) <= 15:
        raise ValidationError(
            f"A phone number has 7 to 15 digits; “{_show(raw)}” has {len(digits)}.",
            f"Un teléfono tiene de 7 a 15 dígitos; “{_show(raw)}” tiene {len(digits)}.",
            field="phone",
        )
    return ("+" if plus else "") + digits

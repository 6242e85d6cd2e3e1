"""Mexican identifiers checked against real RFCs and CURPs, plus generated ones."""

from __future__ import annotations

import string
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from shelter_app.core.errors import ValidationError
from shelter_app.core.identifiers import (
    CURP_INCONVENIENT_WORDS,
    CURP_STATES,
    GENERIC_RFCS,
    RFC_INCONVENIENT_WORDS,
    curp_check_digit,
    normalize_rfc,
    rfc_check_digit,
    validate_curp,
    validate_email,
    validate_phone,
    validate_postal_code,
    validate_rfc,
)

# The suite's autouse fixtures (temp folders, memory keyring) are harmless to re-use across
# examples; no example database so a test run leaves no .hypothesis folder behind.
PROPERTY = settings(database=None, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "mexican-identifiers.txt"
SECTIONS = ("rfc_valid", "rfc_in_use_bad_check_digit", "rfc_invalid", "curp_valid", "curp_invalid")


def _load(path: Path) -> dict[str, list[str]]:
    """Sections of `[name]` headers, one identifier a line, `#` starting a comment."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is None:
            raise AssertionError(f"{path}: {line!r} comes before any [section]")
        else:
            current.append(line)
    return sections


DATA = _load(DATA_FILE)

# Listed under [rfc_in_use_bad_check_digit] (copied from python-stdnum, whose test only checks
# they are accepted), yet their check digit is right. AÑE's Ñ has weight 11, so its check digit
# holds whatever value Ñ has; BAÑ and NIÑ carry the Ñ where MUÑ110218LJ6 (in [rfc_valid]) does,
# so they validate exactly when MUÑ does. No alphabet can flag them without failing MUÑ.
CHECK_DIGIT_ACTUALLY_VALID = frozenset({"AÑE9902224Z4", "BAÑ930616R66", "NIÑ7409256U1"})

UPPER = string.ascii_uppercase
RFC_LETTERS = UPPER + "&Ñ"
CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"


def _params(section: str) -> list[object]:
    return [pytest.param(value, id=value) for value in DATA[section]]


def _assert_bilingual(error: ValidationError, field: str) -> None:
    assert error.field == field
    assert error.en.strip() and error.es.strip()
    assert error.en != error.es


# --- the shared data file ----------------------------------------------------------------------------------


def test_data_file_has_every_section() -> None:
    assert set(SECTIONS) <= set(DATA)
    assert all(DATA[name] for name in SECTIONS)


def test_data_file_matches_shared_copy_when_present() -> None:
    shared = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "mexican-identifiers.txt"
    if not shared.exists():
        pytest.skip("no shared/ folder next to the repository (clean clone)")
    assert _load(shared) == DATA


@pytest.mark.parametrize("rfc", _params("rfc_valid"))
def test_rfc_valid(rfc: str) -> None:
    check = validate_rfc(rfc)
    assert check.rfc == rfc
    assert check.warnings == ()
    assert check.kind == ("company" if len(rfc) == 12 else "person")


@pytest.mark.parametrize("rfc", _params("rfc_in_use_bad_check_digit"))
def test_rfc_in_use_with_bad_check_digit_is_accepted_with_a_warning(rfc: str) -> None:
    check = validate_rfc(rfc)
    assert check.rfc == rfc
    if rfc in CHECK_DIGIT_ACTUALLY_VALID:
        assert check.warnings == ()
        return
    assert [warning.code for warning in check.warnings] == ["check_digit"]
    warning = check.warnings[0]
    assert warning.en != warning.es
    assert rfc_check_digit(rfc[:-1]) in warning.en
    assert warning.message("es_MX") == warning.es and warning.message("en") == warning.en


def test_mislabelled_bad_check_digits_are_exactly_those_that_validate() -> None:
    """If the data file is corrected, this list goes stale and should be emptied."""
    validating = {rfc for rfc in DATA["rfc_in_use_bad_check_digit"] if rfc_check_digit(rfc[:-1]) == rfc[-1]}
    assert validating == CHECK_DIGIT_ACTUALLY_VALID
    assert validate_rfc("MUÑ110218LJ6").warnings == ()


@pytest.mark.parametrize("rfc", _params("rfc_invalid"))
def test_rfc_invalid(rfc: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_rfc(rfc)
    _assert_bilingual(caught.value, "rfc")


@pytest.mark.parametrize("curp", _params("curp_valid"))
def test_curp_valid(curp: str) -> None:
    assert validate_curp(curp) == curp


@pytest.mark.parametrize("curp", _params("curp_invalid"))
def test_curp_invalid(curp: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_curp(curp)
    _assert_bilingual(caught.value, "curp")


# --- RFC rules ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" abc-680524 p-76 ", "ABC680524P76"),
        ("GODE 561231 GR8", "GODE561231GR8"),
        ("mab.930714.8t4", "MAB9307148T4"),
        ("muñ110218lj6", "MUÑ110218LJ6"),
        ("MUN\u0303110218LJ6", "MUÑ110218LJ6"),
        ("ABC\u2011680524\u00a0P76", "ABC680524P76"),
        ("\tABC680524P76\n", "ABC680524P76"),
    ],
    ids=["spaces-hyphens", "spaces", "dots-lowercase", "lowercase-ñ", "decomposed-ñ", "unicode-hyphen-nbsp",
         "tabs"],
)
def test_normalize_rfc(text: str, expected: str) -> None:
    assert normalize_rfc(text) == expected


@pytest.mark.parametrize(("rfc", "kind"), list(GENERIC_RFCS.items()), ids=list(GENERIC_RFCS))
def test_generic_rfcs(rfc: str, kind: str) -> None:
    check = validate_rfc(rfc.lower())
    assert (check.rfc, check.kind, check.warnings) == (rfc, kind, ())


def test_rfc_accepts_ampersand_and_n_tilde() -> None:
    assert validate_rfc("&&&030828PX7").kind == "company"
    assert validate_rfc("MUÑ110218LJ6").kind == "company"


@pytest.mark.parametrize(
    ("text", "en_fragment", "es_fragment"),
    [
        ("", "Enter the RFC", "Escriba el RFC"),
        ("ABC68052P7", "has 10", "tiene 10"),
        ("ABC680524P7", "has 11", "tiene 11"),
        ("ABCD680524P761", "has 14", "tiene 14"),
        ("AB1680524P76", "“AB1”", "“AB1”"),
        ("ABC68O524P76", "“68O524”", "“68O524”"),
        ("ABC991332P76", "991332 is not a real date", "991332 no es una fecha real"),
        ("ABCD010229P76", "010229 is not a real date", "010229 no es una fecha real"),
        ("ABC680524P7B", "homoclave", "homoclave"),
        ("ABC680524-.7", "has 10", "tiene 10"),
        ("PUTO680524P76", "“PUTO”", "“PUTO”"),
    ],
    ids=["empty", "length-10", "length-11", "length-14", "digit-in-letters", "letter-in-date", "no-such-date",
         "feb-29-not-leap", "bad-check-character", "separators-removed", "inconvenient-word"],
)
def test_rfc_messages_say_what_is_wrong(text: str, en_fragment: str, es_fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_rfc(text)
    _assert_bilingual(caught.value, "rfc")
    assert en_fragment in caught.value.en
    assert es_fragment in caught.value.es


def test_rfc_date_accepts_feb_29_of_2000() -> None:
    """000229 is a real date only in 2000 (1900 was not a leap year): either century will do."""
    stem = "ABC000229P7"
    assert validate_rfc(stem + rfc_check_digit(stem)).warnings == ()


def test_inconvenient_words_only_bind_individuals() -> None:
    """Companies' three letters can never spell a four-letter word; CAC as a company is fine."""
    stem = "CAC580710NF"
    assert validate_rfc(stem + rfc_check_digit(stem)).kind == "company"
    assert "CACA" in RFC_INCONVENIENT_WORDS


def test_rfc_check_digit_rejects_bad_stems() -> None:
    with pytest.raises(ValueError, match="check digit"):
        rfc_check_digit("ABC")


# --- CURP rules --------------------------------------------------------------------------------------------


def _curp(stem: str) -> str:
    return stem + curp_check_digit(stem)


def test_curp_normalised() -> None:
    assert validate_curp(" aamg-890608-hdfljl00 ") == "AAMG890608HDFLJL00"
    assert validate_curp(" aamg 890608 hdfljl00 ") == "AAMG890608HDFLJL00"


@pytest.mark.parametrize(
    "stem",
    ["GOMA950101XJCRRN0", "GOMA950101HNEXXX0", "GOMA000229HJCRRNA", "GOMA050101MDFRRN1"],
    ids=["non-binary-x", "born-abroad-x-consonants", "feb-29-2000-letter", "digit-means-1900s"],
)
def test_curp_accepts(stem: str) -> None:
    assert validate_curp(_curp(stem)) == _curp(stem)


@pytest.mark.parametrize(
    ("curp", "en_fragment", "es_fragment"),
    [
        ("", "Enter the CURP", "Escriba la CURP"),
        ("GOMA950101HJCRRN0", "has 17", "tiene 17"),
        (_curp("GOÑA950101HJCRRN0"), "Ñ as X", "Ñ como X"),
        (_curp("VACA950101HJCRRN0"), "“VACA”", "“VACA”"),
        (_curp("GOMA95O101HJCRRN0"), "“95O101”", "“95O101”"),
        (_curp("GOMA950101FJCRRN0"), "“F”", "“F”"),
        (_curp("GOMA950101HXXRRN0"), "“XX”", "“XX”"),
        (_curp("GOMA950101HJCRAN0"), "“RAN”", "“RAN”"),
        ("GOMA950101HJCRRN*5", "17th character", "carácter 17"),
        (_curp("GOMA000229HJCRRN0"), "1900–1999", "1900 y 1999"),
        (_curp("GOMA950231HJCRRN0"), "950231", "950231"),
        ("GOMA950101HJCRRN0A", "check digit", "dígito verificador"),
    ],
    ids=["empty", "length", "ñ", "inconvenient-word", "letter-in-date", "sex", "state", "vowel-in-consonants",
         "differentiator", "feb-29-1900", "no-such-date", "check-digit-letter"],
)
def test_curp_messages_say_what_is_wrong(curp: str, en_fragment: str, es_fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_curp(curp)
    _assert_bilingual(caught.value, "curp")
    assert en_fragment in caught.value.en
    assert es_fragment in caught.value.es


def test_curp_wrong_check_digit_is_an_error() -> None:
    good = _curp("GOMA950101HJCRRN0")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    with pytest.raises(ValidationError) as caught:
        validate_curp(bad)
    assert f"should be {good[-1]}" in caught.value.en
    assert f"debería ser {good[-1]}" in caught.value.es


# --- postal code, e-mail, phone ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("06600", "06600"), (" 64000 ", "64000"), ("01000", "01000"), ("99999", "99999")],
    ids=["cdmx", "spaces", "lowest", "highest"],
)
def test_postal_code_valid(text: str, expected: str) -> None:
    assert validate_postal_code(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "0660", "066000", "06 600", "06-600", "0660O", "00000", "00999", "٠٦٦٠٠"],
    ids=["empty", "short", "long", "space", "hyphen", "letter-o", "zeros", "below-01000", "arabic-digits"],
)
def test_postal_code_invalid(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_postal_code(text)
    _assert_bilingual(caught.value, "postal_code")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ana@example.com", "ana@example.com"),
        (" Ana.Lopez@Example.COM.MX ", "Ana.Lopez@example.com.mx"),
        ("a+tag@sub.example.org", "a+tag@sub.example.org"),
        ("josé@ejemplo.mx", "josé@ejemplo.mx"),
    ],
    ids=["plain", "domain-lowercased", "plus-tag", "accented"],
)
def test_email_valid(text: str, expected: str) -> None:
    assert validate_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "", "ana", "ana@", "@example.com", "ana@@example.com", "ana@b@example.com", "ana@example",
        "ana@.example.com", "ana@example.com.", "ana@example..com", "ana lopez@example.com",
        "ana@exa mple.com",
        "ana\u200b@example.com", "a@" + "b" * 250 + ".com",
    ],
    ids=["empty", "no-at", "no-domain", "no-local", "two-ats", "two-ats-apart", "no-dot", "leading-dot",
         "trailing-dot", "double-dot", "space-local", "space-domain", "zero-width-space", "too-long"],
)
def test_email_invalid(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_email(text)
    _assert_bilingual(caught.value, "email")


def test_email_too_long_says_how_long() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_email("a@" + "b" * 250 + ".com")
    assert "256" in caught.value.en and "256" in caught.value.es


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+52 (81) 1234-5678", "+528112345678"),
        ("81.1234.5678", "8112345678"),
        (" 555 1234 ", "5551234"),
        ("+1 (512) 555-0100", "+15125550100"),
        ("123456789012345", "123456789012345"),
    ],
    ids=["mexico", "dots", "seven-digits", "usa", "fifteen-digits"],
)
def test_phone_valid(text: str, expected: str) -> None:
    assert validate_phone(text) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Enter"), ("555 123", "has 6"), ("1234567890123456", "has 16"), ("81 1234 5678 ext 2", "“e”"),
        ("52+8112345678", "“+”"), ("++528112345678", "“+”"), ("(+52) 81 1234 5678", "“+”"), ("+", "has 0"),
        ("٨١١٢٣٤٥٦٧٨", "“٨”"),
    ],
    ids=["empty", "six-digits", "sixteen-digits", "extension", "inner-plus", "double-plus", "plus-in-parens",
         "plus-only", "arabic-digits"],
)
def test_phone_invalid(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_phone(text)
    _assert_bilingual(caught.value, "phone")
    assert fragment in caught.value.en


# --- properties --------------------------------------------------------------------------------------------


@st.composite
def rfc_stems(draw: st.DrawFn) -> str:
    """An RFC without its check digit, well formed in every other way."""
    size = draw(st.sampled_from([3, 4]))
    letters = draw(st.text(alphabet=RFC_LETTERS, min_size=size, max_size=size))
    if size == 4:
        assume(letters not in RFC_INCONVENIENT_WORDS)
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    homoclave = draw(st.text(alphabet=UPPER + string.digits, min_size=2, max_size=2))
    return letters + born.strftime("%y%m%d") + homoclave


@st.composite
def curps(draw: st.DrawFn) -> str:
    letters = draw(st.text(alphabet=UPPER, min_size=4, max_size=4))
    assume(letters not in CURP_INCONVENIENT_WORDS)
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    sex = draw(st.sampled_from("HMX"))
    state = draw(st.sampled_from(sorted(CURP_STATES)))
    consonants = draw(st.text(alphabet=CONSONANTS, min_size=3, max_size=3))
    differentiator = draw(st.sampled_from(string.digits if born.year < 2000 else UPPER))
    return _curp(letters + born.strftime("%y%m%d") + sex + state + consonants + differentiator)


VALIDATORS: list[tuple[Callable[[str], object], str]] = [
    (validate_rfc, "rfc"),
    (validate_curp, "curp"),
    (validate_postal_code, "postal_code"),
    (validate_email, "email"),
    (validate_phone, "phone"),
]


@PROPERTY
@given(st.text())
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize_rfc(text)
    assert normalize_rfc(once) == once


@PROPERTY
@given(rfc_stems())
def test_generated_rfcs_with_computed_check_digit_validate_cleanly(stem: str) -> None:
    rfc = stem + rfc_check_digit(stem)
    check = validate_rfc(rfc)
    assert check.rfc == rfc
    assert check.warnings == ()
    assert check.kind == ("company" if len(rfc) == 12 else "person")


@PROPERTY
@given(rfc_stems(), st.sampled_from("0123456789A"))
def test_wrong_check_digit_is_a_warning_not_an_error(stem: str, digit: str) -> None:
    assume(digit != rfc_check_digit(stem))
    check = validate_rfc(stem + digit)
    assert [warning.code for warning in check.warnings] == ["check_digit"]


@PROPERTY
@given(rfc_stems())
def test_formatted_rfcs_validate_to_the_same_value(stem: str) -> None:
    rfc = stem + rfc_check_digit(stem)
    size = len(rfc) - 9
    typed = f" {rfc[:size].lower()}-{rfc[size:size + 6]} {rfc[size + 6:].lower()}. "
    assert validate_rfc(typed).rfc == rfc


@PROPERTY
@given(curps())
def test_generated_curps_validate(curp: str) -> None:
    assert validate_curp(curp.lower()) == curp


@PROPERTY
@given(curps(), st.sampled_from(string.digits))
def test_any_other_curp_check_digit_is_an_error(curp: str, digit: str) -> None:
    assume(digit != curp[-1])
    with pytest.raises(ValidationError):
        validate_curp(curp[:-1] + digit)


@PROPERTY
@given(st.sampled_from(VALIDATORS), st.text())
def test_validators_raise_only_bilingual_validation_errors(validator: tuple[Callable[[str], object], str],
                                                           text: str) -> None:
    function, field = validator
    try:
        function(text)
    except ValidationError as error:
        _assert_bilingual(error, field)


@PROPERTY
@given(st.sampled_from(VALIDATORS), st.text(alphabet=UPPER + string.digits + "&Ñ@+-.() ", max_size=20))
def test_validators_on_identifier_like_text(validator: tuple[Callable[[str], object], str],
                                            text: str) -> None:
    """Text close to real identifiers reaches the later checks that arbitrary text never gets to."""
    function, field = validator
    try:
        function(text)
    except ValidationError as error:
        _assert_bilingual(error, field)

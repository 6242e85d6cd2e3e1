"""The one rule for attachment names: nothing invisible, the real extension kept at the end."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.filenames import MAX_NAME_CHARS, clean_file_name, has_hidden_characters, real_extension

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
names = st.text(alphabet=st.one_of(st.characters(), st.sampled_from(BIDI + "./\\ \t\n\x00\u200b\ufeff")),
                max_size=300)


def _categories(text: str) -> set[str]:
    return {unicodedata.category(ch) for ch in text}


@given(names)
def test_no_control_or_format_character_survives_and_the_real_extension_stays_last(name: str) -> None:
    cleaned = clean_file_name(name)
    assert cleaned
    assert not _categories(cleaned) & {"Cc", "Cf", "Cs", "Zl", "Zp"}
    assert not set(BIDI) & set(cleaned)
    assert "/" not in cleaned and "\\" not in cleaned
    assert len(cleaned) <= MAX_NAME_CHARS
    ext = real_extension(name)
    if ext:
        if not has_hidden_characters(ext) and not set(ext) & {"/", "\\"}:
            assert cleaned.endswith("." + ext)
        else:  # the same extension with "_" for each hidden character: never another type
            assert cleaned[-len(ext) - 1:] == "." + "".join(
                "_" if has_hidden_characters(ch) or ch in "/\\" else ch for ch in ext)
    assert clean_file_name(cleaned) == cleaned  # cleaning twice changes nothing


@given(st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=20),
       st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=10),
       st.text(alphabet=st.sampled_from(BIDI), min_size=1, max_size=4))
def test_a_bidi_trick_never_hides_the_extension(stem: str, ext: str, tricks: str) -> None:
    cleaned = clean_file_name(f"{stem}{tricks}{ext[::-1]}.{ext}")
    assert cleaned == f"{stem}{ext[::-1]}.{ext}"
    assert not has_hidden_characters(cleaned)


def test_examples() -> None:
    assert clean_file_name("invoice\u202egpj.exe") == "invoicegpj.exe"
    assert clean_file_name("a.ex\u200be") == "a.ex_e"  # never turned into .exe
    assert clean_file_name("report.pdf. ") == "report.pdf"
    assert clean_file_name("\u202e\u200f") == "file"
    assert clean_file_name("tab\there\nnow.doc") == "tab here now.doc"
    assert clean_file_name("../../etc/passwd") == "_._etc_passwd"
    long = clean_file_name("x" * 400 + ".pdf")
    assert len(long) == MAX_NAME_CHARS and long.endswith(".pdf")
    assert clean_file_name("x" * 400 + ".pdf", max_chars=180).endswith("x.pdf")
    assert real_extension("archive.tar.gz") == "gz"
    assert real_extension("README") == "" and real_extension(".bashrc") == ""

"""One-time codes: made with enough randomness, shown in groups, read back forgivingly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.onetimecode import ALPHABET, LENGTH, grouped, new_code, normalized

codes = st.text(alphabet=ALPHABET, min_size=LENGTH, max_size=LENGTH)


def test_a_new_code_is_twelve_characters_of_the_alphabet_and_differs_each_time() -> None:
    made = {new_code() for _ in range(200)}
    assert len(made) == 200
    assert all(len(c) == LENGTH and set(c) <= set(ALPHABET) for c in made)
    assert len(ALPHABET) == 32 and not set("ILOU") & set(ALPHABET)  # 60 bits, no look-alike letters


def test_grouped_reads_in_threes_of_four() -> None:
    assert grouped("K7QM3XTR9HDF") == "K7QM-3XTR-9HDF"


@given(codes, st.sampled_from(["-", " ", "", "  ", "\u2013"]), st.booleans())
def test_what_people_type_reads_back_as_the_code(code: str, separator: str, lower: bool) -> None:
    typed = separator.join(code[i:i + 4] for i in range(0, LENGTH, 4))
    typed = typed.lower() if lower else typed
    assert normalized(typed) == code
    assert normalized(f"  {grouped(code)}  ") == code


def test_look_alike_letters_read_as_digits() -> None:
    assert normalized("K7QM-3XTR-9HDO") == "K7QM3XTR9HD0"
    assert normalized("i7QM-3XTR-9HDl") == "17QM3XTR9HD1"


@given(st.text(max_size=40))
def test_anything_else_is_not_a_code(typed: str) -> None:
    result = normalized(typed)
    assert result is None or (len(result) == LENGTH and set(result) <= set(ALPHABET))


def test_wrong_length_or_letters_are_refused() -> None:
    assert normalized("K7QM-3XTR-9HD") is None
    assert normalized("K7QM-3XTR-9HDFF") is None
    assert normalized("K7QM-3XTR-9HDU") is None  # U is not in the alphabet

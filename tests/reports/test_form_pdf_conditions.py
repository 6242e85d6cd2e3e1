"""Printed forms say when a question applies in words, in the document's language (issue 15, point 6): the
shipped client intake and facility needs forms printed blank, read back with pdftotext, carry the conditions as
sentences with the questions' and choices' labels, never "depends on 1.3" and never a question's internal name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shelter_app.content.forms import FormSet, load_forms
from shelter_app.core.forms.conditions import describe_relevance
from shelter_app.reports.form_pdf import render_form_pdf
from tests.reports.test_checklist_exports import _flat, _pdf_text

SHIPPED = Path(__file__).parents[2] / "forms"

SENTENCES = {
    ("client_intake", "en"): [
        "Only if “Country of the headquarters” (1.3) is “Other country”",
        "Only if “Country of the headquarters” (1.3) is left blank or is “Mexico”",
        "Only if “Manufacturing processes” (4.3) includes “Other”",
        "Only if “Do you make these products in a plant today?” (6.1) is answered yes or left blank",
    ],
    ("client_intake", "es"): [
        "Solo si «País de la sede corporativa» (1.3) es «Otro país»",
        "Solo si «País de la sede corporativa» (1.3) se deja en blanco o es «México»",
        "Solo si «Procesos de manufactura» (4.3) incluye «Otro»",
        "Solo si «¿Fabrica hoy estos productos en alguna planta?» (6.1) se contesta que sí o se deja en blanco",
    ],
    ("facility_needs", "en"): [
        "Only if “Special requirements” (2.5) includes “Overhead crane”",
        "Only if “Will the plant handle hazardous materials?”",
        "is answered yes",
        "Only if “Build a new plant (instead of leasing)?”",
        "Only if “Preferred state”",
    ],
    ("facility_needs", "es"): [
        "Solo si «Instalaciones especiales» (2.5) incluye «Grúa viajera»",
        "Solo si «¿La planta manejará materiales peligrosos?»",
        "se contesta que sí",
        "Solo si «¿Construir una nave nueva (en lugar de arrendar)?»",
        "Solo si «Estado preferido»",
    ],
}
SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")


@pytest.fixture(scope="module")
def shipped() -> FormSet:
    return load_forms(SHIPPED)


@pytest.mark.parametrize("form_id", ["facility_needs", "client_intake"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_printed_blank_form_states_each_condition_in_words(tmp_path: Path, shipped: FormSet, form_id: str,
                                                             language: str) -> None:
    definition = shipped.latest(form_id)
    pdf = tmp_path / f"{form_id}-{language}.pdf"
    render_form_pdf(pdf, definition, None, language=language)
    text = _flat(_pdf_text(pdf))
    for sentence in SENTENCES[(form_id, language)]:
        assert sentence in text, f"{sentence!r} missing from the {language} {form_id} form"
    # every condition of the form, as the phrasing gives it (numbers and all), is on the page
    numbered = 0
    for q in definition.questions():
        if q.relevant is None:
            continue
        sentence = describe_relevance(q.relevant, definition).sentence.pick(language)
        prefix, _, rest = sentence.partition(" ")
        subject = rest.split("»" if language == "es" else "”")[0]
        assert f"{prefix} {subject}" in text, f"{definition.id}: the condition of {q.name} is not printed"
        numbered += 1
    assert numbered >= 3
    for stale in ("depends on", "según 1.", "Only if it applies", "Solo si aplica", "depende de"):
        assert stale not in text
    assert not SNAKE.search(text), f"an internal name is printed: {SNAKE.search(text)}"
    other = "Solo si" if language == "en" else "Only if"
    assert other not in text


def test_the_filled_form_says_why_a_conditional_question_was_asked(tmp_path: Path, shipped: FormSet) -> None:
    definition = shipped.latest("facility_needs")
    pdf = tmp_path / "filled.pdf"
    render_form_pdf(pdf, definition, {"handles_hazardous_materials": True, "hazardous_materials_list": "Solventes"},
                    language="es")
    text = _flat(_pdf_text(pdf))
    assert "Solo si «¿La planta manejará materiales peligrosos?»" in text and "se contesta que sí" in text
    assert "Solventes" in text
    assert not SNAKE.search(text)

"""Forms printed to PDF, read back with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm).

The sample form (every question type) blank and filled, English and Spanish (one language per document, no
question's or form's internal name), Letter and A4; hidden
questions and pages left out of the filled form; a 300-row repeat group over several pages with its
header repeated; a 300-field form in well under a second; a cancel that leaves nothing behind; every
shipped form printed blank in both languages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from shelter_app.content.forms import FormSet, load_forms
from shelter_app.core.business_report import DocumentCancelled
from shelter_app.core.forms.model import FormDefinition, QType
from shelter_app.reports.form_pdf import render_form_pdf
from tests.reports.test_checklist_exports import _assert_page_not_blank, _flat, _need, _pdf_pages, _pdf_text, _run
from tests.support.big_form import big_answers, big_form

FORMS = Path(__file__).parents[1] / "data" / "forms"
SHIPPED = Path(__file__).parents[2] / "forms"
SHA = "3fa9c1e2b4d5" + "0" * 52
PAGE_SIZES = {"letter": "612 x 792", "a4": "595.276 x 841.89"}

ANSWERS: dict[str, Any] = {
    "legal_name": "Válvulas Peñasco del Bajío, S.A. de C.V.",
    "employees": 1250,
    "area": "12500.5",
    "sales": {"amount": "1000000.00", "currency": "USD"},
    "exports": {"amount": "250000.00", "currency": "USD"},
    "returned": "40",
    "kickoff": "2027-03-15",
    "has_entity": False,
    "model": "shelter",
    "markets": ["us", "mx"],
    "email": "ana@example.com",
    "cp": "32000",
    "hs": "8708.99.99",
    "spec": {"name": "ficha-técnica.pdf", "sha256": SHA, "size": 245_760},
    "roles": [{"role": "Operador de inyección", "headcount": 40, "shifts": 3, "night_bonus": True},
              {"role": "Supervisor de turno", "headcount": 4, "shifts": 1}],
}
META = {"client": "Válvulas Peñasco", "project": "Planta Juárez", "response_id": "resp-7f3a", "Lote": "B-12"}


@pytest.fixture(scope="module")
def sample() -> FormDefinition:
    return load_forms(FORMS).get("sample", "1.0")


def _render(tmp_path: Path, definition: FormDefinition, answers: dict[str, Any] | None, language: str,
            paper: str = "letter", **kw: Any) -> Path:
    target = tmp_path / f"form-{language}-{paper}-{'filled' if answers is not None else 'blank'}.pdf"
    render_form_pdf(target, definition, answers, language=language, paper=paper, **kw)
    return target


def _info(pdf: Path) -> str:
    return _run(_need("pdfinfo"), str(pdf))


def _assert_fonts_embedded(pdf: Path) -> None:
    fonts = _run(_need("pdffonts"), str(pdf)).splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        assert "DejaVuSans" in line, f"unexpected font: {line}"
        assert re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", line), f"font not embedded: {line}"


# --- the blank form --------------------------------------------------------------------------------------------

BLANK_EXPECTED = {
    "en": ["Sample form", "BLANK FORM", "Company", "1.1 Legal name *", "Required · Text", "About",
           "Text, several lines", "Whole number · from 0 to 100,000", "USD amount",
           "Date (YYYY-MM-DD) · from January 1, 2020",
           "Tick one", "☐ Yes", "☐ No", "☐ Shelter", "☐ Own entity", "Tick up to 2", "☐ United States", "☐ Canada",
           "☐ Mexico", "RFC: 12 characters", "CURP: 18 characters", "Postal code: 5 digits",
           "Calculated by ShelterDesk from other answers: leave blank.", "Read this.",
           "Only if “Has a Mexican entity” (1.10) is answered yes", "Answer this page only if “Model” (1.13) is not "
           "“Own entity”", "Night bonus: Only if “Shifts” is 3",
           "Table: one row per entry · at least 1 row · at most 50 rows", "Night bonus",
           "Completed by", "Signature", "Send it back by 31 January.", "Page 1 of"],
    "es": ["Formulario de muestra", "FORMULARIO EN BLANCO", "Empresa", "1.1 Razón social *", "Obligatoria · Texto",
           "Número entero · de 0 a 100,000", "Importe en USD", "Fecha (AAAA-MM-DD) · desde 1 de enero de 2020",
           "Marque una", "☐ Sí", "☐ Albergue", "Marque hasta 2", "☐ Estados Unidos", "Solo si «Tiene entidad mexicana» "
           "(1.10) se contesta que sí", "Conteste esta página solo si «Modelo» (1.13) no es «Entidad propia»",
           "Prima nocturna: Solo si «Turnos» es 3", "Tabla: una fila por registro · al menos 1 fila · máximo 50 filas",
           "Prima nocturna", "Llenado por", "Firma", "Página 1 de"],
}
# the other language's labels (and section titles, column headings): never printed, a document speaks one language
OTHER_LANGUAGE = {
    "en": ["Razón social", "Acerca de", "Empleados", "Proporción exportada", "Tiene entidad mexicana", "Ficha técnica",
           "Lea esto.", "Personal", "Puestos", "Prima nocturna", "Plantilla total"],
    "es": ["Legal name", "About", "Employees", "Export share", "Has a Mexican entity", "Spec sheet", "Read this.",
           "People", "Roles", "Night bonus", "Total headcount"],
}


@pytest.mark.parametrize(("language", "paper"), [("en", "letter"), ("es", "a4"), ("en", "a4"), ("es", "letter")])
def test_the_blank_form_has_every_question_with_guidance_and_room_to_write(
        tmp_path: Path, sample: FormDefinition, language: str, paper: str) -> None:
    pdf = _render(tmp_path, sample, None, language, paper, meta=META, title_note="Send it back by 31 January.")
    text = _flat(_pdf_text(pdf))
    for expected in BLANK_EXPECTED[language]:
        assert expected in text, f"{expected!r} missing from the {language} blank form"
    for other in OTHER_LANGUAGE[language]:
        assert other not in text, f"{other!r} in the {language} blank form"
    # no internal name: the form's id, the questions' names
    assert "Form sample" not in text and "Formulario sample" not in text
    for q in sample.questions():
        if "_" in q.name:
            assert q.name not in text
    # every question is printed on the blank form, the conditional ones too
    for q in sample.questions():
        assert q.label.pick(language) in text
        for column in q.fields:
            assert column.label.pick(language) in text
    # the yes/no question, then the blank repeat table's 8 empty rows with tick boxes in each yes/no cell
    assert text.count("☐ Sí ☐ No" if language == "es" else "☐ Yes ☐ No") == 1 + 8
    # meta: well-known keys in words, others as given
    for expected in (("Client", "Cliente"), ("Response ID", "ID de la respuesta"), ("Lote", "Lote")):
        assert f"{expected[1] if language == 'es' else expected[0]} " in text
    assert "Válvulas Peñasco" in text and "resp-7f3a" in text and "B-12" in text

    pages = _pdf_pages(pdf)
    word = "Página" if language == "es" else "Page"
    for page in range(1, pages + 1):
        assert f"{word} {page} {'de' if language == 'es' else 'of'} {pages}" in _pdf_text(pdf, page)
    info = _info(pdf)
    assert PAGE_SIZES[paper] in info
    assert re.search(r"^Author:\s+ShelterDesk$", info, re.MULTILINE)
    assert re.search(rf"^Subject:\s+{sample.title.pick(language)} 1\.0$", info, re.MULTILINE)
    assert re.search(rf"^Title:\s+{sample.title.pick(language)}", info, re.MULTILINE)
    _assert_fonts_embedded(pdf)


def test_the_blank_form_renders_as_a_page_with_ink(tmp_path: Path, sample: FormDefinition) -> None:
    pdf = _render(tmp_path, sample, None, "es", "a4")
    _assert_page_not_blank(pdf, tmp_path)


# --- the filled form -------------------------------------------------------------------------------------------

FILLED_EXPECTED = {
    "en": ["FILLED FORM", "Legal name", "Válvulas Peñasco del Bajío, S.A. de C.V.", "1250", "12,500.5",
           "1,000,000.00 USD", "250,000.00 USD", "25 = calculated", "40 %", "March 15, 2027",
           "Has a Mexican entity No",
           "Shelter", "• United States • Mexico", "ana@example.com", "32000", "8708.99.99",
           "ficha-técnica.pdf · 240.0 KB · SHA-256 3fa9c1e2b4d5…", "Operador de inyección", "Supervisor de turno",
           "Yes", "2 rows", "Total headcount", "44 = calculated", "Read this."],
    "es": ["FORMULARIO CONTESTADO", "Razón social", "Válvulas Peñasco del Bajío, S.A. de C.V.", "1,000,000.00 USD",
           "25 = calculado", "Tiene entidad mexicana No", "Albergue", "• Estados Unidos • México",
           "ficha-técnica.pdf · 240.0 KB · SHA-256 3fa9c1e2b4d5…", "Operador de inyección", "Sí", "2 filas",
           "44 = calculado", "Lea esto."],
}


@pytest.mark.parametrize(("language", "paper"), [("en", "letter"), ("es", "a4"), ("en", "a4"), ("es", "letter")])
def test_the_filled_form_shows_answers_and_leaves_hidden_questions_out(
        tmp_path: Path, sample: FormDefinition, language: str, paper: str) -> None:
    pdf = _render(tmp_path, sample, ANSWERS, language, paper, meta=META)
    text = _flat(_pdf_text(pdf))
    for expected in FILLED_EXPECTED[language]:
        assert expected in text, f"{expected!r} missing from the {language} filled form"
    for other in OTHER_LANGUAGE[language]:
        assert other not in text, f"{other!r} in the {language} filled form"
    # has_entity is false: the RFC and CURP questions are hidden, so not printed
    assert "RFC" not in text and "CURP" not in text and "1.11" not in text and "1.12" not in text
    # no guidance or writing aids on the filled form
    assert "☐" not in text and "Tick one" not in text and "Marque una" not in text
    # unanswered questions get a dash: About, Phone
    about = "Acerca de" if language == "es" else "About"
    assert f"{about} —" in text
    # the roles table: one row per answer, the night bonus only where three shifts make it relevant
    layout = _flat(_pdf_text(pdf, layout=True))
    assert re.search(r"1 Operador de inyección 40 3 (Yes|Sí)", layout)
    assert re.search(r"2 Supervisor de turno 4 1\b", layout)
    info = _info(pdf)
    assert PAGE_SIZES[paper] in info
    assert re.search(r"^Author:\s+ShelterDesk$", info, re.MULTILINE)
    assert re.search(rf"^Subject:\s+{sample.title.pick(language)} 1\.0$", info, re.MULTILINE)
    _assert_fonts_embedded(pdf)


def test_a_hidden_page_is_left_out_of_the_filled_form(tmp_path: Path, sample: FormDefinition) -> None:
    answers = {**ANSWERS, "model": "own_entity", "has_entity": True, "rfc": "VPB010203AB1"}
    pdf = _render(tmp_path, sample, answers, "en")
    text = _flat(_pdf_text(pdf))
    assert "Own entity" in text and "VPB010203AB1" in text and "1.11 RFC" in text
    # the People page only applies to a shelter: its heading, table and rows are gone
    for hidden in ("People", "Roles", "Operador de inyección", "Total headcount", "2."):
        assert hidden not in text, f"{hidden!r} printed although hidden"


def test_an_empty_response_prints_every_visible_question_unanswered(tmp_path: Path, sample: FormDefinition) -> None:
    pdf = _render(tmp_path, sample, {}, "en")
    text = _flat(_pdf_text(pdf))
    assert "FILLED FORM" in text and "0 of" in text
    assert "Legal name —" in text
    assert "Roles —" in text  # a repeat group without rows
    assert "RFC" not in text  # has_entity unanswered: relevance false, hidden


# --- long tables, big forms ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big() -> FormDefinition:
    return big_form(300)


def test_a_300_row_repeat_runs_over_pages_with_its_header_repeated(tmp_path: Path, big: FormDefinition) -> None:
    answers = big_answers(big, rows=300)
    pdf = _render(tmp_path, big, answers, "es")
    text = _flat(_pdf_text(pdf))
    for row in range(300):
        assert f"Producto {row} " in text
    assert "300 filas" in text
    pages_with_rows = []
    for page in range(1, _pdf_pages(pdf) + 1):
        page_text = _pdf_text(pdf, page, layout=True)
        if re.search(r"Producto \d+ +8708\.99", page_text):
            pages_with_rows.append(page)
            # the header, in Spanish only, tops every page of the table
            assert re.search(r"#\s+Producto\s+Fracción\s+Volumen\s+Precio\s+Anexo II", page_text), page
            assert not re.search(r"Product\s+HS\s+Volume\s+Price\s+Annex II", page_text), page
    assert len(pages_with_rows) >= 5
    assert pages_with_rows == list(range(pages_with_rows[0], pages_with_rows[-1] + 1))


def test_a_300_field_form_prints_every_question_with_its_answer(tmp_path: Path, big: FormDefinition) -> None:
    """Its speed is measured by `scripts/bench forms` (a timed assertion here failed whenever the machine was busy)."""
    answers = big_answers(big, rows=20)
    assert big.field_count() >= 300
    pdf = tmp_path / "filled-0.pdf"
    render_form_pdf(pdf, big, answers, language="en")
    render_form_pdf(tmp_path / "blank.pdf", big, None, language="es", paper="a4")
    text = _flat(_pdf_text(pdf))
    assert "Question 299 (long_text)" in text and "Pregunta 299" not in text
    # a question is kept with its answer: no page ends on a label (the answer on the next page)
    for page in range(1, _pdf_pages(pdf) + 1):
        lines = [line.strip() for line in _pdf_text(pdf, page).splitlines() if line.strip()]
        content = [line for line in lines if not line.startswith(("ShelterDesk ·", "Page "))]
        assert not re.search(r"(Question|Pregunta) \d+ \(\w+\)$", content[-1]), (page, content[-3:])


# --- atomic writes, cancel and progress ------------------------------------------------------------------------

def test_a_cancel_writes_nothing_and_keeps_the_old_file(tmp_path: Path, big: FormDefinition) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "form.pdf"
    target.write_bytes(b"the old form")
    seen: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(seen) >= 3  # pages are being laid out

    with pytest.raises(DocumentCancelled):
        render_form_pdf(target, big, big_answers(big), language="en", cancelled=cancelled,
                        progress=lambda done, total: seen.append((done, total)))
    assert target.read_bytes() == b"the old form"
    assert [p.name for p in folder.iterdir()] == ["form.pdf"]
    assert len(seen) == 3 and all(done < total for done, total in seen)

    with pytest.raises(DocumentCancelled):  # cancelled before anything was laid out: no file at all
        render_form_pdf(folder / "new.pdf", big, None, language="es", cancelled=lambda: True)
    assert [p.name for p in folder.iterdir()] == ["form.pdf"]


def test_progress_counts_up_to_the_total(tmp_path: Path, big: FormDefinition) -> None:
    seen: list[tuple[int, int]] = []
    render_form_pdf(tmp_path / "form.pdf", big, None, language="en", progress=lambda d, t: seen.append((d, t)))
    assert len(seen) > 5
    dones = [done for done, _ in seen]
    assert dones == sorted(dones)
    assert len({total for _, total in seen}) == 1
    assert seen[-1][0] == seen[-1][1]


def test_a_rewrite_replaces_the_file_whole(tmp_path: Path, sample: FormDefinition) -> None:
    target = tmp_path / "form.pdf"
    target.write_bytes(b"x" * 10_000_000)
    render_form_pdf(target, sample, None, language="en")
    assert target.read_bytes().startswith(b"%PDF-") and target.stat().st_size < 1_000_000
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


@pytest.mark.parametrize(("kw", "message"), [({"language": "fr"}, "language"),
                                              ({"language": "en", "paper": "legal"}, "paper")])
def test_unsupported_language_or_paper_is_refused(tmp_path: Path, sample: FormDefinition, kw: dict[str, str],
                                                  message: str) -> None:
    with pytest.raises(ValueError, match=message):
        render_form_pdf(tmp_path / "form.pdf", sample, None, **kw)
    assert not (tmp_path / "form.pdf").exists()


# --- the shipped forms ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped() -> FormSet:
    if not SHIPPED.is_dir() or not any(SHIPPED.glob("*/*.yaml")):
        pytest.skip("no shipped forms yet in forms/")
    return load_forms(SHIPPED)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_shipped_form_prints_blank(tmp_path: Path, shipped: FormSet, language: str) -> None:
    for definition in shipped.latest_all():
        pdf = _render(tmp_path, definition, None, language, "a4" if language == "es" else "letter")
        text = _flat(_pdf_text(pdf))
        assert definition.title.pick(language) in text
        assert "_" not in definition.id or definition.id not in text  # "machinery" is also a word
        assert definition.title.pick("es" if language == "en" else "en") not in text
        for q in definition.questions():
            label = _flat(q.label.pick(language))
            assert label in text, f"{definition.id}: {q.name} missing"
            assert "_" not in q.name or q.name not in text, f"{definition.id}: {q.name} printed"
            if q.type is QType.REPEAT:  # column headings may wrap inside their cell
                for column in q.fields:
                    assert _flat(column.label.pick(language)).split()[0] in text, f"{definition.id}: {column.name}"


def test_every_shipped_form_prints_filled_with_no_answers(tmp_path: Path, shipped: FormSet) -> None:
    for definition in shipped.latest_all():
        pdf = _render(tmp_path, definition, {}, "es")
        assert "FORMULARIO CONTESTADO" in _pdf_text(pdf)

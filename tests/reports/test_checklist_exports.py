"""The checklist exports written to real files and read back with real tools.

PDF: poppler's pdftotext, pdfinfo, pdffonts and pdftoppm. XLSX: openpyxl. Zip: zipfile and
a small content-addressed store laid out like the app's (`<dir>/<sha[:2]>/<sha>`), verified with
the services' own `verified_file`. `.ics`: parsed back with icalendar.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import load_workbook

from shelter_app import __version__
from shelter_app.core.bilingual import Text
from shelter_app.core.checklist_report import ChecklistReport, ReportChecklist, ReportEvidence, ReportItem
from shelter_app.core.compliance import Reminder
from shelter_app.core.filenames import real_extension
from shelter_app.reports.checklist_pdf import write_checklist_pdf
from shelter_app.reports.checklist_xlsx import sheet_name, write_checklist_xlsx
from shelter_app.reports.evidence_pack import EvidencePackProblem, write_evidence_pack
from shelter_app.reports.ics import write_ics
from shelter_app.services.evidence import EvidenceFileProblem, EvidenceView, stored_path, verified_file

TODAY = date(2026, 3, 16)
CLIENT = "Válvulas y Compresores Peñasco del Bajío, S.A. de C.V."

# Evidence documents: (file name, content). Two items share one document; one item has two files of one name.
DOCUMENTS: dict[str, bytes] = {
    "acta-constitutiva-notaría-42.pdf": b"%PDF-1.4 acta constitutiva " * 300,
    "contrato-albergue-firmado.pdf": b"%PDF-1.4 contrato de servicios de albergue " * 200,
    "opinión-32D-positiva.pdf": b"%PDF-1.4 opinion de cumplimiento positiva " * 50,
    "relación de maquinaria.xlsx": b"PK\x03\x04 relacion de maquinaria y equipo " * 80,
    "foto planta.jpg": b"\xff\xd8\xff\xe0 nave industrial " * 400,
    "foto planta 2.jpg": b"\xff\xd8\xff\xe0 anden de carga " * 400,
}


def _evidence(name: str, *, days_ago: int, by: str = "Ana López", stored_as: str | None = None) -> ReportEvidence:
    content = DOCUMENTS[name]
    return ReportEvidence(
        file_name=stored_as or name,
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        added_by=by,
        added_at=datetime(2026, 3, 16, 15, 30, tzinfo=UTC) - timedelta(days=days_ago),
    )


def _item(item_id: str, en: str, es: str, status: str = "not_started", *, owner: str = "advisor",
          legal: str = "", due: int | None = 20, **kw: object) -> ReportItem:
    """An item due `due` days from TODAY (negative: in the past); overdue when past and not closed."""
    due_on = TODAY + timedelta(days=due) if due is not None else None
    closed = status in ("done", "not_applicable")
    fields: dict[str, object] = {
        "item_id": item_id, "title": Text(en, es), "status": status, "status_reason": "",
        "owner_role": owner, "assignee": "", "start_on": due_on - timedelta(days=10) if due_on else None,
        "due_on": due_on, "completed_on": due_on if status == "done" else None, "critical": False,
        "overdue": bool(due_on and due_on < TODAY and not closed), "to_verify": False, "verification_note": None,
        "legal_basis": legal, "sources": (), "notes": "", "evidence": (),
    }
    fields.update(kw)
    return ReportItem(**fields)  # type: ignore[arg-type]


def sample_report() -> ChecklistReport:
    """Three checklists, 26 items: accents and ñ, to-verify, overdue, critical, blocked, evidence."""
    shelter = ReportChecklist(
        pack_id="shelter", pack_version="1.2.0", facts_as_of=date(2026, 2, 15),
        title=Text("Shelter-specific steps", "Pasos específicos del albergue"),
        phase=Text("Shelter contracting", "Contratación del albergue"),
        items=(
            _item("shelter.agreement", "Sign shelter / maquila services agreement",
                  "Firmar contrato de servicios de albergue / maquila", "done", owner="shelter",
                  legal="Decreto IMMEX art. 3 (albergue)", due=-30, critical=True, assignee="Jorge Peña",
                  evidence=(_evidence("contrato-albergue-firmado.pdf", days_ago=31),),
                  sources=("https://mo-mex.com/faq/",)),
            _item("shelter.asset_lists", "Provide machinery, equipment and material lists",
                  "Entregar relación de maquinaria, equipo e insumos", "in_progress", owner="client",
                  legal="Decreto IMMEX art. 4", due=-3, critical=True,
                  evidence=(_evidence("relación de maquinaria.xlsx", days_ago=5),),
                  notes="Falta la lista de moldes; el cliente la envía el jueves.\nSegunda línea de notas."),
            _item("shelter.pe_protection", "Confirm permanent-establishment protection (LISR art. 183)",
                  "Confirmar protección de establecimiento permanente (art. 183 LISR)", "waiting",
                  legal="LISR art. 183", due=12, to_verify=True,
                  verification_note=Text("Safe-harbour conditions to be checked against the 2026 LISR text.",
                                         "Revisar las condiciones de puerto seguro contra el texto 2026 de la LISR."),
                  sources=("https://www2.deloitte.com/mx/es/pages/tax/articles/under-shelter-program.html",)),
            _item("shelter.foreign_resident_rfc", "Foreign resident RFC (without obligations) and ISR filings",
                  "RFC sin obligaciones del residente en el extranjero", "not_started", owner="shelter",
                  legal="LISR art. 183 (2020); RMF 3.20.6 (2017)", due=25),
            _item("shelter.certification_level", "Shelter certification in highest rubro allowed by seniority",
                  "Certificación del albergue en el rubro más alto según antigüedad", "not_applicable",
                  owner="shelter", legal="RMF 3.20.6 (2017)", due=None, to_verify=True,
                  status_reason="El albergue ya tiene rubro AAA vigente; no se requiere trámite."),
        ),
    )
    immex_titles = [
        ("immex.legal_entity", "Mexican legal entity taxed under Title II ISR",
         "Persona moral residente en Título II LISR", "Decreto IMMEX arts. 3, 11"),
        ("immex.deed_and_powers", "Certified deed and legal-representative power",
         "Acta constitutiva y poder certificados", "Decreto IMMEX art. 11-II"),
        ("immex.efirma_rfc_active", "Valid e.firma and active RFC", "e.firma vigente y RFC activo",
         "Decreto IMMEX arts. 11-III, 29"),
        ("immex.domiciles_active", "Fiscal and operating domiciles active in RFC",
         "Domicilios fiscal y de operación activos", "Decreto IMMEX arts. 11-III, 29"),
        ("immex.not_on_sat_lists", "Not on SAT lists (CFF 69 / 69-B)", "No estar en listados art. 69 y 69-B CFF",
         "Decreto IMMEX art. 11-III; CFF 69, 69-B"),
        ("immex.positive_32d", "Positive 32-D opinion", "Opinión de cumplimiento positiva",
         "Decreto IMMEX art. 11-III; CFF 32-D"),
        ("immex.export_commitment", "Commit to export threshold (USD 500,000 or 10% of sales)",
         "Compromiso de exportación (USD 500,000 o 10 % de las ventas)", "Decreto IMMEX arts. 11-I, 24-I"),
        ("immex.process_description", "Process description with installed capacity",
         "Descripción del proceso y capacidad instalada", "Decreto IMMEX art. 11-I; SE rule 3.2.20"),
        ("immex.property_possession", "Legal possession of plant", "Legal posesión del inmueble",
         "SE IMMEX trámite; SE criterion 2020"),
        ("immex.machinery_possession", "Legal possession of machinery and equipment",
         "Legal posesión de maquinaria y equipo", "SE-03-074-A requirement 2"),
        ("immex.investment_program", "Investment program", "Programa de inversión", "Decreto IMMEX art. 11-II-b"),
        ("immex.annual_report", "IMMEX annual report (last business day of May)",
         "Reporte anual IMMEX (último día hábil de mayo)", "Decreto IMMEX art. 25"),
    ]
    statuses = ["done", "done", "done", "in_progress", "waiting", "blocked", "not_started", "in_progress",
                "done", "not_started", "not_started", "not_started"]
    immex_items = []
    for n, ((item_id, en, es, legal), status) in enumerate(zip(immex_titles, statuses, strict=True)):
        extra: dict[str, Any] = {}
        if item_id == "immex.deed_and_powers":
            extra["evidence"] = (_evidence("acta-constitutiva-notaría-42.pdf", days_ago=40, by="Lic. Martínez"),)
            extra["owner"] = "notary"
        if item_id == "immex.positive_32d":
            extra["evidence"] = (_evidence("opinión-32D-positiva.pdf", days_ago=2),)
        if item_id == "immex.not_on_sat_lists":
            extra["status_reason"] = "El SAT no ha actualizado la lista 69-B; se espera publicación en el DOF."
        if item_id == "immex.property_possession":
            # the same two photos name clash on one item; the acta is shared with another item
            extra["evidence"] = (_evidence("foto planta.jpg", days_ago=9),
                                 _evidence("foto planta 2.jpg", days_ago=8, stored_as="foto planta.jpg"),
                                 _evidence("acta-constitutiva-notaría-42.pdf", days_ago=8))
        if item_id in ("immex.export_commitment", "immex.annual_report"):
            extra["to_verify"] = True
        immex_items.append(_item(item_id, en, es, status, legal=legal, due=-20 + 6 * n,
                                 critical=n % 3 == 0, assignee="Sofía Núñez" if n % 2 else "", **extra))
    immex = ReportChecklist(
        pack_id="immex_application", pack_version="2.0.1", facts_as_of=date(2026, 2, 1),
        title=Text("IMMEX program application", "Solicitud de Programa IMMEX"),
        phase=Text("IMMEX", "IMMEX"), items=tuple(immex_items),
    )
    civa_rows = [
        ("civa.gen.mexican_entity", "Incorporated under Mexican law",
         "Constituida conforme a la legislación mexicana", "RGCE 7.1.1", "done"),
        ("civa.gen.tax_compliance_public", "Tax-compliant; positive opinion made public",
         "Al corriente; opinión positiva pública", "RGCE 7.1.1; CFF 32-D", "in_progress"),
        ("civa.gen.workforce_imss_isr", "Own staff in IMSS; ISR withheld; REPSE providers",
         "Personal en IMSS; retención ISR; proveedores REPSE", "RGCE 7.1.1-III", "not_started"),
        ("civa.gen.csd_valid", "Valid CSD; no 17-H Bis event in 12 months",
         "CSD vigentes; sin supuestos 17-H Bis en 12 meses", "RGCE 7.1.1; CFF 17-H Bis", "not_started"),
        ("civa.gen.buzon_enabled", "Buzón Tributario enabled", "Buzón tributario habilitado",
         "RGCE 7.1.1; CFF 17-K", "done"),
        ("civa.gen.inventory_annex24", "Annex 24 inventory control incl. section C",
         "Control de inventarios Anexo 24 (apartado C)", "RGCE 7.1.1-XIV; Anexo 24-C", "blocked"),
        ("civa.gen.legal_rep_powers", "Legal representative with sufficient powers",
         "Representante legal con facultades suficientes", "Practice under RGCE Title 7", "waiting"),
        ("civa.gen.fee_paid", "Pay certification fee", "Pago de derechos", "LFD art. 40-m; RGCE 7.2.2-A-VI",
         "not_started"),
        ("civa.gen.inspection_visit", "Allow AGACE inspection visit", "Permitir visita de inspección de la AGACE",
         "RGCE Title 7", "not_started"),
    ]
    civa_items = []
    for n, (item_id, en, es, legal, status) in enumerate(civa_rows):
        extra = {}
        if status == "blocked":
            extra["status_reason"] = ("El proveedor del sistema Anexo 24 no entrega el módulo de apartado C "
                                      "hasta junio; sin él no se cumple la regla.")
        if item_id in ("civa.gen.legal_rep_powers", "civa.gen.fee_paid", "civa.gen.inspection_visit"):
            extra["to_verify"] = True
        civa_items.append(_item(item_id, en, es, status, legal=legal, due=-8 + 9 * n, owner="client" if n % 2 else
                                "advisor", critical=item_id == "civa.gen.inventory_annex24", **extra))
    civa = ReportChecklist(
        pack_id="civa_general", pack_version="1.0.0", facts_as_of=date(2026, 2, 1),
        title=Text("IVA/IEPS certification — general requirements (rule 7.1.1)",
                   "Certificación IVA e IEPS — requisitos generales (regla 7.1.1)"),
        phase=Text("IVA/IEPS certification", "Certificación IVA/IEPS"), items=tuple(civa_items),
    )
    return ChecklistReport(
        client_name=CLIENT, client_rfc="VCP090115AB1", project_title="Planta Querétaro — arranque 2026",
        operating_model="shelter", kickoff=date(2026, 1, 12), finish=date(2026, 11, 30), generated_on=TODAY,
        generated_by="Ana López", app_version=__version__, checklists=(shelter, immex, civa),
    )


def big_report(items: int = 120) -> ChecklistReport:
    """The sample stretched to `items` items over 6 checklists: a project at its realistic largest."""
    base = sample_report()
    pool = base.items
    per = items // 6
    checklists = []
    for c in range(6):
        chosen = tuple(replace(pool[(c * per + i) % len(pool)], item_id=f"pack{c}.item{i:03d}") for i in range(per))
        source = base.checklists[c % 3]
        checklists.append(replace(source, pack_id=f"{source.pack_id}_{c}", items=chosen))
    return replace(base, checklists=tuple(checklists))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the exports, so a test can check that nothing else was left in it."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


# --- PDF ---------------------------------------------------------------------------------------

def _need(tool: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{tool} (poppler-utils) is required in CI")
    pytest.skip(f"{tool} not installed (apt-get install poppler-utils)")


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _pdf_text(pdf: Path, page: int | None = None, *, layout: bool = False) -> str:
    options = ["-f", str(page), "-l", str(page)] if page else []
    if layout:
        options.append("-layout")
    return _run(_need("pdftotext"), "-enc", "UTF-8", *options, str(pdf), "-")


def _pdf_pages(pdf: Path) -> int:
    found = re.search(r"^Pages:\s+(\d+)", _run(_need("pdfinfo"), str(pdf)), re.MULTILINE)
    assert found, "pdfinfo printed no page count"
    return int(found.group(1))


def _flat(text: str) -> str:
    """pdftotext keeps line breaks of wrapped cells: compare with whitespace collapsed."""
    return re.sub(r"\s+", " ", text)


EXPECTED = {
    "en": ["Checklist status report", "To verify", "Page 1 of", "Blocked", "Waiting on third party",
           "Legal basis", "Items marked “to verify” rest on facts not yet confirmed against primary law",
           "Prepared by Ana López", "Report date March 16, 2026", "Operating model Shelter",
           "Facts as of: February 1, 2026 (checklists 2, 3); February 15, 2026 (checklist 1).",
           "8 of 26 items closed (31%)", "2 blocked", "Owner Due Marks",
           "1.1 Sign shelter / maquila services agreement",
           "2.5 — Not on SAT lists", "Sources https://mo-mex.com/…"],
    "es": ["Informe de avance de las listas de verificación", "Por verificar", "Página 1 de", "Bloqueada",
           "En espera de terceros", "Fundamento legal", "marcadas “por verificar” se basan en datos",
           "Elaborado por Ana López", "Fecha del informe 16 de marzo de 2026", "Modelo de operación Albergue",
           "Datos vigentes al: 1 de febrero de 2026 (listas 2, 3); 15 de febrero de 2026 (lista 1).",
           "8 de 26 tareas cerradas (31%)",
           "2 bloqueadas", "1.1 Firmar contrato de servicios de albergue / maquila", "Fuentes https://mo-mex.com/…"],
}
# Never in the document: English in the Spanish one, Spanish in the English one, nor our machinery.
NOT_EXPECTED = {
    "en": ["Informe de avance", "Por verificar", "Página", "Terminada", "Pasos específicos del albergue"],
    "es": ["Checklist status report", "To verify", "Page 1", "Done", "Shelter-specific steps"],
}


@pytest.mark.parametrize("page_size", ["letter", "a4"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_pdf_texts_page_size_fonts_and_pixels(tmp_path: Path, language: str, page_size: str) -> None:
    report = sample_report()
    pdf = tmp_path / "report.pdf"
    write_checklist_pdf(report, pdf, language=language, page_size=page_size)  # type: ignore[arg-type]

    text = _flat(_pdf_text(pdf))
    for expected in [CLIENT, "VCP090115AB1", "Decreto IMMEX arts. 3, 11", "RGCE 7.1.1-XIV; Anexo 24-C",
                     "LISR art. 183", *EXPECTED[language]]:
        assert expected in text, f"{expected!r} missing from the {language} PDF"
    for unexpected in NOT_EXPECTED[language]:
        assert unexpected not in text, f"{unexpected!r} in the {language} PDF"
    # the reader sees titles: no item or pack id, no pack version, no web address cut over lines
    for checklist in report.checklists:
        assert checklist.pack_version not in text
        assert "_" not in checklist.pack_id or checklist.pack_id not in text  # "shelter" is also a word
        for item in checklist.items:
            assert item.item_id not in text
    assert "under-shelter-program" not in text and "https://www2.deloitte.com/…" in text
    assert not re.search(r"\b[a-z]+(?:_[a-z0-9]+)+\b", text), "a snake_case key in the PDF"
    # evidence shows no one's name: who filed a file is the audit trail's business
    assert "Lic. Martínez" not in text
    # evidence is named with the first 12 characters of its hash
    acta = hashlib.sha256(DOCUMENTS["acta-constitutiva-notaría-42.pdf"]).hexdigest()
    assert "acta-constitutiva-notaría-42.pdf" in text and acta[:12] in text and acta[:13] not in text
    # the reason of the blocked item is printed
    assert "hasta junio" in text
    # every to-verify item is marked in its row (plus the legend, the details and the footers)
    marker = {"en": "To verify", "es": "Por verificar"}[language]
    assert text.count(marker) >= sum(1 for i in report.items if i.to_verify) + 1

    pages = _pdf_pages(pdf)
    assert pages >= 2
    last = _flat(_pdf_text(pdf, pages))
    page_word = "Página {} de {}" if language == "es" else "Page {} of {}"
    assert page_word.format(pages, pages) in last

    info = _run(_need("pdfinfo"), str(pdf))
    expected_size = "612 x 792 pts (letter)" if page_size == "letter" else "595.276 x 841.89 pts (A4)"
    assert expected_size in info
    assert f"ShelterDesk {__version__}" in info  # Creator
    assert CLIENT in info  # Title

    fonts = _run(_need("pdffonts"), str(pdf)).splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        assert "DejaVuSans" in line, f"unexpected font: {line}"
        assert re.search(r"\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", line), f"font not embedded/subset: {line}"

    _assert_page_not_blank(pdf, tmp_path)


def _assert_page_not_blank(pdf: Path, out_dir: Path) -> None:
    from PIL import Image

    _run(_need("pdftoppm"), "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(out_dir / "page"))
    png = next(out_dir.glob("page*.png"))
    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
        dark = sum(histogram[:200])
        assert dark / (grey.width * grey.height) > 0.02, "page 1 renders (almost) blank"


def test_pdf_speaks_one_language_only(tmp_path: Path) -> None:
    """A client's document is in its reader's language: "bilingual" is no longer a choice."""
    with pytest.raises(ValueError, match="unsupported PDF language"):
        write_checklist_pdf(sample_report(), tmp_path / "both.pdf", language="bilingual")  # type: ignore[arg-type]
    assert not (tmp_path / "both.pdf").exists()


def test_pdf_names_the_consultant_only_when_known_and_counts_in_real_plurals(tmp_path: Path) -> None:
    report = sample_report()
    first = report.checklists[0]
    one = replace(first, items=(replace(first.items[1], overdue=True, critical=True),))
    report = replace(report, generated_by="", checklists=(one,))
    for language, expected in (("en", ["0 of 1 item closed (0%)", "1 overdue", "0 blocked",
                                       "1 open on the critical path"]),
                               ("es", ["0 de 1 tarea cerrada (0%)", "1 vencida", "0 bloqueadas",
                                       "1 abierta en la ruta crítica"])):
        pdf = tmp_path / f"one-{language}.pdf"
        write_checklist_pdf(report, pdf, language=language)  # type: ignore[arg-type]
        text = _flat(_pdf_text(pdf))
        for phrase in expected:
            assert phrase in text, (language, phrase)
        assert "Prepared by" not in text and "Elaborado por" not in text
        assert "(s)" not in text and "(es)" not in text
        assert re.search(r"^Author:\s+ShelterDesk$", _run(_need("pdfinfo"), str(pdf)), re.MULTILINE)


def test_pdf_page_x_of_y_on_every_page(tmp_path: Path) -> None:
    pdf = tmp_path / "big.pdf"
    write_checklist_pdf(big_report(120), pdf, language="es", page_size="letter")
    pages = _pdf_pages(pdf)
    assert pages >= 5
    for page in range(1, pages + 1):
        assert f"Página {page} de {pages}" in _flat(_pdf_text(pdf, page))


def test_pdf_long_table_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    """One checklist of 120 items and no details: its table runs over several pages, each with the header."""
    report = big_report(120)
    items = tuple(replace(i, legal_basis="", sources=(), notes="", evidence=(), status_reason="",
                          verification_note=None) for i in report.items)
    report = replace(report, checklists=(replace(report.checklists[0], items=items),))
    pdf = tmp_path / "long.pdf"
    write_checklist_pdf(report, pdf, language="en", page_size="a4")
    pages = _pdf_pages(pdf)
    assert pages >= 4
    seen = set()
    for page in range(1, pages + 1):
        text = _pdf_text(pdf, page, layout=True)
        rows = re.findall(r"^ *1\.(\d{1,3}) ", text, re.MULTILINE)  # the items are numbered 1.1 to 1.120
        seen.update(rows)
        if rows:
            assert re.search(r"Item +Status +Owner +Due +Marks", text), f"page {page} has rows but no header"
    assert len(seen) == 120


def test_pdf_writes_nothing_on_failure_and_keeps_the_old_file(out: Path) -> None:
    pdf = out / "report.pdf"
    pdf.write_bytes(b"old")
    with pytest.raises(ValueError, match="page size"):
        write_checklist_pdf(sample_report(), pdf, page_size="legal")  # type: ignore[arg-type]
    assert pdf.read_bytes() == b"old"
    assert [p.name for p in out.iterdir()] == ["report.pdf"]


def test_pdf_empty_report(tmp_path: Path) -> None:
    pdf = tmp_path / "empty.pdf"
    write_checklist_pdf(replace(sample_report(), checklists=()), pdf, language="es")
    assert "Este proyecto aún no tiene tareas." in _flat(_pdf_text(pdf))


# Any printable text a user can type, Spanish and English words, markup characters included.
_printable = st.text(
    alphabet=st.characters(categories=("L", "M", "N", "P", "S", "Zs", "Cf")) | st.sampled_from("<>&\"'ñÑáéíóú¿¡\n"),
    max_size=400,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title_en=_printable, title_es=_printable, notes=_printable, client=_printable,
       language=st.sampled_from(["en", "es"]))
def test_pdf_never_crashes_on_any_text(tmp_path: Path, title_en: str, title_es: str, notes: str, client: str,
                                        language: str) -> None:
    report = sample_report()
    first = report.checklists[0]
    odd = replace(first.items[0], title=Text(title_en, title_es), notes=notes, status_reason=notes,
                  assignee=client[:60], legal_basis=title_es)
    report = replace(report, client_name=client, project_title=title_en,
                     checklists=(replace(first, title=Text(title_en, title_es), items=(odd, *first.items[1:])),))
    pdf = tmp_path / "odd.pdf"
    write_checklist_pdf(report, pdf, language=language)  # type: ignore[arg-type]
    assert pdf.read_bytes().startswith(b"%PDF-")


# --- XLSX --------------------------------------------------------------------------------------

def test_xlsx_english(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / "report.xlsx"
    write_checklist_xlsx(report, path, language="en")
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "Shelter-specific steps", "IMMEX program application",
                               "IVA-IEPS certification — genera", "Evidence"]
    for name in book.sheetnames:
        assert len(name) <= 31
    summary = book["Summary"]
    assert summary["B3"].value == CLIENT
    assert isinstance(summary["B7"].value, datetime) and summary["B7"].value.date() == date(2026, 1, 12)

    sheet = book["IMMEX program application"]
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["No.", "Title", "Status", "Reason", "Owner"]
    assert not {"Item ID", "Pack", "Pack version"} & {c.value for ws in book for row in ws.iter_rows() for c in row}
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:R{1 + len(report.checklists[1].items)}"
    due = headers.index("Due")
    assert isinstance(sheet.cell(row=2, column=due + 1).value, datetime)
    statuses = {row[headers.index("Status")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"Done", "Blocked", "Waiting on third party"} <= statuses
    flagged = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)
               if row[headers.index("To verify")] == "Yes"]
    assert flagged == ["2.7", "2.12"]  # numbered as the PDF numbers them
    ids = {i.item_id for i in report.items} | {c.pack_id for c in report.checklists}
    assert not ids & {c.value for ws in book for row in ws.iter_rows() for c in row}
    assert sheet.column_dimensions["B"].width == 48

    evidence = book["Evidence"]
    hashes = {row[5] for row in evidence.iter_rows(min_row=2, values_only=True)}
    expected = {e.sha256 for i in report.items for e in i.evidence}
    assert hashes == expected
    assert all(isinstance(h, str) and len(h) == 64 for h in hashes)
    # the item row lists its files and full hashes too
    possession = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "Legal possession of plant")
    listed = possession[headers.index("SHA-256")]
    assert isinstance(listed, str)
    assert listed.split("\n") == [e.sha256 for e in report.checklists[1].items[8].evidence]


def test_xlsx_spanish_labels_and_text_never_becomes_a_formula(tmp_path: Path) -> None:
    report = sample_report()
    first = report.checklists[0]
    sneaky = replace(first.items[0], notes="=HYPERLINK(\"http://example.invalid\")", status_reason="\x07bell")
    report = replace(report, checklists=(replace(first, items=(sneaky, *first.items[1:])), *report.checklists[1:]))
    path = tmp_path / "informe.xlsx"
    write_checklist_xlsx(report, path, language="es_MX")
    book = load_workbook(path)
    assert book.sheetnames[0] == "Resumen" and book.sheetnames[-1] == "Evidencia"
    assert "Pasos específicos del albergue" in book.sheetnames
    sheet = book["Pasos específicos del albergue"]
    headers = [c.value for c in sheet[1]]
    assert headers[:6] == ["Núm.", "Título", "Estado", "Motivo", "Responsable", "Asignada a"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][1] == "Firmar contrato de servicios de albergue / maquila"
    assert rows[0][2] == "Terminada"
    assert rows[0][headers.index("Notas")] == "=HYPERLINK(\"http://example.invalid\")"
    assert sheet.cell(row=2, column=headers.index("Notas") + 1).data_type == "s"
    assert rows[0][headers.index("Motivo")] == "bell"
    assert {r[headers.index("Por verificar")] for r in rows} == {"Sí", "No"}
    summary = book["Resumen"]
    assert "Datos vigentes al" in [c.value for c in summary[14]]
    facts = {row[0]: row[1] for row in summary.iter_rows(min_row=3, max_row=11, values_only=True)}
    assert facts["Elaborado por"] == "Ana López" and facts["Modelo de operación"] == "Albergue"


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    names = [sheet_name(n, taken) for n in ["IVA/IEPS: [rubro A]?", "IVA/IEPS: [rubro A]?", "'Quoted'", "History",
                                            "x" * 40, "x" * 40, ""]]
    assert names[0] == "IVA-IEPS- -rubro A--"
    assert names[1] == "IVA-IEPS- -rubro A-- (2)"
    assert names[2] == "Quoted"
    assert names[3] == "History-"
    assert names[4] == "x" * 31 and names[5] == "x" * 27 + " (2)"
    assert names[6] == "Sheet"
    assert all(len(n) <= 31 for n in names)


@settings(max_examples=20, deadline=None)
@given(titles=st.lists(_printable, min_size=1, max_size=4), notes=_printable)
def test_xlsx_any_checklist_titles_make_valid_unique_sheets(titles: list[str], notes: str) -> None:
    import tempfile

    report = sample_report()
    template = report.checklists[1]
    checklists = tuple(replace(template, title=Text(t, t), items=(replace(template.items[0], notes=notes),))
                       for t in titles)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "r.xlsx"
        write_checklist_xlsx(replace(report, checklists=checklists), path, language="es")
        names = load_workbook(path).sheetnames
    assert len(names) == len(titles) + 2
    assert len({n.casefold() for n in names}) == len(names)
    assert all(0 < len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)


# --- evidence pack -----------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A content-addressed evidence store holding every sample document."""
    root = tmp_path / "evidence"
    for content in DOCUMENTS.values():
        target = stored_path(root, hashlib.sha256(content).hexdigest())
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return root


def _verifier(store: Path) -> Callable[[ReportEvidence], Path]:
    """What the service layer passes: the app's own hash check on the stored copy."""
    def verify(evidence: ReportEvidence) -> Path:
        view = EvidenceView(0, evidence.file_name, evidence.size_bytes, evidence.sha256, evidence.added_by,
                            evidence.added_at)
        return verified_file(store, view)
    return verify


def test_evidence_pack_contents_and_manifest(out: Path, store: Path) -> None:
    report = sample_report()
    path = out / "pack.zip"
    entries = write_evidence_pack(report, store, path, verify=_verifier(store))
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert names[-3:] == ["MANIFEST.txt", "manifest.json", "SHA256SUMS"]
        files = names[:-3]
        assert files == [
            "shelter/shelter.agreement/contrato-albergue-firmado.pdf",
            "shelter/shelter.asset_lists/relación de maquinaria.xlsx",
            "immex_application/immex.deed_and_powers/acta-constitutiva-notaría-42.pdf",
            "immex_application/immex.positive_32d/opinión-32D-positiva.pdf",
            "immex_application/immex.property_possession/foto planta.jpg",
            "immex_application/immex.property_possession/foto planta (2).jpg",
            "immex_application/immex.property_possession/acta-constitutiva-notaría-42.pdf",
        ]
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["client"] == CLIENT and manifest["app_version"] == __version__
        assert manifest["files"] == entries
        for entry in manifest["files"]:
            data = archive.read(entry["path"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["size_bytes"]
        assert manifest["files"][5]["file_name"] == "foto planta.jpg"
        assert manifest["files"][5]["added_at"] == "2026-03-08T15:30:00Z"
        text = archive.read("MANIFEST.txt").decode()
        assert CLIENT in text and all(e["path"] in text and e["sha256"] in text for e in entries)
        sums = archive.read("SHA256SUMS").decode().splitlines()
        assert sums == [f"{e['sha256']}  {e['path']}" for e in entries]
    assert [p.name for p in out.iterdir()] == ["pack.zip"]


def test_evidence_pack_spanish_manifest(tmp_path: Path, store: Path) -> None:
    path = tmp_path / "paquete.zip"
    write_evidence_pack(sample_report(), store, path, verify=_verifier(store), language="es")
    with zipfile.ZipFile(path) as archive:
        text = archive.read("MANIFEST.txt").decode()
    assert text.startswith("Paquete de evidencia de ShelterDesk")
    assert "Tarea: immex.deed_and_powers — Acta constitutiva y poder certificados" in text


@pytest.mark.parametrize("damage", ["tamper", "delete"])
def test_evidence_pack_refuses_a_damaged_store_and_leaves_no_zip(out: Path, store: Path, damage: str) -> None:
    victim = stored_path(store, hashlib.sha256(DOCUMENTS["opinión-32D-positiva.pdf"]).hexdigest())
    if damage == "tamper":
        victim.write_bytes(victim.read_bytes().replace(b"positiva", b"negativa"))
    else:
        victim.unlink()
    path = out / "pack.zip"
    with pytest.raises(EvidenceFileProblem, match="altered" if damage == "tamper" else "missing"):
        write_evidence_pack(sample_report(), store, path, verify=_verifier(store))
    assert list(out.iterdir()) == []

    path.write_bytes(b"previous export")  # an earlier pack at the same path stays as it was
    with pytest.raises(EvidenceFileProblem):
        write_evidence_pack(sample_report(), store, path, verify=_verifier(store))
    assert path.read_bytes() == b"previous export"


def test_evidence_pack_refuses_a_path_outside_the_store(tmp_path: Path, store: Path) -> None:
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes(b"x")
    with pytest.raises(EvidencePackProblem, match="outside the evidence folder"):
        write_evidence_pack(sample_report(), store, tmp_path / "pack.zip", verify=lambda e: outside)
    assert not (tmp_path / "pack.zip").exists()


def test_evidence_pack_with_no_evidence(tmp_path: Path, store: Path) -> None:
    report = sample_report()
    bare = replace(report, checklists=tuple(
        replace(c, items=tuple(replace(i, evidence=()) for i in c.items)) for c in report.checklists))
    path = tmp_path / "pack.zip"
    assert write_evidence_pack(bare, store, path, verify=_verifier(store)) == []
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["MANIFEST.txt", "manifest.json", "SHA256SUMS"]


@settings(max_examples=20, deadline=None)
@given(names=st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=6))
def test_evidence_pack_names_are_safe_and_unique(names: list[str]) -> None:
    """Any file names (slashes, "..", control characters, clashes) pack into distinct, safe paths."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store_dir = root / "evidence"
        content = b"same bytes"
        sha = hashlib.sha256(content).hexdigest()
        target = stored_path(store_dir, sha)
        target.parent.mkdir(parents=True)
        target.write_bytes(content)
        evidence = tuple(ReportEvidence(n, len(content), sha, "x", datetime(2026, 1, 1, tzinfo=UTC)) for n in names)
        report = sample_report()
        first = report.checklists[0]
        report = replace(report, checklists=(replace(first, items=(replace(first.items[0], evidence=evidence),)),))
        entries = write_evidence_pack(report, store_dir, root / "p.zip", verify=_verifier(store_dir))
        paths = [e["path"] for e in entries]
        assert len({p.casefold() for p in paths}) == len(names)
        for p in paths:
            parts = p.split("/")
            assert len(parts) == 3 and all(part and part not in (".", "..") for part in parts)
        with zipfile.ZipFile(root / "p.zip") as archive:
            assert archive.read(paths[0]) == content
        for name, entry in zip(names, entries, strict=True):
            for shown in (entry["path"], entry["file_name"]):
                assert not {unicodedata.category(ch) for ch in shown} & {"Cc", "Cf"}
            ext = real_extension(name)
            if ext and ext.isalnum():
                assert entry["path"].endswith("." + ext) and entry["file_name"].endswith("." + ext)


def test_evidence_pack_a_right_to_left_override_cannot_disguise_an_exe(tmp_path: Path) -> None:
    """A name stored with U+202E ("invoice\u202egpj.exe" shows as "invoiceexe.jpg") goes out as what it is."""
    store_dir = tmp_path / "evidence"
    content = b"MZ not a photo"
    sha = hashlib.sha256(content).hexdigest()
    target = stored_path(store_dir, sha)
    target.parent.mkdir(parents=True)
    target.write_bytes(content)
    tricky = ("invoice\u202egpj.exe", "\u2066photo\u2069\u200f.jpg\u061c.exe", "x" * 300 + "\u202e.exe")
    evidence = tuple(ReportEvidence(n, len(content), sha, "x", datetime(2026, 1, 1, tzinfo=UTC)) for n in tricky)
    report = sample_report()
    first = report.checklists[0]
    report = replace(report, checklists=(replace(first, items=(replace(first.items[0], evidence=evidence),)),))
    path = tmp_path / "pack.zip"
    entries = write_evidence_pack(report, store_dir, path, verify=_verifier(store_dir))
    with zipfile.ZipFile(path) as archive:
        members = [n for n in archive.namelist() if n.count("/") == 2]
        manifest = json.loads(archive.read("manifest.json"))
        texts = archive.read("MANIFEST.txt").decode() + archive.read("SHA256SUMS").decode()
    assert [m.rsplit("/", 1)[1] for m in members] == ["invoicegpj.exe", "photo.jpg.exe", "x" * 176 + ".exe"]
    assert [e["file_name"] for e in entries] == [f["file_name"] for f in manifest["files"]]
    assert manifest["files"][0]["file_name"] == "invoicegpj.exe"
    for text in [*members, texts, json.dumps(manifest, ensure_ascii=False)]:
        assert not {unicodedata.category(ch) for ch in text} & {"Cf"}
    for member in members:
        assert member.endswith(".exe")
    # the checklist workbook and PDF list the same names, cleaned the same way
    write_checklist_xlsx(report, tmp_path / "r.xlsx", language="en")
    cells = [str(c.value) for ws in load_workbook(tmp_path / "r.xlsx") for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert any("invoicegpj.exe" in c for c in cells)
    assert not any("\u202e" in c or "\u2066" in c for c in cells)
    write_checklist_pdf(report, tmp_path / "r.pdf", language="en")
    pdf_text = _pdf_text(tmp_path / "r.pdf")
    assert "invoicegpj.exe" in pdf_text and "\u202e" not in pdf_text


# --- .ics --------------------------------------------------------------------------------------

def _reminders() -> list[Reminder]:
    return [
        Reminder("proj-7:immex-annual-2026", date(2026, 5, 29),
                 Text("IMMEX annual report", "Reporte anual IMMEX"),
                 Text("Due the last business day of May.", "Vence el último día hábil de mayo."), "Planta Querétaro",
                 "immex.annual_report"),
        Reminder("proj-7:civa-renewal-2026", date(2026, 9, 1),
                 Text("Renew IVA/IEPS certification", "Renovar la certificación IVA e IEPS"),
                 Text("File 30 days before expiry.", "Presentar 30 días antes del vencimiento."), "Planta Querétaro",
                 "civa.renewal"),
        Reminder("proj-7:annex30-initial", date(2026, 4, 15),
                 Text("Annex 30 initial inventory", "Inventario inicial del Anexo 30"),
                 Text("Within 30 days of the grant.", "Dentro de los 30 días posteriores a la autorización."),
                 "Planta Querétaro", "civa.obl.annex30_initial"),
    ]


def _events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_ics_events_alarms_and_stable_uids(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_ics(_reminders(), "en", first)
    write_ics(list(reversed(_reminders())), "en", second)
    calendar = Calendar.from_ical(first.read_bytes())
    assert f"ShelterDesk//shelter-app {__version__}" in str(calendar["PRODID"])
    events = _events(first)
    assert len(events) == 3
    uids = [str(e["UID"]) for e in events]
    assert uids == [str(e["UID"]) for e in _events(second)]
    assert len(set(uids)) == 3
    annual = next(e for e in events if "immex-annual" in str(e["UID"]))
    assert annual["DTSTART"].dt == date(2026, 5, 29)
    assert not isinstance(annual["DTSTART"].dt, datetime)  # all-day
    assert annual["DTEND"].dt == date(2026, 5, 30)
    assert str(annual["SUMMARY"]) == "IMMEX annual report — Planta Querétaro"
    alarms = list(annual.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0]["TRIGGER"].dt == timedelta(days=-7)


def test_ics_spanish(tmp_path: Path) -> None:
    path = tmp_path / "calendario.ics"
    write_ics(_reminders(), "es", path)
    summaries = sorted(str(e["SUMMARY"]) for e in _events(path))
    assert summaries == ["Inventario inicial del Anexo 30 — Planta Querétaro",
                         "Renovar la certificación IVA e IEPS — Planta Querétaro",
                         "Reporte anual IMMEX — Planta Querétaro"]
    assert "último día hábil" in path.read_text(encoding="utf-8").replace("\r\n ", "")


def test_ics_refuses_duplicate_uids(out: Path) -> None:
    reminders = _reminders()
    with pytest.raises(ValueError, match="share the UID"):
        write_ics([*reminders, reminders[0]], "en", out / "x.ics")
    assert list(out.iterdir()) == []


def test_exports_get_the_permissions_of_any_new_file(out: Path, store: Path) -> None:
    """Written through a temp file, yet not private (0600) like a `mkstemp` file: the user's umask applies."""
    reference = out / "reference"
    reference.touch()
    expected = reference.stat().st_mode & 0o777
    report = sample_report()
    write_checklist_pdf(report, out / "r.pdf")
    write_checklist_xlsx(report, out / "r.xlsx")
    write_evidence_pack(report, store, out / "r.zip", verify=_verifier(store))
    write_ics(_reminders(), "en", out / "r.ics")
    for name in ("r.pdf", "r.xlsx", "r.zip", "r.ics"):
        assert (out / name).stat().st_mode & 0o777 == expected, name
    assert sorted(p.name for p in out.iterdir()) == ["r.ics", "r.pdf", "r.xlsx", "r.zip", "reference"]


def test_reports_do_not_pull_in_qt() -> None:
    """The exports run in the CLI too: none of them may import PySide6."""
    code = ("import sys; import shelter_app.reports.checklist_pdf, shelter_app.reports.checklist_xlsx, "
            "shelter_app.reports.evidence_pack, shelter_app.reports.ics; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    import sys

    subprocess.run([sys.executable, "-c", code], check=True)



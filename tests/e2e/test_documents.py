"""Every document a client's executive receives, for every demo project, in English and Spanish, read back
from the PDF: the business case, the checklist status report, and a blank and a filled form.

Each must speak only its reader's language and never show the machinery (see tests/support/document_checks),
name a consultant rather than the computer's login, write real plurals, and never leave a heading alone at
the foot of a page. A failure names the document and the offending text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlmodel import select

from shelter_app.content.reference import shipped_reference
from shelter_app.reports.checklist_pdf import write_checklist_pdf
from shelter_app.reports.form_pdf import render_form_pdf
from shelter_app.services import business_documents, checklists, clients, demo, forms, scenarios
from shelter_app.services.projects import prepared_by
from shelter_app.storage.db import Database, open_database, sqlite_url
from tests.support.document_checks import pdf_text, problems, source_words
from tests.support.pdf_layout import headings_at_page_foot, texts_in_sizes

LANGUAGES = ("en", "es")
FORM = "client_intake"
HEADING_SIZES = (14.0, 11.0, 9.5)  # the business case's section, subsection and scenario headings
PROVIDER = "Albergue Industrial del Norte"  # a name, written the same in both languages


@dataclass
class Document:
    name: str
    language: str
    path: Path
    allowed: set[str] = field(default_factory=set)
    """What the data itself holds and may be in any language: names, titles, what someone typed."""

    @property
    def key(self) -> str:
        return self.name.rsplit("-", 1)[0]


def _data_words(db: Database, project_id: int) -> set[str]:
    """Names and texts typed by people (client, project, scenarios, roles, items), kept as typed."""
    found: set[str] = set()
    with db.transaction() as session:
        from shelter_app.storage.models import Client, Contact, Project

        project = session.get(Project, project_id)
        assert project is not None
        client = session.get(Client, project.client_id)
        assert client is not None
        found |= {client.legal_name, client.trade_name, client.hq_address, client.industry, client.website,
                  project.title, project.consultant}
        found |= {v for c in session.exec(select(Contact).where(Contact.client_id == client.id))
                  for v in (c.name, c.role)}  # names and job titles are the client's words, in their language
    for view in scenarios.list_scenarios(db, project_id):
        found.add(view.name)
        doc = view.document
        found |= {str(r.get("name", "")) for r in doc["workforce"]["roles"] if not r.get("_key")}
        found |= {str(i.get("name", "")) for i in doc.get("one_time", {}).get("items", []) if not i.get("_key")}
        found |= {str(doc["location"].get("city", "")), str(doc["location"].get("state", ""))}
        found.add(str(doc.get("scenario", {}).get("_fx_source", "")))
    journey = checklists.get_journey(db, project_id).journey.answers()
    found |= {r.role for r in journey.roles}
    found |= {journey.city or "", journey.municipality or "", journey.industrial_park or ""}
    return {f for f in found if f}


def _legal_bases() -> set[str]:
    """The checklist items' legal bases: citations of Mexican law (LFT art. 76; Decreto IMMEX art. 4), proper
    names printed the same in both languages."""
    from shelter_app.content.checklists import load_packs

    return {item.legal_basis for pack in load_packs().packs for item in pack.items if item.legal_basis}


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Document]]:
    folder = tmp_path_factory.mktemp("documents")
    db = open_database(sqlite_url(folder / "demo.sqlite3"), backups_dir=folder / "backups")
    demo.seed_demo(db, "demo")
    sources = source_words(shipped_reference()) | _legal_bases()
    made: list[Document] = []
    for client_id in clients.search_clients(db, include_archived=True):
        for project in clients.get_client(db, client_id).projects:
            allowed = _data_words(db, project.id) | sources | {PROVIDER}
            author = prepared_by(db, project.id)
            for language in LANGUAGES:
                stem = f"{project.id}-{language}"
                if scenarios.list_scenarios(db, project.id):
                    path = folder / f"business-case-{stem}.pdf"
                    business_documents.generate_pdf(db, "demo", project.id, path, scenario_ids=None,
                                                    language=language, paper="letter",
                                                    documents_dir=folder / "kept", prepared_by=author,
                                                    provider_name=PROVIDER)
                    made.append(Document(f"business-case-{stem}", language, path, allowed))
                report = checklists.build_report(db, project.id, author)
                if report.checklists:
                    path = folder / f"checklists-{stem}.pdf"
                    write_checklist_pdf(report, path, language=language)
                    made.append(Document(f"checklists-{stem}", language, path, allowed))
                definition = forms.shipped_forms().latest(FORM)
                blank = folder / f"form-blank-{stem}.pdf"
                render_form_pdf(blank, definition, None, language=language)
                made.append(Document(f"form-blank-{stem}", language, blank, allowed))
                answers = forms.prefill_answers(db, project.id, FORM)
                filled = folder / f"form-filled-{stem}.pdf"
                render_form_pdf(filled, definition, answers, language=language)
                typed = {str(v) for v in answers.values() if isinstance(v, str)}
                made.append(Document(f"form-filled-{stem}", language, filled, allowed | typed))
    db.close()
    yield made


def test_every_demo_project_has_its_documents(documents: list[Document]) -> None:
    kinds = {d.name.split("-")[0] + ("-" + d.name.split("-")[1] if d.name.startswith("form") else "")
             for d in documents}
    assert kinds == {"business", "checklists", "form-blank", "form-filled"}
    assert sum(d.name.startswith("business-case") for d in documents) >= 8  # four projects with scenarios, EN+ES


def test_documents_speak_only_their_language_and_show_no_machinery(documents: list[Document]) -> None:
    texts = {d.name: pdf_text(d.path) for d in documents}
    found: list[str] = []
    for d in documents:
        english = texts.get(d.name.replace("-es", "-en")) if d.language == "es" else None
        found += [f"{d.name}: {p}" for p in problems(texts[d.name], language=d.language, allowed=d.allowed,
                                                     english=english)]
    per_document = Counter(line.split(":", 1)[0] for line in found)
    summary = ", ".join(f"{name} {count}" for name, count in sorted(per_document.items()))
    assert not found, f"{summary}\n" + "\n".join(found[:80]) + (f"\n… {len(found)} in all" if len(found) > 80
                                                                else "")


def test_no_heading_is_left_at_the_foot_of_a_page(documents: list[Document]) -> None:
    found = {}
    for d in documents:
        if d.name.startswith("business-case"):
            stranded = headings_at_page_foot(d.path, texts_in_sizes(d.path, HEADING_SIZES))
            if stranded:
                found[d.name] = stranded
    assert not found

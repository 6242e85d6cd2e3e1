"""The translation catalogs: Spanish complete and consistent with the code, the .qm files up to date.

The catalogs live in resources/translations/ and are kept by `scripts/translations update`
(extract the strings of shelter_app/ui) and `scripts/translations compile` (build the .qm
files the app loads). A string added to the interface without a Spanish translation, a
placeholder or accelerator lost in translation, or a forgotten `compile` fails here.
"""

from __future__ import annotations

import ast
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from shelter_app.paths import resources_dir

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "shelter_app" / "ui"
TS_DIR = ROOT / "resources" / "translations"
ES_TS = TS_DIR / "shelter_app_es_MX.ts"
EN_TS = TS_DIR / "shelter_app_en.ts"
SCRIPT = ROOT / "scripts" / "translations"
FIX = "run `scripts/translations update`, translate, then `scripts/translations compile`"


# -- reading a catalog ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    state: str  # the translation's type attribute: "", "unfinished", "vanished" or "obsolete"
    forms: tuple[str, ...]  # the translation, or its numerus forms

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


def read_catalog(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            forms: tuple[str, ...]
            if translation is None:
                state, forms = "unfinished", ()
            elif numerus:
                state = translation.get("type") or ""
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                state, forms = translation.get("type") or "", (translation.text or "",)
            messages.append(Message(name, message.findtext("source") or "", numerus, state, forms))
    return messages


def incomplete(messages: list[Message], plural_forms: int) -> list[str]:
    """Each message not ready to ship, with why."""
    problems = []
    for m in messages:
        if m.state:
            problems.append(f"{m}: {m.state}")
        elif m.numerus and len(m.forms) != plural_forms:
            problems.append(f"{m}: {len(m.forms)} plural forms, {plural_forms} needed")
        elif not m.forms or any(not form.strip() for form in m.forms):
            problems.append(f"{m}: empty translation")
    return problems


def listing(title: str, problems: list[str]) -> str:
    return f"{title} ({len(problems)}):\n  " + "\n  ".join(problems)


# -- what a translation must keep from its source ---------------------------------------------------------
PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*(?:[!:][^{}]*)?\}|%L?n|%L?\d{1,2}")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


def accelerators(text: str) -> int:
    """How many `&` mark a shortcut letter (`&&` is a literal ampersand, `&amp;` an HTML entity)."""
    return ENTITY.sub("", text.replace("&&", "")).count("&")


def mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&\s])", ENTITY.sub("", text.replace("&&", "")))
    return match.group(1).lower() if match else None


def shape(text: str) -> dict[str, object]:
    """What a translation must keep: placeholders, %n, HTML tags, line breaks, edge spaces, ellipses."""
    return {
        "placeholders": sorted(set(PLACEHOLDER.findall(text))),
        "HTML tags": sorted(tag.split()[0].rstrip(">").lower() for tag in HTML_TAG.findall(text)),
        "line breaks": text.count("\n"),
        "leading spaces": len(text) - len(text.lstrip()),
        "trailing spaces": len(text) - len(text.rstrip()),
        "ellipses": text.count("…"),
    }


def format_problems(messages: list[Message]) -> list[str]:
    problems = []
    for m in messages:
        if m.state:
            continue  # reported by the completeness checks
        wanted = shape(m.source)
        wanted_accelerators = accelerators(m.source)
        if wanted_accelerators > 1:
            problems.append(f"{m}: the source has {wanted_accelerators} accelerators (&), at most 1 works")
        for form in m.forms:
            got = shape(form)
            for key, value in wanted.items():
                if got[key] != value:
                    problems.append(f"{m} -> {form!r}: {key} {got[key]} instead of {value}")
            if accelerators(form) != wanted_accelerators:
                problems.append(f"{m} -> {form!r}: {accelerators(form)} accelerators (&), "
                                f"the source has {wanted_accelerators}")
    return problems


# -- the tools -----------------------------------------------------------------------------------------------
def tool(name: str) -> str:
    """A Qt Linguist tool of the running venv (beside sys.executable), or skip saying so."""
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip(f"pyside6-{name} not found next to {sys.executable}, so the translation catalogs cannot be "
                    "checked with it (install PySide6 in this venv)")
    return found


def run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 0, f"{shlex.join(command)} failed:\n{result.stdout}\n{result.stderr}"


def lupdate_options() -> list[str]:
    """The options `scripts/translations update` passes, read from the script so the two never drift."""
    match = re.search(r"^LUPDATE_OPTIONS=\((.*)\)\s*$", SCRIPT.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{SCRIPT} no longer defines LUPDATE_OPTIONS=(...); keep this test in step with it"
    return shlex.split(match.group(1))


def ui_sources() -> list[str]:
    return sorted(str(p) for p in UI_DIR.rglob("*.py") if "__pycache__" not in p.parts)


@dataclass(frozen=True)
class Regenerated:
    es: Path
    en: Path


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Regenerated:
    """Copies of both catalogs updated by the real pyside6-lupdate from the current code."""
    lupdate = tool("lupdate")
    folder = tmp_path_factory.mktemp("lupdate")
    es, en = folder / ES_TS.name, folder / EN_TS.name
    shutil.copyfile(ES_TS, es)
    shutil.copyfile(EN_TS, en)
    options, files = lupdate_options(), ui_sources()
    run([lupdate, *options, "-target-language", "es_MX", *files, "-ts", str(es)])
    run([lupdate, *options, "-pluralonly", "-target-language", "en", *files, "-ts", str(en)])
    return Regenerated(es, en)


@pytest.fixture
def translator(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """Install committed .qm files for one test: append QTranslators that loaded; all removed after."""
    installed: list[QTranslator] = []
    yield installed
    for item in installed:
        qapp.removeTranslator(item)


def install_qm(qapp: QApplication, installed: list[QTranslator], path: Path) -> None:
    item = QTranslator()
    assert item.load(str(path)), f"QTranslator could not load {path}"
    assert qapp.installTranslator(item)
    installed.append(item)


# -- the committed catalogs ---------------------------------------------------------------------------------
def test_spanish_catalog_is_complete() -> None:
    root = ET.parse(ES_TS).getroot()
    assert root.get("language") == "es_MX"
    messages = read_catalog(ES_TS)
    assert messages, f"{ES_TS} holds no messages"
    problems = incomplete(messages, plural_forms=2)
    assert not problems, listing(f"Spanish catalog {ES_TS.name} is not finished; {FIX}", problems)


def test_english_catalog_has_every_plural_form() -> None:
    messages = read_catalog(EN_TS)
    assert messages, f"{EN_TS} holds no plural messages (it should hold e.g. '%n client(s)')"
    assert all(m.numerus for m in messages), "the English catalog holds only plural forms (lupdate -pluralonly)"
    problems = incomplete(messages, plural_forms=2)
    assert not problems, listing(f"English catalog {EN_TS.name} is not finished; {FIX}", problems)


@pytest.mark.parametrize("catalog", [ES_TS, EN_TS], ids=["es_MX", "en"])
def test_translations_keep_placeholders_accelerators_and_markup(catalog: Path) -> None:
    problems = format_problems(read_catalog(catalog))
    assert not problems, listing(f"{catalog.name}: translations that change their source's format", problems)


def test_spanish_menu_accelerators_are_unique_within_each_menu() -> None:
    """Menus built in mainwindow.py (`addMenu(self.tr(...))`, `self._action(menu, self.tr(...))`)."""
    menus: dict[str, list[str]] = {"menu bar": []}
    for node in ast.walk(ast.parse((UI_DIR / "mainwindow.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if isinstance(call.func, ast.Attribute) and call.func.attr == "addMenu" and _tr_text(call.args[:1]):
                menus["menu bar"].append(_tr_text(call.args[:1]) or "")
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        menus.setdefault(target.id, [])
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "_action"
                and len(node.args) >= 2 and isinstance(node.args[0], ast.Name) and _tr_text(node.args[1:2])):
            menus.setdefault(node.args[0].id, []).append(_tr_text(node.args[1:2]) or "")
    assert len(menus) > 1 and menus["menu bar"], "found no menus in mainwindow.py; update this test"
    spanish = {m.source: m.forms[0] for m in read_catalog(ES_TS) if m.context == "MainWindow" and not m.state}
    problems = []
    for menu, sources in menus.items():
        letters = Counter(mnemonic(spanish[s]) for s in sources if s in spanish and mnemonic(spanish[s]))
        clashes = [spanish[s] for s in sources if s in spanish and letters[mnemonic(spanish[s])] > 1]
        if clashes:
            problems.append(f"{menu}: {clashes}")
    assert not problems, listing("Spanish menus with the same accelerator letter twice", problems)


def _tr_text(args: list[ast.expr]) -> str | None:
    """The text of a `self.tr("...")` argument, if it is one."""
    if (args and isinstance(call := args[0], ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "tr" and call.args and isinstance(call.args[0], ast.Constant)):
        return str(call.args[0].value)
    return None


# -- the catalogs against the code (the real lupdate) -------------------------------------------------------
def test_every_string_in_the_code_has_a_spanish_translation(regenerated: Regenerated) -> None:
    problems = incomplete(read_catalog(regenerated.es), plural_forms=2)
    assert not problems, listing(f"strings in shelter_app/ui without a Spanish translation; {FIX}", problems)


def test_every_plural_string_in_the_code_has_english_forms(regenerated: Regenerated) -> None:
    problems = incomplete(read_catalog(regenerated.en), plural_forms=2)
    assert not problems, listing(f"plural strings in shelter_app/ui without English forms; {FIX}", problems)


def test_spanish_catalog_holds_no_strings_gone_from_the_code(regenerated: Regenerated) -> None:
    current = {(m.context, m.source) for m in read_catalog(regenerated.es)}
    stale = [f"[{c}] {s!r}" for c, s in sorted({(m.context, m.source) for m in read_catalog(ES_TS)} - current)]
    assert not stale, listing(f"{ES_TS.name} holds strings no longer in the code; {FIX}", stale)


def test_every_context_is_one_qt_looks_up_at_run_time(regenerated: Regenerated) -> None:
    """self.tr() in class C is looked up under C (or a class of its MRO); translate("X", ...) under X."""
    known: set[str] = set()
    for source in ui_sources():
        for node in ast.walk(ast.parse(Path(source).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                known.add(node.name)
            elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                  and ((isinstance(node.func, ast.Attribute) and node.func.attr == "translate")
                       or (isinstance(node.func, ast.Name) and node.func.id == "translate"))):
                known.add(str(node.args[0].value))  # QCoreApplication.translate("X", …) or its alias translate(…)
    bad: dict[str, list[str]] = {}
    for m in read_catalog(regenerated.es):
        if m.context not in known:
            bad.setdefault(m.context, []).append(repr(m.source))
    new = [f"context {c!r}: {', '.join(sources)}" for c, sources in bad.items()]
    assert not new, listing("strings whose lupdate context is no class of shelter_app/ui (tr() called on "
                            "another object?): they would never be translated", new)


# -- the compiled catalogs ----------------------------------------------------------------------------------
@pytest.mark.parametrize("catalog", [ES_TS, EN_TS], ids=["es_MX", "en"])
def test_committed_qm_is_compiled_from_the_committed_ts(catalog: Path, tmp_path: Path) -> None:
    lrelease = tool("lrelease")
    committed = catalog.with_suffix(".qm")
    assert committed.is_file(), f"{committed.name} is missing; run `scripts/translations compile`"
    fresh = tmp_path / committed.name
    run([lrelease, "-silent", str(catalog), "-qm", str(fresh)])
    same = fresh.read_bytes() == committed.read_bytes()
    assert same, f"{committed.name} is not compiled from the current {catalog.name}; run `scripts/translations compile`"


def test_app_loads_the_catalogs_from_here() -> None:
    assert resources_dir() / "translations" == TS_DIR


def test_spanish_qm_translates_through_qt(qapp: QApplication, translator: list[QTranslator]) -> None:
    install_qm(qapp, translator, ES_TS.with_suffix(".qm"))
    translate = QCoreApplication.translate
    assert translate("Labels", "Created") == "Creado"
    assert translate("MainWindow", "&File") == "&Archivo"
    assert translate("MainWindow", "%n client(s)", "", 1) == "1 cliente"
    assert translate("MainWindow", "%n client(s)", "", 0) == "0 clientes"
    assert translate("MainWindow", "%n client(s)", "", 12) == "12 clientes"
    assert translate("MainWindow", "Database: {location}").format(location="x.sqlite3") == "Base de datos: x.sqlite3"


def test_english_qm_gives_proper_plurals(qapp: QApplication, translator: list[QTranslator]) -> None:
    install_qm(qapp, translator, EN_TS.with_suffix(".qm"))
    translate = QCoreApplication.translate
    assert translate("MainWindow", "%n client(s)", "", 1) == "1 client"
    assert translate("MainWindow", "%n client(s)", "", 3) == "3 clients"
    assert translate("MainWindow", "%n demo client(s) added.", "", 1) == "1 demo client added."


# -- one Spanish glossary for the screens and the documents --------------------------------------------------
def test_the_spanish_catalog_uses_the_glossary_s_words() -> None:
    """The interface says what the documents say: "albergue", "caso de negocio", "plantilla"… (the glossary of
    shelter_app.core.glossary); the Spanish documents are held to the same list by the document checks."""
    from shelter_app.core.glossary import variants_in

    found = [f"{m}: {variant!r} (write {term.es!r})" for m in read_catalog(ES_TS) for form in m.forms
             for term, variant in variants_in(form)]
    assert not found, listing("Spanish translations that use a word the glossary avoids", found)


def test_the_glossary_finds_what_it_avoids() -> None:
    from shelter_app.core.glossary import variants_in

    assert [t.es for t, _ in variants_in("Tarifa Shelter y arranque")] == ["albergue", "tarifa del albergue"]
    assert variants_in("Contratación del albergue (shelter) con ShelterDesk: {shelter_fee}") == []
    assert [t.es for t, _ in variants_in("Pedimento de importación en EE. UU. por carga")] == [
        "declaración de importación en EE. UU."]
    assert variants_in("Impedimento: pedimentos de exportación al mes") == []


def test_screens_name_stored_codes_as_the_documents_do(qapp: QApplication, translator: list[QTranslator]) -> None:
    """One label table per code list (core), picked in the interface language: a status on screen reads as it
    prints."""
    from shelter_app.core.checklist import STATUS_LABELS
    from shelter_app.reports import status_label
    from shelter_app.ui import i18n
    from shelter_app.ui.labels import stage_labels, status_labels

    try:
        i18n.install("es_MX")
        assert stage_labels()["prospect"] == "Prospecto" and stage_labels()["setup"] == "Arranque"
        assert status_labels() == {code: status_label(code, "es") for code in STATUS_LABELS}
        i18n.install("en")
        assert status_labels()["in_progress"] == "In progress" == status_label("in_progress", "en")
    finally:
        i18n.install("en")

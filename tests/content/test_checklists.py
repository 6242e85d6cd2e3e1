"""Checklist packs: the shipped data is complete and current; a broken pack is refused with its file and item named."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app.content.checklists import (
    ChecklistItem,
    PackError,
    PackSet,
    RecurrenceRule,
    Verification,
    load_packs,
)
from shelter_app.core.answers import Applicability, CivaRubro, Flag, ImmexModality, ProjectAnswers
from shelter_app.core.answers import Path as OperatingPath

PACK_IDS = {
    "model", "shelter", "corp", "tax", "labor", "site", "immex_application", "customs", "trade",
    "civa_general", "civa_rubro_a", "civa_aa_aaa", "immex_ongoing", "civa_ongoing",
}

PROPERTY = settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def packs() -> PackSet:
    return load_packs()


def texts(item: ChecklistItem) -> Iterator[str]:
    """Every text an item shows, in both languages."""
    bilinguals = [item.title, item.description, item.evidence, item.typical_days_note, item.verification_note,
                  item.recurring.note if item.recurring else None]
    for text in bilinguals:
        if text is not None:
            yield text.en
            yield text.es


def sentences(packs: PackSet) -> Iterator[tuple[str, str]]:
    for item in packs.items:
        for text in texts(item):
            for sentence in re.split(r"(?<=[.;:])\s+", text):
                yield item.id, sentence


# ---- the shipped packs ----------------------------------------------------------------------------------------


def test_shipped_packs_load_complete(packs: PackSet) -> None:
    assert {p.id for p in packs.packs} == PACK_IDS
    assert 100 <= len(packs.items) <= 110
    assert len(packs.items_by_id) == len(packs.items)
    assert [p.order for p in packs.phases] == sorted(p.order for p in packs.phases)
    phase_order = {p.id: p.order for p in packs.phases}
    assert [phase_order[p.phase] for p in packs.packs] == sorted(phase_order[p.phase] for p in packs.packs)
    for pack in packs.packs:
        assert pack.facts_as_of == date(2026, 2, 28)
        assert pack.title.en and pack.title.es


def test_every_item_is_bilingual_and_grounded(packs: PackSet) -> None:
    for item in packs.items:
        for text in (item.title, item.description, item.evidence):
            assert text.en.strip() and text.es.strip(), item.id
        assert item.description.en != item.description.es, f"{item.id}: the Spanish text is a copy of the English"
        assert item.legal_basis or item.sources, item.id
        if item.verification is Verification.CONFIRMED:
            assert item.sources, item.id
        else:
            assert item.verification_note is not None, item.id


def test_draft_ids_are_kept(packs: PackSet) -> None:
    """Other code cites these ids; renaming one silently would orphan project items."""
    for item_id in ("model.decision", "shelter.agreement", "corp.incorporation_deed", "immex.application_vucem",
                    "immex.annual_report", "civa.gen.application", "civa.a.returns_60pct", "civa.renewal",
                    "civa.obl.annex30_initial", "labor.repse_check", "trade.prosec", "env.lau"):
        assert item_id in packs.items_by_id


def test_items_the_notes_leave_open_are_to_verify(packs: PackSet) -> None:
    to_verify = {i.id for i in packs.items if i.to_verify}
    assert {"immex.application_vucem", "civa.aaa.additional", "labor.infonavit", "civa.gen.fee_paid",
            "trade.tariff_2026", "shelter.certification_level"} <= to_verify
    assert "immex.annual_report" not in to_verify
    assert sum(s.to_verify for s in packs.summary()) == len(to_verify)


def test_summary_counts_every_item(packs: PackSet) -> None:
    summary = packs.summary()
    assert [s.id for s in summary] == [p.id for p in packs.packs]
    assert sum(s.items for s in summary) == len(packs.items)
    row = summary[0].as_dict()
    assert row["id"] == "model"
    assert row["facts_as_of"] == "2026-02-28"
    assert set(row) == {"id", "phase", "title_en", "title_es", "version", "facts_as_of", "items", "to_verify"}


def test_pack_and_phase_of_an_item(packs: PackSet) -> None:
    assert packs.pack_of("civa.renewal").id == "civa_ongoing"
    assert packs.phase_of("corp.rnie").id == "corporate"


# ---- today's rules -----------------------------------------------------------------------------------------------

ABOLISHED = re.compile(r"abolish|no longer|eliminat|repeal|elimin|derog|ya no|desapareci", re.IGNORECASE)


def test_no_fast_refund_promise(packs: PackSet) -> None:
    """The 20/15/10-day VAT refunds of rubros A/AA/AAA were abolished in July 2020."""
    short_term = re.compile(
        r"\b(?:10|15|20)(?:/\d+)*(?:[- ](?:business|calendar|hábiles|naturales))?[- ]?(?:days?|días)", re.IGNORECASE)
    for item_id, sentence in sentences(packs):
        if re.search(r"refund|devoluci", sentence, re.IGNORECASE) and short_term.search(sentence):
            assert ABOLISHED.search(sentence), f"{item_id}: {sentence}"


def test_no_multi_year_certification(packs: PackSet) -> None:
    """Since 31 Oct 2023 every grant and renewal, in every rubro, lasts one year."""
    multi_year = re.compile(r"\b(?:2|3|two|three|dos|tres)[- ](?:years?|años)", re.IGNORECASE)
    about_certification = re.compile(r"certif|rubro|\bAAA?\b|vigencia|validity", re.IGNORECASE)
    for item_id, sentence in sentences(packs):
        if multi_year.search(sentence) and about_certification.search(sentence):
            assert ABOLISHED.search(sentence), f"{item_id}: {sentence}"
    renewal = packs.items_by_id["civa.renewal"]
    assert "one year" in renewal.description.en
    assert "un año" in renewal.description.es


def test_no_36_month_stay(packs: PackSet) -> None:
    """Temporary imports stay 18 months; the 36-month benefit of certified companies is gone."""
    long_stay = re.compile(r"\b(?:36|48)[- ]?(?:months?|meses)", re.IGNORECASE)
    for item_id, sentence in sentences(packs):
        if long_stay.search(sentence):
            assert ABOLISHED.search(sentence), f"{item_id}: {sentence}"
    limits = packs.items_by_id["immex.return_deadlines"]
    assert "18 months" in limits.description.en
    assert "18 meses" in limits.description.es


def test_immex_export_threshold(packs: PackSet) -> None:
    for item_id in ("immex.export_commitment", "immex.min_exports"):
        description = packs.items_by_id[item_id].description
        assert "USD 500,000" in description.en
        assert "500,000 dólares" in description.es
        assert "10 %" in description.en
        assert "10 %" in description.es


def test_immex_annual_report_may_or_april_with_prosec(packs: PackSet) -> None:
    report = packs.items_by_id["immex.annual_report"]
    assert "last business day of May" in report.description.en
    assert "último día hábil de mayo" in report.description.es
    assert "last business day of April" in report.description.en
    assert "PROSEC" in report.description.en
    assert report.recurring is not None
    assert report.recurring.rule is RecurrenceRule.ANNUAL_LAST_BUSINESS_DAY_OF_MONTH
    assert report.recurring.month_for(frozenset()) == 5
    assert report.recurring.month_for(frozenset({Flag.USES_PROSEC})) == 4


def test_calendar_rules_of_the_certification(packs: PackSet) -> None:
    renewal = packs.items_by_id["civa.renewal"].recurring
    assert renewal is not None
    assert (renewal.rule, renewal.days, renewal.anchor) == (
        RecurrenceRule.ANNUAL_BEFORE_EXPIRY, 30, "civa.gen.application")
    inventory = packs.items_by_id["civa.obl.annex30_initial"].recurring
    assert inventory is not None
    assert (inventory.rule, inventory.days, inventory.anchor) == (
        RecurrenceRule.WITHIN_DAYS_OF_GRANT, 30, "civa.gen.application")
    repse = packs.items_by_id["labor.repse_check"].recurring
    assert repse is not None
    assert (repse.rule, repse.years) == (RecurrenceRule.EVERY_YEARS_BEFORE_EXPIRY, 3)


# ---- which items a project gets ------------------------------------------------------------------------------------

SHELTER_AAA = ProjectAnswers(path=OperatingPath.SHELTER, immex_modality=ImmexModality.ALBERGUE,
                             civa_rubro=CivaRubro.AAA)
OWN_A = ProjectAnswers(path=OperatingPath.OWN_ENTITY, immex_modality=ImmexModality.INDUSTRIAL, civa_rubro=CivaRubro.A)


def ids(packs: PackSet, answers: ProjectAnswers) -> list[str]:
    return [item.id for item in packs.applicable(answers)]


def test_shelter_project_uses_the_providers_programs(packs: PackSet) -> None:
    got = set(ids(packs, SHELTER_AAA))
    assert {"model.decision", "shelter.agreement", "shelter.asset_lists", "immex.shelter_contract", "site.lease",
            "tax.fiscal_domicile", "immex.annual_report", "immex.annex24_c", "civa.obl.notice_domicile",
            "civa.obl.keep_requirements", "customs.broker_selection"} <= got
    own_entity_only = {"corp.entity_type", "corp.incorporation_deed", "corp.rnie", "tax.rfc", "labor.imss_employer",
                       "immex.application_vucem", "immex.legal_entity", "customs.padron_importadores",
                       "customs.encargo_conferido", "civa.gen.application", "civa.a.returns_60pct",
                       "civa.aa_aaa.base", "civa.aaa.additional", "civa.renewal", "civa.obl.annex30_initial"}
    assert not own_entity_only & got


def test_own_entity_project_does_everything_itself(packs: PackSet) -> None:
    got = set(ids(packs, OWN_A))
    assert {"model.decision", "corp.incorporation_deed", "corp.rnie", "tax.rfc", "labor.imss_employer",
            "immex.application_vucem", "customs.padron_importadores", "civa.gen.application",
            "civa.a.returns_60pct", "civa.renewal", "civa.obl.annex30_initial"} <= got
    assert not {"shelter.agreement", "shelter.pe_protection", "labor.repse_shelter", "immex.shelter_contract",
                "civa.aa_aaa.base", "civa.aa.additional", "civa.aaa.additional",
                "civa.aa_aaa.upgrade_on_renewal", "immex.controladora_docs"} & got
    assert got != set(ids(packs, SHELTER_AAA))


def test_rubros_and_modalities_select_their_items(packs: PackSet) -> None:
    own_aa = set(ids(packs, ProjectAnswers(path=OperatingPath.OWN_ENTITY, immex_modality=ImmexModality.CONTROLADORA,
                                           civa_rubro=CivaRubro.AA)))
    assert {"civa.aa_aaa.base", "civa.aa.additional", "immex.controladora_docs"} <= own_aa
    assert "civa.aaa.additional" not in own_aa
    no_program = set(ids(packs, ProjectAnswers(path=OperatingPath.OWN_ENTITY)))
    assert "customs.padron_importadores" in no_program
    assert not {i for i in no_program if i.startswith(("immex.", "civa."))}


@pytest.mark.parametrize(("flag", "item_id"), [
    (Flag.USES_PROSEC, "trade.prosec"),
    (Flag.USES_REGLA_OCTAVA, "trade.regla_octava"),
    (Flag.EXPORTS_UNDER_USMCA, "trade.usmca_origin"),
    (Flag.IMPORTS_ANNEX_II, "immex.annex_ii_goods"),
    (Flag.BUILDS_NEW_PLANT, "site.new_build"),
    (Flag.USES_SPECIALIZED_SUBCONTRACTING, "labor.repse_check"),
])
def test_a_yes_answer_switches_its_item_on(packs: PackSet, flag: Flag, item_id: str) -> None:
    for answers in (SHELTER_AAA, OWN_A):
        assert item_id not in ids(packs, answers)
        assert item_id in ids(packs, ProjectAnswers(path=answers.path, immex_modality=answers.immex_modality,
                                                     civa_rubro=answers.civa_rubro, flags=frozenset({flag})))


def test_item_applicability_is_the_core_rule(packs: PackSet) -> None:
    item = packs.items_by_id["civa.obl.notice_subcontractor"]
    assert item.applicability() == Applicability(
        paths=frozenset({OperatingPath.OWN_ENTITY}), civa_rubros=frozenset(CivaRubro),
        flags=frozenset({Flag.USES_SPECIALIZED_SUBCONTRACTING}))


answers_strategy = st.builds(
    ProjectAnswers,
    path=st.none() | st.sampled_from(OperatingPath),
    immex_modality=st.none() | st.sampled_from(ImmexModality),
    civa_rubro=st.none() | st.sampled_from(CivaRubro),
    flags=st.frozensets(st.sampled_from(Flag)),
)


@PROPERTY
@given(answers=answers_strategy, extra=st.sampled_from(Flag))
def test_applicable_items_come_after_their_prerequisites(packs: PackSet, answers: ProjectAnswers, extra: Flag) -> None:
    """Any answers give a list in pack order where no item waits on a later phase, nor on a later item of its
    own pack; and answering yes to one more question only adds items, except those that apply unless it is yes
    (the state environmental licence gives way to the federal LAU: issue 14)."""
    got = packs.applicable(answers)
    position = {item.id: n for n, item in enumerate(packs.items)}
    assert [position[i.id] for i in got] == sorted(position[i.id] for i in got)
    chosen = {item.id for item in got}
    for item in got:
        for prerequisite in item.depends_on:
            if prerequisite not in chosen:
                continue
            assert packs.phase_of(prerequisite).order <= packs.phase_of(item.id).order, (item.id, prerequisite)
            if packs.pack_of(prerequisite) is packs.pack_of(item.id):
                assert position[prerequisite] < position[item.id], (item.id, prerequisite)
    more = ProjectAnswers(path=answers.path, immex_modality=answers.immex_modality, civa_rubro=answers.civa_rubro,
                          flags=answers.flags | {extra})
    dropped = {item.id for item in got if extra in item.applicability().unless_flags}
    assert chosen - dropped <= {item.id for item in packs.applicable(more)}


def test_loader_needs_no_qt_and_no_database() -> None:
    code = ("import sys; from shelter_app.content.checklists import load_packs; load_packs(); "
            "print(sorted(m for m in ('PySide6', 'sqlalchemy', 'sqlmodel') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# ---- broken packs -------------------------------------------------------------------------------------------------


def item(item_id: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item_id,
        "title": {"en": f"Title {item_id}", "es": f"Título {item_id}"},
        "description": {"en": "What to do.", "es": "Qué hacer."},
        "who": ["advisor"],
        "evidence": {"en": "A receipt", "es": "Un acuse"},
        "legal_basis": "CFF art. 27",
        "sources": ["https://example.org/rule"],
        "typical_days": 5,
        "depends_on": [],
        "verification": "confirmed",
    }
    data.update(changes)
    return data


def pack(pack_id: str, *items: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": pack_id, "version": "2026.11.1", "facts_as_of": date(2026, 2, 28), "phase": "setup",
        "title": {"en": f"Pack {pack_id}", "es": f"Paquete {pack_id}"}, "items": list(items),
    }
    data.update(changes)
    return data


PHASES = {"phases": [{"id": "setup", "order": 0, "title": {"en": "Set-up", "es": "Arranque"},
                      "checklists": ["alpha", "beta"]}]}


def write(folder: Path, name: str, data: Any) -> None:
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / name).write_text(text, encoding="utf-8")


def folder_with(tmp_path: Path, alpha: Any, beta: Any | None = None, phases: Any = PHASES) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir()
    if phases is not None:
        write(folder, "phases.yaml", phases)
    write(folder, "alpha.yaml", alpha)
    write(folder, "beta.yaml", beta if beta is not None else pack("beta", item("beta.one")))
    return folder


def problems_of(folder: Path, today: date = date(2026, 11, 23)) -> PackError:
    with pytest.raises(PackError) as caught:
        load_packs(folder, today=today)
    return caught.value


def test_a_valid_small_set_loads(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, pack("alpha", item("alpha.one"), item("alpha.two", depends_on=["beta.one"])))
    loaded = load_packs(folder, today=date(2026, 11, 23))
    assert [i.id for i in loaded.items] == ["alpha.one", "alpha.two", "beta.one"]


BROKEN: list[tuple[str, Callable[[], dict[str, Any]], str, str]] = [
    ("unknown field", lambda: pack("alpha", item("alpha.one", colour="red")), "alpha.one", "unknown field 'colour'"),
    ("missing Spanish", lambda: pack("alpha", item("alpha.one", title={"en": "Only English"})), "alpha.one",
     "the Spanish text of 'title' is missing"),
    ("empty English", lambda: pack("alpha", item("alpha.one", evidence={"en": "  ", "es": "Acuse"})), "alpha.one",
     "the English text of 'evidence' is empty"),
    ("text not bilingual", lambda: pack("alpha", item("alpha.one", description="Just English")), "alpha.one",
     "'description' must give an English (en) and a Spanish (es) text"),
    ("missing field", lambda: pack("alpha", {k: v for k, v in item("alpha.one").items() if k != "typical_days"}),
     "alpha.one", "the required field 'typical_days' is missing"),
    ("dangling dependency", lambda: pack("alpha", item("alpha.one", depends_on=["alpha.nowhere"])), "alpha.one",
     "depends_on 'alpha.nowhere', which does not exist"),
    ("duplicate id in a pack", lambda: pack("alpha", item("alpha.one"), item("alpha.one")), "alpha.one",
     "the id is used twice in this file"),
    ("bad path", lambda: pack("alpha", item("alpha.one", applies_when={"paths": ["moon"]})), "alpha.one",
     "'moon' is not a valid value of 'applies_when.paths[0]'"),
    ("bad flag", lambda: pack("alpha", item("alpha.one", applies_when={"flags": ["likes_tacos"]})), "alpha.one",
     "'likes_tacos' is not a valid value of 'applies_when.flags[0]'"),
    ("bad rubro", lambda: pack("alpha", item("alpha.one", applies_when={"civa_rubros": ["AAAA"]})), "alpha.one",
     "applies_when.civa_rubros[0]"),
    ("unknown applies_when key", lambda: pack("alpha", item("alpha.one", applies_when={"rubro": ["A"]})),
     "alpha.one", "unknown field 'applies_when.rubro'"),
    ("to verify without note", lambda: pack("alpha", item("alpha.one", verification="to_verify")), "alpha.one",
     "needs a verification_note"),
    ("confirmed without source", lambda: pack("alpha", item("alpha.one", sources=[])), "alpha.one",
     "a confirmed item needs at least one source"),
    ("government body without government", lambda: pack("alpha", item("alpha.one", government_body="SAT")),
     "alpha.one", "'government_body' is given"),
    ("unknown role", lambda: pack("alpha", item("alpha.one", who=["lawyer"])), "alpha.one",
     "'lawyer' is not a valid value of 'who[0]'"),
    ("recurrence without its month", lambda: pack("alpha", item("alpha.one", recurring={
        "rule": "annual_last_business_day_of_month", "note": {"en": "Yearly", "es": "Anual"}})), "alpha.one",
     "needs month"),
    ("recurrence anchored nowhere", lambda: pack("alpha", item("alpha.one", recurring={
        "rule": "within_days_of_grant", "days": 30, "anchor": "alpha.grant",
        "note": {"en": "Once", "es": "Una vez"}})), "alpha.one", "recurring.anchor 'alpha.grant' does not exist"),
    ("bad url", lambda: pack("alpha", item("alpha.one", sources=["www.example.org"])), "alpha.one",
     "(an http or https address)"),
]


@pytest.mark.parametrize(("make", "item_id", "message"), [case[1:] for case in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_item_is_named_with_its_file(tmp_path: Path, make: Callable[[], dict[str, Any]], item_id: str,
                                            message: str) -> None:
    error = problems_of(folder_with(tmp_path, make()))
    matching = [p for p in error.problems if p.file == "alpha.yaml" and p.item_id == item_id]
    assert matching, error.en
    assert any(message in p.en for p in matching), error.en
    assert f"alpha.yaml, item {item_id}: " in error.en
    assert f"alpha.yaml, elemento {item_id}: " in error.es
    assert all(p.es and p.es != p.en for p in matching)


@pytest.mark.parametrize(("alpha", "message"), [
    (pack("alpha", item("alpha.one"), phase="nowhere"), "unknown phase 'nowhere'"),
    (pack("alpha", item("alpha.one"), facts_as_of=date(2027, 1, 1)), "facts_as_of 2027-01-01 is in the future"),
    (pack("gamma", item("alpha.one")), "the pack id 'gamma' must match the file name"),
    (pack("alpha", item("alpha.one"), version="v2"), "is not a valid 'version'"),
    (pack("alpha"), "items"),
    ("id: alpha\nversion: '2026.11.1'\n  phase: setup\n", "malformed YAML at line 3"),
    ("id: alpha\nid: beta\n", "the key 'id' appears twice"),
    ("- just\n- a list\n", "must hold a mapping"),
])
def test_broken_pack_is_named(tmp_path: Path, alpha: Any, message: str) -> None:
    error = problems_of(folder_with(tmp_path, alpha))
    assert any(p.file == "alpha.yaml" and p.item_id is None and message in p.en for p in error.problems), error.en


def test_duplicate_id_across_packs_names_both_files(tmp_path: Path) -> None:
    error = problems_of(folder_with(tmp_path, pack("alpha", item("beta.one"))))
    assert [(p.file, p.item_id, p.en) for p in error.problems] == [
        ("beta.yaml", "beta.one", "the id is also used in alpha.yaml")]


def test_an_invalid_pack_is_not_also_reported_missing(tmp_path: Path) -> None:
    error = problems_of(folder_with(tmp_path, pack("alpha", item("alpha.one", colour="red"))))
    assert [p.file for p in error.problems] == ["alpha.yaml"]


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, pack("alpha", item("alpha.one", colour="red"), item("alpha.two", title={})),
                         beta=pack("beta", item("beta.one", depends_on=["beta.ghost"])))
    error = problems_of(folder)
    named = {(p.file, p.item_id) for p in error.problems}
    assert {("alpha.yaml", "alpha.one"), ("alpha.yaml", "alpha.two"), ("beta.yaml", "beta.one")} <= named
    assert error.en.startswith(f"The checklist packs have {len(error.problems)} problems:")


def test_cycles_are_named(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, pack("alpha", item("alpha.a", depends_on=["beta.b"]), item("alpha.self",
                                                                                                depends_on=["alpha.self"])),
                         beta=pack("beta", item("beta.b", depends_on=["alpha.a"])))
    error = problems_of(folder)
    cycles = [p for p in error.problems if "cycle" in p.en]
    assert [(p.file, p.item_id, p.en) for p in cycles] == [
        ("alpha.yaml", "alpha.a", "dependency cycle: alpha.a → beta.b → alpha.a"),
        ("alpha.yaml", "alpha.self", "dependency cycle: alpha.self → alpha.self"),
    ]
    assert "ciclo de dependencias: alpha.a → beta.b → alpha.a" in error.es


def test_one_wrong_edge_names_one_cycle(tmp_path: Path) -> None:
    """Closing a long chain back on itself creates many loops; the message names the shortest, once."""
    chain = [item("alpha.n0", depends_on=["alpha.n9"])]
    chain += [item(f"alpha.n{n}", depends_on=[f"alpha.n{n - 1}", *([f"alpha.n{n - 2}"] if n > 1 else [])])
              for n in range(1, 10)]
    cycles = [p.en for p in problems_of(folder_with(tmp_path, pack("alpha", *chain))).problems if "cycle" in p.en]
    assert cycles == ["dependency cycle: alpha.n0 → alpha.n9 → alpha.n8 → alpha.n6 → alpha.n4 → alpha.n2 → alpha.n0"]


def test_longer_cycle_inside_a_larger_graph(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, pack("alpha", item("alpha.start", depends_on=["alpha.x"]),
                                        item("alpha.x", depends_on=["alpha.y"]),
                                        item("alpha.y", depends_on=["alpha.z", "beta.one"]),
                                        item("alpha.z", depends_on=["alpha.x"])))
    cycles = [p.en for p in problems_of(folder).problems if "cycle" in p.en]
    assert cycles == ["dependency cycle: alpha.x → alpha.y → alpha.z → alpha.x"]


@pytest.mark.parametrize(("phases", "message"), [
    (None, "the phases file is missing"),
    ({"phases": [{**PHASES["phases"][0], "checklists": ["alpha"]}]},
     "the phase 'setup' in phases.yaml does not list 'beta'"),
    ({"phases": [{**PHASES["phases"][0], "checklists": ["alpha", "beta", "delta"]}]},
     "lists 'delta', but there is no delta.yaml"),
    ({"phases": [PHASES["phases"][0], {**PHASES["phases"][0], "id": "later", "checklists": ["beta"]}]},
     "have the same order 0"),
    ({"phases": [{**PHASES["phases"][0], "colour": "red"}]}, "unknown field 'colour'"),
])
def test_broken_phases_are_named(tmp_path: Path, phases: Any, message: str) -> None:
    error = problems_of(folder_with(tmp_path, pack("alpha", item("alpha.one")), phases=phases))
    assert any(message in p.en for p in error.problems), error.en


def test_missing_folder(tmp_path: Path) -> None:
    error = problems_of(tmp_path / "nowhere")
    assert "does not exist" in error.en
    assert error.message("es").startswith("Los paquetes")

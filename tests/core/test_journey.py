"""The setup journey, branch by branch, without widgets: the flow, its validation, its Back stack,
its JSON form, the derived wage zone and which checklist items change when answers change."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app.core.answers import (
    Applicability,
    CivaRubro,
    Flag,
    ImmexModality,
    Path,
    ProjectAnswers,
    RoleHeadcount,
    WageZone,
)
from shelter_app.core.eligibility import CertificationStatus, ProviderCertification
from shelter_app.core.errors import ValidationError
from shelter_app.core.journey import (
    BUSINESS_CASE_HANDOVER,
    OWN_ENTITY_MODALITIES,
    STEPS,
    FieldKind,
    Journey,
    Step,
    applicable_changes,
    fields_for,
)
from shelter_app.core.text import clean_text, fold_for_search
from shelter_app.core.wage_zones import STATES, derive_wage_zone

PROPERTY = settings(database=None, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

PROFILE: dict[str, object] = {"annual_sales_usd": "12,000,000", "annual_exports_usd": "9,500,000.50",
           "monthly_temporary_imports_mxn": "16,200,000"}
SITE: dict[str, object] = {"state": "CHH", "city": "Ciudad Juárez", "industrial_park": "Parque Industrial Juárez",
                           "builds_new_plant": False}
LABOR: dict[str, object] = {
    "roles": [{"role": "Operator", "headcount": 120, "shifts": 2}, {"role": "Engineer", "headcount": 5}],
    "uses_specialized_subcontracting": True,
}
SHELTER_PROGRAMS: dict[str, object] = {"provider_certification": "certified", "provider_civa_rubro": "AAA",
                                       "exports_under_usmca": True}
OWN_PROGRAMS: dict[str, object] = {"immex_modality": "industrial", "civa_rubro": "A",
                                   "temporary_imports_returned_pct": "62.5", "uses_prosec": True}
TIMELINE: dict[str, object] = {"kickoff": date(2026, 3, 2)}


def walk(path: Path, programs: Mapping[str, object], until: Step = Step.BUSINESS_CASE) -> Journey:
    """A journey answered step by step up to `until`."""
    journey = Journey()
    answers: dict[Step, Mapping[str, object]] = {
        Step.PROFILE: PROFILE, Step.OPERATING_MODEL: {"path": path.value}, Step.SITE: SITE, Step.LABOR: LABOR,
        Step.PROGRAMS: programs, Step.TIMELINE: TIMELINE,
    }
    while journey.current is not until:
        journey.go_next(answers[journey.current])
    return journey


def field_names(journey: Journey, step: Step | None = None) -> list[str]:
    return [f.name for f in journey.step_fields(step)]


# --- the two branches end to end -----------------------------------------------------------------------------


def test_shelter_path_end_to_end() -> None:
    journey = Journey()
    assert (journey.current, journey.history, journey.can_go_back) == (Step.PROFILE, (), False)
    steps: list[tuple[Step, dict[str, object]]] = [(Step.PROFILE, PROFILE), (Step.OPERATING_MODEL, {"path": "shelter"}),
                                                   (Step.SITE, SITE), (Step.LABOR, LABOR)]
    for step, step_answers in steps:
        assert journey.current is step and not journey.can_finish
        assert journey.go_next(step_answers) is STEPS[STEPS.index(step) + 1]
    assert field_names(journey) == ["provider_certification", "provider_civa_rubro", "imports_annex_ii",
                                    "uses_prosec", "uses_regla_octava", "exports_under_usmca",
                                    "imports_annex_10_goods"]
    journey.go_next(SHELTER_PROGRAMS)
    assert journey.go_next(TIMELINE) is Step.BUSINESS_CASE and journey.can_finish
    assert journey.history == STEPS[:-1]
    assert journey.step_fields() == [] and journey.step_notice(Step.BUSINESS_CASE) is BUSINESS_CASE_HANDOVER
    assert journey.step_notice(Step.SITE) is None

    answers = journey.answers()
    assert answers == ProjectAnswers(
        path=Path.SHELTER, immex_modality=ImmexModality.ALBERGUE, civa_rubro=None,
        flags=frozenset({Flag.USES_SPECIALIZED_SUBCONTRACTING, Flag.EXPORTS_UNDER_USMCA}),
        state="CHH", city="Ciudad Juárez", municipality="", industrial_park="Parque Industrial Juárez",
        wage_zone=WageZone.BORDER,
        roles=(RoleHeadcount("Operator", 120, 2), RoleHeadcount("Engineer", 5, 1)), kickoff=date(2026, 3, 2),
        annual_exports_usd=Decimal("9500000.50"), annual_sales_usd=Decimal("12000000"),
        monthly_temporary_imports_mxn=Decimal("16200000"), flags_no=frozenset({Flag.BUILDS_NEW_PLANT}),
        shelter_certified=True,
    )
    assert journey.provider_certification() == ProviderCertification(CertificationStatus.CERTIFIED, CivaRubro.AAA)
    recs = {r.code: r for r in journey.recommendations()}
    assert {"immex.shelter_program", "civa.provider"} <= set(recs) and "immex.own_program" not in recs

    with pytest.raises(RuntimeError):
        journey.go_next({})


def test_own_entity_path_end_to_end() -> None:
    journey = walk(Path.OWN_ENTITY, OWN_PROGRAMS, until=Step.PROGRAMS)
    specs = {f.name: f for f in journey.step_fields()}
    assert list(specs)[:3] == ["immex_modality", "civa_rubro", "temporary_imports_returned_pct"]
    assert "provider_certification" not in specs
    assert [c.value for c in specs["immex_modality"].choices] == [m.value for m in OWN_ENTITY_MODALITIES]
    assert "albergue" not in [c.value for c in specs["immex_modality"].choices]
    journey.go_next(OWN_PROGRAMS)
    journey.go_next({"kickoff": "2026-06-01"})
    assert journey.can_finish
    answers = journey.answers()
    assert (answers.path, answers.immex_modality, answers.civa_rubro) == (Path.OWN_ENTITY, ImmexModality.INDUSTRIAL,
                                                                          CivaRubro.A)
    assert answers.temporary_imports_returned_pct == Decimal("62.5")
    assert answers.flags == {Flag.USES_PROSEC, Flag.USES_SPECIALIZED_SUBCONTRACTING}
    assert answers.kickoff == date(2026, 6, 1) and answers.headcount == 125
    assert journey.provider_certification() is None
    recs = {r.code: r for r in journey.recommendations()}
    assert {"immex.own_program", "civa.rubro_a"} <= set(recs)


def test_every_field_is_bilingual_and_choices_only_where_they_belong() -> None:
    for step in STEPS:
        for path in (None, *Path):
            for spec in fields_for(step, path):
                assert (spec.label.en and spec.label.es and spec.label.en != spec.label.es) or spec.name == "city"
                assert bool(spec.choices) is (spec.kind is FieldKind.CHOICE)
                assert (spec.unit != "") is (spec.kind in (FieldKind.AMOUNT, FieldKind.PERCENT))
                assert all(c.label.en and c.label.es and type(c.value) is str for c in spec.choices)
    assert fields_for(Step.PROGRAMS, None) == ()
    assert "wage_zone" not in [f.name for s in STEPS for p in Path for f in fields_for(s, p)]


# --- going back and changing the path --------------------------------------------------------------------------


def test_back_from_programs_switch_shelter_to_own_entity_and_forward_again() -> None:
    journey = walk(Path.SHELTER, SHELTER_PROGRAMS, until=Step.TIMELINE)
    journey.go_next(TIMELINE)  # at business_case: everything answered
    for expected in (Step.TIMELINE, Step.PROGRAMS, Step.LABOR, Step.SITE, Step.OPERATING_MODEL):
        assert journey.go_back() is expected
    assert journey.history == (Step.PROFILE,)
    assert journey.answers().immex_modality is ImmexModality.ALBERGUE  # nothing lost by going back

    assert journey.go_next({"path": "own_entity"}) is Step.SITE
    # later answers that still make sense are kept, ready to fill the pages again
    assert journey.step_answers() == SITE
    journey.go_next(journey.step_answers())
    journey.go_next(journey.step_answers())
    assert journey.current == Step.PROGRAMS
    kept = journey.step_answers()
    assert kept == {"exports_under_usmca": True}  # the trade flag stays; the provider's certification goes
    answers = journey.answers()
    assert answers.immex_modality is None and answers.civa_rubro is None  # albergue no longer fits: reset
    assert Flag.EXPORTS_UNDER_USMCA in answers.flags and answers.kickoff == date(2026, 3, 2)

    with pytest.raises(ValidationError) as caught:
        journey.go_next(kept)
    assert caught.value.field == "immex_modality"
    journey.go_next({**kept, "immex_modality": "industrial"})
    assert journey.step_answers() == {"kickoff": "2026-03-02"}
    journey.go_next(journey.step_answers())
    assert journey.can_finish and journey.answers().immex_modality is ImmexModality.INDUSTRIAL


def test_switch_own_entity_to_shelter_fixes_albergue_and_drops_own_answers() -> None:
    journey = walk(Path.OWN_ENTITY, OWN_PROGRAMS, until=Step.TIMELINE)
    while journey.current is not Step.OPERATING_MODEL:
        journey.go_back()
    journey.go_next({"path": "shelter"})
    answers = journey.answers()
    assert answers.immex_modality is ImmexModality.ALBERGUE
    assert answers.civa_rubro is None and answers.temporary_imports_returned_pct is None
    assert answers.flags == {Flag.USES_PROSEC, Flag.USES_SPECIALIZED_SUBCONTRACTING}
    assert journey.step_answers(Step.PROGRAMS) == {"uses_prosec": True}
    assert journey.provider_certification() is None  # asked again on the programs page


def test_same_path_again_keeps_the_programs_answers() -> None:
    journey = walk(Path.OWN_ENTITY, OWN_PROGRAMS, until=Step.TIMELINE)
    while journey.current is not Step.OPERATING_MODEL:
        journey.go_back()
    journey.go_next({"path": "own_entity"})
    assert journey.step_answers(Step.PROGRAMS) == {"immex_modality": "industrial", "civa_rubro": "A",
                                                   "temporary_imports_returned_pct": "62.5", "uses_prosec": True}


def test_go_back_at_the_start_is_refused() -> None:
    with pytest.raises(RuntimeError):
        Journey().go_back()


# --- validation: each step names the field at fault --------------------------------------------------------

STEP_ERRORS = [
    (Step.PROFILE, Path.SHELTER, {"annual_sales_usd": "-5"}, "annual_sales_usd"),
    (Step.PROFILE, Path.SHELTER, {"annual_exports_usd": "lots"}, "annual_exports_usd"),
    (Step.PROFILE, Path.SHELTER, {"annual_sales_usd": "1.234"}, "annual_sales_usd"),  # 3 decimals: a typo
    (Step.PROFILE, Path.SHELTER, {"monthly_temporary_imports_mxn": Decimal("Infinity")},
     "monthly_temporary_imports_mxn"),
    (Step.PROFILE, Path.SHELTER, {"annual_sales_usd": 1.5}, "annual_sales_usd"),  # no floats
    (Step.PROFILE, Path.SHELTER, {"annual_sales_usd": "100", "annual_exports_usd": "200"}, "annual_exports_usd"),
    (Step.PROFILE, Path.SHELTER, {"company": "ACME"}, "company"),
    (Step.OPERATING_MODEL, Path.SHELTER, {}, "path"),
    (Step.OPERATING_MODEL, Path.SHELTER, {"path": "maquila"}, "path"),
    (Step.SITE, Path.SHELTER, {}, "state"),
    (Step.SITE, Path.SHELTER, {"state": "XX", "city": "Juárez"}, "state"),
    (Step.SITE, Path.SHELTER, {"state": "CHH"}, "city"),
    (Step.SITE, Path.SHELTER, {"state": "CHH", "city": "   "}, "city"),
    (Step.SITE, Path.SHELTER, {"state": "CHH", "city": "x" * 201}, "city"),
    (Step.SITE, Path.SHELTER, {"state": "CHH", "city": "Juárez", "wage_zone": "border"}, "wage_zone"),
    (Step.SITE, Path.SHELTER, {"state": "CHH", "city": "Juárez", "builds_new_plant": "yes"}, "builds_new_plant"),
    (Step.LABOR, Path.SHELTER, {}, "roles"),
    (Step.LABOR, Path.SHELTER, {"roles": []}, "roles"),
    (Step.LABOR, Path.SHELTER, {"roles": "Operator"}, "roles"),
    (Step.LABOR, Path.SHELTER, {"roles": [{"role": "Operator", "headcount": 0}]}, "roles"),
    (Step.LABOR, Path.SHELTER, {"roles": [{"role": " ", "headcount": 3}]}, "roles[0].role"),
    (Step.LABOR, Path.SHELTER, {"roles": [{"role": "Op", "headcount": 3}, {"role": "Op", "headcount": -1}]},
     "roles[1].role"),
    (Step.LABOR, Path.SHELTER, {"roles": [{"role": "Op", "headcount": 3}, {"role": "Tech", "headcount": -1}]},
     "roles[1].headcount"),
    (Step.LABOR, Path.SHELTER, {"roles": [{"role": "Op", "headcount": 2.5}]}, "roles[0].headcount"),
    (Step.LABOR, Path.SHELTER, {"roles": [{"role": "Op", "headcount": True}]}, "roles[0].headcount"),
    (Step.LABOR, Path.SHELTER, {"roles": [{"role": "Op", "headcount": 3, "shifts": 4}]}, "roles[0].shifts"),
    (Step.LABOR, Path.SHELTER, {"roles": [{"role": "Op", "headcount": 3, "wage": 470}]}, "roles[0]"),
    (Step.PROGRAMS, Path.SHELTER, {}, "provider_certification"),
    (Step.PROGRAMS, Path.SHELTER, {"provider_certification": "not_certified", "provider_civa_rubro": "A"},
     "provider_civa_rubro"),
    (Step.PROGRAMS, Path.SHELTER, {"provider_certification": "certified", "immex_modality": "industrial"},
     "immex_modality"),
    (Step.PROGRAMS, Path.OWN_ENTITY, {}, "immex_modality"),
    (Step.PROGRAMS, Path.OWN_ENTITY, {"immex_modality": "albergue"}, "immex_modality"),
    (Step.PROGRAMS, Path.OWN_ENTITY, {"immex_modality": "terciarizacion"}, "civa_rubro"),
    (Step.PROGRAMS, Path.OWN_ENTITY, {"immex_modality": "industrial", "civa_rubro": "B"}, "civa_rubro"),
    (Step.PROGRAMS, Path.OWN_ENTITY, {"immex_modality": "industrial", "temporary_imports_returned_pct": "100.5"},
     "temporary_imports_returned_pct"),
    (Step.PROGRAMS, Path.OWN_ENTITY, {"immex_modality": "industrial", "temporary_imports_returned_pct": "most"},
     "temporary_imports_returned_pct"),
    (Step.PROGRAMS, Path.OWN_ENTITY, {"immex_modality": "industrial", "provider_certification": "certified"},
     "provider_certification"),
    (Step.TIMELINE, Path.SHELTER, {}, "kickoff"),
    (Step.TIMELINE, Path.SHELTER, {"kickoff": "2026-02-30"}, "kickoff"),
    (Step.TIMELINE, Path.SHELTER, {"kickoff": "02/03/2026"}, "kickoff"),
    (Step.TIMELINE, Path.SHELTER, {"kickoff": datetime(2026, 3, 2, 9, 0)}, "kickoff"),
]


@pytest.mark.parametrize(("step", "path", "given", "field"), STEP_ERRORS,
                         ids=[f"{s}-{f}-{i}" for i, (s, _, _, f) in enumerate(STEP_ERRORS)])
def test_each_step_names_the_field_at_fault(step: Step, path: Path, given: dict[str, object], field: str) -> None:
    programs = SHELTER_PROGRAMS if path is Path.SHELTER else OWN_PROGRAMS
    journey = walk(path, programs, until=step)
    before = journey.to_dict()
    with pytest.raises(ValidationError) as caught:
        journey.go_next(given)
    assert caught.value.field == field
    assert caught.value.en and caught.value.es and caught.value.en != caught.value.es
    assert journey.to_dict() == before  # nothing half-written, no move


def test_values_are_normalised_for_storage() -> None:
    journey = Journey()
    journey.go_next({"annual_sales_usd": "$1,000,000.00", "annual_exports_usd": Decimal("250000"),
                     "monthly_temporary_imports_mxn": None})
    assert journey.step_answers(Step.PROFILE) == {"annual_sales_usd": "1000000", "annual_exports_usd": "250000"}
    journey.go_next({"path": "own_entity"})
    journey.go_next({"state": " nle ", "city": "  San  Nicolás ", "municipality": ""})
    assert journey.step_answers(Step.SITE) == {"state": "NLE", "city": "San Nicolás"}
    journey.go_next({"roles": [RoleHeadcount("Operator", 40, 3), {"role": "Clerk", "headcount": "2"}]})
    assert journey.answers().roles == (RoleHeadcount("Operator", 40, 3), RoleHeadcount("Clerk", 2, 1))
    journey.go_next({"immex_modality": "industrial", "temporary_imports_returned_pct": " 60 % "})
    assert journey.answers().temporary_imports_returned_pct == Decimal(60)


# --- the wage zone is derived from the site ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "name", "zone", "to_verify"),
    [
        ("CHH", "Juárez", WageZone.BORDER, False),
        ("CHH", "Ciudad Juárez", WageZone.BORDER, False),
        ("chh", "CD. JUAREZ", WageZone.BORDER, False),
        ("BCN", "Tijuana", WageZone.BORDER, False),
        ("TAM", "Heroica Matamoros", WageZone.BORDER, False),
        ("COA", "Ciudad Acuña", WageZone.BORDER, False),
        ("NLE", "Anáhuac", WageZone.BORDER, False),
        ("NLE", "Monterrey", WageZone.GENERAL, False),
        ("COA", "Saltillo", WageZone.GENERAL, False),
        ("QUE", "Querétaro", WageZone.GENERAL, False),  # not a border state: certain
        ("JAL", "Juárez", WageZone.GENERAL, False),
        ("CHH", "Chihuahua", WageZone.GENERAL, True),  # border state, not on the partial ZLFN list
        ("NLE", "Juárez", WageZone.GENERAL, True),  # another Juárez: the state decides
        ("COA", "Matamoros", WageZone.GENERAL, True),
    ],
)
def test_wage_zone_from_state_and_municipality(state: str, name: str, zone: WageZone, to_verify: bool) -> None:
    derived = derive_wage_zone(state, name)
    assert (derived.zone, derived.to_verify) == (zone, to_verify)


def test_wage_zone_refuses_an_unknown_state() -> None:
    with pytest.raises(ValidationError) as caught:
        derive_wage_zone("TX", "El Paso")
    assert caught.value.field == "state"


def test_site_step_derives_the_zone_from_the_municipality_before_the_city() -> None:
    journey = walk(Path.SHELTER, SHELTER_PROGRAMS, until=Step.SITE)
    assert journey.wage_zone() is None and journey.answers().wage_zone is None
    journey.go_next({"state": "NLE", "city": "Monterrey"})
    assert journey.answers().wage_zone is WageZone.GENERAL
    journey.go_back()
    journey.go_next({"state": "CHH", "city": "Samalayuca", "municipality": "Juárez"})
    derived = journey.wage_zone()
    assert derived is not None and derived.zone is WageZone.BORDER and not derived.to_verify
    assert journey.answers().wage_zone is WageZone.BORDER


# --- applicable items when answers change ----------------------------------------------------------------------

PACK = {
    "model.decision": Applicability(),
    "shelter.agreement": Applicability(paths=frozenset({Path.SHELTER})),
    "corp.rnie": Applicability(paths=frozenset({Path.OWN_ENTITY})),
    "immex.shelter_contract": Applicability(immex_modalities=frozenset({ImmexModality.ALBERGUE})),
    "civa.a.returns_60pct": Applicability(civa_rubros=frozenset(CivaRubro)),
    "trade.prosec": Applicability(flags=frozenset({Flag.USES_PROSEC})),
    "site.lease": Applicability(paths=frozenset(Path)),
}


def test_applicable_changes_between_shelter_and_own_entity() -> None:
    shelter = walk(Path.SHELTER, SHELTER_PROGRAMS).answers()
    own = walk(Path.OWN_ENTITY, OWN_PROGRAMS).answers()
    added, removed, kept = applicable_changes(shelter, own, PACK)
    assert added == ("corp.rnie", "civa.a.returns_60pct", "trade.prosec")
    assert removed == ("shelter.agreement", "immex.shelter_contract")
    assert kept == ("model.decision", "site.lease")
    assert applicable_changes(own, own, PACK) == ((), (), tuple(k for k in PACK if PACK[k].matches(own)))


# --- JSON storage -------------------------------------------------------------------------------------------

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzáéíóúñ ABCDEFGHIJKLMNOPQRSTUVWXYZ.-'", min_size=1,
                max_size=30).filter(lambda s: clean_text(s) != "")
amounts = st.decimals(min_value=0, max_value=Decimal("1e11"), places=2)


@st.composite
def profile_answers(draw: st.DrawFn) -> dict[str, object]:
    answers: dict[str, object] = {}
    sales = draw(st.none() | amounts)
    if sales is not None:
        answers["annual_sales_usd"] = draw(st.sampled_from([sales, str(sales), f"{sales:,}"]))
        if draw(st.booleans()):
            answers["annual_exports_usd"] = draw(st.decimals(min_value=0, max_value=sales, places=2))
    if draw(st.booleans()):
        answers["monthly_temporary_imports_mxn"] = str(draw(amounts))
    return answers


@st.composite
def site_answers(draw: st.DrawFn) -> dict[str, object]:
    answers: dict[str, object] = {"state": draw(st.sampled_from(sorted(STATES))), "city": draw(names)}
    for optional in ("municipality", "industrial_park"):
        if draw(st.booleans()):
            answers[optional] = draw(names | st.sampled_from(["Juárez", "Nuevo Laredo", "Acuña"]))
    for flag in (Flag.BUILDS_NEW_PLANT, Flag.HANDLES_HAZARDOUS_MATERIALS):
        if draw(st.booleans()):
            answers[flag.value] = draw(st.booleans())
    return answers


@st.composite
def labor_answers(draw: st.DrawFn) -> dict[str, object]:
    role_names = draw(st.lists(names, min_size=1, max_size=5, unique_by=fold_for_search))
    roles = [{"role": n, "headcount": draw(st.integers(0, 5000)), "shifts": draw(st.integers(1, 3))}
             for n in role_names]
    if all(r["headcount"] == 0 for r in roles):
        roles[0]["headcount"] = 1
    return {"roles": roles, Flag.USES_SPECIALIZED_SUBCONTRACTING.value: draw(st.booleans())}


@st.composite
def programs_answers(draw: st.DrawFn, path: Path) -> dict[str, object]:
    answers: dict[str, object] = {}
    if path is Path.SHELTER:
        status = draw(st.sampled_from(CertificationStatus))
        answers["provider_certification"] = status.value
        if status is CertificationStatus.CERTIFIED and draw(st.booleans()):
            answers["provider_civa_rubro"] = draw(st.sampled_from(CivaRubro)).value
    else:
        modality = draw(st.sampled_from(OWN_ENTITY_MODALITIES))
        answers["immex_modality"] = modality.value
        if modality is ImmexModality.TERCIARIZACION or draw(st.booleans()):
            answers["civa_rubro"] = draw(st.sampled_from(CivaRubro)).value
        if draw(st.booleans()):
            answers["temporary_imports_returned_pct"] = draw(st.decimals(min_value=0, max_value=100, places=1))
    for flag in (Flag.IMPORTS_ANNEX_II, Flag.USES_PROSEC, Flag.USES_REGLA_OCTAVA, Flag.EXPORTS_UNDER_USMCA):
        if draw(st.booleans()):
            answers[flag.value] = draw(st.booleans())
    return answers


def answers_for(step: Step, path: Path) -> st.SearchStrategy[dict[str, object]]:
    strategies: dict[Step, st.SearchStrategy[dict[str, object]]] = {
        Step.PROFILE: profile_answers(),
        Step.OPERATING_MODEL: st.just({"path": path.value}),
        Step.SITE: site_answers(),
        Step.LABOR: labor_answers(),
        Step.PROGRAMS: programs_answers(path),
        Step.TIMELINE: st.dates(date(2020, 1, 1), date(2035, 12, 31)).map(lambda d: {"kickoff": d}),
    }
    return strategies[step]


@PROPERTY
@given(data=st.data())
def test_json_round_trip_of_random_journeys(data: st.DataObject) -> None:
    journey = Journey()
    path = data.draw(st.sampled_from(Path))
    for _ in range(data.draw(st.integers(0, len(STEPS) - 1))):
        journey.go_next(data.draw(answers_for(journey.current, path)))
    for _ in range(data.draw(st.integers(0, len(journey.history)))):
        journey.go_back()
    if journey.current is Step.OPERATING_MODEL and data.draw(st.booleans()):  # switch branch, keep the rest
        journey.go_next({"path": next(p for p in Path if p is not path).value})

    text = journey.to_json()
    again = Journey.from_json(text)
    assert again.to_dict() == journey.to_dict()
    assert again.to_json() == text
    assert (again.current, again.history, again.can_finish) == (journey.current, journey.history, journey.can_finish)
    assert again.answers() == journey.answers()
    assert again.provider_certification() == journey.provider_certification()
    json.loads(text)  # plain JSON


def stored(**changes: object) -> str:
    data = walk(Path.SHELTER, SHELTER_PROGRAMS, until=Step.TIMELINE).to_dict()
    data.update(changes)
    return json.dumps(data)


def with_answers(step: Step, answers: dict[str, object]) -> str:
    data = walk(Path.SHELTER, SHELTER_PROGRAMS, until=Step.TIMELINE).to_dict()
    data["answers"][step.value] = answers  # type: ignore[index]
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("{not json", "journey"),
        ("[]", "journey"),
        (json.dumps({"version": 1}), "journey"),
        (stored(extra=1), "journey"),
        (stored(version=2), "version"),
        (stored(version=True), "version"),
        (stored(current="payment"), "current"),
        (stored(current=["site"]), "current"),
        (stored(history=["profile"]), "history"),
        (stored(current="site"), "history"),
        (stored(answers={"billing": {}}), "answers"),
        (stored(answers=[]), "answers"),
        (with_answers(Step.PROGRAMS, {"provider_certification": "maybe"}), "provider_certification"),
        (with_answers(Step.SITE, {"city": "Juárez"}), "state"),  # a passed step must be complete
        (with_answers(Step.LABOR, {"roles": [{"role": "Op", "headcount": -3}]}), "roles[0].headcount"),
        # the stored programs answers are the shelter's: wrong for the branch the record claims
        (with_answers(Step.OPERATING_MODEL, {"path": "own_entity"}), "provider_certification"),
        (json.dumps({"version": 1, "current": "profile", "history": [],
                     "answers": {"programs": {"uses_prosec": True}}}), "path"),
    ],
)
def test_from_json_refuses_damaged_records(text: str, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Journey.from_json(text)
    assert caught.value.field == field and caught.value.en and caught.value.es


def test_from_json_accepts_partial_answers_ahead_of_the_current_step() -> None:
    journey = walk(Path.OWN_ENTITY, OWN_PROGRAMS, until=Step.OPERATING_MODEL)
    data = journey.to_dict()
    data["answers"]["programs"] = {"uses_prosec": True}  # type: ignore[index]  # ahead: modality not chosen yet
    data["answers"]["operating_model"] = {"path": "own_entity"}  # type: ignore[index]
    again = Journey.from_json(json.dumps(data))
    assert again.answers().immex_modality is None and Flag.USES_PROSEC in again.answers().flags

"""Issue 14: the rulebook links every answer. One test (or more) per finding; each finding names the answers
it depends on and asks for those not answered yet."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.content.checklists import load_packs
from shelter_app.core.answers import (
    Applicability,
    CivaRubro,
    Flag,
    ImmexModality,
    Path,
    ProjectAnswers,
    RoleHeadcount,
)
from shelter_app.core.eligibility import (
    CertificationStatus,
    ProviderCertification,
    Recommendation,
    Severity,
    answer_names,
    ieps_cash_effect,
    iva_cash_effect,
    iva_cash_effect_of,
    recommend,
    rubro_reachability,
)
from shelter_app.core.journey import Journey, Step, fields_for, validate_step
from shelter_app.core.money import Money

D = Decimal
TEN = (RoleHeadcount("Operator", 10),)
CERTIFIED = ProviderCertification(CertificationStatus.CERTIFIED, CivaRubro.AAA)


@pytest.fixture(scope="module")
def packs_applicability() -> dict[str, Applicability]:
    return {item.id: item.applicability() for item in load_packs().items}


def codes(recs: list[Recommendation]) -> dict[str, Recommendation]:
    return {r.code: r for r in recs}


def own(**changes: object) -> ProjectAnswers:
    base: dict[str, object] = {"path": Path.OWN_ENTITY, "immex_modality": ImmexModality.INDUSTRIAL, "roles": TEN}
    return ProjectAnswers(**{**base, **changes})  # type: ignore[arg-type]


def shelter(**changes: object) -> ProjectAnswers:
    return ProjectAnswers(**{"path": Path.SHELTER, "immex_modality": ImmexModality.ALBERGUE,  # type: ignore[arg-type]
                             "roles": TEN, **changes})


def yes(*flags: Flag) -> frozenset[Flag]:
    return frozenset(flags)


# --- 1. the PE shield follows the shelter's certification ------------------------------------------------------


@pytest.mark.parametrize(("provider", "severity", "unanswered"), [
    (CERTIFIED, Severity.INFO, ()),
    (ProviderCertification(CertificationStatus.NOT_CERTIFIED), Severity.WARNING, ()),
    (ProviderCertification(CertificationStatus.UNKNOWN), Severity.WARNING, ("provider_certification",)),
    (None, Severity.WARNING, ("provider_certification",)),
])
def test_pe_shield_is_tied_to_the_shelter_certification(
        provider: ProviderCertification | None, severity: Severity, unanswered: tuple[str, ...]) -> None:
    rec = codes(recommend(shelter(), provider=provider))["model.pe_shield"]
    assert rec.severity is severity and rec.to_verify and rec.unanswered == unanswered
    assert "RMF 3.20.6 (2017)" in rec.basis.rules and "shelter.certification_level" in rec.verify_sources
    assert "highest rubro" in rec.explanation.en and "rubro más alto" in rec.explanation.es
    assert rec.depends_on == ("provider_certification",)


# --- 2. domestic sales under a shelter ---------------------------------------------------------------------------


def test_domestic_sales_under_a_shelter_are_flagged() -> None:
    recs = codes(recommend(shelter(annual_sales_usd=D(10_000_000), annual_exports_usd=D(1_000_000)),
                           provider=CERTIFIED))
    assert recs["immex.export_threshold"].severity is Severity.INFO  # 10 % still meets the IMMEX threshold
    rec = recs["shelter.domestic_sales"]
    assert rec.severity is Severity.WARNING and "90 %" in rec.explanation.en
    assert "export pedimento" in rec.explanation.en
    assert "shelter.foreign_resident_rfc" in rec.basis.item_ids
    assert "shelter.domestic_sales" not in codes(recommend(shelter(annual_sales_usd=D(5), annual_exports_usd=D(5))))
    missing = codes(recommend(shelter(annual_exports_usd=D(5))))["shelter.domestic_sales"]
    assert missing.unanswered == ("annual_sales_usd",) and "Answer total annual sales" in missing.explanation.en
    assert "shelter.domestic_sales" not in codes(recommend(own(annual_sales_usd=D(10), annual_exports_usd=D(1))))


@given(sales=st.decimals(min_value=1, max_value=10**12, places=2), share=st.decimals(min_value=0, max_value=1,
                                                                                     places=4))
def test_domestic_share_is_sales_less_exports(sales: Decimal, share: Decimal) -> None:
    exports = (sales * share).quantize(D("0.01"))
    answers = ProjectAnswers(annual_sales_usd=sales, annual_exports_usd=min(exports, sales))
    pct = answers.domestic_sales_pct
    assert pct is not None and D(0) <= pct <= D(100)
    assert (pct == 0) == (min(exports, sales) == sales)


# --- 3. terciarización needs a certification already granted -------------------------------------------------


def test_terciarizacion_for_a_new_entity_is_blocked() -> None:
    new = own(immex_modality=ImmexModality.TERCIARIZACION, civa_rubro=CivaRubro.A, flags=yes(Flag.FIRST_IMMEX_PROGRAM),
              temporary_imports_returned_pct=D(90))
    recs = codes(recommend(new))
    assert recs["immex.modality_fit"].severity is Severity.BLOCKER
    assert recs["civa.rubro_a"].severity is Severity.BLOCKER  # not "within reach"
    assert rubro_reachability(new)[CivaRubro.A].unmet == ("civa.a.immex_active",)
    unknown = own(immex_modality=ImmexModality.TERCIARIZACION, civa_rubro=CivaRubro.A,
                  temporary_imports_returned_pct=D(90))
    assert rubro_reachability(unknown)[CivaRubro.A].reachable is None
    assert "first_immex_program" in codes(recommend(unknown))["immex.modality_fit"].unanswered
    existing = own(immex_modality=ImmexModality.TERCIARIZACION, civa_rubro=CivaRubro.A,
                   flags_no=yes(Flag.FIRST_IMMEX_PROGRAM), temporary_imports_returned_pct=D(90))
    assert codes(recommend(existing))["immex.modality_fit"].severity is Severity.ADVICE


# --- 4. no false rubro-A blockers ---------------------------------------------------------------------------------


def test_first_program_alternative_replaces_the_returns_test() -> None:
    first = own(flags=yes(Flag.FIRST_IMMEX_PROGRAM), temporary_imports_returned_pct=D(0))
    check = rubro_reachability(first)[CivaRubro.A]
    assert check.reachable is True and check.to_verify
    rec = codes(recommend(first))["civa.rubro_a"]
    assert rec.severity is Severity.INFO and rec.to_verify and "10 hires" in rec.explanation.en
    low = own(temporary_imports_returned_pct=D(10))  # first program not answered: no blocker, a question
    assert rubro_reachability(low)[CivaRubro.A].reachable is None
    assert "first_immex_program" in codes(recommend(low))["civa.rubro_a"].unanswered
    assert rubro_reachability(own(temporary_imports_returned_pct=D(10), flags_no=yes(Flag.FIRST_IMMEX_PROGRAM)))[
        CivaRubro.A].reachable is False


def test_the_returns_question_says_inputs_not_machinery() -> None:
    assert Journey().step_fields(Step.PROGRAMS) == []  # no path: nothing asked yet
    label = {f.name: f for f in fields_for(Step.PROGRAMS, Path.OWN_ENTITY)}["temporary_imports_returned_pct"].label
    assert "inputs (not machinery)" in label.en and "insumos (no maquinaria)" in label.es


# --- 5. Regla Octava needs PROSEC ----------------------------------------------------------------------------------


def test_regla_octava_without_prosec_warns() -> None:
    rec = codes(recommend(own(flags=yes(Flag.USES_REGLA_OCTAVA))))["trade.regla_octava_prosec"]
    assert rec.severity is Severity.WARNING and "trade.prosec" in rec.basis.item_ids
    assert "trade.regla_octava_prosec" not in codes(recommend(own(flags=yes(Flag.USES_REGLA_OCTAVA, Flag.USES_PROSEC))))


# --- 6. environment: federal LAU + COA or the state licence ------------------------------------------------------

ENV = {"env.lau": Applicability(flags=yes(Flag.FEDERAL_ENVIRONMENTAL_SECTOR)),
       "env.coa": Applicability(flags=yes(Flag.FEDERAL_ENVIRONMENTAL_SECTOR)),
       "env.state_licence": Applicability(unless_flags=yes(Flag.FEDERAL_ENVIRONMENTAL_SECTOR))}


def test_environmental_items_follow_the_jurisdiction(packs_applicability: dict[str, Applicability]) -> None:
    for item, expected in ENV.items():
        assert packs_applicability[item] == expected
    federal = own(flags=yes(Flag.FEDERAL_ENVIRONMENTAL_SECTOR))
    state = own(flags_no=yes(Flag.FEDERAL_ENVIRONMENTAL_SECTOR))
    assert {i for i, a in ENV.items() if a.matches(federal)} == {"env.lau", "env.coa"}
    assert {i for i, a in ENV.items() if a.matches(state)} == {"env.state_licence"}
    assert codes(recommend(federal))["env.licence"].basis.item_ids == ("env.lau", "env.coa")
    assert codes(recommend(state))["env.licence"].severity is Severity.INFO


def test_hazardous_materials_are_read() -> None:
    plain = codes(recommend(own()))["env.licence"]
    hazardous = codes(recommend(own(flags=yes(Flag.HANDLES_HAZARDOUS_MATERIALS))))["env.licence"]
    assert plain.severity is Severity.ADVICE and hazardous.severity is Severity.WARNING
    assert "hazardous materials" in hazardous.explanation.en and "peligrosos" in hazardous.explanation.es
    assert hazardous.unanswered == ("federal_environmental_sector",)


# --- 7. Annex 24-C reaches the client of a certified shelter -------------------------------------------------------


def test_annex_24_c_applies_to_a_certified_shelter_client(packs_applicability: dict[str, Applicability]) -> None:
    annex = packs_applicability["immex.annex24_c"]
    assert annex.matches(shelter(shelter_certified=True))
    assert not annex.matches(shelter(shelter_certified=False)) and not annex.matches(shelter())
    assert annex.matches(own(civa_rubro=CivaRubro.A)) and not annex.matches(own())


def test_journey_carries_the_shelter_certification_into_the_answers() -> None:
    journey = Journey.from_dict({"version": 1, "current": "timeline", "history": [
        "profile", "operating_model", "site", "labor", "programs"], "answers": {
        "operating_model": {"path": "shelter"}, "site": {"state": "CHH", "city": "Juárez"},
        "labor": {"roles": [{"role": "Operator", "headcount": 10, "shifts": 1}]},
        "programs": {"provider_certification": "certified"}}})
    assert journey.answers().shelter_certified is True and journey.answers().certified_operation


# --- 8. AA / AAA alternatives can be completed ----------------------------------------------------------------------


@pytest.mark.parametrize(("years", "machinery", "aa", "aaa"), [
    (4, None, True, False), (3, D(50_000_001), True, False), (3, D(50_000_000), False, False),
    (7, None, True, True), (None, None, None, None), (2, None, None, False),
])
def test_aa_and_aaa_read_years_and_machinery(years: int | None, machinery: Decimal | None, aa: bool | None,
                                            aaa: bool | None) -> None:
    answers = own(temporary_imports_returned_pct=D(80), flags_no=yes(Flag.FIRST_IMMEX_PROGRAM),
                  years_under_immex=years, machinery_value_mxn=machinery)
    checks = rubro_reachability(answers)
    assert (checks[CivaRubro.AA].reachable, checks[CivaRubro.AAA].reachable) == (aa, aaa)
    assert checks[CivaRubro.AA].to_verify and checks[CivaRubro.AAA].to_verify


def test_planned_headcount_is_not_the_twelve_month_average() -> None:
    big = own(roles=(RoleHeadcount("Operator", 1_500),), temporary_imports_returned_pct=D(80),
              flags_no=yes(Flag.FIRST_IMMEX_PROGRAM), civa_rubro=CivaRubro.AA)
    assert rubro_reachability(big)[CivaRubro.AA].reachable is None
    rec = codes(recommend(big))["civa.rubro_aa"]
    assert "12-month average" in rec.explanation.en and "years_under_immex" in rec.unanswered


# --- 9 / point 4. IEPS is sized ----------------------------------------------------------------------------------


def test_ieps_adds_to_the_cash_effect() -> None:
    answers = own(monthly_temporary_imports_mxn=D(1_000_000), flags=yes(Flag.IEPS_TAXED_INPUTS),
                  monthly_ieps_imports_mxn=D(200_000), ieps_rate_pct=D(8))
    effect = iva_cash_effect_of(answers)
    assert effect is not None and effect.ieps_tied_up == Money("48000", "MXN")
    assert effect.tied_up == Money("528000", "MXN")  # 0.16 · 1,000,000 · 3 + 0.08 · 200,000 · 3
    rec = codes(recommend(answers))["civa.cash_effect"]
    assert "IEPS" in rec.explanation.en and "MXN 48,000.00" in rec.explanation.en and not rec.unanswered
    unknown = codes(recommend(own(monthly_temporary_imports_mxn=D(1))))["civa.cash_effect"]
    assert unknown.unanswered == ("ieps_taxed_inputs",)
    half = codes(recommend(own(monthly_temporary_imports_mxn=D(1), flags=yes(Flag.IEPS_TAXED_INPUTS))))
    assert half["civa.cash_effect"].unanswered == ("monthly_ieps_imports_mxn", "ieps_rate_pct")
    none = iva_cash_effect_of(own(monthly_temporary_imports_mxn=D(1), flags_no=yes(Flag.IEPS_TAXED_INPUTS)))
    assert none is not None and none.ieps_tied_up is None and none.ieps_missing == ()


@given(monthly=st.decimals(min_value=0, max_value=10**10, places=2),
       rate=st.decimals(min_value=0, max_value=100, places=2), months=st.integers(0, 24))
def test_ieps_cash_effect_is_rate_times_value_times_months(monthly: Decimal, rate: Decimal, months: int) -> None:
    assert ieps_cash_effect(monthly, rate, months).amount == rate / 100 * monthly * months
    total = iva_cash_effect(monthly, months).amount + ieps_cash_effect(monthly, rate, months).amount
    assert total >= iva_cash_effect(monthly, months).amount


def test_ieps_answers_are_checked_against_the_imports() -> None:
    with pytest.raises(Exception, match="cannot exceed"):
        validate_step(Step.PROFILE, None, {"monthly_temporary_imports_mxn": "10", "monthly_ieps_imports_mxn": "11"})
    with pytest.raises(Exception, match="only when"):
        validate_step(Step.PROFILE, None, {"ieps_taxed_inputs": "no", "ieps_rate_pct": "8"})


# --- 10. smaller ---------------------------------------------------------------------------------------------------


def test_padron_sectorial_only_for_annex_10_goods(packs_applicability: dict[str, Applicability]) -> None:
    assert packs_applicability["customs.padron_sectorial"] == Applicability(flags=yes(Flag.IMPORTS_ANNEX_10_GOODS))
    assert codes(recommend(own()))["customs.annex_10"].unanswered == ("imports_annex_10_goods",)
    assert "customs.annex_10" not in codes(recommend(own(flags_no=yes(Flag.IMPORTS_ANNEX_10_GOODS))))


def test_renewal_window_and_starting_rubro_are_to_verify() -> None:
    recs = codes(recommend(own(civa_rubro=CivaRubro.AA, temporary_imports_returned_pct=D(80))))
    assert recs["civa.one_year"].to_verify and "business days" in recs["civa.one_year"].explanation.en
    assert "rubro A (common practice, to verify)" in recs["civa.rubro_aa"].explanation.en


# --- point 2: every finding to verify names its source; every question it waits on is named ----------------------

ANSWERS = st.builds(
    ProjectAnswers, path=st.none() | st.sampled_from(Path), immex_modality=st.none() | st.sampled_from(ImmexModality),
    civa_rubro=st.none() | st.sampled_from(CivaRubro), flags=st.frozensets(st.sampled_from(Flag)),
    flags_no=st.frozensets(st.sampled_from(Flag)), roles=st.sampled_from([(), TEN, (RoleHeadcount("Op", 1200),)]),
    temporary_imports_returned_pct=st.none() | st.decimals(0, 100, places=1),
    monthly_temporary_imports_mxn=st.none() | st.decimals(0, 10**9, places=2),
    years_under_immex=st.none() | st.integers(0, 30), machinery_value_mxn=st.none() | st.decimals(0, 10**9, places=0),
    annual_sales_usd=st.none() | st.decimals(1, 10**9, places=0), annual_exports_usd=st.none() | st.decimals(0, 10**6,
                                                                                                          places=0),
)


@given(answers=ANSWERS, status=st.none() | st.sampled_from(CertificationStatus))
def test_findings_name_sources_and_open_questions(answers: ProjectAnswers, status: CertificationStatus | None) -> None:
    provider = None if status is None else ProviderCertification(status)
    for rec in recommend(answers, provider=provider):
        if rec.to_verify:
            assert rec.verify_sources
        names = answer_names(rec.depends_on)  # every key has words in both languages
        assert names.complete or not rec.depends_on
        for key in rec.unanswered:
            assert answer_names((key,)).en in rec.explanation.en

"""The site comparison's weighted score: criteria rescaled across the scenarios (best 100, worst 0), weighted
40/20/15/15/10 over the criteria every scenario has, a scenario alone unscored."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from shelter_app.core.business_case.site_score import (
    ANNUAL,
    CRITERIA,
    DISTANCE,
    HOURLY,
    TURNOVER,
    VACANCY,
    WEIGHTS,
    SiteCriteria,
    SiteEntry,
    SiteFacts,
    criteria_of,
    score_criteria,
    score_sites,
)
from shelter_app.exchange.business_case_io import parse_input
from shelter_app.services.business_case import compute
from tests.support.business_case import golden_document

D = Decimal


def crit(name: str, hourly: str, annual: str, turnover: str, distance: str | None, vacancy: str | None) -> SiteCriteria:
    return SiteCriteria(name, D(hourly), D(annual), D(turnover), None if distance is None else D(distance),
                        None if vacancy is None else D(vacancy))


def test_two_cities_by_hand() -> None:
    juarez = crit("Juárez", "4.00", "9000000", "0.40", "10", "0.077")
    queretaro = crit("Querétaro", "3.50", "9500000", "0.20", "1000", "0.044")
    a, b = score_criteria([juarez, queretaro])
    assert a.used == CRITERIA and a.left_out == ()
    assert a.points == {HOURLY: 0, ANNUAL: 100, TURNOVER: 0, DISTANCE: 100, VACANCY: 100}
    assert b.points == {HOURLY: 100, ANNUAL: 0, TURNOVER: 100, DISTANCE: 0, VACANCY: 0}
    assert (a.score, b.score) == (D(45), D(55))  # 20 + 15 + 10 against 40 + 15
    assert (a.rank, b.rank) == (2, 1)
    assert sum(a.weights.values()) == 100


def test_a_middle_scenario_is_placed_in_proportion() -> None:
    scores = score_criteria([crit("a", "3", "100", "0.1", "0", "0.1"), crit("b", "4", "100", "0.1", "0", "0.1"),
                             crit("c", "5", "100", "0.1", "0", "0.1")])
    assert [s.points[HOURLY] for s in scores] == [100, 50, 0]
    assert [s.score for s in scores] == [100, 80, 60]  # 40 % of the weight moves; the rest is tied at 100
    assert [s.rank for s in scores] == [1, 2, 3]


def test_a_criterion_missing_anywhere_is_left_out_and_the_weights_renormalised() -> None:
    a, b = score_criteria([crit("a", "4", "100", "0.4", "10", None), crit("b", "3", "200", "0.2", None, "0.05")])
    assert a.used == (HOURLY, ANNUAL, TURNOVER) and a.left_out == (DISTANCE, VACANCY)
    assert a.weights == {HOURLY: D(40) * 100 / 75, ANNUAL: D(20) * 100 / 75, TURNOVER: D(15) * 100 / 75}
    assert a.score == D(20) * 100 / 75 and b.score == D(55) * 100 / 75
    assert (a.rank, b.rank) == (2, 1)


def test_equal_scenarios_share_the_top() -> None:
    same = crit("a", "4", "100", "0.4", "10", "0.05")
    scores = score_criteria([same, dataclasses.replace(same, name="b"), crit("c", "5", "100", "0.4", "10", "0.05")])
    assert [s.score for s in scores] == [100, 100, 60] and [s.rank for s in scores] == [1, 1, 3]


def test_one_scenario_alone_has_no_score() -> None:
    [alone] = score_criteria([crit("a", "4", "100", "0.4", "10", "0.05")])
    assert alone.score is None and alone.rank is None and alone.needs_more_scenarios and alone.points == {}
    assert score_criteria([]) == []


def test_score_sites_reads_the_computed_case_and_the_site() -> None:
    document = golden_document()
    result = compute(parse_input(document))
    cheaper = golden_document()
    for role in cheaper["workforce"]["roles"]:
        role["daily_wage_mxn"] = D(str(role["daily_wage_mxn"])) * D("0.9")
    other = compute(parse_input(cheaper))
    a, b = score_sites([SiteEntry("Juárez", result, SiteFacts(D("0.077"), D(10), "UACJ")),
                        SiteEntry("Cheaper", other, SiteFacts(D("0.044"), D(10)))])
    c = a.criteria
    assert c.hourly_usd is not None and b.criteria.hourly_usd is not None and b.criteria.hourly_usd < c.hourly_usd
    direct = [r for r in result.case.workforce.roles if r.direct]
    heads = sum(r.headcount for r in direct)
    assert c.turnover_rate == sum(r.headcount * r.market_benefits.turnover_rate for r in direct) / heads
    assert (c.distance_km, c.vacancy_rate) == (D(10), D("0.077"))
    assert a.points[DISTANCE] == b.points[DISTANCE] == 100  # a tie: both best
    assert b.rank == 1 and b.score is not None and a.score is not None and b.score > a.score
    # no `_site`: distance and vacancy are unknown, so they are left out
    bare = criteria_of(SiteEntry("Bare", result))
    assert bare.distance_km is None and bare.vacancy_rate is None and bare.annual_usd is not None


values = st.decimals(min_value=0, max_value=10_000_000, places=3, allow_nan=False, allow_infinity=False)
optional = st.one_of(st.none(), values)
criteria = st.builds(SiteCriteria, name=st.just("s"), hourly_usd=optional, annual_usd=values, turnover_rate=optional,
                     distance_km=optional, vacancy_rate=optional)


@given(st.lists(criteria, min_size=2, max_size=6), st.randoms(use_true_random=False))
def test_scores_are_in_range_and_do_not_depend_on_the_order(scenarios: list[SiteCriteria], rnd: object) -> None:
    named = [dataclasses.replace(c, name=f"s{n}") for n, c in enumerate(scenarios)]
    scores = score_criteria(named)
    for s in scores:
        assert s.score is not None and 0 <= s.score <= 100
        assert all(0 <= p <= 100 for p in s.points.values())
        assert s.rank is not None and 1 <= s.rank <= len(named)
        assert set(s.used) | set(s.left_out) == set(CRITERIA)
        assert ANNUAL in s.used
    assert min(s.rank for s in scores if s.rank is not None) == 1
    shuffled = list(named)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    again = {s.name: (s.score, s.rank, dict(s.points)) for s in score_criteria(shuffled)}
    assert again == {s.name: (s.score, s.rank, dict(s.points)) for s in scores}


@given(st.lists(criteria, min_size=1, max_size=5))
def test_best_on_every_criterion_gets_100(others: list[SiteCriteria]) -> None:
    def best(k: str) -> Decimal | None:
        present = [c.value(k) for c in others]
        if any(v is None for v in present):
            return None
        known = [v for v in present if v is not None]
        return max(known) if k == VACANCY else min(known)

    winner = SiteCriteria("winner", **{k: best(k) for k in CRITERIA})
    scores = score_criteria([*others, winner])
    top = scores[-1]
    assert top.score == 100 and top.rank == 1


def test_default_weights() -> None:
    assert dict(WEIGHTS) == {HOURLY: 40, ANNUAL: 20, TURNOVER: 15, DISTANCE: 15, VACANCY: 10}

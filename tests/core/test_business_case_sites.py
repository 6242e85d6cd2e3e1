"""Defaults drawn from the table of sites: which market a site is in, its freight per load, distance to the
crossing, vacancy and rent, each explained in both languages, or the reason there is no default."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shelter_app.content.reference import load_reference
from shelter_app.core.business_case.reference import (
    Confidence,
    CrossingKind,
    Provenance,
    SiteMarket,
    SiteReference,
    Sourced,
)
from shelter_app.core.business_case.sites import (
    Drawn,
    NotDrawn,
    distance_to_crossing,
    find_market,
    freight_per_load,
    rent,
    vacancy,
)

D = Decimal
SITES = load_reference().sites


def market(city: str) -> SiteMarket:
    return next(m for m in SITES.markets if m.city == city)


def drawn(result: Drawn | NotDrawn) -> Drawn:
    assert isinstance(result, Drawn), result
    return result


def not_drawn(result: Drawn | NotDrawn) -> NotDrawn:
    assert isinstance(result, NotDrawn), result
    return result


# ---- finding the market ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "city", "expected"),
    [
        ("CHH", "Ciudad Juárez", "Ciudad Juárez"),
        ("Chihuahua", "JUAREZ", "Ciudad Juárez"),
        ("CHH", "Chihuahua", "Chihuahua"),
        (None, "Ciudad Juárez, Chihuahua", "Ciudad Juárez"),  # the first market whose words the text holds
        ("NLE", "Juárez", "Monterrey"),  # Juárez, Nuevo León is a Monterrey metro municipality
        ("Nuevo León", "San Nicolás de los Garza", "Monterrey"),
        (None, "Apodaca, N.L.", "Monterrey"),
        ("NLE", "Ciénega de Flores", "Monterrey"),
        ("COA", "Ramos Arizpe", "Saltillo"),
        ("GUA", "Silao, Guanajuato", "León"),
        ("JAL", "San Pedro Tlaquepaque", "Guadalajara"),
        ("QUE", "El Marqués", "Querétaro"),
        ("YUC", "Mérida", "Mérida"),
        ("CMX", "Azcapotzalco", "Ciudad de México"),
        ("MEX", "Cuautitlán Izcalli", "Valle de México"),
        ("MEX", "Lerma", "Toluca"),
        ("TAM", "", "Reynosa"),  # no city: the state's first market
        ("chh", "", "Ciudad Juárez"),
        ("COA", "Matamoros", None),  # Matamoros, Coahuila is not the Tamaulipas market
        ("ZAC", "Guadalupe", None),  # Guadalupe, Zacatecas is not Monterrey's
        ("GUA", "Leonardo Bravo", None),  # whole words only
        (None, "Boise, Idaho", None),
        (None, "", None),
        ("Texas", "", None),
    ],
)
def test_find_market(state: str | None, city: str, expected: str | None) -> None:
    found = find_market(SITES, state, city)
    assert (found.city if found else None) == expected


def test_every_municipality_finds_its_own_market() -> None:
    for m in SITES.markets:
        for word in m.municipalities:
            assert find_market(SITES, m.state, word.title()) == m, (m.city, word)


# ---- freight per load ------------------------------------------------------------------------------------------


def test_queretaro_ships_far_dearer_than_ciudad_juarez() -> None:
    juarez = drawn(freight_per_load(SITES, market("Ciudad Juárez")))
    queretaro = drawn(freight_per_load(SITES, market("Querétaro")))
    assert juarez.value == 300  # the crossing alone
    assert queretaro.value == 2095  # 300 + 1.91 × 940 = 2,095.40, rounded to whole dollars
    assert queretaro.value > 5 * juarez.value
    assert queretaro.explanation.en == (
        "940 km by road from Querétaro to the Nuevo Laredo–Laredo crossing × 1.91 USD/km + 300 USD crossing "
        "transfer = 2,095 USD per load, rounded to whole dollars."
    )
    assert queretaro.explanation.es.startswith("940 km por carretera de Querétaro al cruce Nuevo Laredo–Laredo")
    assert queretaro.to_verify and not juarez.to_verify  # the distance and per-km rate are to verify
    assert len(queretaro.provenance) == 3 and len(juarez.provenance) == 1
    assert "Ciudad Juárez" in juarez.explanation.en and "Ciudad Juárez" in juarez.explanation.es


def test_leon_has_no_sourced_distance() -> None:
    for result in (freight_per_load(SITES, market("León")), distance_to_crossing(market("León"))):
        reason = not_drawn(result).reason
        assert "León" in reason.en and "León" in reason.es
        assert "SICT" in reason.en and "SICT" in reason.es
    assert "freight per load" in not_drawn(freight_per_load(SITES, market("León"))).reason.en


def test_no_market_no_freight() -> None:
    reason = not_drawn(freight_per_load(SITES, None)).reason
    assert reason.complete and "SICT" in reason.en
    assert not_drawn(distance_to_crossing(None)).reason.complete


def test_a_port_is_the_road_haul_to_the_port() -> None:
    merida = drawn(freight_per_load(SITES, market("Mérida")))
    assert merida.value == 369  # 300 + 1.91 × 36 = 368.76
    assert "port of Progreso" in merida.explanation.en and "puerto de Progreso" in merida.explanation.es


def test_every_market_draws_or_says_why() -> None:
    for m in SITES.markets:
        for result in (freight_per_load(SITES, m), distance_to_crossing(m), vacancy(SITES, m), rent(SITES, m)):
            text = result.explanation if isinstance(result, Drawn) else result.reason
            assert text.complete and m.city in text.en and m.city in text.es
            assert "{" not in text.en + text.es
        has_distance = m.kind is CrossingKind.IN_CITY or m.distance_km is not None
        assert isinstance(freight_per_load(SITES, m), Drawn) == has_distance


def _with(sites: SiteReference, crossing: Decimal, per_km: Decimal) -> SiteReference:
    freight = sites.freight
    return dataclasses.replace(
        sites,
        freight=dataclasses.replace(
            freight,
            crossing_usd_per_load=Sourced(crossing, freight.crossing_usd_per_load.provenance),
            inland_usd_per_km=Sourced(per_km, freight.inland_usd_per_km.provenance),
        ),
    )


def _inland(km: Decimal) -> SiteMarket:
    base = market("Querétaro")
    assert base.distance_km is not None
    return dataclasses.replace(base, distance_km=Sourced(km, base.distance_km.provenance))


money = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False, allow_infinity=False)
distance = st.decimals(min_value=0, max_value=4000, places=1, allow_nan=False, allow_infinity=False)


@given(crossing=money, per_km=st.decimals(min_value=0, max_value=20, places=3), a=distance, b=distance)
def test_freight_grows_with_distance_and_never_falls_below_the_crossing(
    crossing: Decimal, per_km: Decimal, a: Decimal, b: Decimal
) -> None:
    sites = _with(SITES, crossing, per_km)
    near, far = sorted((a, b))
    f_near = drawn(freight_per_load(sites, _inland(near))).value
    f_far = drawn(freight_per_load(sites, _inland(far))).value
    floor = crossing.quantize(D(1))
    assert floor - 1 <= f_near <= f_far  # rounding to whole dollars is the only slack
    assert abs(f_near - (crossing + per_km * near)) <= D("0.5")
    assert f_near == f_near.to_integral_value()
    in_city = drawn(freight_per_load(sites, market("Tijuana"))).value
    assert in_city <= f_near and abs(in_city - crossing) <= D("0.5")


# ---- distance, vacancy, rent -----------------------------------------------------------------------------------


def test_distance_to_crossing() -> None:
    juarez = drawn(distance_to_crossing(market("Ciudad Juárez")))
    assert juarez.value == 0 and juarez.provenance == () and not juarez.to_verify
    assert "in Ciudad Juárez" in juarez.explanation.en and "está en Ciudad Juárez" in juarez.explanation.es
    saltillo = drawn(distance_to_crossing(market("Saltillo")))
    assert saltillo.value == 300 and saltillo.to_verify
    assert "Municipio de Saltillo" in saltillo.explanation.en
    slp = drawn(distance_to_crossing(market("San Luis Potosí")))
    assert "Pulso SLP (8 Dec 2025)" in slp.explanation.en and "Pulso SLP (8 dic 2025)" in slp.explanation.es


def test_vacancy_and_rent_fall_back_to_the_national_figures() -> None:
    tijuana = market("Tijuana")
    assert drawn(vacancy(SITES, tijuana)).value == D("0.08")
    assert drawn(rent(SITES, tijuana)).value == D("0.80")
    assert "8 %" in vacancy(SITES, tijuana).explanation.en
    assert "0.80 USD per sq ft per month" in rent(SITES, tijuana).explanation.en
    leon = market("León")
    for drawn_value, national in ((vacancy(SITES, leon), SITES.national_vacancy_rate),
                                  (rent(SITES, leon), SITES.national_rent_usd_per_sqft_month)):
        assert drawn_value.value == national.value and drawn_value.provenance == (national.provenance,)
        assert "León" in drawn_value.explanation.en and "national" in drawn_value.explanation.en
        assert "nacional" in drawn_value.explanation.es
    nowhere = vacancy(SITES, None)
    assert nowhere.value == D("0.044") and "not among the markets" in nowhere.explanation.en
    assert rent(SITES, None).value == D("0.68")
    assert "0.84 %" in vacancy(SITES, market("Ciudad de México")).explanation.en


def test_to_verify_is_any_provenance_to_verify() -> None:
    sure = Provenance((), date(2026, 1, 1), Confidence.VERIFIED)
    old = Provenance((), date(2026, 1, 1), Confidence.VERIFIED_OLD)
    assumed = Provenance((), date(2026, 1, 1), Confidence.ASSUMPTION)
    assert not Drawn(D(1), vacancy(SITES, None).explanation, (sure, assumed)).to_verify
    assert Drawn(D(1), vacancy(SITES, None).explanation, (sure, old)).to_verify

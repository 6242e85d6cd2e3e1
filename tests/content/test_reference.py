"""Reference tables: the shipped files yield exactly the contract's defaults and the sourced site facts; a broken
file is refused by key."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shelter_app.content.reference import FILES, ReferenceDataError, default_folder, load_reference
from shelter_app.core.answers import WageZone
from shelter_app.core.business_case.reference import Confidence, CrossingKind, Provenance, ReferenceData, RiskClass
from shelter_app.core.text import fold_for_search
from shelter_app.core.wage_zones import STATES

D = Decimal
TODAY = date(2026, 12, 31)


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference(today=TODAY)


@pytest.fixture
def tables(tmp_path: Path) -> Path:
    """A writable copy of the shipped tables."""
    folder = tmp_path / "reference"
    shutil.copytree(default_folder(), folder)
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> None:
    file = folder / name
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path) -> list[str]:
    with pytest.raises(ReferenceDataError) as caught:
        load_reference(folder, today=TODAY)
    return [p.message() for p in caught.value.problems]


# ---- the shipped tables are the contract's §4 ---------------------------------------------------------------


def test_r1_minimum_wages(ref: ReferenceData) -> None:
    expected = {
        (2024, WageZone.GENERAL): "248.93", (2024, WageZone.BORDER): "374.89",
        (2025, WageZone.GENERAL): "278.80", (2025, WageZone.BORDER): "419.88",
        (2026, WageZone.GENERAL): "315.04", (2026, WageZone.BORDER): "440.87",
    }  # fmt: skip
    assert {k: v.value for k, v in ref.minimum_wage_mxn_per_day.items()} == {k: D(v) for k, v in expected.items()}


def test_r2_uma(ref: ReferenceData) -> None:
    assert {y: v.value for y, v in ref.uma_mxn_per_day.items()} == {
        2023: D("103.74"),
        2024: D("108.57"),
        2025: D("113.14"),
        2026: D("117.31"),
    }


def test_r3a_vacation(ref: ReferenceData) -> None:
    days = [ref.vacation.value.days_for(years) for years in range(1, 32)]
    assert days[:5] == [12, 14, 16, 18, 20]
    assert days[5:10] == [22] * 5 and days[10:15] == [24] * 5 and days[15:20] == [26] * 5
    assert days[30] == 32  # 31-35 → 32 (LFT art. 76)
    with pytest.raises(ValueError, match="year 1"):
        ref.vacation.value.days_for(0)


def test_r3b_weekly_hours(ref: ReferenceData) -> None:
    hours = {y: ref.weekly_hours.for_year(y).value for y in range(2024, 2033)}
    assert hours == {2024: 48, 2025: 48, 2026: 48, 2027: 46, 2028: 44, 2029: 42, 2030: 40, 2031: 40, 2032: 40}


def test_r4_imss(ref: ReferenceData) -> None:
    assert {k: v.value for k, v in ref.imss_employer_rates.items()} == {
        "em_cuota_fija": D("0.2040"), "em_excedente": D("0.0110"), "em_prestaciones_dinero": D("0.0070"),
        "em_gastos_medicos_pensionados": D("0.0105"), "invalidez_vida": D("0.0175"),
        "guarderias_prestaciones_sociales": D("0.0100"), "retiro": D("0.0200"),
    }  # fmt: skip
    assert {k: v.value for k, v in ref.imss_worker_rates.items()} == {
        "em_excedente": D("0.0040"), "em_prestaciones_dinero": D("0.0025"),
        "em_gastos_medicos_pensionados": D("0.00375"), "invalidez_vida": D("0.00625"), "cesantia_vejez": D("0.01125"),
    }  # fmt: skip
    assert {c: v.value for c, v in ref.risk_class_premiums.items()} == {
        RiskClass.I: D("0.0054355"), RiskClass.II: D("0.0113065"), RiskClass.III: D("0.0259840"),
        RiskClass.IV: D("0.0465325"), RiskClass.V: D("0.0758875"),
    }  # fmt: skip
    assert ref.default_risk_class is RiskClass.III
    d = ref.defaults
    assert (d.sbc_cap_uma.value, d.em_excedente_threshold_uma.value, d.infonavit_rate.value) == (25, 3, D("0.05"))


def test_r5_cesantia_vejez(ref: ReferenceData) -> None:
    schedule = ref.cesantia_vejez_rates
    assert schedule.for_year(2026).value == tuple(
        D(x) for x in ("0.03150", "0.03676", "0.04851", "0.05556", "0.06026", "0.06361", "0.06613", "0.07513")
    )
    assert schedule.for_year(2030).value[7] == D("0.11875")
    assert schedule.for_year(2035).value == schedule.for_year(2030).value  # after 2030: the 2030 row
    assert schedule.for_year(2019).value == (D("0.03150"),) * 8  # before 2023: 3.150 % in every band
    assert schedule.for_year(2023).value[2] == D("0.03575")
    assert all(len(row.value) == 8 for row in schedule.rows.values())
    assert sorted(schedule.rows) == list(range(2023, 2031))


def test_r6_isn(ref: ReferenceData) -> None:
    expected = {
        "Baja California": "0.0425", "Chihuahua": "0.04", "Coahuila": "0.03", "Nuevo León": "0.03",
        "Sonora": "0.03", "Tamaulipas": "0.03", "Jalisco": "0.025", "Guanajuato": "0.03", "Querétaro": "0.03",
        "Aguascalientes": "0.025", "San Luis Potosí": "0.03", "Estado de México": "0.03", "Puebla": "0.03",
    }  # fmt: skip
    assert {k: v.value for k, v in ref.isn_rate.items()} == {(2026, s): D(r) for s, r in expected.items()}


def test_other_defaults(ref: ReferenceData) -> None:
    d = ref.defaults
    values = {name: getattr(d, name).value for name in (
        "aguinaldo_days", "prima_vacacional_rate", "rest_days_per_year", "paid_holidays_per_year",
        "hours_per_worked_day_at_48h", "ptu_rate", "ptu_taxable_income_margin", "ptu_cap_days",
        "dta_mxn_per_pedimento", "iva_rate", "us_paid_hours_per_year")}  # fmt: skip
    assert values == {
        "aguinaldo_days": 15, "prima_vacacional_rate": D("0.25"), "rest_days_per_year": 52,
        "paid_holidays_per_year": 7, "hours_per_worked_day_at_48h": 8, "ptu_rate": D("0.10"),
        "ptu_taxable_income_margin": D("0.065"), "ptu_cap_days": 90, "dta_mxn_per_pedimento": 425,
        "iva_rate": D("0.16"), "us_paid_hours_per_year": 2080,
    }  # fmt: skip
    assert all(isinstance(v, Decimal) for v in values.values())


def test_every_file_is_versioned(ref: ReferenceData) -> None:
    assert {t.file for t in ref.tables} == set(FILES)
    for table in ref.tables:
        assert table.version == "2026.12.1"
        assert table.current_to == (date(2026, 12, 7) if table.table == "sites" else date(2026, 3, 6))


def test_what_the_notes_leave_open_is_to_verify(ref: ReferenceData) -> None:
    cyv = ref.cesantia_vejez_rates.rows
    assert [y for y in sorted(cyv) if cyv[y].provenance.to_verify] == [2024, 2025, 2027, 2028, 2029]
    isn = {state: v.provenance for (_, state), v in ref.isn_rate.items()}
    assert {s for s, p in isn.items() if p.to_verify} == {
        "Sonora",
        "Tamaulipas",
        "Jalisco",
        "Guanajuato",
        "Querétaro",
        "San Luis Potosí",
        "Puebla",
    }
    assert isn["Sonora"].confidence is Confidence.VERIFIED_OLD
    assert isn["Querétaro"].confidence is Confidence.VERIFIED_OLD  # its only source is from 2022
    assert isn["Querétaro"].note is not None and "2022" in isn["Querétaro"].note.en
    jalisco = isn["Jalisco"]
    assert jalisco.confidence is Confidence.UNCONFIRMED and jalisco.note is not None
    assert "3.0 %" in jalisco.note.en and "3.0 %" in jalisco.note.es  # one 2026 source: 2.5 % may be outdated
    assert ref.risk_class_premiums[RiskClass.V].provenance.to_verify
    assert not ref.risk_class_premiums[RiskClass.III].provenance.to_verify
    assert ref.defaults.dta_mxn_per_pedimento.provenance.to_verify
    margin = ref.defaults.ptu_taxable_income_margin.provenance
    assert margin.confidence is Confidence.ASSUMPTION and not margin.to_verify
    assert not ref.minimum_wage_mxn_per_day[(2026, WageZone.BORDER)].provenance.to_verify


def test_every_value_names_its_sources_and_check_date(ref: ReferenceData) -> None:
    verified = ref.uma_mxn_per_day[2026].provenance
    assert verified.sources and verified.sources[0].url.startswith("https://")
    assert verified.checked_on == date(2026, 3, 6)
    source = verified.sources[0]
    assert (source.publisher, source.published) == ("El Universal", date(2026, 1, 9))
    assert ref.uma_mxn_per_day[2023].provenance.sources[0].published is None  # the page shows no date


def _every_provenance(ref: ReferenceData) -> list[Provenance]:
    d, s = ref.defaults, ref.sites
    found = [v.provenance for v in ref.minimum_wage_mxn_per_day.values()]
    found += [v.provenance for v in ref.uma_mxn_per_day.values()]
    found += [ref.vacation.provenance, ref.weekly_hours.before_first_year.provenance]
    found += [v.provenance for v in ref.weekly_hours.rows.values()]
    found += [v.provenance for v in (*ref.imss_employer_rates.values(), *ref.imss_worker_rates.values())]
    found += [v.provenance for v in ref.risk_class_premiums.values()]
    found += [ref.cesantia_vejez_rates.before_first_year.provenance]
    found += [v.provenance for v in ref.cesantia_vejez_rates.rows.values()]
    found += [v.provenance for v in ref.isn_rate.values()]
    found += [getattr(d, name).provenance for name in d.__dataclass_fields__]
    found += [s.freight.crossing_usd_per_load.provenance, s.freight.inland_usd_per_km.provenance]
    found += [s.national_vacancy_rate.provenance, s.national_rent_usd_per_sqft_month.provenance]
    for m in s.markets:
        found += [v.provenance for v in (m.distance_km, m.vacancy_rate, m.rent_usd_per_sqft_month) if v is not None]
    return found


INTERNAL = re.compile(r"\.md\b|§|\bR\d+\b|business-case@|cost model|logistics notes", re.IGNORECASE)


def test_every_source_has_a_publisher_and_every_note_both_languages(ref: ReferenceData) -> None:
    provenances = _every_provenance(ref)
    assert len(provenances) > 90
    for p in provenances:
        for source in p.sources:
            assert (source.title or source.about) and source.publisher and source.url.startswith(("https://", "http://"))
            assert source.published is None or source.published <= p.checked_on
        if p.confidence is not Confidence.VERIFIED:
            assert p.note is not None, p
        if p.note is not None:
            assert p.note.complete and p.note.en != p.note.es
            assert not INTERNAL.search(p.note.en) and not INTERNAL.search(p.note.es), p.note  # printable as is


def test_our_words_on_a_source_are_given_in_both_languages(ref: ReferenceData) -> None:
    sources = {s.id: s for p in _every_provenance(ref) for s in p.sources}
    untitled = sources["chevez_queretaro"]  # the page's own title was not recorded: what it is, in our words
    assert untitled.title is None and untitled.about is not None and untitled.about.complete
    assert untitled.title_in("es") == "Querétaro: tasa del impuesto sobre nóminas para 2022"
    assert untitled.title_in("en") == "Querétaro: payroll tax rate for 2022"
    annotated = sources["gutierrez_arts_76_78"]  # the page's title, verbatim, and what to look at in it
    assert annotated.title_in("es") == "Vacaciones dignas (texto de los arts. 76 y 78 de la LFT)"
    assert annotated.title_in("en") == "Vacaciones dignas (text of LFT arts. 76 and 78)"
    verbatim = sources["eleconomista_2025_12_19"]  # the page's own title, printed as is in both documents
    assert verbatim.about is None and verbatim.title == verbatim.title_in("en") == verbatim.title_in("es")
    for source in sources.values():
        assert source.title or source.about
        # our words go in `about`: the publisher is a name, printed as is in every language
        assert not re.search(r"\((blog|online|opinion|copy)\b", source.publisher), source
        assert source.title is None or not re.search(r"\((copy|text of|law text)\b", source.title), source


# ---- the table of sites ----------------------------------------------------------------------------------------

BORDER_CITIES = {"Ciudad Juárez", "Nuevo Laredo", "Piedras Negras", "Tijuana", "Mexicali", "Nogales", "Reynosa",
                 "Matamoros"}


def test_sites_cover_the_main_markets(ref: ReferenceData) -> None:
    markets = {m.city: m for m in ref.sites.markets}
    assert {"Ciudad Juárez", "Chihuahua", "Tijuana", "Mexicali", "Nogales", "Hermosillo", "Reynosa", "Matamoros",
            "Nuevo Laredo", "Monterrey", "Saltillo", "Piedras Negras", "San Luis Potosí", "Aguascalientes", "León",
            "Querétaro", "Guadalajara", "Puebla", "Toluca", "Mérida", "Ciudad de México"} <= set(markets)
    for market in ref.sites.markets:
        assert market.state in STATES and market.crossing
        assert all(word == fold_for_search(word) for word in market.municipalities)
    assert {"apodaca", "santa catarina", "escobedo", "san nicolas", "guadalupe", "cienega de flores",
            "salinas victoria", "pesqueria"} <= set(markets["Monterrey"].municipalities)
    assert {"ramos arizpe"} <= set(markets["Saltillo"].municipalities)
    assert {"silao"} <= set(markets["León"].municipalities)
    assert {"tlaquepaque", "el salto", "zapopan"} <= set(markets["Guadalajara"].municipalities)


def test_a_crossing_in_the_city_has_no_distance_and_no_distance_is_invented(ref: ReferenceData) -> None:
    markets = {m.city: m for m in ref.sites.markets}
    assert {c for c, m in markets.items() if m.kind is CrossingKind.IN_CITY} == BORDER_CITIES
    assert all(markets[c].distance_km is None for c in BORDER_CITIES)
    assert markets["Mérida"].kind is CrossingKind.PORT
    km = {c: m.distance_km.value for c, m in markets.items() if m.distance_km is not None}
    assert km == {"Chihuahua": 373, "Monterrey": 225, "Saltillo": 300, "San Luis Potosí": 724, "Querétaro": 940,
                  "Ciudad de México": 1113, "Mérida": 36}
    for city in ("Hermosillo", "Aguascalientes", "León", "Guadalajara", "Puebla", "Toluca", "Valle de México"):
        assert markets[city].kind is CrossingKind.INLAND and markets[city].distance_km is None  # not found: null
    for market in markets.values():
        if market.distance_km is not None:  # secondary or old sources, never plainly verified
            p = market.distance_km.provenance
            assert p.confidence in (Confidence.UNCONFIRMED, Confidence.VERIFIED_OLD) and p.to_verify
            assert p.sources and p.note is not None
    assert "450 miles" in markets["San Luis Potosí"].distance_km.provenance.note.en  # type: ignore[union-attr]


def test_site_real_estate_is_the_cost_model_figures(ref: ReferenceData) -> None:
    markets = {m.city: m for m in ref.sites.markets}
    vacancy = {c: m.vacancy_rate.value for c, m in markets.items() if m.vacancy_rate is not None}
    rent = {c: m.rent_usd_per_sqft_month.value for c, m in markets.items() if m.rent_usd_per_sqft_month is not None}
    assert vacancy == {"Ciudad Juárez": D("0.077"), "Tijuana": D("0.08"), "Reynosa": D("0.06"),
                       "Monterrey": D("0.071"), "Saltillo": D("0.008"), "San Luis Potosí": D("0.049"),
                       "Valle de México": D("0.0084"), "Ciudad de México": D("0.0084")}
    assert rent == {"Ciudad Juárez": D("0.70"), "Chihuahua": D("0.56"), "Tijuana": D("0.80"), "Reynosa": D("0.57"),
                    "Monterrey": D("0.64"), "Saltillo": D("0.57"), "San Luis Potosí": D("0.52"),
                    "Querétaro": D("0.56"), "Valle de México": D("0.91"), "Ciudad de México": D("0.91")}
    assert markets["Ciudad Juárez"].rent_usd_per_sqft_month.provenance.to_verify  # type: ignore[union-attr]
    assert (ref.sites.national_vacancy_rate.value, ref.sites.national_rent_usd_per_sqft_month.value) == (
        D("0.044"), D("0.68"))


def test_freight_rates(ref: ReferenceData) -> None:
    crossing, per_km = ref.sites.freight.crossing_usd_per_load, ref.sites.freight.inland_usd_per_km
    assert (crossing.value, per_km.value) == (D(300), D("1.91"))
    assert crossing.provenance.confidence is Confidence.ASSUMPTION
    assert per_km.provenance.confidence is Confidence.UNCONFIRMED and per_km.provenance.to_verify
    source = per_km.provenance.sources[0]
    assert source.published == date(2023, 9, 12) and "Redwood" in source.publisher
    assert per_km.provenance.note is not None and "3.08" in per_km.provenance.note.en
    assert "crossing" in per_km.provenance.note.en  # the caveat: it may include the crossing and US miles


# ---- a broken file is refused, naming the file and the key --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        ("uma.yaml", "- {year: 2026, mxn_per_day: 117.31,", "- {year: 2026, mxn_per_day: 117.31, typo: 1,",
         "uma.yaml, values[3].typo (year 2026): unknown key"),
        ("uma.yaml", "- {year: 2026, mxn_per_day: 117.31,", "- {year: 2026,",
         "uma.yaml, values[3].mxn_per_day (year 2026): the value is missing"),
        ("uma.yaml", "- {year: 2026,", "- {year: 1890,", "uma.yaml, values[3].year (year 1890): invalid value 1890"),
        ("uma.yaml", "- {year: 2026,", "- {year: '2026',", "uma.yaml, values[3].year (year 2026): invalid value"),
        ("uma.yaml", "- {year: 2026,", "- {year: 2026.5,", "uma.yaml, values[3].year (year 2026.5): invalid value"),
        ("uma.yaml", "- {year: 2026,", "- {year: 2025,",
         "uma.yaml, values[3]: the row for 2025 is also given at values[2]"),
        ("isn.yaml", "state: Chihuahua, rate: 0.04", "state: Chihuahua, rate: 1.04",
         "isn.yaml, values[1].rate (year 2026, state Chihuahua): invalid value"),
        ("isn.yaml", "sources: [milenio_edomex]", "sources: [milenio]",
         "isn.yaml, values[11]: unknown source 'milenio'"),
        ("cesantia_vejez.yaml", "[0.03150, 0.03676, 0.04851, 0.05556, 0.06026, 0.06361, 0.06613, 0.07513]",
         "[0.03150, 0.03676, 0.04851, 0.05556, 0.06026, 0.06361, 0.06613]",
         "cesantia_vejez.yaml, values[3] (year 2026): rates must hold 8 band rates, not 7"),
        ("imss.yaml", "  retiro: {rate: 0.0200,", "  retiro_typo: {rate: 0.0200,",
         "imss.yaml, employer_rates.retiro: the value is missing"),
        ("minimum_wages.yaml", "zone: zlfn, mxn_per_day: 440.87", "zone: border, mxn_per_day: 440.87",
         "minimum_wages.yaml, values[5].zone (year 2026, zone border): invalid value 'border'"),
        ("defaults.yaml", "iva_rate: {value: 0.16, unit: fraction, confidence: verified",
         "iva_rate: {value: 0.16, unit: fraction, confidence: unconfirmed",
         "defaults.yaml, values.iva_rate: a unconfirmed value needs a note"),
        ("weekly_hours.yaml", "version: 2026.12.1", "version: 3", "weekly_hours.yaml, version: invalid value 3"),
        ("weekly_hours.yaml", "{year: 2027, hours: 46,", "{year: 2027, hours: 0,",
         "weekly_hours.yaml, values[1].hours (year 2027): invalid value"),
        ("vacation.yaml", "current_to: 2026-03-06", "current_to: 2027-01-01",
         "vacation.yaml, current_to: 2027-01-01 is in the future"),
        ("uma.yaml", "mxn_per_day: 117.31", "mxn_per_day: .nan", "uma.yaml, values[3].mxn_per_day (year 2026)"),
        ("uma.yaml", "published: 2026-01-09", "published: 2027-01-09",
         "uma.yaml, sources.eluniversal_2026_01_09.published: 2027-01-09 is in the future"),
        ("uma.yaml", 'publisher: "UnoTV", ', "", "uma.yaml, sources.unotv_2026_01_08.publisher: the value is missing"),
        ("uma.yaml", 'about: {en: "UMA 2023 values", es: "Valores de la UMA 2023"}, ', "",
         "uma.yaml, sources.plazajuarez: a source needs its title or, when it was not recorded, 'about'"),
        ("uma.yaml", 'es: "Valores de la UMA 2023"}', "}",
         "uma.yaml, sources.plazajuarez.about.es: the value is missing"),
        ("isn.yaml",
         'note: {en: "One Nov-2025 article cites 4.5 %.",\n'
         '            es: "Un artículo de noviembre de 2025 cita 4.5 %."}}',
         'note: "One Nov-2025 article cites 4.5 %."}',
         "isn.yaml, values[0].note (year 2026, state Baja California): invalid"),
        ("sites.yaml", 'note: {en: "Q4-2025.", es: "4T-2025."}}', 'note: {en: "Q4-2025."}}',
         "sites.yaml, markets[0].vacancy_rate.note.es (state CHH, city Ciudad Juárez): the value is missing"),
        ("sites.yaml", "{value: 0.077,", "{value: 7.7,",
         "sites.yaml, markets[0].vacancy_rate.value (state CHH, city Ciudad Juárez): invalid value"),
        ("sites.yaml", "    distance_km: null\n", "",
         "sites.yaml, markets[0].distance_km (state CHH, city Ciudad Juárez): the value is missing"),
        ("sites.yaml", "    municipalities: [chihuahua]", "    municipalities: [Chihuahua]",
         "sites.yaml, markets[1] (state CHH, city Chihuahua): municipalities are written folded"),
        ("sites.yaml", "    state: CHH\n    municipalities: [chihuahua]",
         "    state: Chihuahua\n    municipalities: [chihuahua]",
         "sites.yaml, markets[1] (state Chihuahua, city Chihuahua): state must be an ISO 3166-2:MX code"),
        ("sites.yaml", "    kind: in_city\n    distance_km: null",
         "    kind: in_city\n    distance_km: {value: 5, confidence: unconfirmed, sources: [], checked_on: 2026-12-07,"
         " note: {en: a, es: b}}",
         "sites.yaml, markets[0] (state CHH, city Ciudad Juárez): a crossing in the city has no road distance"),
        ("sites.yaml", "    kind: inland\n", "    kind: by_rail\n",
         "sites.yaml, markets[1].kind (state CHH, city Chihuahua): invalid value 'by_rail'"),
        ("sites.yaml", "crossing_sources: [nearbywiki_otay]", "crossing_sources: [nearbywiki]",
         "sites.yaml, markets[2].crossing_sources: unknown source 'nearbywiki'"),
        ("sites.yaml", "sources: [gruposph_mexico], checked_on", "sources: [gruposph], checked_on",
         "sites.yaml, markets[15].distance_km: unknown source 'gruposph'"),
        ("sites.yaml", "sources: [chihuahuasi_2013, alertajrz_carretera], checked_on: 2026-12-07",
         "sources: [chihuahuasi_2013, alertajrz_carretera], checked_on: 2026-12-08",
         "sites.yaml, markets[1].distance_km: checked_on 2026-12-08 is after current_to 2026-12-07"),
        ("sites.yaml", "municipalities: [saltillo, ramos arizpe, arteaga, derramadero]",
         "municipalities: [saltillo, ramos arizpe, arteaga, derramadero, piedras negras]",
         "sites.yaml, markets[11].municipalities: 'piedras negras' also names the market at markets[10]"),
        ("sites.yaml", "  - city: Mexicali\n", "  - city: Tijuana\n",
         "sites.yaml, markets[3]: Tijuana (BCN) is also given at markets[2]"),
        ("sites.yaml", "    value: 1.91\n", "    value: -1.91\n",
         "sites.yaml, freight.inland_usd_per_km.value: invalid value"),
    ],
)  # fmt: skip
def test_a_broken_value_is_named(tables: Path, name: str, old: str, new: str, expected: str) -> None:
    edit(tables, name, old, new)
    found = problems(tables)
    assert any(p.startswith(expected) for p in found), found


def test_missing_and_stray_files(tables: Path) -> None:
    (tables / "isn.yaml").unlink()
    (tables / "fx.yaml").write_text("table: fx\n", encoding="utf-8")
    found = problems(tables)
    assert "isn.yaml: the file is missing" in found
    assert any(p.startswith("fx.yaml: not a reference table") for p in found)


def test_malformed_yaml_and_repeated_keys(tables: Path) -> None:
    edit(tables, "uma.yaml", "table: uma", "table: uma\ntable: uma")
    edit(tables, "isn.yaml", "values:", "values: [")
    found = problems(tables)
    assert any(p.startswith("uma.yaml: malformed YAML at line") and "appears twice" in p for p in found), found
    assert any(p.startswith("isn.yaml: malformed YAML") for p in found), found


def test_error_lists_every_problem_in_both_languages(tables: Path) -> None:
    edit(tables, "uma.yaml", "- {year: 2026,", "- {year: 1890,")
    edit(tables, "isn.yaml", "state: Chihuahua, rate: 0.04", "state: Chihuahua, rate: 2")
    with pytest.raises(ReferenceDataError) as caught:
        load_reference(tables, today=TODAY)
    assert len(caught.value.problems) == 2
    assert caught.value.en.startswith("The reference tables have 2 problems:")
    assert caught.value.es.startswith("Las tablas de referencia tienen 2 problemas:")


def test_no_folder(tmp_path: Path) -> None:
    assert problems(tmp_path / "nowhere")[0].endswith("the reference folder does not exist")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rate=st.decimals(min_value=0, max_value=1, places=7, allow_nan=False, allow_infinity=False))
def test_decimals_are_read_exactly(tables: Path, rate: Decimal) -> None:
    """A value never passes through a float: what the file says is the Decimal the model gets."""
    text = f"{rate:f}" if "." in f"{rate:f}" else f"{rate:f}.0"
    file = tables / "isn.yaml"
    original = file.read_text(encoding="utf-8")
    file.write_text(original.replace("state: Chihuahua, rate: 0.04", f"state: Chihuahua, rate: {text}"), "utf-8")
    try:
        assert load_reference(tables, today=TODAY).isn_rate[(2026, "Chihuahua")].value == rate
    finally:
        file.write_text(original, encoding="utf-8")


def test_the_shipped_tables_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from shelter_app.content import reference

    reference.shipped_reference.cache_clear()
    calls: list[object] = []
    real: Callable[..., ReferenceData] = reference.load_reference
    monkeypatch.setattr(reference, "load_reference", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert reference.shipped_reference() is reference.shipped_reference()
    assert len(calls) == 1
    reference.shipped_reference.cache_clear()

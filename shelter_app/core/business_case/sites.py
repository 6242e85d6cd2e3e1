"""Defaults drawn from the table of sites for a project's location.

`find_market` places a site (state and city text, as the journey records them) in one of the table's
markets. The other functions draw one default each (freight per load, distance to the crossing,
industrial vacancy, asking rent) as a `Drawn` value with a one-sentence explanation in both languages
and the provenance of every figure it used, or as a `NotDrawn` saying why there is no default and what
the consultant should do instead. Nothing here invents a figure: a distance the table does not source
gives `NotDrawn`, and a market without its own vacancy or rent falls back to the national figure, saying so.

Freight per load = the crossing rate + the per-km rate × the road distance to the crossing (or to the
port), rounded to whole dollars (half up); a crossing in the city is the crossing rate alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from shelter_app.core.bilingual import Text, date_text
from shelter_app.core.business_case.reference import (
    CrossingKind,
    Provenance,
    SiteMarket,
    SiteReference,
    Source,
    Sourced,
)
from shelter_app.core.text import fold_for_search
from shelter_app.core.wage_zones import STATES

WHOLE_USD = Decimal(1)

_MEASURE = Text(
    "measure it with SICT's route planner (Traza tu ruta)",
    "mídala con el planificador de rutas de la SICT (Traza tu ruta)",
)


@dataclass(frozen=True)
class Drawn:
    """A default drawn from the reference: the value, what it is and where it came from."""

    value: Decimal
    explanation: Text
    """One sentence in both languages: what the value is and where it came from."""
    provenance: tuple[Provenance, ...]
    """The provenance of every reference figure the value was computed from (empty when none was needed)."""

    @property
    def to_verify(self) -> bool:
        """Any figure it was computed from is still to verify."""
        return any(p.to_verify for p in self.provenance)


@dataclass(frozen=True)
class NotDrawn:
    """No default: why, and what the consultant should do instead."""

    reason: Text


def find_market(sites: SiteReference, state: str | None, city: str) -> SiteMarket | None:
    """The market of a site: the first whose municipalities include a whole word of the folded city text (in
    the state's markets when the state is known); with no city, the state's first market; None when neither
    is known or the city is elsewhere. `state` is an ISO 3166-2:MX code ("NLE") or a state's name ("Nuevo León")."""
    folded_state = fold_for_search(state or "")
    code = next((k for k, n in STATES.items() if folded_state in (k.casefold(), fold_for_search(n))), None)
    folded_city = fold_for_search(city)
    if not folded_city:
        return next((m for m in sites.markets if m.state == code), None)
    for market in sites.markets:
        if code is not None and market.state != code:
            continue
        if any(re.search(rf"\b{re.escape(word)}\b", folded_city) for word in market.municipalities):
            return market
    return None


def freight_per_load(sites: SiteReference, market: SiteMarket | None) -> Drawn | NotDrawn:
    """Freight per load from the site to the border: the crossing rate alone when the crossing is in the city,
    otherwise the crossing rate + the per-km rate × the sourced road distance, rounded to whole USD (half up)."""
    crossing = sites.freight.crossing_usd_per_load
    if market is None:
        return NotDrawn(_unknown_market.format(what=_FREIGHT_TO_TYPE))
    if market.kind is CrossingKind.IN_CITY:
        value = crossing.value.quantize(WHOLE_USD, ROUND_HALF_UP)
        return Drawn(
            value,
            Text(
                f"The commercial crossing ({market.crossing}) is in {market.city}: no inland haul, only the "
                f"{_number(value)} USD cross-border transfer per load.",
                f"El cruce comercial ({market.crossing}) está en {market.city}: sin tramo por carretera, solo el "
                f"transfer transfronterizo de {_number(value)} USD por carga.",
            ),
            (crossing.provenance,),
        )
    if market.distance_km is None:
        return NotDrawn(_no_distance(market, _FREIGHT_TO_TYPE))
    rate, km = sites.freight.inland_usd_per_km, market.distance_km
    value = (crossing.value + rate.value * km.value).quantize(WHOLE_USD, ROUND_HALF_UP)
    to = _destination(market)
    return Drawn(
        value,
        Text(
            f"{_number(km.value)} km by road from {market.city} to {to.en} × {_number(rate.value)} USD/km + "
            f"{_number(crossing.value)} USD crossing transfer = {_number(value)} USD per load, rounded to whole "
            f"dollars.",
            f"{_number(km.value)} km por carretera de {market.city} {to.es} × {_number(rate.value)} USD/km + "
            f"{_number(crossing.value)} USD del transfer de cruce = {_number(value)} USD por carga, redondeado a "
            f"dólares enteros.",
        ),
        (crossing.provenance, rate.provenance, km.provenance),
    )


def distance_to_crossing(market: SiteMarket | None) -> Drawn | NotDrawn:
    """Road km from the market to its usual crossing (or port); 0 km when the crossing is in the city."""
    if market is None:
        return NotDrawn(_unknown_market.format(what=_DISTANCE_TO_TYPE))
    if market.kind is CrossingKind.IN_CITY:
        return Drawn(
            Decimal(0),
            Text(
                f"0 km: the commercial crossing ({market.crossing}) is in {market.city}, so there is no inland haul.",
                f"0 km: el cruce comercial ({market.crossing}) está en {market.city}, así que no hay tramo por "
                f"carretera.",
            ),
            (),
        )
    if market.distance_km is None:
        return NotDrawn(_no_distance(market, _DISTANCE_TO_TYPE))
    km = market.distance_km
    to = _destination(market)
    cite = _cite(km)
    return Drawn(
        km.value,
        Text(
            f"{_number(km.value)} km by road from {market.city} to {to.en}, according to {cite.en}.",
            f"{_number(km.value)} km por carretera de {market.city} {to.es}, según {cite.es}.",
        ),
        (km.provenance,),
    )


def vacancy(sites: SiteReference, market: SiteMarket | None) -> Drawn:
    """The market's industrial vacancy (a fraction), or the national figure when the table has none for it."""
    own = None if market is None else market.vacancy_rate
    if market is not None and own is not None:
        cite = _cite(own)
        return Drawn(
            own.value,
            Text(
                f"Industrial vacancy in {market.city}: {_percent(own.value)}, according to {cite.en}.",
                f"Vacancia industrial en {market.city}: {_percent(own.value)}, según {cite.es}.",
            ),
            (own.provenance,),
        )
    national = sites.national_vacancy_rate
    cite = _cite(national)
    return Drawn(
        national.value,
        _why_national(market, Text("vacancy figure", "cifra de vacancia"))
        + Text(
            f" the national industrial vacancy, {_percent(national.value)}, according to {cite.en}.",
            f" la vacancia industrial nacional, {_percent(national.value)}, según {cite.es}.",
        ),
        (national.provenance,),
    )


def rent(sites: SiteReference, market: SiteMarket | None) -> Drawn:
    """The market's asking industrial rent (USD per sq ft per month), or the national average when it has none."""
    own = None if market is None else market.rent_usd_per_sqft_month
    if market is not None and own is not None:
        cite = _cite(own)
        return Drawn(
            own.value,
            Text(
                f"Asking industrial rent in {market.city}: {_number(own.value)} USD per sq ft per month, "
                f"according to {cite.en}.",
                f"Renta industrial de salida en {market.city}: {_number(own.value)} USD por pie² al mes, "
                f"según {cite.es}.",
            ),
            (own.provenance,),
        )
    national = sites.national_rent_usd_per_sqft_month
    cite = _cite(national)
    return Drawn(
        national.value,
        _why_national(market, Text("asking rent", "renta de salida"))
        + Text(
            f" the national average asking rent, {_number(national.value)} USD per sq ft per month, "
            f"according to {cite.en}.",
            f" la renta de salida promedio nacional, {_number(national.value)} USD por pie² al mes, "
            f"según {cite.es}.",
        ),
        (national.provenance,),
    )


# ---- wording ------------------------------------------------------------------------------------------------

_FREIGHT_TO_TYPE = Text("type the freight per load", "escriba el flete por carga")
_DISTANCE_TO_TYPE = Text("type the distance", "escriba la distancia")
_unknown_market = Text(
    "The site's city is not among the markets of the table of sites, so there is no sourced road distance to a "
    "border crossing: measure it with SICT's route planner (Traza tu ruta) and {what}.",
    "La ciudad del sitio no está entre los mercados de la tabla de sitios, así que no hay una distancia por "
    "carretera con fuente hasta un cruce fronterizo: mídala con el planificador de rutas de la SICT (Traza tu ruta) "
    "y {what}.",
)


def _destination(market: SiteMarket) -> Text:
    """'the Nuevo Laredo–Laredo crossing' / 'al cruce Nuevo Laredo–Laredo' (the Spanish one carries its preposition)."""
    if market.kind is CrossingKind.PORT:
        return Text(f"the port of {market.crossing}", f"al puerto de {market.crossing}")
    return Text(f"the {market.crossing} crossing", f"al cruce {market.crossing}")


def _no_distance(market: SiteMarket, what: Text) -> Text:
    to = _destination(market)
    return Text(
        f"No sourced road distance from {market.city} to {to.en}: {_MEASURE.en} and {what.en}.",
        f"No hay una distancia por carretera con fuente de {market.city} {to.es}: {_MEASURE.es} y {what.es}.",
    )


def _why_national(market: SiteMarket | None, what: Text) -> Text:
    if market is None:
        return Text(
            f"The site is not among the markets of the table of sites, so its {what.en} is",
            f"El sitio no está entre los mercados de la tabla de sitios, así que su {what.es} es",
        )
    return Text(
        f"The table of sites has no {what.en} for {market.city}, so it is",
        f"La tabla de sitios no tiene {what.es} para {market.city}, así que se usa",
    )


def _cite(value: Sourced[Decimal]) -> Text:
    """The value's sources by publisher and date ("Pulso SLP (8 Dec 2025)"), or what it rests on without one."""
    sources = value.provenance.sources
    if not sources:
        return Text("no published source", "ninguna fuente publicada")
    return Text(
        _join([_source(s, 0) for s in sources], "and"),
        _join([_source(s, 1) for s in sources], "y"),
    )


def _source(source: Source, language: int) -> str:
    if source.published is None:
        return source.publisher
    day = date_text(source.published)
    return f"{source.publisher} ({day.en if language == 0 else day.es})"


def _join(parts: list[str], word: str) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {word} {parts[-1]}"


def _number(value: Decimal) -> str:
    """As the table writes it, with thousands grouped (1113 → "1,113", 0.70 → "0.70"): Mexico and the US write
    numbers the same way."""
    return f"{value:,f}"


def _percent(fraction: Decimal) -> str:
    """0.077 → "7.7 %", 0.0084 → "0.84 %"."""
    return f"{(fraction * 100).normalize():,f} %"

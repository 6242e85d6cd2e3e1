"""IEPS on temporary imports: the app's `_ieps` extension of a stored scenario and its share of the IVA memo.

Goods that bear IEPS (the special tax on production and services) pay it on import like IVA (LIEPS art. 15-A
for imports). The IVA/IEPS certification credits both on temporary imports (LIVA art. 28-A; LIEPS art. 15-A):
without it, the IEPS of the IEPS-taxed inputs is paid and recovered later, and ties up cash like the IVA does.

The contract (`shelter-app/business-case@1`) ignores `_ieps`, so `business-case compute` gives the same result
with or without it; the app and the PDF add its cash effect to the IVA memo: IEPS tied up = rate × IEPS-taxed
imports a month × the IVA memo's recovery lag, its yearly cost at the memo's cost of capital. Pure, `Decimal`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from shelter_app.core.business_case.result import IvaCost, IvaMemo
from shelter_app.core.business_case.spec import Rule, Units, spec
from shelter_app.core.business_case.validation import invalid

_ZERO: Final = Decimal(0)


@dataclass(frozen=True)
class IepsImports:
    """A scenario's `_ieps` object: the temporary imports that bear IEPS and their rate."""

    taxed_imports_usd_per_month: Decimal | None = field(default=None, metadata=spec(
        "IEPS-taxed temporary imports", "Importaciones temporales gravadas con IEPS", Units.USD_PER_MONTH,
        rule=Rule.UNKNOWN, low=0, high=100_000_000_000,
        hint=("Customs value per month of the temporary imports that bear IEPS (part of the temporary imports).",
              "Valor en aduana por mes de las importaciones temporales que causan IEPS (parte de las "
              "importaciones temporales)."),
        prefill=("The journey's company profile, converted at the scenario's exchange rate.",
                 "El perfil de la empresa del recorrido, convertido al tipo de cambio del escenario.")))
    """Customs value a month, USD; None or 0: no IEPS-taxed imports."""
    ieps_rate: Decimal | None = field(default=None, metadata=spec(
        "IEPS rate", "Tasa del IEPS", Units.PERCENT, rule=Rule.UNKNOWN, low=0, high=1,
        hint=("The IEPS rate of those goods (one rate for all of them).",
              "La tasa de IEPS de esas mercancías (una sola tasa para todas)."),
        prefill=("The journey's company profile.", "El perfil de la empresa del recorrido.")))
    """A fraction (0.08 is 8 %)."""

    @property
    def applies(self) -> bool:
        """The IEPS enters the memo: a non-zero amount (with its rate, which `check` then requires)."""
        return bool(self.taxed_imports_usd_per_month) and self.ieps_rate is not None


def check(ieps: IepsImports, path: str = "_ieps") -> None:
    """The rule across the two fields: an amount of taxed imports needs its rate."""
    if ieps.taxed_imports_usd_per_month and ieps.ieps_rate is None:
        raise invalid(f"{path}.ieps_rate", "is needed when IEPS-taxed imports are given",
                      "se necesita cuando se indican importaciones gravadas con IEPS")


@dataclass(frozen=True)
class IepsMemo:
    """The IEPS part of the IVA memo and the memo's totals with it (never part of the case's totals)."""

    taxed_imports_usd_per_month: Decimal
    ieps_rate: Decimal
    if_not_certified: IvaCost
    """The IEPS alone, without the certification."""
    total_if_not_certified: IvaCost
    """IVA and IEPS together, without the certification."""
    total_certification_benefit_usd_per_year: Decimal
    """IVA and IEPS together: the yearly cost the certification saves."""


def ieps_memo(iva: IvaMemo, ieps: IepsImports | None) -> IepsMemo | None:
    """The IEPS share of the memo `iva` (same recovery lag and cost of capital); None when `_ieps` is absent or
    its amount is zero."""
    if ieps is None or not ieps.applies:
        return None
    assert ieps.taxed_imports_usd_per_month is not None and ieps.ieps_rate is not None
    tied_up = ieps.ieps_rate * ieps.taxed_imports_usd_per_month * iva.recovery_lag_months
    own = IvaCost(tied_up, tied_up * iva.cost_of_capital_rate)
    total = IvaCost(iva.if_not_certified.tied_up_usd + own.tied_up_usd,
                    iva.if_not_certified.annual_cost_usd + own.annual_cost_usd)
    return IepsMemo(
        taxed_imports_usd_per_month=ieps.taxed_imports_usd_per_month,
        ieps_rate=ieps.ieps_rate,
        if_not_certified=own,
        total_if_not_certified=total,
        total_certification_benefit_usd_per_year=iva.certification_benefit_usd_per_year + own.annual_cost_usd,
    )

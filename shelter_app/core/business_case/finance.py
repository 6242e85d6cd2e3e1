"""Net present value, internal rate of return and payback of a series of yearly cash flows (§5.6).

IRR and payback are None when they do not exist: a number that is not a root or not a
payback must never reach a business case.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

IRR_LOW: Final = Decimal("-0.99")
IRR_HIGH: Final = Decimal(10)
IRR_PRECISION: Final = Decimal("1e-12")
"""Finer than the contract's 1e-10, so the bisection's own error never reaches the check's tolerance."""


def npv(rate: Decimal, cash_flows: Sequence[Decimal]) -> Decimal:
    """Σ CF_i / (1 + rate)^i, end-of-year discounting, CF_0 undiscounted."""
    factor = 1 + rate
    total = Decimal(0)
    discount = Decimal(1)
    for flow in cash_flows:
        total += flow / discount
        discount *= factor
    return total


def irr(cash_flows: Sequence[Decimal]) -> Decimal | None:
    """The rate where the NPV is 0, by bisection on [−0.99, 10]; None when there is no sign change there.

    Cash flows without a change of sign have no IRR (their NPV never crosses 0), and neither
    do all-zero flows, whose NPV is 0 at every rate.
    """
    signs = {flow > 0 for flow in cash_flows if flow != 0}
    if len(signs) < 2:
        return None
    low, high = IRR_LOW, IRR_HIGH
    npv_low, npv_high = npv(low, cash_flows), npv(high, cash_flows)
    if npv_low == 0:
        return low
    if npv_high == 0:
        return high
    if (npv_low > 0) == (npv_high > 0):
        return None
    while high - low > IRR_PRECISION:
        mid = (low + high) / 2
        npv_mid = npv(mid, cash_flows)
        if npv_mid == 0:
            return mid
        if (npv_low > 0) != (npv_mid > 0):
            high = mid
        else:
            low, npv_low = mid, npv_mid
    return (low + high) / 2


def cumulative(cash_flows: Sequence[Decimal]) -> tuple[Decimal, ...]:
    running = Decimal(0)
    sums = []
    for flow in cash_flows:
        running += flow
        sums.append(running)
    return tuple(sums)


def payback_years(cash_flows: Sequence[Decimal]) -> Decimal | None:
    """Years from t = 0 until the cumulative cash flow reaches 0, interpolated within the year; None if never."""
    if cash_flows[0] >= 0:
        return Decimal(0)
    running = cash_flows[0]
    for i, flow in enumerate(cash_flows[1:], start=1):
        if running + flow >= 0:
            return (i - 1) + (-running) / flow
        running += flow
    return None

# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Sections 5 and 6: the headcount plan over the hours reform, and the labor cost build-up per role from
the daily wage to the fully loaded cost."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from decimal import Decimal

from reportlab.platypus import Flowable, Spacer

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.result import RoleYear, YearResult
from shelter_app.core.business_report import ReportScenario
from shelter_app.reports import business_charts as draw
from shelter_app.reports.business_case.base import Builder, money, number, plain
from shelter_app.reports.pdfkit import keep_with_next, markup

ROLES_PER_BUILDUP_TABLE = 4


def headcount(b: Builder) -> list[Flowable]:
    out = b.section("headcount")
    for sc in b.report.scenarios:
        out += b.sub(sc, "headcount")
        res = sc.result
        years = res.years
        first, last = years[0], years[-1]
        change = (last.fte.direct / first.fte.direct - 1) if first.fte.direct else Decimal(0)
        out.append(
            b.p(
                markup(
                    b.t(
                        Text(
                            f"The constitutional reform (DOF 3-Mar-2026) lowers the work week from 48 to 40 hours by 2030 and "
                            f"forbids cutting pay, so at constant output the direct workforce grows with 48/h: direct FTE go from "
                            f"{number(first.fte.direct, b.lang, 1)} ({plain(first.weekly_hours, b.lang)} h) to "
                            f"{number(last.fte.direct, b.lang, 1)} ({plain(last.weekly_hours, b.lang)} h), "
                            f"{b.pct(change)}. Indirect and salaried staff are assumed to absorb the shorter week.",
                            f"La reforma constitucional (DOF 3-mar-2026) reduce la jornada semanal de 48 a 40 horas hacia 2030 y "
                            f"prohíbe reducir el salario; a producción constante, la plantilla directa crece en proporción 48/h: "
                            f"los FTE directos pasan de {number(first.fte.direct, b.lang, 1)} "
                            f"({plain(first.weekly_hours, b.lang)} h) a {number(last.fte.direct, b.lang, 1)} "
                            f"({plain(last.weekly_hours, b.lang)} h), {b.pct(change)}. Se supone que el personal indirecto "
                            "y administrativo absorbe la semana más corta.",
                        )
                    )
                )
            )
        )
        year_w = min(52.0, (b.width * 0.55) / len(years))
        label_w = b.width - year_w * len(years) - 60
        header = [b.t(Text("FTE by role", "FTE por puesto")), b.t(Text("Type", "Tipo")), *(str(y.year) for y in years)]
        rows: list[list[str]] = [
            [markup(b.labelled("statutory.weekly_hours_by_year")), "",
             *(plain(y.weekly_hours, b.lang) for y in years)]
        ]
        roles = res.case.workforce.roles
        for i, role in enumerate(roles):
            kind = b.t(Text("direct", "directo") if role.direct else Text("indirect", "indirecto"))
            rows.append([markup(b.role_name(role, roles)), kind, *(number(y.roles[i].fte, b.lang, 1) for y in years)])
        rows.append([b.t(Text("Total FTE", "Total FTE")), "", *(number(y.fte.total, b.lang, 1) for y in years)])
        out.append(
            b.table(
                header, rows, [label_w, 60, *([year_w] * len(years))], numeric_from=2, bold_rows=(len(rows) - 1,)
            )
        )
        out.append(Spacer(1, 6))
        out.append(draw.bar_chart(charts.headcount_by_year(res), b.width, b.lang, 150))
    return out


def labor(b: Builder, check: Callable[[], None]) -> list[Flowable]:
    out = b.section("labor")
    out.append(
        b.p(
            markup(
                b.t(
                    Text(
                        "Per employee and year, from the daily wage (SD) to the fully loaded cost: the integration factor gives "
                        "the contribution base (SBC, capped at 25 UMA and floored at the minimum wage); IMSS branches, INFONAVIT "
                        "and the state payroll tax (ISN) follow, then the market benefits kept outside the SBC, then profit "
                        "sharing (PTU). The daily wage already pays rest days and holidays (365 days).",
                        "Por empleado y por año, del salario diario (SD) al costo integral: el factor de integración da el "
                        "salario base de cotización (SBC, con tope de 25 UMA y piso en el salario mínimo); siguen las ramas del "
                        "IMSS, el INFONAVIT y el impuesto estatal sobre nóminas (ISN), luego las prestaciones de mercado que no "
                        "integran al SBC y, al final, la participación de los trabajadores en las utilidades (PTU). El salario "
                        "diario ya paga los días de descanso y los festivos (365 días).",
                    )
                )
            )
        )
    )
    keep_with_next(out[-1])  # the introduction stays with the start of the first table
    for sc in b.report.scenarios:
        out += b.sub(sc, "labor")
        year = sc.result.years[0]
        roles = year.roles
        for start in range(0, len(roles), ROLES_PER_BUILDUP_TABLE):
            check()
            chunk = roles[start : start + ROLES_PER_BUILDUP_TABLE]
            out.append(_buildup_table(b, sc, year, chunk, start))
            out.append(Spacer(1, 8))
        out.append(draw.stacked_bars_horizontal(charts.labor_mix_by_role(_named(b, sc, year)), b.width, b.lang))
    return out


def _buildup_table(b: Builder, sc: ReportScenario, year: YearResult, roles: Sequence[RoleYear], offset: int) -> Flowable:
    lang = b.lang

    def row(label: Text | str, pick: Callable[[RoleYear], str]) -> list[str]:
        return [markup(label if isinstance(label, str) else b.t(label)), *(pick(r) for r in roles)]

    def mxn(pick: Callable[[RoleYear], Decimal]) -> Callable[[RoleYear], str]:
        return lambda r: money(pick(r), lang, 2)

    limit = {
        "none": "",
        "uma_cap": b.t(Text(" (25-UMA cap)", " (tope 25 UMA)")),
        "min_wage_floor": b.t(Text(" (minimum-wage floor)", " (piso salario mínimo)")),
    }
    rows = [
        row(Text("Headcount (FTE)", "Plantilla (FTE)"), lambda r: number(r.fte, lang, 1)),
        row(
            b.labelled("workforce.roles[].daily_wage_mxn"),
            lambda r: number(r.daily_wage_mxn, lang) + b.ind(sc, f"workforce.roles[{offset + roles.index(r)}].daily_wage_mxn"),
        ),
        row(Text("Integration factor", "Factor de integración"), lambda r: number(r.integration_factor, lang, 6)),
        row(
            Text("SBC (MXN/day)", "SBC (MXN/día)"),
            lambda r: number(r.sbc_mxn_per_day, lang) + markup(limit[r.sbc_limit_applied.value]),
        ),
        row(Text("SBC in UMA", "SBC en UMA"), lambda r: number(r.sbc_in_uma, lang, 4)),
        row(Text("Base salary 365 × SD", "Salario base 365 × SD"), mxn(lambda r: r.per_employee_mxn.base_salary)),
        row(b.label("statutory.aguinaldo_days"), mxn(lambda r: r.per_employee_mxn.aguinaldo)),
        row(b.label("statutory.prima_vacacional_rate"), mxn(lambda r: r.per_employee_mxn.prima_vacacional)),
        row(Text("Gross statutory pay", "Percepciones de ley"), mxn(lambda r: r.per_employee_mxn.gross_statutory)),
    ]
    bold = [len(rows) - 1]
    branches = [
        (Text("EyM fixed quota", "EyM cuota fija"), "em_cuota_fija"),
        (Text("EyM excess over 3 UMA", "EyM excedente de 3 UMA"), "em_excedente"),
        (Text("EyM cash benefits", "EyM prestaciones en dinero"), "em_prestaciones_dinero"),
        (Text("EyM pensioners' medical", "EyM gastos médicos pensionados"), "em_gastos_medicos_pensionados"),
        (Text("Disability and life", "Invalidez y vida"), "invalidez_vida"),
        (Text("Work risk", "Riesgo de trabajo"), "riesgo_trabajo"),
        (
            Text("Day care and social benefits", "Guarderías y prestaciones sociales"),
            "guarderias_prestaciones_sociales",
        ),
        (Text("Retirement (SAR)", "Retiro (SAR)"), "retiro"),
        (Text("Old age (cesantía y vejez)", "Cesantía en edad avanzada y vejez"), "cesantia_vejez"),
        (Text("INFONAVIT", "INFONAVIT"), "infonavit"),
        (
            Text("Worker quotas paid by employer (LSS art. 36)", "Cuotas obreras a cargo del patrón (art. 36 LSS)"),
            "lss_art36_worker_share",
        ),
    ]
    for label, key in branches:
        rows.append(row(label, mxn(functools.partial(_imss_line, key))))
    rows.append(
        row(Text("IMSS + INFONAVIT", "IMSS + INFONAVIT"), mxn(lambda r: r.per_employee_mxn.imss_infonavit.total))
    )
    bold.append(len(rows) - 1)
    rows.append(row(b.label("statutory.isn_rate"), mxn(lambda r: r.per_employee_mxn.isn)))
    benefit = "workforce.roles[].market_benefits."
    market: list[tuple[Text | str, str]] = [
        (b.label(benefit + "attendance_punctuality_bonus_rate"), "attendance_punctuality_bonus"),
        (b.label(benefit + "food_vouchers_uma_fraction"), "food_vouchers"),
        (b.label(benefit + "savings_fund_rate"), "savings_fund"),
        (b.label(benefit + "transport_mxn_per_worked_day"), "transport"),
        (b.label(benefit + "cafeteria_mxn_per_worked_day"), "cafeteria"),
        (b.label(benefit + "private_insurance_mxn_per_year"), "private_insurance"),
        (Text("Turnover (replacement hires)", "Rotación (reemplazos)"), "turnover"),
    ]
    for benefit_label, key in market:
        rows.append(row(benefit_label, mxn(functools.partial(_market_line, key))))
    rows.append(
        row(b.label("workforce.roles[].market_benefits"), mxn(lambda r: r.per_employee_mxn.market_benefits.total))
    )
    bold.append(len(rows) - 1)
    rows.append(row(b.label("ptu.rate"), mxn(lambda r: r.per_employee_mxn.ptu.paid)))
    rows.append(
        row(
            Text("Loaded cost per year (MXN)", "Costo integral anual (MXN)"),
            mxn(lambda r: r.per_employee_mxn.loaded_total),
        )
    )
    bold.append(len(rows) - 1)
    rows.append(
        row(
            Text("Loaded cost per year (USD)", "Costo integral anual (USD)"),
            lambda r: money(r.loaded_total_usd, lang, 2),
        )
    )
    rows.append(
        row(Text("USD per worked hour", "USD por hora trabajada"), lambda r: number(r.loaded_usd_per_worked_hour, lang))
    )
    rows.append(
        row(
            Text("Loaded multiplier (on 365 × SD)", "Multiplicador (sobre 365 × SD)"),
            lambda r: number(r.loaded_multiplier, lang, 4),
        )
    )
    label_w = b.width * 0.32
    # the columns of a plant with more roles than a table holds line up from table to table
    col_w = (b.width - label_w) / min(len(year.roles), ROLES_PER_BUILDUP_TABLE)
    everyone = sc.result.case.workforce.roles
    header = [
        b.t(Text(f"MXN per employee and year, {year.year}", f"MXN por empleado al año, {year.year}")),
        *(b.role_name(r.role, everyone) for r in roles),
    ]
    # a table after the first of a scenario has no heading to hold it: it starts with a good part of its rows
    return b.table(header, rows, [label_w, *([col_w] * len(roles))], bold_rows=bold, min_first=8 if offset else 2)


def _named(b: Builder, sc: ReportScenario, year: YearResult) -> YearResult:
    """The year with each role named as the document names it (a standard role in the document's language), for
    the chart that labels its bars with the roles' names."""
    everyone = sc.result.case.workforce.roles
    roles = tuple(
        dataclasses.replace(r, role=dataclasses.replace(r.role, name=b.role_name(r.role, everyone)))
        for r in year.roles
    )
    return dataclasses.replace(year, roles=roles)


def _imss_line(key: str, role: RoleYear) -> Decimal:
    value: Decimal = getattr(role.per_employee_mxn.imss_infonavit, key)
    return value


def _market_line(key: str, role: RoleYear) -> Decimal:
    value: Decimal = getattr(role.per_employee_mxn.market_benefits, key)
    return value

"""What a business case is computed from: the scenario, declared once, typed and immutable.

These frozen dataclasses are the business-case document (`shelter-app/business-case@1`, see
docs/business-case-contract.md §3): field names follow the contract, so a money field names its
currency (`daily_wage_mxn`, `usd_per_month`) and the contract's defaults are the dataclass defaults.
Each field also carries its `FieldMeta` (`core.business_case.spec`): unit, bilingual label and hint,
range and the rule that fills it when it is left out. `core.business_case.schema` walks these
declarations; the JSON reader and writer, the range checks, the form targets, the editor and the
document's labels all come from there, so a field is added or renamed here and nowhere else.

A field left `None` takes its value from the reference tables (or from another field, as its rule
says) when the case is computed; setting it records an override, which the result lists with the
reason given in `BusinessCaseInput.overrides`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from shelter_app.core.answers import WageZone
from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.reference import RiskClass
from shelter_app.core.business_case.spec import Choice, Rule, Units, spec
from shelter_app.core.wage_zones import STATES

ZERO = Decimal(0)
ONE = Decimal(1)

MAX_ROLES = 100
"""The most roles (job families) a scenario lists; a plant of any size has far fewer."""
MAX_ONE_TIME_ITEMS = 100
"""The most one-time start-up items a scenario lists."""
_MAX_YEARS = 100
"""The most entries of a map of years (the horizon is at most 30 years)."""
_MAX_NAME = 200
"""The longest name or key (a scenario, a role, a state, a city, a one-time item)."""

_TABLE = Rule.TABLE


class FeeModel(StrEnum):
    """How the shelter prices its service."""

    PER_HEADCOUNT = "per_headcount"
    PER_HOUR = "per_hour"
    MARKUP = "markup"


FEE_MODELS = (
    Choice("per_headcount", FeeModel.PER_HEADCOUNT, Text("Per head per month", "Por persona al mes")),
    Choice("per_hour", FeeModel.PER_HOUR, Text("Per worked hour", "Por hora trabajada")),
    Choice("markup", FeeModel.MARKUP, Text("Markup on loaded labor", "Margen sobre la mano de obra integral")),
)
WAGE_ZONES = (
    Choice("general", WageZone.GENERAL, Text("General", "General")),
    Choice("zlfn", WageZone.BORDER, Text("Northern border free zone (ZLFN)", "Zona Libre de la Frontera Norte (ZLFN)")),
)
RISK_CLASSES = tuple(Choice(c.value, c, Text(f"Class {c.value}", f"Clase {c.value}")) for c in RiskClass)
STATE_NAMES = tuple(Choice(name, name, Text.same(name)) for name in STATES.values())


@dataclass(frozen=True)
class Scenario:
    base_year: int = field(metadata=spec(
        "First projected year", "Primer año proyectado", Units.YEAR, low=2000, high=2100,
        hint=("The year production starts in Mexico; statutory defaults come from this year's reference rows.",
              "El año en que arranca la producción en México; los valores de ley se toman de las tablas de "
              "referencia de ese año."),
        prefill=("The year of the project's target start (the journey's kickoff when no start is set).",
                 "El año del arranque previsto del proyecto (el inicio del recorrido si no hay fecha de "
                 "arranque).")))
    """First projected year; the statutory defaults come from this year's reference rows."""
    horizon_years: int = field(metadata=spec(
        "Horizon", "Horizonte", Units.YEARS, low=1, high=30, hint=("1 to 30 years.", "De 1 a 30 años.")))
    fx_mxn_per_usd: Decimal = field(metadata=spec(
        "Exchange rate", "Tipo de cambio", Units.MXN_PER_USD, low=0, low_strict=True, high=1000,
        hint=("Planning rate, held flat over the horizon. Banxico FIX: 17.95 on 31 Dec 2025; about 17.35 as the "
              "market average of January 2026.",
              "Tipo de cambio de planeación, constante en todo el horizonte. FIX de Banxico: 17.95 al 31 dic 2025; "
              "alrededor de 17.35 como promedio de mercado de enero de 2026.")))
    """Planning exchange rate, flat over the horizon."""
    discount_rate: Decimal = field(metadata=spec(
        "Discount rate", "Tasa de descuento", Units.PERCENT, low=-1, low_strict=True, high=1,
        hint=("The client's cost of capital, for the net present value.",
              "El costo de capital del cliente, para el valor presente neto.")))
    name: str = field(default="", metadata=spec("Scenario name", "Nombre del escenario", max_length=_MAX_NAME,
        advanced=True))
    ramp_realization_by_year: Mapping[int, Decimal] = field(default_factory=dict, metadata=spec(
        "Share of the savings realised (phased transfer)", "Proporción del ahorro realizada (transferencia gradual)",
        Units.PERCENT, max_items=_MAX_YEARS, low=0, high=1, advanced=True,
        hint=("By year; a year not listed realises all its savings.",
              "Por año; un año que no se indica realiza todo su ahorro."),
        prefill=("Half the savings in the first year, prorated to the months after the target start.",
                 "La mitad del ahorro en el primer año, prorrateada a los meses posteriores al arranque previsto.")))
    """Share of the steady-state savings realised in a year (phased transfer); unlisted years realise 1."""

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.base_year, self.base_year + self.horizon_years))


@dataclass(frozen=True)
class Location:
    state: str = field(metadata=spec(
        "State", "Estado", max_length=_MAX_NAME, choices=STATE_NAMES, open_choices=True,
        hint=("Selects the state payroll tax (ISN).", "Determina la tasa del impuesto estatal sobre nóminas (ISN)."),
        prefill=("The journey's site.", "La ubicación del recorrido.")))
    """As written in the ISN table (e.g. "Nuevo León"); any other name needs `StatutoryInputs.isn_rate`."""
    wage_zone: WageZone = field(metadata=spec(
        "Minimum-wage zone", "Zona del salario mínimo", choices=WAGE_ZONES,
        hint=("The northern border free zone (ZLFN: Juárez, Tijuana, Reynosa…) or the general zone.",
              "La Zona Libre de la Frontera Norte (ZLFN: Juárez, Tijuana, Reynosa…) o la zona general."),
        prefill=("Derived from the journey's state and municipality.",
                 "Se deduce del estado y el municipio del recorrido.")))
    city: str = field(default="", metadata=spec(
        "City", "Ciudad", max_length=_MAX_NAME,
        hint=("Selects the site's market facts (distance to the crossing, vacancy, rent).",
              "Determina los datos del mercado del sitio (distancia al cruce, vacancia, renta)."),
        prefill=("The journey's site.", "La ubicación del recorrido.")))


@dataclass(frozen=True)
class MarketBenefits:
    """Non-statutory benefits per employee; in @1 none of them is integrated into the SBC."""

    attendance_punctuality_bonus_rate: Decimal = field(default=ZERO, metadata=spec(
        "Attendance and punctuality bonus", "Premios de asistencia y puntualidad", Units.PERCENT_OF_WAGE, low=0, high=1,
        hint=("Each exempt up to 10 % of the SBC (LSS art. 27); the model does not apply the cap.",
              "Cada uno exento hasta 10 % del SBC (LSS art. 27); el modelo no aplica el tope.")))
    """Share of 365 × SD."""
    food_vouchers_uma_fraction: Decimal = field(default=ZERO, metadata=spec(
        "Food vouchers", "Vales de despensa", Units.UMA_PER_DAY, low=0, high=10,
        hint=("Exempt up to 0.40 UMA a day (LSS art. 27); the model does not apply the cap.",
              "Exentos hasta 0.40 UMA al día (LSS art. 27); el modelo no aplica el tope.")))
    """Share of one UMA per day, paid 365 days (despensa)."""
    savings_fund_rate: Decimal = field(default=ZERO, metadata=spec(
        "Savings fund", "Fondo de ahorro", Units.PERCENT_OF_WAGE, low=0, high=1))
    """Employer match, share of 365 × SD."""
    transport_mxn_per_worked_day: Decimal = field(default=ZERO, metadata=spec(
        "Transport", "Transporte", Units.MXN_PER_WORKED_DAY, low=0, high=10_000))
    cafeteria_mxn_per_worked_day: Decimal = field(default=ZERO, metadata=spec(
        "Cafeteria", "Comedor", Units.MXN_PER_WORKED_DAY, low=0, high=10_000))
    private_insurance_mxn_per_year: Decimal = field(default=ZERO, metadata=spec(
        "Private insurance", "Seguro privado", Units.MXN_PER_YEAR, low=0, high=10_000_000))
    turnover_rate: Decimal = field(default=ZERO, metadata=spec(
        "Turnover", "Rotación", Units.PERCENT_PER_YEAR, low=0, high=10))
    cost_per_hire_mxn: Decimal = field(default=ZERO, metadata=spec(
        "Cost per hire", "Costo por contratación", Units.MXN, low=0, high=10_000_000))


@dataclass(frozen=True)
class Role:
    """One job family of the Mexican plant; the US baseline uses the same headcount."""

    id: str = field(metadata=spec(
        "Role key", "Clave del puesto", max_length=_MAX_NAME, advanced=True,
        hint=("Lower-case letters, digits and _, starting with a letter; unique in the scenario.",
              "Minúsculas, dígitos y _, empezando con una letra; única en el escenario.")))
    headcount: Decimal = field(metadata=spec(
        "Headcount", "Plantilla", Units.PEOPLE, low=0, high=100_000, form=True, form_required=True))
    """Heads at a 48-hour week and productivity 1 (fractions allowed)."""
    daily_wage_mxn: Decimal = field(metadata=spec(
        "Daily wage", "Salario diario", Units.MXN_PER_DAY, low=0, low_strict=True, high=1_000_000, form=True,
        form_required=True,
        prefill=("Typical wage of the role's job family in the site's minimum-wage zone (indicative).",
                 "Salario típico de la familia de puestos en la zona de salario mínimo del sitio (indicativo).")))
    """Salario diario (SD) in the base year."""
    direct: bool = field(metadata=spec(
        "Direct labor", "Mano de obra directa", form=True,
        hint=("Direct roles follow the hours reform and the productivity factor; hourly-paid in the US.",
              "Los puestos directos siguen la reforma de la jornada y el factor de productividad; en EE. UU. "
              "se pagan por hora.")))
    """Direct labor: its FTE follows the hours reform and productivity; hourly-paid in the US."""
    name: str = field(default="", metadata=spec("Role", "Puesto", max_length=_MAX_NAME, form=True, form_required=True))
    """Display name; empty means the id."""
    ptu_eligible: bool = field(default=True, metadata=spec(
        "Profit sharing (PTU)", "Reparto de utilidades (PTU)",
        hint=("Off for general managers and directors, who do not share in the PTU.",
              "Desactivado para directores y gerentes generales, que no participan en la PTU.")))
    """False for general managers and directors (excluded from PTU)."""
    market_benefits: MarketBenefits = field(default=MarketBenefits(), metadata=spec(
        "Market benefits", "Prestaciones de mercado",
        hint=("Kept outside the SBC.", "No integran al SBC.")))
    key: str = field(default="", metadata=spec(
        "Standard role", "Puesto estándar", json_name="_key", advanced=True,
        hint=("Set by the prefill: the document prints the role's name in its own language while the name is the "
              "standard one.",
              "Lo pone la precarga: el documento imprime el nombre del puesto en su idioma mientras el nombre sea "
              "el estándar.")))
    """A standard role of the prefill (`core.scenario_prefill.STANDARD_ROLES`); "" for a role the consultant named."""

    @property
    def display_name(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class Workforce:
    roles: tuple[Role, ...] = field(metadata=spec(
        "Roles and headcount", "Puestos y plantilla", max_items=MAX_ROLES, form=True,
        prefill=("The journey's labor plan, with typical wages of each job family (indicative).",
                 "El plan de plantilla del recorrido, con salarios típicos de cada familia de puestos (indicativos).")))
    seniority_years: int = field(default=1, metadata=spec(
        "Seniority assumed", "Antigüedad considerada", Units.YEARS, low=1, high=60,
        hint=("Drives the vacation days (LFT art. 76): 12 days in the first year.",
              "Determina los días de vacaciones (LFT art. 76): 12 días el primer año.")))
    """Seniority of every employee over the whole horizon; drives the default vacation days."""
    productivity_factor: Decimal = field(default=ONE, metadata=spec(
        "Productivity against plan", "Productividad frente al plan", Units.FACTOR, low=0, low_strict=True, high=10,
        hint=("Mexican output per direct hour relative to plan; the direct FTE are divided by it.",
              "Producción en México por hora directa respecto al plan; los FTE directos se dividen entre este "
              "factor.")))
    """Mexican output per direct hour relative to plan; direct FTE is divided by it."""


@dataclass(frozen=True)
class ImssEmployerRateInputs:
    """Overrides of the employer IMSS rates (reference table R4); None keeps the table's."""

    em_cuota_fija: Decimal | None = field(default=None, metadata=spec(
        "IMSS sickness and maternity, fixed quota (employer, share of one UMA)",
        "IMSS enfermedades y maternidad, cuota fija (patrón, proporción de una UMA)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    em_excedente: Decimal | None = field(default=None, metadata=spec(
        "IMSS sickness and maternity, above 3 UMA (employer)",
        "IMSS enfermedades y maternidad, excedente de 3 UMA (patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    em_prestaciones_dinero: Decimal | None = field(default=None, metadata=spec(
        "IMSS sickness and maternity, cash benefits (employer)",
        "IMSS enfermedades y maternidad, prestaciones en dinero (patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    em_gastos_medicos_pensionados: Decimal | None = field(default=None, metadata=spec(
        "IMSS medical care of pensioners (employer)", "IMSS gastos médicos de pensionados (patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    invalidez_vida: Decimal | None = field(default=None, metadata=spec(
        "IMSS disability and life (employer)", "IMSS invalidez y vida (patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    guarderias_prestaciones_sociales: Decimal | None = field(default=None, metadata=spec(
        "IMSS childcare and social benefits (employer)", "IMSS guarderías y prestaciones sociales (patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    retiro: Decimal | None = field(default=None, metadata=spec(
        "Retirement (employer)", "Retiro (patrón)", Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))


@dataclass(frozen=True)
class ImssWorkerRateInputs:
    """Overrides of the worker quotas an employer absorbs under LSS art. 36; None keeps the table's."""

    em_excedente: Decimal | None = field(default=None, metadata=spec(
        "IMSS sickness and maternity, above 3 UMA (worker's quota paid by the employer)",
        "IMSS enfermedades y maternidad, excedente de 3 UMA (cuota obrera que paga el patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    em_prestaciones_dinero: Decimal | None = field(default=None, metadata=spec(
        "IMSS sickness and maternity, cash benefits (worker's quota paid by the employer)",
        "IMSS enfermedades y maternidad, prestaciones en dinero (cuota obrera que paga el patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    em_gastos_medicos_pensionados: Decimal | None = field(default=None, metadata=spec(
        "IMSS medical care of pensioners (worker's quota paid by the employer)",
        "IMSS gastos médicos de pensionados (cuota obrera que paga el patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    invalidez_vida: Decimal | None = field(default=None, metadata=spec(
        "IMSS disability and life (worker's quota paid by the employer)",
        "IMSS invalidez y vida (cuota obrera que paga el patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))
    cesantia_vejez: Decimal | None = field(default=None, metadata=spec(
        "Old-age and severance (worker's quota paid by the employer)",
        "Cesantía en edad avanzada y vejez (cuota obrera que paga el patrón)",
        Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True))


_WORKED_DAYS = ("365 − rest days − paid holidays − vacation days", "365 − descansos − festivos − días de vacaciones")


@dataclass(frozen=True)
class StatutoryInputs:
    """Statutory parameters; every None comes from the reference tables for the base year."""

    risk_class: RiskClass | None = field(default=None, metadata=spec(
        "Work-risk class", "Clase de riesgo de trabajo", rule=_TABLE, choices=RISK_CLASSES,
        hint=("A new IMSS registration pays its class's mean premium.",
              "Un registro patronal nuevo ante el IMSS paga la prima media de su clase.")))
    isn_rate: Decimal | None = field(default=None, metadata=spec(
        "State payroll tax (ISN)", "Impuesto estatal sobre nóminas (ISN)", Units.PERCENT, rule=_TABLE, low=0, high=1))
    min_wage_mxn_per_day: Decimal | None = field(default=None, metadata=spec(
        "Minimum wage", "Salario mínimo", Units.MXN_PER_DAY, rule=_TABLE, low=0, low_strict=True, high=100_000))
    uma_mxn_per_day: Decimal | None = field(default=None, metadata=spec(
        "UMA (unit of measure and update)", "UMA (unidad de medida y actualización)", Units.MXN_PER_DAY,
        rule=_TABLE, low=0, low_strict=True, high=100_000))
    aguinaldo_days: Decimal | None = field(default=None, metadata=spec(
        "Christmas bonus (aguinaldo)", "Aguinaldo", Units.DAYS, rule=_TABLE, low=0, high=365))
    vacation_days: Decimal | None = field(default=None, metadata=spec(
        "Vacation", "Vacaciones", Units.DAYS, rule=_TABLE, low=0, high=365,
        hint=("Empty: the days the law gives for the seniority assumed.",
              "Si se deja vacío: los días que da la ley para la antigüedad considerada.")))
    """None: table R3a for `Workforce.seniority_years`."""
    prima_vacacional_rate: Decimal | None = field(default=None, metadata=spec(
        "Vacation premium (prima vacacional)", "Prima vacacional", Units.PERCENT, rule=_TABLE, low=0, high=10))
    infonavit_rate: Decimal | None = field(default=None, metadata=spec(
        "INFONAVIT (housing fund)", "INFONAVIT", Units.PERCENT, rule=_TABLE, low=0, high=1))
    rt_premium_rate: Decimal | None = field(default=None, metadata=spec(
        "Work-risk premium", "Prima de riesgo de trabajo", Units.PERCENT, rule=_TABLE, low=0, high=1, advanced=True,
        hint=("Takes precedence over the work-risk class.", "Tiene prioridad sobre la clase de riesgo.")))
    """Takes precedence over `risk_class`."""
    rest_days_per_year: Decimal | None = field(default=None, metadata=spec(
        "Weekly rest days per year", "Días de descanso semanal por año", Units.DAYS, rule=_TABLE, low=0, high=365,
        advanced=True))
    paid_holidays_per_year: Decimal | None = field(default=None, metadata=spec(
        "Paid holidays per year", "Días festivos pagados por año", Units.DAYS, rule=_TABLE, low=0, high=365,
        advanced=True))
    worked_days_per_year: Decimal | None = field(default=None, metadata=spec(
        "Worked days per year", "Días trabajados por año", Units.DAYS, rule=Rule.COMPUTED, how=_WORKED_DAYS,
        low=0, low_strict=True, high=365, advanced=True))
    """None: 365 − rest days − holidays − vacation days."""
    hours_per_worked_day_at_48h: Decimal | None = field(default=None, metadata=spec(
        "Hours per worked day (48-hour week)", "Horas por día trabajado (semana de 48 horas)", Units.HOURS_PER_DAY,
        rule=_TABLE, low=0, low_strict=True, high=24, advanced=True))
    weekly_hours_by_year: Mapping[int, Decimal] = field(default_factory=dict, metadata=spec(
        "Legal work week", "Jornada semanal legal", Units.HOURS_PER_WEEK, max_items=_MAX_YEARS, rule=_TABLE, low=0,
        low_strict=True, high=168,
        advanced=True))
    """Merged over table R3b: a year given here replaces the default for that year only."""
    sbc_cap_uma: Decimal | None = field(default=None, metadata=spec(
        "Contribution base cap", "Tope del salario base de cotización", Units.UMA, rule=_TABLE, low=0, high=1000,
        low_strict=True, advanced=True))
    em_excedente_threshold_uma: Decimal | None = field(default=None, metadata=spec(
        "Sickness and maternity threshold", "Umbral del excedente de enfermedades y maternidad", Units.UMA,
        rule=_TABLE, low=0, high=1000, advanced=True))
    imss_employer_rates: ImssEmployerRateInputs = field(default=ImssEmployerRateInputs(), metadata=spec(
        "IMSS employer rates", "Cuotas patronales del IMSS", advanced=True))
    imss_worker_rates: ImssWorkerRateInputs = field(default=ImssWorkerRateInputs(), metadata=spec(
        "IMSS worker quotas paid by the employer (LSS art. 36)",
        "Cuotas obreras del IMSS que paga el patrón (LSS art. 36)", advanced=True))
    cesantia_vejez_employer_rates_by_year: Mapping[int, tuple[Decimal, ...]] = field(
        default_factory=dict, metadata=spec(
            "Old-age and severance, employer rate by contribution band",
            "Cesantía en edad avanzada y vejez, cuota patronal por banda de cotización",
            Units.PERCENT, max_items=_MAX_YEARS, rule=_TABLE, low=0, high=1, advanced=True))
    """Eight band rates per year, merged per year over table R5."""


@dataclass(frozen=True)
class PtuInputs:
    """Profit sharing; None takes the reference default (10 %, 6.5 % margin, 90 days)."""

    rate: Decimal | None = field(default=None, metadata=spec(
        "Profit sharing (PTU)", "Reparto de utilidades (PTU)", Units.PERCENT, rule=_TABLE, low=0, high=1))
    taxable_income_margin: Decimal | None = field(default=None, metadata=spec(
        "Taxable income for the PTU, as a share of costs", "Renta gravable para la PTU, como proporción de los costos",
        Units.PERCENT, rule=_TABLE, low=0, high=10,
        hint=("An approximation of the shelter's taxable income: this share of the Mexican costs.",
              "Una aproximación de la renta gravable del albergue: esta proporción de los costos en México.")))
    """Taxable income ≈ this share of (labor ex-PTU + facility + utilities + site overhead)."""
    cap_days: Decimal | None = field(default=None, metadata=spec(
        "Individual PTU cap", "Tope individual de la PTU", Units.DAYS, rule=_TABLE, low=0, high=3650, advanced=True))
    """Individual cap in days of SD (3 months of salary)."""


_AREA_HINT = ("About 430 sq ft per person in the worked example (60,000 sq ft for 140 people).",
              "Alrededor de 430 pies² por persona en el ejemplo de cálculo (60,000 pies² para 140 personas).")


@dataclass(frozen=True)
class Facility:
    area_sqft: Decimal = field(default=ZERO, metadata=spec(
        "Leased area", "Superficie arrendada", Units.SQFT, low=0, high=100_000_000, form=True, hint=_AREA_HINT,
        prefill=("430 sq ft per person of the headcount plan (indicative).",
                 "430 pies² por persona del plan de plantilla (indicativo).")))
    rent_usd_per_sqft_month: Decimal = field(default=ZERO, metadata=spec(
        "Rent", "Renta", Units.USD_PER_SQFT_MONTH, low=0, high=1000,
        hint=("Asking rents, 2025 market reports: Tijuana 0.80, Juárez about 0.65–0.74, Monterrey 0.64, "
              "Saltillo 0.57, Querétaro 0.56, San Luis Potosí 0.52.",
              "Rentas de salida, reportes de mercado 2025: Tijuana 0.80, Juárez alrededor de 0.65–0.74, "
              "Monterrey 0.64, Saltillo 0.57, Querétaro 0.56, San Luis Potosí 0.52."),
        prefill=("The site market's asking rent (indicative).", "La renta de salida del mercado del sitio "
                                                                 "(indicativa).")))
    nnn_usd_per_sqft_month: Decimal = field(default=ZERO, metadata=spec(
        "Taxes, insurance and maintenance (NNN)", "Impuestos, seguros y mantenimiento (NNN)",
        Units.USD_PER_SQFT_MONTH, low=0, high=1000,
        hint=("Property tax, insurance, maintenance and park fees; no market figure was found (to verify).",
              "Predial, seguros, mantenimiento y cuotas del parque; no se encontró una cifra de mercado "
              "(por verificar).")))


@dataclass(frozen=True)
class Utilities:
    electricity_kwh_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Electricity use", "Consumo eléctrico", Units.KWH_PER_MONTH, low=0, high=1_000_000_000, form=True))
    electricity_mxn_per_kwh: Decimal = field(default=ZERO, metadata=spec(
        "Electricity tariff", "Tarifa eléctrica", Units.MXN_PER_KWH, low=0, high=1000,
        hint=("All-in industrial tariff.", "Tarifa industrial con todos los cargos.")))
    water_gas_mxn_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Water and gas", "Agua y gas", Units.MXN_PER_MONTH, low=0, high=1_000_000_000))


@dataclass(frozen=True)
class SiteOverhead:
    usd_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Site services", "Servicios del sitio", Units.USD_PER_MONTH, low=0, high=1_000_000_000,
        hint=("Security, cleaning, IT and telecom, medical service, maintenance supplies, office.",
              "Seguridad, limpieza, TI y telecomunicaciones, servicio médico, refacciones de mantenimiento, "
              "oficina.")))
    """Security, janitorial, IT/telecom, medical, MRO, office."""


@dataclass(frozen=True)
class ShelterFee:
    """The shelter's price; only the field of `model` is used (the others may stay filled in an editor)."""

    model: FeeModel = field(metadata=spec(
        "Fee model", "Modelo de tarifa", choices=FEE_MODELS,
        hint=("The document shows the fee with its equivalents in the other two units.",
              "El documento muestra la tarifa con sus equivalentes en las otras dos unidades.")))
    usd_per_head_per_month: Decimal | None = field(default=None, metadata=spec(
        "Price per head", "Precio por persona", Units.USD_PER_HEAD_MONTH, rule=Rule.UNKNOWN, low=0, high=100_000,
        hint=("No public price list: use the provider's quote. The worked example assumes 165 (to verify); 0 for "
              "an own entity.",
              "No hay lista pública de precios: use la cotización del proveedor. El ejemplo de cálculo supone 165 "
              "(por verificar); 0 para una entidad propia.")))
    usd_per_worked_hour: Decimal | None = field(default=None, metadata=spec(
        "Price per worked hour", "Precio por hora trabajada", Units.USD_PER_WORKED_HOUR, rule=Rule.UNKNOWN, low=0,
        high=1000))
    markup_rate: Decimal | None = field(default=None, metadata=spec(
        "Markup", "Margen", Units.PERCENT_OF_LABOR, rule=Rule.UNKNOWN, low=0, high=10))


@dataclass(frozen=True)
class Logistics:
    """Incremental cross-border cost."""

    northbound_loads_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Loads to the US", "Cargas a EE. UU.", Units.LOADS_PER_MONTH, low=0, high=100_000, form=True))
    southbound_loads_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Loads from the US", "Cargas desde EE. UU.", Units.LOADS_PER_MONTH, low=0, high=100_000, form=True))
    crossing_usd_per_load: Decimal = field(default=ZERO, metadata=spec(
        "Freight and crossing per load", "Flete y cruce por carga", Units.USD_PER_LOAD, low=0, high=1_000_000,
        hint=("Road freight from the plant to the crossing plus the cross-border transfer.",
              "Flete por carretera de la planta al cruce más el transfer fronterizo."),
        prefill=("The site's road distance to its usual crossing × the freight rate per km, plus the crossing "
                 "(reference table of manufacturing markets).",
                 "La distancia por carretera del sitio a su cruce habitual × la tarifa de flete por km, más el cruce "
                 "(tabla de referencia de mercados manufactureros).")))
    us_entry_usd_per_northbound_load: Decimal = field(default=ZERO, metadata=spec(
        "US customs entry per load to the US", "Declaración de importación en EE. UU. por carga", Units.USD_PER_LOAD,
        low=0, high=1_000_000))
    us_export_filing_usd_per_southbound_load: Decimal = field(default=ZERO, metadata=spec(
        "US export filing per load from the US", "Aviso de exportación en EE. UU. por carga", Units.USD_PER_LOAD,
        low=0, high=1_000_000))
    northbound_pedimentos_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Export pedimentos", "Pedimentos de exportación", Units.PEDIMENTOS_PER_MONTH, low=0, high=100_000,
        hint=("Mexican customs declarations; consolidated pedimentos cut this count.",
              "Los pedimentos consolidados reducen este número.")))
    southbound_pedimentos_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Import pedimentos", "Pedimentos de importación", Units.PEDIMENTOS_PER_MONTH, low=0, high=100_000))
    customs_broker_mxn_per_pedimento: Decimal = field(default=ZERO, metadata=spec(
        "Mexican customs broker fee", "Honorarios del agente aduanal", Units.MXN_PER_PEDIMENTO, low=0, high=1_000_000,
        hint=("Typically MXN 4,000–8,000 per operation (Aduaeasy, 2025).",
              "Por lo general MXN 4,000–8,000 por operación (Aduaeasy, 2025).")))
    dta_mxn_per_pedimento: Decimal | None = field(default=None, metadata=spec(
        "Customs processing fee (DTA)", "Derecho de trámite aduanero (DTA)", Units.MXN_PER_PEDIMENTO, rule=_TABLE,
        low=0, high=1_000_000))
    """None: the reference DTA per pedimento."""


@dataclass(frozen=True)
class UsBaseline:
    """The current US plant; its headcount is the roles' headcount."""

    direct_wage_usd_per_hour: Decimal = field(metadata=spec(
        "Direct wage", "Salario de la mano de obra directa", Units.USD_PER_HOUR, low=0, high=10_000, form=True,
        hint=("Production workers' hourly wage; the BLS average for goods-producing industries was USD 31.70 "
              "(February 2025).",
              "Salario por hora de los trabajadores de producción; el promedio del BLS en la industria de bienes "
              "fue USD 31.70 (febrero de 2025).")))
    indirect_salary_usd_per_year: Decimal = field(metadata=spec(
        "Indirect salary", "Sueldo del personal indirecto", Units.USD_PER_YEAR, low=0, high=100_000_000, form=True))
    benefits_burden_rate: Decimal = field(metadata=spec(
        "Benefits burden", "Carga de prestaciones", Units.PERCENT, low=0, high=10,
        hint=("BLS employer costs (ECEC), June 2025: (13.58 − 3.44) / 32.07 = 31.6 %; paid leave is in the paid "
              "hours.",
              "Costos del empleador del BLS (ECEC), junio de 2025: (13.58 − 3.44) / 32.07 = 31.6 %; las "
              "vacaciones y permisos pagados ya están en las horas pagadas.")))
    paid_hours_per_year: Decimal | None = field(default=None, metadata=spec(
        "Paid hours", "Horas pagadas", Units.HOURS_PER_YEAR, rule=_TABLE, low=0, low_strict=True, high=8784))
    """None: the reference 2,080 paid hours."""
    area_sqft: Decimal = field(default=ZERO, metadata=spec("Area", "Superficie", Units.SQFT, low=0, high=100_000_000,
        form=True))
    rent_usd_per_sqft_month: Decimal = field(default=ZERO, metadata=spec(
        "Rent", "Renta", Units.USD_PER_SQFT_MONTH, low=0, high=1000, form=True))
    nnn_usd_per_sqft_month: Decimal = field(default=ZERO, metadata=spec(
        "Taxes, insurance and maintenance (NNN)", "Impuestos, seguros y mantenimiento (NNN)",
        Units.USD_PER_SQFT_MONTH, low=0, high=1000))
    electricity_kwh_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Electricity use", "Consumo eléctrico", Units.KWH_PER_MONTH, low=0, high=1_000_000_000, form=True))
    electricity_usd_per_kwh: Decimal = field(default=ZERO, metadata=spec(
        "Electricity tariff", "Tarifa eléctrica", Units.USD_PER_KWH, low=0, high=100))
    water_gas_usd_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Water and gas", "Agua y gas", Units.USD_PER_MONTH, low=0, high=1_000_000_000))
    site_overhead_usd_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Site services", "Servicios del sitio", Units.USD_PER_MONTH, low=0, high=1_000_000_000, form=True))


@dataclass(frozen=True)
class OneTimeItem:
    name: str = field(metadata=spec("Item", "Concepto", max_length=_MAX_NAME, blank=True))
    amount_usd: Decimal = field(metadata=spec("Amount", "Importe", Units.USD, low=0, high=100_000_000_000))
    key: str = field(default="", metadata=spec(
        "Standard item", "Concepto estándar", json_name="_key", advanced=True,
        hint=("Set by the prefill: the document prints the item's name in its own language while the name is the "
              "standard one.",
              "Lo pone la precarga: el documento imprime el nombre del concepto en su idioma mientras el nombre "
              "sea el estándar.")))
    """A standard item of the prefill (`core.scenario_prefill.ONE_TIME_ITEMS`); "" for the consultant's own."""


@dataclass(frozen=True)
class OneTime:
    """The outlay at t = 0."""

    items: tuple[OneTimeItem, ...] = field(default=(), metadata=spec(
        "One-time start-up costs", "Costos únicos de arranque", max_items=MAX_ONE_TIME_ITEMS,
        prefill=("Typical start-up items scaled to the headcount plan (indicative).",
                 "Conceptos típicos de arranque escalados al plan de plantilla (indicativos).")))
    contingency_rate: Decimal = field(default=ZERO, metadata=spec(
        "Contingency", "Contingencia", Units.PERCENT, low=0, high=10,
        hint=("On the start-up items' subtotal.", "Sobre el subtotal de los conceptos de arranque.")))
    pipeline_inventory_usd: Decimal = field(default=ZERO, metadata=spec(
        "Pipeline inventory", "Inventario en tránsito", Units.USD, low=0, high=100_000_000_000,
        hint=("Working capital at the start, recovered in the last year.",
              "Capital de trabajo al inicio, que se recupera en el último año.")))
    """Working capital invested at t = 0 and recovered in the last projected year."""


@dataclass(frozen=True)
class Escalation:
    """Annual escalation rates."""

    mx_wages: Decimal = field(default=ZERO, metadata=spec(
        "Mexican wages", "Salarios en México", Units.PERCENT_PER_YEAR, low=-1, low_strict=True, high=1,
        hint=("Minimum wages rose 20 % in 2024, 12 % in 2025 and 13 % in 2026 (5 % at the border in 2026).",
              "El salario mínimo subió 20 % en 2024, 12 % en 2025 y 13 % en 2026 (5 % en la frontera en 2026).")))
    min_wage: Decimal | None = field(default=None, metadata=spec(
        "Minimum wage", "Salario mínimo", Units.PERCENT_PER_YEAR, rule=Rule.FOLLOWS, follows="escalation.mx_wages",
        low=-1, low_strict=True, high=1))
    """None: follows `mx_wages`."""
    mx_cpi: Decimal = field(default=ZERO, metadata=spec(
        "Mexican inflation", "Inflación en México", Units.PERCENT_PER_YEAR, low=-1, low_strict=True, high=1,
        hint=("INPC, December 2025: 3.69 % year on year.", "INPC de diciembre de 2025: 3.69 % anual.")))
    uma: Decimal | None = field(default=None, metadata=spec(
        "UMA", "UMA", Units.PERCENT_PER_YEAR, rule=Rule.FOLLOWS, follows="escalation.mx_cpi", low=-1,
        low_strict=True, high=1,
        hint=("The UMA follows the INPC by law.", "Por ley, la UMA se actualiza con el INPC.")))
    """None: follows `mx_cpi` (the UMA follows the INPC by law)."""
    usd_costs: Decimal = field(default=ZERO, metadata=spec(
        "USD costs", "Costos en USD", Units.PERCENT_PER_YEAR, low=-1, low_strict=True, high=1))
    us_wages: Decimal = field(default=ZERO, metadata=spec(
        "US wages", "Salarios en EE. UU.", Units.PERCENT_PER_YEAR, low=-1, low_strict=True, high=1,
        hint=("Wages and salaries; the employment cost index of manufacturing benefits rose 3.5 % (March 2026).",
              "Sueldos y salarios; el índice de costo laboral de las prestaciones en manufactura subió 3.5 % "
              "(marzo de 2026).")))


@dataclass(frozen=True)
class IvaFinancing:
    """A memo item: never added to the totals or the cash flows."""

    certified: bool = field(default=True, metadata=spec(
        "IVA/IEPS certification held", "Certificación en IVA e IEPS vigente",
        hint=("The shelter provider's certification, or the client's own once granted.",
              "La certificación de la empresa albergue, o la propia del cliente una vez otorgada."),
        prefill=("The project: the provider's certification under a shelter, the certification checklist for an "
                 "own entity.",
                 "El proyecto: la certificación del proveedor en un albergue, la lista de la certificación para una "
                 "entidad propia.")))
    temporary_imports_usd_per_month: Decimal = field(default=ZERO, metadata=spec(
        "Temporary imports", "Importaciones temporales", Units.USD_PER_MONTH, low=0, high=100_000_000_000, form=True,
        hint=("Customs value per month.", "Valor en aduana por mes."),
        prefill=("The journey's company profile.", "El perfil de la empresa del recorrido.")))
    iva_rate: Decimal | None = field(default=None, metadata=spec(
        "IVA rate", "Tasa del IVA", Units.PERCENT, rule=_TABLE, low=0, high=1))
    """None: the reference 16 %."""
    recovery_lag_months: Decimal = field(default=ZERO, metadata=spec(
        "IVA recovery lag", "Plazo de recuperación del IVA", Units.MONTHS, low=0, high=120,
        hint=("Months until the IVA paid without the certification comes back.",
              "Meses que tarda en recuperarse el IVA pagado sin la certificación.")))
    cost_of_capital_rate: Decimal | None = field(default=None, metadata=spec(
        "Cost of the cash tied up", "Costo del efectivo inmovilizado", Units.PERCENT_PER_YEAR, rule=Rule.FOLLOWS,
        follows="scenario.discount_rate", low=-1, low_strict=True, high=1))
    """None: the scenario's discount rate."""


@dataclass(frozen=True)
class Override:
    """Why a reference value was replaced, for the reader of the PDF.

    `parameter` names the resolved parameter as the result lists it, e.g. "isn_rate",
    "imss_employer_rates.em_excedente", "weekly_hours_by_year.2027", "ptu.cap_days".
    """

    parameter: str
    reason: str


@dataclass(frozen=True)
class BusinessCaseInput:
    scenario: Scenario = field(metadata=spec("Scenario", "Escenario"))
    location: Location = field(metadata=spec("Location", "Ubicación"))
    workforce: Workforce = field(metadata=spec("Workforce", "Plantilla"))
    shelter_fee: ShelterFee = field(metadata=spec("Shelter fee", "Tarifa del albergue"))
    us_baseline: UsBaseline = field(metadata=spec("Current plant", "Planta actual"))
    statutory: StatutoryInputs = field(default=StatutoryInputs(), metadata=spec("Statutory values", "Valores de ley"))
    ptu: PtuInputs = field(default=PtuInputs(), metadata=spec("Profit sharing (PTU)", "Reparto de utilidades (PTU)"))
    facility: Facility = field(default=Facility(), metadata=spec("Facility", "Instalaciones"))
    utilities: Utilities = field(default=Utilities(), metadata=spec("Utilities", "Servicios (energía, agua, gas)"))
    site_overhead: SiteOverhead = field(default=SiteOverhead(), metadata=spec(
        "Site services", "Servicios del sitio"))
    logistics: Logistics = field(default=Logistics(), metadata=spec("Logistics and customs", "Logística y aduanas"))
    one_time: OneTime = field(default=OneTime(), metadata=spec("One-time costs", "Costos únicos"))
    escalation: Escalation = field(default=Escalation(), metadata=spec("Escalation", "Incrementos anuales"))
    iva_financing: IvaFinancing = field(default=IvaFinancing(), metadata=spec(
        "IVA on temporary imports", "IVA de las importaciones temporales"))
    overrides: tuple[Override, ...] = field(default=(), metadata=spec(
        "Reasons for the values that replace the reference tables",
        "Motivos de los valores que sustituyen a las tablas de referencia", in_document=False))
    """Reasons for the reference values this input replaces; a replaced value without one is still listed."""

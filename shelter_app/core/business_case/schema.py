"""The business-case document's schema, derived from its one declaration (`inputs`, `extras`, `spec`).

`fields(cls)` walks a dataclass and returns one `Node` per field: its key in the document, its path,
its shape (number, integer, choice, year map, list of objects...) and its `FieldMeta`. Everything that
needs to know the scenario's fields asks here: the JSON reader and writer (`exchange.business_case_io`),
the range checks (`validation`), the form targets (`core.forms.mapping`), the editor (`ui.business`)
and the document's labels (`reports.business_case`).

Paths are written as in the contract without the leading `$.`: `facility.rent_usd_per_sqft_month`,
`workforce.roles[2].daily_wage_mxn`, `statutory.weekly_hours_by_year['2027']`. A node's `path` is the
template with `[]` for any list index (`workforce.roles[].daily_wage_mxn`); `node(path)` accepts both.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from functools import cache
from typing import Any, Final

from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.inputs import BusinessCaseInput
from shelter_app.core.business_case.spec import META, FieldMeta, Rule


class Shape(StrEnum):
    NUMBER = "number"
    INTEGER = "integer"
    BOOL = "bool"
    TEXT = "text"
    CHOICE = "choice"
    DATE = "date"
    YEAR_MAP = "year_map"
    """An object keyed by 4-digit years (`{"2027": 46}`), each value a number or a list of numbers."""
    NUMBER_LIST = "number_list"
    OBJECT = "object"
    OBJECT_LIST = "object_list"


@dataclass(frozen=True)
class Node:
    """One field of a dataclass of the document."""

    name: str
    """The Python attribute."""
    key: str
    """The key in the document (a dotted `json_name` such as `scenario._fx_source` is a key in a child object)."""
    path: str
    """The path template, e.g. `workforce.roles[].market_benefits.turnover_rate`."""
    meta: FieldMeta
    shape: Shape
    optional: bool
    """The value may be None (left out: its rule fills it)."""
    required: bool
    """No default: the document must give it."""
    default: Any
    kind: type | None
    """The dataclass of an OBJECT or OBJECT_LIST, the enum of a CHOICE, None otherwise."""
    entry: Shape | None = None
    """For a YEAR_MAP: the shape of each year's value (NUMBER or NUMBER_LIST)."""

    @property
    def label(self) -> Text:
        return self.meta.label

    @property
    def children(self) -> tuple[Node, ...]:
        if self.shape in (Shape.OBJECT, Shape.OBJECT_LIST):
            assert self.kind is not None
            return fields(self.kind, self.path + ("[]" if self.shape is Shape.OBJECT_LIST else ""))
        return ()

    @property
    def leaf(self) -> bool:
        return self.shape not in (Shape.OBJECT, Shape.OBJECT_LIST)

    @property
    def parameter(self) -> str | None:
        """The name the computed case's `parameters` and `sources` give a value taken from the reference tables
        (`isn_rate`, `ptu.rate`, `imss_employer_rates.em_excedente`); None for a field with no table behind it."""
        if self.meta.rule not in (Rule.TABLE, Rule.COMPUTED):
            return None
        return self.path.removeprefix("statutory.")

    @property
    def percent(self) -> bool:
        return self.meta.unit is not None and self.meta.unit.percent

    def choice_of(self, value: Any) -> str | None:
        """The document's word for a value of a CHOICE (`WageZone.BORDER` → "zlfn")."""
        return next((c.json for c in self.meta.choices if c.value == value), None)

    def default_text(self) -> Text | None:
        """What a value left out becomes, in words; None when there is nothing to say (a required field)."""
        rule = self.meta.rule
        if rule is Rule.TABLE:
            return Text("Empty: the reference tables' value.",
                        "Si se deja vacío: el valor de las tablas de referencia.")
        if rule is Rule.FOLLOWS:
            other = node(self.meta.follows).label.in_sentence()
            return Text(f"Empty: as {other.en}.", f"Si se deja vacío: igual que {other.es}.")
        if rule is Rule.COMPUTED and self.meta.how is not None:
            return Text(f"Empty: {self.meta.how.en}.", f"Si se deja vacío: {self.meta.how.es}.")
        return None


_INDEX: Final = re.compile(r"\[(?:\d+|'[^']*'|\"[^\"]*\")\]")


def template(path: str) -> str:
    """`$.workforce.roles[2].headcount` → `workforce.roles[].headcount`; a year map's entry
    (`…_by_year['2027']` or, as parameters name it, `…_by_year.2027`) → the map's path."""
    path = path.removeprefix("$").lstrip(".")
    path = re.sub(r"\['\d{4}'\](\[\d+\])?$", "", path)
    path = re.sub(r"\.\d{4}$", "", path)
    return _INDEX.sub("[]", path)


def _shape(annotation: Any) -> tuple[Shape, bool, type | None, Shape | None]:
    """(shape, optional, kind, entry) of a field's resolved type."""
    optional = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        assert len(members) == 1, annotation
        annotation, optional = members[0], True
        origin = typing.get_origin(annotation)
    if annotation is Decimal:
        return Shape.NUMBER, optional, None, None
    if annotation is bool:
        return Shape.BOOL, optional, None, None
    if annotation is int:
        return Shape.INTEGER, optional, None, None
    if annotation is str:
        return Shape.TEXT, optional, None, None
    if annotation is date:
        return Shape.DATE, optional, None, None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return Shape.CHOICE, optional, annotation, None
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return Shape.OBJECT, optional, annotation, None
    args = typing.get_args(annotation)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is Decimal:
            return Shape.NUMBER_LIST, optional, None, None
        element = args[0]
        assert isinstance(element, type) and dataclasses.is_dataclass(element), annotation
        return Shape.OBJECT_LIST, optional, element, None
    if origin is Mapping:
        value = args[1]
        entry = Shape.NUMBER if value is Decimal else _shape(value)[0]
        return Shape.YEAR_MAP, optional, None, entry
    raise TypeError(f"no document shape for {annotation!r}")


@cache
def fields(cls: type, prefix: str = "") -> tuple[Node, ...]:
    """The nodes of a dataclass of the document, in declaration order; `prefix` is the path of the object."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        meta = f.metadata.get(META)
        if not isinstance(meta, FieldMeta):
            raise TypeError(f"{cls.__name__}.{f.name} has no spec(): every field of the document is declared once")
        shape, optional, kind, entry = _shape(hints[f.name])
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        key = meta.json_name or f.name
        path = f"{prefix}.{key}" if prefix else key
        if shape is Shape.CHOICE and not meta.choices:
            raise TypeError(f"{path}: a choice needs its choices with their labels")
        out.append(Node(f.name, key, path, meta, shape, optional, required, default, kind, entry))
    return tuple(out)


def document_fields() -> tuple[Node, ...]:
    """The contract's input (`BusinessCaseInput`), what the code keeps beside it excluded."""
    return tuple(n for n in fields(BusinessCaseInput) if n.meta.in_document)


def extra_fields() -> tuple[Node, ...]:
    """The app's extensions (`ScenarioExtras`)."""
    from shelter_app.core.business_case.extras import ScenarioExtras  # it imports the China and site models

    return fields(ScenarioExtras)


def walk(nodes: tuple[Node, ...] | None = None) -> Iterator[Node]:
    """Every node under `nodes` (default: the document and its extensions), depth first."""
    for n in document_fields() + extra_fields() if nodes is None else nodes:
        yield n
        yield from walk(n.children)


@cache
def _by_path() -> dict[str, Node]:
    return {n.path: n for n in walk()}


def node(path: str) -> Node:
    """The node of a path (a template or a concrete path, with or without `$.`); KeyError when none."""
    return _by_path()[template(path)]


def find(path: str) -> Node | None:
    return _by_path().get(template(path))


def parameter_node(parameter: str) -> Node | None:
    """The field behind a parameter of the computed case (`isn_rate`, `weekly_hours_by_year.2027`)."""
    found = find(parameter) or find(f"statutory.{parameter}")
    return found if found is not None and found.parameter is not None else None


def label(path: str) -> Text:
    """A field's label, with the year of a year map's entry (`Legal work week 2027`) and the number of a
    list's element (`Roles and headcount 3`) when the path names one."""
    found = node(path)
    year = re.search(r"(?:\['|\.)(\d{4})'?\]?$", path.removeprefix("$"))
    if year and found.shape is Shape.YEAR_MAP:
        return found.label + Text.same(f" {year.group(1)}")
    return found.label


# ---- the editor's layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EditorTab:
    """One tab of the scenario editor: its title and the fields or objects it shows, in order. An object
    shows its leaf fields that are not `advanced`; the roles, the one-time items and the China supplier
    are tables or boxes of their own."""

    key: str
    title: Text
    paths: tuple[str, ...]


EDITOR_TABS: Final = (
    EditorTab("scenario", Text("Scenario and site", "Escenario y sitio"), (
        "scenario.base_year", "scenario.horizon_years", "scenario.fx_mxn_per_usd", "scenario._fx_source",
        "scenario._fx_as_of", "scenario.discount_rate", "location", "_site", "workforce.seniority_years",
        "workforce.productivity_factor", "workforce.roles")),
    EditorTab("statutory", Text("Statutory values", "Valores de ley"), ("statutory", "ptu")),
    EditorTab("facility", Text("Facility and logistics", "Instalaciones y logística"), (
        "facility", "utilities", "site_overhead", "logistics")),
    EditorTab("fee", Text("Shelter fee and start-up", "Tarifa del albergue y arranque"), (
        "shelter_fee", "one_time.contingency_rate", "one_time.pipeline_inventory_usd", "one_time.items")),
    EditorTab("current", Text("Current plant", "Planta actual"), ("us_baseline", "_china_baseline")),
    EditorTab("escalation", Text("Escalation and IVA", "Incrementos e IVA"), ("escalation", "iva_financing", "_ieps")),
)
"""The editor's tabs in the document's order."""


def editor_fields(tab: EditorTab) -> tuple[Node, ...]:
    """The simple inputs of a tab, in order: the leaves of its objects (not advanced) and its named leaves.
    Lists and the China supplier (an object the editor turns on and off) are drawn apart."""
    from shelter_app.core.business_case.china import ChinaBaseline

    out: list[Node] = []
    for path in tab.paths:
        found = node(path)
        if found.shape is Shape.OBJECT and found.kind is not ChinaBaseline:
            out += [n for n in found.children if n.leaf and not n.meta.advanced and n.shape is not Shape.YEAR_MAP]
        elif found.leaf:
            out.append(found)
    return tuple(out)

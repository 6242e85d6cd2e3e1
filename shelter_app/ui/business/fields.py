"""The business-case inputs the editor shows, each with its unit and hint, taken from the scenario's declaration.

Nothing here lists the scenario's fields: the tabs and their order are `core.business_case.schema.EDITOR_TABS`,
and each input's label, unit, hint, kind and default rule come from the field's `spec` in
`core.business_case.inputs` (one declaration, read by the JSON contract, the forms and the document too).
A field is addressed by its path in the document, so an error of the contract
(`$.facility.rent_usd_per_sqft_month: …`) lands on the input that holds it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from shelter_app.core.business_case import schema
from shelter_app.core.business_case.china import ChinaBaseline
from shelter_app.core.business_case.inputs import OneTimeItem, Role
from shelter_app.core.business_case.schema import Node, Shape
from shelter_app.core.business_case.spec import Rule

Path = tuple[str | int, ...]

_KINDS = {Shape.INTEGER: "int", Shape.BOOL: "bool", Shape.CHOICE: "choice", Shape.TEXT: "text",
          Shape.DATE: "date", Shape.NUMBER: "number"}


@dataclass(frozen=True)
class FieldSpec:
    """One input: where it is in the document (`path`, relative to `node`'s object for a role's benefits) and
    how it reads in the editor's language."""

    node: Node
    path: Path
    label: str
    kind: str
    """number | int | percent | bool | choice | text | date"""
    unit: str
    hint: str
    choices: tuple[tuple[str, str], ...]

    @property
    def key(self) -> str:
        return path_text(self.path)

    @property
    def optional(self) -> bool:
        """Empty means the rule's value: the reference table's, another field's, or unknown."""
        return self.node.optional

    @property
    def reference(self) -> bool:
        """Empty means the reference tables' value; setting it is an override with a reason."""
        return self.node.meta.rule is Rule.TABLE


def spec_of(n: Node, language: str, path: Path | None = None) -> FieldSpec:
    """The input of a declared field in `language`."""
    kind = "choice" if n.meta.choices and n.shape is Shape.TEXT else _KINDS.get(n.shape, "text")
    if kind == "number" and n.percent:
        kind = "percent"
    unit = n.meta.unit.symbol.pick(language) if n.meta.unit is not None else ""
    rule = None if n.meta.rule is Rule.TABLE else n.default_text()  # the page says which table value applies
    hints = [t.pick(language) for t in (n.meta.hint, rule) if t is not None]
    choices = tuple((c.json, c.label.pick(language)) for c in n.meta.choices)
    return FieldSpec(n, path if path is not None else parse_path(n.path), n.label.pick(language), kind, unit,
                     " ".join(hints), choices)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[FieldSpec, ...]


def sections(language: str) -> list[Section]:
    """The editor's tabs in the document's order (the roles, the one-time items and the China supplier are drawn
    apart, in the tabs that name them)."""
    return [Section(tab.key, tab.title.pick(language), tuple(spec_of(n, language) for n in schema.editor_fields(tab)))
            for tab in schema.EDITOR_TABS]


def _element_fields(kind: type, list_path: str) -> tuple[Node, ...]:
    return schema.fields(kind, list_path + "[]")


def role_columns(language: str) -> list[FieldSpec]:
    """The roles table: a role's simple fields, its name first (its key, id and benefits are not columns)."""
    nodes = [n for n in _element_fields(Role, "workforce.roles") if n.leaf and not n.meta.advanced]
    nodes.sort(key=lambda n: n.shape is not Shape.TEXT)
    return [spec_of(n, language, (n.key,)) for n in nodes]


def benefit_fields(language: str) -> list[FieldSpec]:
    """The selected role's market benefits (outside the SBC), relative to the role."""
    benefits = next(n for n in _element_fields(Role, "workforce.roles") if n.key == "market_benefits")
    return [spec_of(n, language, ("market_benefits", n.key)) for n in benefits.children]


def one_time_columns(language: str) -> list[FieldSpec]:
    """The start-up items table: name and amount."""
    return [spec_of(n, language, (n.key,)) for n in _element_fields(OneTimeItem, "one_time.items")
            if not n.meta.advanced]


def china_fields(language: str) -> list[FieldSpec]:
    """The optional China-supplier baseline (`_china_baseline`): the landed cost the Mexican plant replaces."""
    return [spec_of(n, language) for n in schema.fields(ChinaBaseline, "_china_baseline")]


def path_text(path: Sequence[str | int]) -> str:
    """`("workforce", "roles", 2, "headcount")` → `workforce.roles[2].headcount` (the contract's JSON path)."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def parse_path(text: str) -> Path:
    """The inverse of `path_text`, accepting a leading `$.`; a dotted key (`scenario._fx_source`) splits."""
    parts: list[str | int] = []
    for name, index in re.findall(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", text.removeprefix("$").lstrip(".")):
        parts.append(int(index) if index else name)
    return tuple(parts)


def get_in(document: Any, path: Path) -> Any:
    node = document
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
    return node


def set_in(document: dict[str, Any], path: Path, value: Any) -> None:
    """Set (or, for None, remove) the value at `path`, creating the objects on the way."""
    node: Any = document
    for part in path[:-1]:
        node = node[part] if isinstance(part, int) else node.setdefault(part, {})
    last = path[-1]
    if value is None:
        if isinstance(last, str) and isinstance(node, dict):
            node.pop(last, None)
    else:
        node[last] = value


def parse_number(text: str) -> Decimal:
    """A number as typed: thousands separators and spaces ignored (es_MX and en both write 1,234.5)."""
    cleaned = text.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("%", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value

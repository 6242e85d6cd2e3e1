"""Form definitions: versioned, bilingual YAML files in `forms/<form id>/<version>.yaml`, validated on load.

`load_forms()` reads every file and returns a `FormSet` (all versions of all forms), or raises
`FormDefinitionError` listing every problem, each naming the file, the question and what is wrong.
`definition_from_data` checks a definition that arrives inside a package the same way, so a hostile
package cannot bring an unsafe expression with it. The format is described in `forms/README.md`.
"""

from __future__ import annotations

import graphlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Final, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from shelter_app import paths
from shelter_app.content.yamlread import load_untrusted_yaml
from shelter_app.core.bilingual import Text
from shelter_app.core.errors import UserError
from shelter_app.core.forms.expressions import Expression, ExpressionError, compile_expression
from shelter_app.core.forms.mapping import TARGETS, check_mapping, unknown_columns
from shelter_app.core.forms.model import (
    CALCULATION_RESULTS,
    MAX_ROWS,
    NUMERIC_TYPES,
    Choice,
    FormDefinition,
    QType,
    Question,
    Section,
)
from shelter_app.core.forms.values import AnswerError, normalise

_MODEL = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
FormId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Version = Annotated[str, Field(pattern=r"^\d+(\.\d+){1,3}$", max_length=30)]
Words = Annotated[str, Field(min_length=1, max_length=2_000)]
MapsTo = Annotated[str, Field(pattern=r"^[a-z_]+(\.[a-z_0-9]+)*$", max_length=120)]
MAX_FILE_BYTES: Final = 2 * 1024 * 1024


class RawText(BaseModel):
    model_config = _MODEL
    en: Words
    es: Words

    def typed(self) -> Text:
        return Text(self.en, self.es)


class RawChoice(BaseModel):
    model_config = _MODEL
    value: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.\-]+$", max_length=60)]
    en: Words
    es: Words


class RawQuestion(BaseModel):
    model_config = _MODEL
    name: Name
    type: QType
    label: RawText
    hint: RawText | None = None
    required: bool = False
    read_only: bool = False
    default: Any = None
    min: Any = None
    max: Any = None
    decimals: int | None = Field(default=None, ge=0, le=6)
    max_length: int | None = Field(default=None, ge=1, le=5_000)
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    currencies: list[Annotated[str, Field(pattern=r"^[A-Z]{3}$")]] | None = None
    choices: list[RawChoice] | Name | None = None
    constraint: str | None = None
    constraint_message: RawText | None = None
    relevant: str | None = None
    calculation: str | None = None
    result: Literal["decimal", "integer", "text", "yes_no"] | None = None
    fields: list[RawQuestion] | None = None
    min_rows: int | None = Field(default=None, ge=0, le=MAX_ROWS)
    max_rows: int | None = Field(default=None, ge=1, le=MAX_ROWS)
    max_size_mb: int | None = Field(default=None, ge=1, le=100)
    extensions: list[Annotated[str, Field(pattern=r"^[a-z0-9]{1,8}$")]] | None = None
    maps_to: MapsTo | list[MapsTo] | None = None


class RawSection(BaseModel):
    model_config = _MODEL
    id: Name
    title: RawText
    description: RawText | None = None
    relevant: str | None = None
    fields: list[RawQuestion] = Field(min_length=1)


class RawForm(BaseModel):
    model_config = _MODEL
    form: FormId
    version: Version
    title: RawText
    description: RawText | None = None
    choice_lists: dict[Name, list[RawChoice]] = {}
    sections: list[RawSection] = Field(min_length=1)


@dataclass(frozen=True)
class FormProblem:
    """One thing wrong in a definition; `where` names the question (or section) at fault, if any."""

    file: str
    where: str | None
    problem: str

    def message(self, language: str = "en") -> str:
        spanish = language.lower().startswith("es")
        if self.where is None:
            return f"{self.file}: {self.problem}"
        return f"{self.file}, {'pregunta' if spanish else 'question'} {self.where}: {self.problem}"


class FormDefinitionError(UserError):
    """A form definition does not validate; `problems` lists every problem found."""

    def __init__(self, problems: Sequence[FormProblem]) -> None:
        self.problems = tuple(problems)
        n = len(self.problems)
        en = "\n".join([f"The form definition has {n} problem{'s' if n != 1 else ''}:",
                        *(f"- {p.message('en')}" for p in self.problems)])
        es = "\n".join([f"La definición del formulario tiene {n} problema{'s' if n != 1 else ''}:",
                        *(f"- {p.message('es')}" for p in self.problems)])
        super().__init__(en, es)


class UnknownForm(UserError):
    def __init__(self, form_id: str, version: str | None = None) -> None:
        what = f"{form_id} {version}" if version else form_id
        super().__init__(f"This copy of ShelterDesk does not know the form “{what}”. Update the app or ask the "
                         "consultant for a current package.",
                         f"Esta copia de ShelterDesk no conoce el formulario “{what}”. Actualice la aplicación o "
                         "pida al consultor un paquete vigente.", field="form")
        self.form_id, self.version = form_id, version


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


class FormSet:
    """Every version of every shipped form; the newest version of an id is the one sent to clients."""

    def __init__(self, definitions: Iterable[FormDefinition]) -> None:
        self._by_key = {d.key: d for d in definitions}

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, form_id: str, version: str) -> FormDefinition:
        try:
            return self._by_key[(form_id, version)]
        except KeyError:
            raise UnknownForm(form_id, version) from None

    def latest(self, form_id: str) -> FormDefinition:
        versions = self.versions(form_id)
        if not versions:
            raise UnknownForm(form_id)
        return self._by_key[(form_id, versions[-1])]

    def versions(self, form_id: str) -> list[str]:
        return sorted((v for (i, v) in self._by_key if i == form_id), key=version_key)

    def ids(self) -> list[str]:
        return sorted({i for i, _ in self._by_key})

    def latest_all(self) -> list[FormDefinition]:
        return [self.latest(i) for i in self.ids()]

    def all(self) -> list[FormDefinition]:
        return [self._by_key[k] for k in sorted(self._by_key, key=lambda k: (k[0], version_key(k[1])))]


def default_folder() -> Path:
    return paths.forms_dir()


def load_forms(folder: Path | None = None) -> FormSet:
    """Read and validate every `<id>/<version>.yaml` under `folder` (default: the shipped forms)."""
    folder = default_folder() if folder is None else folder
    problems: list[FormProblem] = []
    definitions: list[FormDefinition] = []
    files = sorted(folder.glob("*/*.yaml")) if folder.is_dir() else []
    if not files:
        raise FormDefinitionError([FormProblem(str(folder), None, "no form definitions found")])
    for file in files:
        label = f"{file.parent.name}/{file.name}"
        try:
            definition = load_form_file(file, label=label)
        except FormDefinitionError as exc:
            problems.extend(exc.problems)
            continue
        if definition.id != file.parent.name or definition.version != file.stem:
            problems.append(FormProblem(label, None, f"the file must be {definition.id}/{definition.version}.yaml "
                                                     "(folder = form id, name = version)"))
            continue
        definitions.append(definition)
    if problems:
        raise FormDefinitionError(problems)
    return FormSet(definitions)


def load_form_file(file: Path, label: str | None = None) -> FormDefinition:
    label = label or file.name
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise FormDefinitionError([FormProblem(label, None, "the file is larger than 2 MB")])
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormDefinitionError([FormProblem(label, None, f"cannot be read ({type(exc).__name__})")]) from None
    try:
        data = load_untrusted_yaml(text, label)  # YamlRefused (anchors, tags, depth, numbers): exit 2 in the CLI
    except yaml.YAMLError as exc:
        raise FormDefinitionError([FormProblem(label, None, f"is not valid YAML: {exc}")]) from None
    return definition_from_data(data, label)


def definition_from_data(data: object, source: str) -> FormDefinition:
    """Validate a definition given as plain data (a YAML file, or the copy inside a package)."""
    if not isinstance(data, Mapping):
        raise FormDefinitionError([FormProblem(source, None, "a definition is a mapping (form, version, ...)")])
    try:
        raw = RawForm.model_validate(data)
    except PydanticValidationError as exc:
        raise FormDefinitionError(list(_pydantic_problems(source, data, exc))) from None
    return _Builder(raw, source, _jsonable(data)).build()


def _pydantic_problems(source: str, data: Mapping[str, Any], exc: PydanticValidationError) -> Iterator[FormProblem]:
    for error in exc.errors(include_url=False):
        loc = list(error["loc"])
        where = _where(data, loc)
        field = ".".join(str(p) for p in loc if not isinstance(p, int) and p not in ("sections", "fields"))
        yield FormProblem(source, where, f"{field or 'file'}: {error['msg']}")


def _where(data: Any, loc: list[Any]) -> str | None:
    """The name of the innermost question (or section) on pydantic's error path."""
    node, found = data, None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, Mapping):
            name = node.get("name") or node.get("id")
            if isinstance(name, str):
                found = name
    return found


def _jsonable(value: Any) -> Any:
    """The definition as JSON data (YAML dates become ISO text), for packages."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(Decimal(repr(value)))
    return value


_KEYS_BY_TYPE: Final[dict[str, frozenset[QType]]] = {
    "min": frozenset({*NUMERIC_TYPES, QType.DATE, QType.SELECT_MULTIPLE}),
    "max": frozenset({*NUMERIC_TYPES, QType.DATE, QType.SELECT_MULTIPLE}),
    "decimals": frozenset({QType.DECIMAL, QType.PERCENT, QType.MONEY, QType.CALCULATE}),
    "max_length": frozenset({QType.TEXT, QType.LONG_TEXT}),
    "currency": frozenset({QType.MONEY}),
    "currencies": frozenset({QType.MONEY}),
    "choices": frozenset({QType.SELECT_ONE, QType.SELECT_MULTIPLE}),
    "calculation": frozenset({QType.CALCULATE}),
    "result": frozenset({QType.CALCULATE}),
    "fields": frozenset({QType.REPEAT}),
    "min_rows": frozenset({QType.REPEAT}),
    "max_rows": frozenset({QType.REPEAT}),
    "max_size_mb": frozenset({QType.FILE}),
    "extensions": frozenset({QType.FILE}),
}


class _Builder:
    """Turns a structurally valid `RawForm` into the typed model, checking everything pydantic cannot."""

    def __init__(self, raw: RawForm, source: str, data: dict[str, Any]) -> None:
        self.raw, self.source, self.data = raw, source, data
        self.problems: list[FormProblem] = []

    def fail(self, where: str | None, problem: str) -> None:
        self.problems.append(FormProblem(self.source, where, problem))

    def build(self) -> FormDefinition:
        raw = self.raw
        top = [q for s in raw.sections for q in s.fields]
        names = [q.name for q in top]
        for name in sorted({n for n in names if names.count(n) > 1}):
            self.fail(name, "the name is used twice")
        section_ids = [s.id for s in raw.sections]
        for sid in sorted({s for s in section_ids if section_ids.count(s) > 1}):
            self.fail(sid, "the section id is used twice")
        for list_name, choices in raw.choice_lists.items():
            self._check_choices(list_name, choices)
        self.top_names = {q.name for q in top if q.type is not QType.NOTE}
        sections = tuple(self._section(s) for s in raw.sections)
        if self.problems:
            raise FormDefinitionError(self.problems)
        definition = FormDefinition(raw.form, raw.version, raw.title.typed(), sections,
                                    raw.description.typed() if raw.description else None, self.source, self.data)
        try:
            definition.calculation_order()
        except graphlib.CycleError as exc:
            cycle = " → ".join(str(n) for n in exc.args[1])
            raise FormDefinitionError([FormProblem(self.source, None, "calculations depend on each other in a "
                                                                     f"circle: {cycle}")]) from None
        return definition

    def _check_choices(self, where: str, choices: Sequence[RawChoice]) -> None:
        values = [c.value for c in choices]
        if not values:
            self.fail(where, "the choice list is empty")
        for value in sorted({v for v in values if values.count(v) > 1}):
            self.fail(where, f"the choice {value} is listed twice")

    def _expr(self, where: str, text: str | None, names: set[str], *, allow_value: bool = False) -> Expression | None:
        if text is None:
            return None
        try:
            return compile_expression(text, names, allow_value=allow_value)
        except ExpressionError as exc:
            self.fail(where, f"expression “{text[:80]}”: {exc}")
            return None

    def _section(self, raw: RawSection) -> Section:
        questions = tuple(q for q in (self._question(r, self.top_names, None) for r in raw.fields) if q is not None)
        return Section(raw.id, raw.title.typed(), questions, raw.description.typed() if raw.description else None,
                       self._expr(f"{raw.id} (section)", raw.relevant, self.top_names))

    def _question(self, r: RawQuestion, names: set[str], repeat: str | None) -> Question | None:
        where = f"{repeat}.{r.name}" if repeat else r.name
        before = len(self.problems)
        given = r.model_fields_set
        for key, types in _KEYS_BY_TYPE.items():
            if key in given and getattr(r, key) is not None and r.type not in types:
                self.fail(where, f"`{key}` does not apply to a {r.type.value} question")
        if r.type is QType.REPEAT and repeat is not None:
            self.fail(where, "a repeat group cannot hold another repeat group")
        if r.type is QType.NOTE and (r.required or r.maps_to or r.default is not None):
            self.fail(where, "a note takes no answer (no required, default or maps_to)")
        if r.type is QType.CALCULATE and not r.calculation:
            self.fail(where, "a calculate question needs `calculation`")
        if r.type in (QType.SELECT_ONE, QType.SELECT_MULTIPLE) and r.choices is None:
            self.fail(where, "a select question needs `choices`")
        if r.type is QType.REPEAT and not r.fields:
            self.fail(where, "a repeat group needs `fields`")
        if r.constraint and not r.constraint_message:
            self.fail(where, "a constraint needs a bilingual `constraint_message`")
        if r.currency and r.currencies:
            self.fail(where, "give `currency` or `currencies`, not both")
        choices = self._choices(where, r.choices)
        row_fields: tuple[Question, ...] = ()
        row_names = names
        if r.type is QType.REPEAT and r.fields:
            row_own = [f.name for f in r.fields]
            for dup in sorted({n for n in row_own if row_own.count(n) > 1}):
                self.fail(where, f"the row question {dup} is used twice")
            for shadow in sorted(set(row_own) & self.top_names):
                self.fail(f"{where}.{shadow}", "a row question may not reuse the name of a question of the form")
            row_names = names | {f.name for f in r.fields if f.type is not QType.NOTE}
            row_fields = tuple(q for q in (self._question(f, row_names, r.name) for f in r.fields) if q is not None)
        result = QType(r.result) if r.result else QType.DECIMAL
        own_names = row_names if r.type is QType.REPEAT else names
        question = Question(
            name=r.name, type=r.type, label=r.label.typed(), hint=r.hint.typed() if r.hint else None,
            required=r.required, read_only=r.read_only,
            minimum=self._bound(where, r, r.min), maximum=self._bound(where, r, r.max),
            decimals=r.decimals if r.decimals is not None else 2, max_length=r.max_length,
            currencies=tuple(r.currencies or ([r.currency] if r.currency else ["USD"] if r.type is QType.MONEY
                                                else [])),
            choices=choices,
            constraint=self._expr(where, r.constraint, names, allow_value=True),
            constraint_message=r.constraint_message.typed() if r.constraint_message else None,
            relevant=self._expr(where, r.relevant, names),
            calculation=self._expr(where, r.calculation, own_names),
            result=result, fields=row_fields,
            min_rows=r.min_rows or 0, max_rows=r.max_rows or MAX_ROWS,
            max_size_mb=r.max_size_mb or 20, extensions=tuple(r.extensions or ()),
            maps_to=tuple([r.maps_to] if isinstance(r.maps_to, str) else r.maps_to or []),
        )
        if result not in CALCULATION_RESULTS:
            self.fail(where, f"a calculation cannot give {result.value}")
        if question.minimum is not None and question.maximum is not None and question.minimum > question.maximum:  # type: ignore[operator]
            self.fail(where, "`min` is greater than `max`")
        if question.min_rows > question.max_rows:
            self.fail(where, "`min_rows` is greater than `max_rows`")
        if repeat is None:
            self._check_targets(where, question)
        if r.default is not None and len(self.problems) == before:
            try:
                question = _with_default(question, normalise(question, r.default))
            except (AnswerError, TypeError) as exc:
                self.fail(where, f"the default does not fit: {exc}")
        return question if len(self.problems) == before else None

    def _check_targets(self, where: str, question: Question) -> None:
        if len(set(question.maps_to)) != len(question.maps_to):
            self.fail(where, "`maps_to` names a target twice")
        targets = []
        for path in question.maps_to:
            target = TARGETS.get(path)
            if target is None:
                self.fail(where, f"`maps_to: {path}` is not a known target (see forms/README.md)")
                continue
            targets.append(target)
            problem = check_mapping(question, target)
            if problem:
                self.fail(where, problem)
        unknown = unknown_columns(question, targets) if question.type is QType.REPEAT else []
        if unknown and targets:
            columns = ", ".join(sorted({c for t in targets for c in t.columns}))
            where_to = " / ".join(t.path for t in targets)
            self.fail(where, f"{where_to} has no column {', '.join(unknown)} (columns: {columns})")

    def _choices(self, where: str, given: list[RawChoice] | str | None) -> tuple[Choice, ...]:
        if given is None:
            return ()
        if isinstance(given, str):
            listed = self.raw.choice_lists.get(given)
            if listed is None:
                self.fail(where, f"there is no choice list named {given}")
                return ()
            given = listed
        else:
            self._check_choices(where, given)
        return tuple(Choice(c.value, Text(c.en, c.es)) for c in given)

    def _bound(self, where: str, r: RawQuestion, value: Any) -> int | Decimal | date | None:
        if value is None:
            return None
        try:
            if r.type is QType.DATE:
                return value if isinstance(value, date) else date.fromisoformat(str(value))
            if r.type in (QType.INTEGER, QType.SELECT_MULTIPLE):
                if isinstance(value, bool) or not isinstance(value, int):
                    raise ValueError
                return value
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                raise ValueError
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            if not number.is_finite():
                raise ValueError
            return number
        except (ValueError, ArithmeticError):
            self.fail(where, f"`min`/`max` {value!r} does not fit a {r.type.value} question")
            return None



def _with_default(q: Question, default: object) -> Question:
    return replace(q, default=default)


def dumps_definition(definition: FormDefinition) -> str:
    """The definition's data as JSON text (what a package carries)."""
    return json.dumps(definition_data(definition), ensure_ascii=False, sort_keys=True)


def definition_data(definition: FormDefinition) -> dict[str, Any]:
    return dict(definition.data)

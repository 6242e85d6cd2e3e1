"""The rulebook table's machinery: read a client profile, check it, run it as the app does, compare.

A profile (tests/rulebook/profiles/*.yaml, format in README.md) gives journey answers over
`defaults.yaml` and the recommendations and checklist items it must and must not get. The hooks:

* `load_profiles()` reads every profile file (for the test ids and the `pending` mark);
* `check_profile(profile)` refuses a profile with an unknown step, answer, recommendation code,
  severity or checklist item (`ProfileError`, every problem listed), so a typo cannot pass silently;
* `run_profile(db, profile, workdir)` runs it the way `shelter-app journey run` does: the answers
  document as a JSON file read by the app's reader, `Journey.go_next` step by step, then the services
  `save_journey` and `apply_journey` on a real database, and reads back what a consultant sees:
  `get_journey(...).journey.recommendations()` and `project_items(...)`;
* `mismatches(profile, outcome)` lists what is missing or unexpected; `ProfileMismatch` carries them.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import yaml

from shelter_app.content.yamlread import UniqueKeyLoader
from shelter_app.core.answers import Path as OperatingPath
from shelter_app.core.eligibility import Recommendation, Severity
from shelter_app.core.errors import ValidationError
from shelter_app.core.journey import STEPS, Journey, Step, fields_for
from shelter_app.core.portfolio import ClientFields, ProjectFields
from shelter_app.exchange.bounded_json import read_json_file
from shelter_app.services import checklists, clients, projects
from shelter_app.storage.db import Database

HERE: Final = Path(__file__).parent
PROFILES_DIR: Final = HERE / "profiles"
DEFAULTS_FILE: Final = HERE / "defaults.yaml"
VOCABULARY_FILE: Final = HERE / "recommendations.yaml"

ANSWER_STEPS: Final = tuple(s for s in STEPS if s is not Step.BUSINESS_CASE)
"""The steps a journey answers document holds (the last one asks nothing)."""
_TOP_KEYS: Final = frozenset({"title", "answers", "recommendations", "checklist", "pending", "pending_answers"})
_CONDITION_KEYS: Final = frozenset({"severity", "to_verify", "says"})
_SEVERITIES: Final = frozenset(s.value for s in Severity)
ACTOR: Final = "rulebook"


class ProfileError(Exception):
    """The profile file itself is wrong (a typo, an unknown id): fix the profile, not the rules."""

    def __init__(self, name: str, problems: Sequence[str]) -> None:
        self.name, self.problems = name, tuple(problems)
        super().__init__(f"profile {name} is not valid:\n" + "\n".join(f"  - {p}" for p in problems))


class ProfileMismatch(AssertionError):
    """The app's outcome for the profile differs from what the profile expects."""

    def __init__(self, profile: Profile, problems: Sequence[str], outcome: Outcome) -> None:
        self.problems = tuple(problems)
        lines = [f"profile {profile.name} ({profile.title}) does not get what it expects:",
                 *(f"  - {p}" for p in problems),
                 "  the app gave these recommendations:",
                 *(f"      {r.code} [{r.severity}{', to verify' if r.to_verify else ''}] {r.title.en}"
                   for r in outcome.recommendations),
                 f"  and {len(outcome.items)} checklist items: {', '.join(sorted(outcome.items))}"]
        if profile.pending:
            lines.insert(1, f"  pending: {profile.pending}")
        super().__init__("\n".join(lines))


# --- reading ---------------------------------------------------------------------------------------------------


def _read_yaml(file: Path) -> Any:
    with file.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=UniqueKeyLoader)  # a safe loader that refuses duplicate keys


@dataclass(frozen=True)
class Expectation:
    """One entry of a must/must_not list of recommendations: a code and optional conditions."""

    code: str
    severities: frozenset[str] = frozenset()  # empty: any severity
    to_verify: bool | None = None
    says: str = ""  # a piece of the English title or explanation, case-insensitive

    def matches(self, rec: Recommendation) -> bool:
        if rec.code != self.code:
            return False
        if self.severities and rec.severity.value not in self.severities:
            return False
        if self.to_verify is not None and rec.to_verify is not self.to_verify:
            return False
        return not self.says or self.says.casefold() in f"{rec.title.en} {rec.explanation.en}".casefold()

    def describe(self) -> str:
        parts = []
        if self.severities:
            parts.append(" or ".join(sorted(self.severities)))
        if self.to_verify is not None:
            parts.append("to verify" if self.to_verify else "not to verify")
        if self.says:
            parts.append(f"saying “{self.says}”")
        return self.code + (f" ({', '.join(parts)})" if parts else "")


@dataclass(frozen=True)
class Profile:
    """A profile file as written (`raw`) plus what the runner needs; `check_profile` validates it."""

    name: str  # the file's stem, the pytest id
    file: Path
    raw: Any

    @property
    def pending(self) -> str:
        value = self.raw.get("pending") if isinstance(self.raw, Mapping) else None
        return value.strip() if isinstance(value, str) else ""

    @property
    def title(self) -> str:
        value = self.raw.get("title") if isinstance(self.raw, Mapping) else None
        return value if isinstance(value, str) else ""


def load_profiles(folder: Path = PROFILES_DIR) -> list[Profile]:
    """Every profile file of `folder`, in name order (a file that is not YAML is kept, `check_profile` says why)."""
    found = []
    for file in sorted(folder.glob("*.yaml")):
        try:
            raw = _read_yaml(file)
        except yaml.YAMLError as exc:
            raw = exc
        found.append(Profile(file.stem, file, raw))
    return found


@lru_cache(maxsize=1)
def defaults() -> dict[str, dict[str, Any]]:
    """The answers every profile starts from (defaults.yaml), by step."""
    data = _read_yaml(DEFAULTS_FILE)
    assert isinstance(data, dict) and set(data) <= {s.value for s in ANSWER_STEPS}, "defaults.yaml: steps only"
    return data


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, str]:
    """The recommendation codes the rules produce (recommendations.yaml), each with what it is about."""
    data = _read_yaml(VOCABULARY_FILE)
    assert isinstance(data, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in data.items())
    return data


def known_item_ids() -> frozenset[str]:
    return frozenset(checklists.shipped_packs().items_by_id)


# --- checking a profile ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedProfile:
    """A valid profile: its merged answers document and its expectations."""

    profile: Profile
    document: dict[str, dict[str, Any]]
    must: tuple[Expectation, ...]
    must_not: tuple[Expectation, ...]
    items_must: tuple[str, ...]
    items_must_not: tuple[str, ...]


def merged_answers(answers: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """defaults.yaml with the profile's answers over it, field by field (`null` leaves a default unanswered)."""
    document = copy.deepcopy(defaults())
    for step, given in answers.items():
        if isinstance(given, Mapping):
            document.setdefault(step, {}).update(given)
    return {step: {k: v for k, v in fields.items() if v is not None} for step, fields in document.items()}


def _check_answers(answers: Any, problems: list[str]) -> dict[str, dict[str, Any]]:
    if not isinstance(answers, Mapping) or not answers:
        problems.append("`answers` must be a mapping of journey steps to their answers")
        return {}
    steps = {s.value for s in ANSWER_STEPS}
    for step, given in answers.items():
        if step not in steps:
            problems.append(f"answers: “{step}” is not a journey step (steps: {', '.join(sorted(steps))})")
        elif not isinstance(given, Mapping):
            problems.append(f"answers.{step} must be a mapping of questions to answers")
    document = merged_answers({k: v for k, v in answers.items() if k in steps and isinstance(v, Mapping)})
    path_value = document.get(Step.OPERATING_MODEL.value, {}).get("path")
    path = OperatingPath(path_value) if path_value in {p.value for p in OperatingPath} else None
    if path is None:
        problems.append(f"answers.operating_model.path must be one of {', '.join(p.value for p in OperatingPath)}, "
                        f"not {path_value!r}")
    for step in ANSWER_STEPS:
        given = answers.get(step.value)
        if not isinstance(given, Mapping) or (step is Step.PROGRAMS and path is None):
            continue  # programs' questions depend on the path, refused above
        known = {f.name for f in fields_for(step, path)}
        for name in given:
            if name not in known:
                problems.append(f"answers.{step.value}: “{name}” is not a question of this step on the "
                                f"{path.value if path else 'undecided'} path (questions: {', '.join(sorted(known))})")
    return document


def _check_expectations(section: str, given: Any, pending: bool, problems: list[str]) -> tuple[
        tuple[Expectation, ...], tuple[Expectation, ...]]:
    if given is None:
        return (), ()
    if not isinstance(given, Mapping) or not set(given) <= {"must", "must_not"}:
        problems.append(f"`{section}` takes only `must` and `must_not` lists")
        return (), ()
    lists: dict[str, list[Expectation]] = {"must": [], "must_not": []}
    for key, found in lists.items():
        entries = given.get(key) or []
        if not isinstance(entries, list):
            problems.append(f"{section}.{key} must be a list")
            continue
        for entry in entries:
            expectation = _expectation(f"{section}.{key}", entry, problems)
            if expectation is None:
                continue
            if expectation.code not in vocabulary() and not pending:
                problems.append(f"{section}.{key}: “{expectation.code}” is not a recommendation code "
                                f"(see {VOCABULARY_FILE.name})")
            found.append(expectation)
    both = set(lists["must"]) & set(lists["must_not"])
    for e in both:
        problems.append(f"{section}: {e.describe()} is both in must and must_not")
    return tuple(lists["must"]), tuple(lists["must_not"])


def _expectation(where: str, entry: Any, problems: list[str]) -> Expectation | None:
    if isinstance(entry, str):
        return Expectation(entry.strip())
    if not (isinstance(entry, Mapping) and len(entry) == 1):
        problems.append(f"{where}: {entry!r} is neither a code nor `code: condition`")
        return None
    ((code, condition),) = entry.items()
    if isinstance(condition, str | list):
        condition = {"severity": condition}
    if not isinstance(condition, Mapping) or not set(condition) <= _CONDITION_KEYS:
        problems.append(f"{where}: the condition of {code} takes {', '.join(sorted(_CONDITION_KEYS))} only")
        return None
    severity = condition.get("severity", [])
    severities = [severity] if isinstance(severity, str) else severity
    if not isinstance(severities, list) or not all(isinstance(s, str) and s in _SEVERITIES for s in severities):
        problems.append(f"{where}: the severity of {code} must be one or a list of {', '.join(sorted(_SEVERITIES))}, "
                        f"not {severity!r}")
        return None
    to_verify = condition.get("to_verify")
    if to_verify is not None and not isinstance(to_verify, bool):
        problems.append(f"{where}: to_verify of {code} must be true or false")
        return None
    says = condition.get("says", "")
    if not isinstance(says, str):
        problems.append(f"{where}: says of {code} must be a text")
        return None
    return Expectation(str(code), frozenset(severities), to_verify, says.strip())


def _check_items(given: Any, pending: bool, problems: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if given is None:
        return (), ()
    if not isinstance(given, Mapping) or not set(given) <= {"must", "must_not"}:
        problems.append("`checklist` takes only `must` and `must_not` lists")
        return (), ()
    out: dict[str, tuple[str, ...]] = {}
    known = known_item_ids()
    for key in ("must", "must_not"):
        entries = given.get(key) or []
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            problems.append(f"checklist.{key} must be a list of item ids")
            entries = []
        for item_id in entries:
            if item_id not in known and not pending:
                problems.append(f"checklist.{key}: “{item_id}” is not a checklist item of the packs")
        out[key] = tuple(entries)
    for item_id in set(out["must"]) & set(out["must_not"]):
        problems.append(f"checklist: {item_id} is both in must and must_not")
    return out["must"], out["must_not"]


def check_profile(profile: Profile) -> CheckedProfile:
    """The profile checked against the journey's questions, the recommendation codes and the packs' items.

    While `pending` is set, `pending_answers` is not checked (its keys are the questions the rules have not
    added yet) and codes or items not known yet are accepted: they are the outcome the fix is expected to give.
    """
    raw = profile.raw
    if isinstance(raw, yaml.YAMLError):
        raise ProfileError(profile.name, [f"{profile.file.name} is not valid YAML: {raw}"])
    if not isinstance(raw, Mapping):
        raise ProfileError(profile.name, [f"{profile.file.name} must hold one mapping (title, answers, ...)"])
    problems: list[str] = []
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        problems.append(f"unknown keys {sorted(unknown)} (allowed: {', '.join(sorted(_TOP_KEYS))})")
    if not profile.title.strip():
        problems.append("`title` must say in a few words who the client is")
    pending = "pending" in raw
    if pending and not profile.pending:
        problems.append("`pending` must say which finding and why, e.g. \"finding 5: ...\"")
    if "pending_answers" in raw and not pending:
        problems.append("`pending_answers` is only for a pending profile: move them to `answers`")
    if "pending_answers" in raw and not isinstance(raw["pending_answers"], Mapping):
        problems.append("`pending_answers` must be a mapping of steps to answers, like `answers`")
    document = _check_answers(raw.get("answers"), problems)
    must, must_not = _check_expectations("recommendations", raw.get("recommendations"), pending, problems)
    items_must, items_must_not = _check_items(raw.get("checklist"), pending, problems)
    if not (must or must_not or items_must or items_must_not):
        problems.append("the profile expects nothing: give recommendations and/or checklist items")
    if problems:
        raise ProfileError(profile.name, problems)
    return CheckedProfile(profile, document, must, must_not, items_must, items_must_not)


# --- running it as the app does -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    recommendations: tuple[Recommendation, ...]
    items: frozenset[str]


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not an answer a JSON document can hold")


def run_profile(db: Database, checked: CheckedProfile, workdir: Path) -> Outcome:
    """The profile through the journey and the packs, as `shelter-app journey run` and `journey show` do it."""
    name = checked.profile.name
    answers_file = workdir / f"{name}.json"
    answers_file.write_text(json.dumps(checked.document, default=_json_value, ensure_ascii=False), encoding="utf-8")
    given = read_json_file(answers_file)  # the app's reader of an answers file, with its limits
    client_id = clients.create_client(db, ACTOR, ClientFields(f"Rulebook {name}, S.A. de C.V.")).entity_id
    project_id = projects.create_project(db, ACTOR, client_id, ProjectFields(f"Rulebook {name}")).entity_id
    journey = Journey()
    try:
        while journey.current is not Step.BUSINESS_CASE:
            journey.go_next(given[str(journey.current)])
    except ValidationError as exc:
        raise ProfileError(name, [f"the journey refuses its answers at the {journey.current} step: {exc.en}"]) from exc
    state = checklists.get_journey(db, project_id)
    checklists.save_journey(db, ACTOR, project_id, journey, state.version)
    checklists.apply_journey(db, ACTOR, project_id)
    stored = checklists.get_journey(db, project_id).journey  # read back from the database, as `journey show`
    items = frozenset(v.item_id for v in checklists.project_items(db, project_id))
    return Outcome(tuple(stored.recommendations()), items)


def mismatches(checked: CheckedProfile, outcome: Outcome) -> list[str]:
    """What the profile expects and the outcome does not give, and what it gives that the profile forbids."""
    problems = []
    for e in checked.must:
        if not any(e.matches(r) for r in outcome.recommendations):
            same = [f"{r.code} [{r.severity}{', to verify' if r.to_verify else ''}]"
                    for r in outcome.recommendations if r.code == e.code]
            problems.append(f"missing recommendation {e.describe()}"
                            + (f"; got {', '.join(same)}" if same else "; no recommendation with that code"))
    for e in checked.must_not:
        hits = [r for r in outcome.recommendations if e.matches(r)]
        if hits:
            got = ", ".join(f"{r.code} [{r.severity}] “{r.title.en}”" for r in hits)
            problems.append(f"unexpected recommendation {e.describe()}: {got}")
    problems += [f"missing checklist item {i}" for i in checked.items_must if i not in outcome.items]
    problems += [f"unexpected checklist item {i}" for i in checked.items_must_not if i in outcome.items]
    return problems

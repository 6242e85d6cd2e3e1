"""The one YAML loader for the content the app ships (checklist packs, reference tables, form definitions).

A safe loader (no arbitrary objects) that refuses a key given twice in one mapping; plain PyYAML silently
keeps the last, which would hide a copy-paste mistake in a legal table. It parses with libyaml when PyYAML
was built with it (the wheels are): about ten times faster than the pure-Python parser, which counted for a
third of a second in every start of the app and every `business-case pdf` run.

YAML that comes from a user (a form definition given to `forms validate`, and every form definition, which
never needs them) goes through `load_untrusted_yaml`: no anchors, aliases or tags, bounded size, depth and
numbers. The shipped checklist packs and reference tables keep `UniqueKeyLoader` and their `<<: *anchor` merges.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any, Final

import yaml

from shelter_app.core.errors import UserError

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """A safe loader that refuses a key given twice in one mapping (merge keys `<<:` may override)."""


def _construct_unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *anchor` keys may be overridden on purpose
            continue
        key = loader.construct_object(key_node)
        if isinstance(key, str | int | float | bool | date):
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
    return loader.construct_mapping(node)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping)


# ---- YAML from outside ----------------------------------------------------------------------------------------------

MAX_UNTRUSTED_BYTES: Final = 2 * 1024 * 1024
"""The largest YAML file taken from a user (a form definition is a few tens of kilobytes)."""
MAX_UNTRUSTED_DEPTH: Final = 32
"""The deepest nesting of mappings and sequences (a form definition needs about eight)."""
MAX_NUMBER_CHARS: Final = 64
"""The longest number as written."""

_PLAIN_TAGS: Final = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)


class YamlRefused(UserError):
    """YAML from outside that breaks a limit: an anchor or alias, a tag, a file too large or too deep, a number
    too long or not finite. The message names the file and the line."""

    def __init__(self, source: str, line: int | None, en: str, es: str) -> None:
        where_en = f"{source}, line {line}" if line is not None else source
        where_es = f"{source}, línea {line}" if line is not None else source
        super().__init__(f"{where_en}: {en}; the file was not read.", f"{where_es}: {es}; no se leyó el archivo.")
        self.source = source
        self.line = line


def load_untrusted_yaml(text: str, source: str) -> Any:
    """The YAML document `text` from a user, by `UniqueKeyLoader` once it passed the limits: no anchors or aliases
    (a few lines of aliases can unfold into billions of nodes), no tags beyond the plain ones, at most
    `MAX_UNTRUSTED_BYTES` and `MAX_UNTRUSTED_DEPTH`, numbers of at most `MAX_NUMBER_CHARS` and finite.

    `YamlRefused` names `source` and the line; a malformed document raises `yaml.YAMLError` as before."""
    if len(text) > MAX_UNTRUSTED_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_UNTRUSTED_BYTES:
        raise YamlRefused(source, None, f"the file is larger than {MAX_UNTRUSTED_BYTES // (1024 * 1024)} MB",
                          f"el archivo ocupa más de {MAX_UNTRUSTED_BYTES // (1024 * 1024)} MB")
    _check_events(text, source)
    return yaml.load(text, Loader=UniqueKeyLoader)


def _check_events(text: str, source: str) -> None:
    """One streaming pass over the parser's events (no tree is built, no recursion) to refuse what the limits
    forbid before the loader composes and constructs anything."""
    resolver = yaml.resolver.Resolver()
    depth = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YamlRefused(source, line, "anchors and aliases (&name, *name) are not accepted here",
                              "aquí no se aceptan anclas ni alias (&nombre, *nombre)")
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.ScalarEvent):
            explicit = tag is not None and not event.implicit[0] and not event.implicit[1]
            if explicit and tag not in _PLAIN_TAGS and tag != "!":
                raise YamlRefused(source, line, f"the tag {tag!r} is not accepted here",
                                  f"aquí no se acepta la etiqueta {tag!r}")
            resolved: Any = tag if explicit else (
                resolver.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
                if not event.style else None)  # plain: the C parser says "", the Python one None
            if resolved in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
                _check_number(event.value, resolved, source, line)
        elif isinstance(event, yaml.CollectionStartEvent):
            if tag is not None and tag not in _PLAIN_TAGS and not event.implicit:
                raise YamlRefused(source, line, f"the tag {tag!r} is not accepted here",
                                  f"aquí no se acepta la etiqueta {tag!r}")
            depth += 1
            if depth > MAX_UNTRUSTED_DEPTH:
                raise YamlRefused(source, line, f"nested more than {MAX_UNTRUSTED_DEPTH} levels deep",
                                  f"anidado a más de {MAX_UNTRUSTED_DEPTH} niveles de profundidad")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_number(value: str, tag: str, source: str, line: int | None) -> None:
    if len(value) > MAX_NUMBER_CHARS:
        raise YamlRefused(source, line, f"the number is too long: more than {MAX_NUMBER_CHARS} characters",
                          f"el número es demasiado largo: más de {MAX_NUMBER_CHARS} caracteres")
    if tag.endswith(":float"):
        number = yaml.constructor.SafeConstructor().construct_yaml_float(yaml.ScalarNode(tag, value))
        if not math.isfinite(number):
            raise YamlRefused(source, line, f"{value} is not a finite number", f"{value} no es un número finito")

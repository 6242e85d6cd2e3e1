"""The one YAML loader for the content the app ships (checklist packs, reference tables, form definitions).

A safe loader (no arbitrary objects) that refuses a key given twice in one mapping; plain PyYAML silently
keeps the last, which would hide a copy-paste mistake in a legal table. It parses with libyaml when PyYAML
was built with it (the wheels are): about ten times faster than the pure-Python parser, which counted for a
third of a second in every start of the app and every `business-case pdf` run.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

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

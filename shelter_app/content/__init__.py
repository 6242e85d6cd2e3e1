"""Declarative content shipped with the app (checklist packs; form definitions later), loaded and validated.

Pure data, pydantic and YAML: no Qt and no database. A file that does not validate is refused
whole, with every problem named, so nothing half-read reaches a project.
"""

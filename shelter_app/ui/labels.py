"""Names for stored codes: the portfolio's (stages, operating models, languages) and the workspace's (item
states, owner roles, flags, history fields).

The states, owners, stages, models and languages are named once, in core, for the screens and the documents
alike (`core.checklist.STATUS_LABELS`…), and shown in the interface language; the rest are the interface's
own words, translated through Qt's catalogs. An unknown code (a newer database) is shown as stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shelter_app.core.checklist import OWNER_LABELS, STATUS_LABELS
from shelter_app.core.portfolio import LANGUAGE_LABELS, OPERATING_MODEL_LABELS, STAGE_LABELS
from shelter_app.ui.i18n import pick


def stage_labels() -> dict[str, str]:
    return {code: pick(text) for code, text in STAGE_LABELS.items()}

def model_labels() -> dict[str, str]:
    return {code: pick(text) for code, text in OPERATING_MODEL_LABELS.items()}

def language_labels() -> dict[str, str]:
    return {code: pick(text) for code, text in LANGUAGE_LABELS.items()}

def action_labels() -> dict[str, str]:
    return {
        "create": QCoreApplication.translate("Labels", "Created"),
        "update": QCoreApplication.translate("Labels", "Changed"),
        "delete": QCoreApplication.translate("Labels", "Deleted"),
    }


def entity_labels() -> dict[str, str]:
    return {
        "client": QCoreApplication.translate("Labels", "client"),
        "contact": QCoreApplication.translate("Labels", "contact"),
        "project": QCoreApplication.translate("Labels", "project"),
    }


def value_label(field: str, value: object) -> str:
    """A stored code shown in words (stage, operating model, language); other values as they are."""
    table = {"stage": stage_labels, "operating_model": model_labels, "preferred_language": language_labels}.get(field)
    if table is not None and isinstance(value, str):
        return table().get(value, value)
    return "" if value is None else str(value)


def field_labels() -> dict[str, str]:
    return {
        "legal_name": QCoreApplication.translate("Labels", "Legal name"),
        "trade_name": QCoreApplication.translate("Labels", "Trade name"),
        "country": QCoreApplication.translate("Labels", "Country"),
        "rfc": QCoreApplication.translate("Labels", "RFC"),
        "industry": QCoreApplication.translate("Labels", "Industry"),
        "hq_address": QCoreApplication.translate("Labels", "Headquarters address"),
        "website": QCoreApplication.translate("Labels", "Website"),
        "notes": QCoreApplication.translate("Labels", "Notes"),
        "archived": QCoreApplication.translate("Labels", "Archived"),
        "name": QCoreApplication.translate("Labels", "Name"),
        "role": QCoreApplication.translate("Labels", "Role"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "preferred_language": QCoreApplication.translate("Labels", "Preferred language"),
        "title": QCoreApplication.translate("Labels", "Project name"),
        "operating_model": QCoreApplication.translate("Labels", "Operating model"),
        "target_start": QCoreApplication.translate("Labels", "Target start date"),
        "stage": QCoreApplication.translate("Labels", "Stage"),
        "consultant": QCoreApplication.translate("Labels", "Consultant"),
    }


def status_labels() -> dict[str, str]:
    """Every item state in the order a consultant moves through them."""
    return {code: pick(text) for code, text in STATUS_LABELS.items()}

def owner_labels() -> dict[str, str]:
    return {code: pick(text) for code, text in OWNER_LABELS.items()}

def flag_labels() -> dict[str, str]:
    """The marks an item row can carry (the critical path is a ◆ before them)."""
    return {
        "critical": QCoreApplication.translate("ChecklistLabels", "Critical path"),
        "overdue": QCoreApplication.translate("ChecklistLabels", "Overdue"),
        "due_soon": QCoreApplication.translate("ChecklistLabels", "Due soon"),
        "to_verify": QCoreApplication.translate("ChecklistLabels", "To verify"),
    }


def history_field_labels() -> dict[str, str]:
    """The item fields an audit event can name."""
    return {
        "status": QCoreApplication.translate("ChecklistLabels", "Status"),
        "status_reason": QCoreApplication.translate("ChecklistLabels", "Reason"),
        "notes": QCoreApplication.translate("ChecklistLabels", "Notes"),
        "assignee": QCoreApplication.translate("ChecklistLabels", "Assignee"),
        "owner_role": QCoreApplication.translate("ChecklistLabels", "Owner"),
        "manual_start": QCoreApplication.translate("ChecklistLabels", "Start set by hand"),
        "manual_due": QCoreApplication.translate("ChecklistLabels", "Due date set by hand"),
        "completed_on": QCoreApplication.translate("ChecklistLabels", "Completed on"),
        "file_name": QCoreApplication.translate("ChecklistLabels", "File"),
    }


def history_action_labels() -> dict[str, str]:
    return {
        "update": QCoreApplication.translate("ChecklistLabels", "Changed"),
        "attach": QCoreApplication.translate("ChecklistLabels", "Attached"),
        "detach": QCoreApplication.translate("ChecklistLabels", "Removed attachment"),
    }

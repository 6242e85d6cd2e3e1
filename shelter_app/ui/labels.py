"""Translated names for stored codes: the portfolio's (stages, operating models, languages) and the
workspace's (item states, owner roles, flags, history fields).

Stored codes are shown in the interface language through Qt's catalogs; an unknown code (a newer
database) is shown as stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shelter_app.core.checklist import ItemStatus, OwnerRole


def stage_labels() -> dict[str, str]:
    return {
        "prospect": QCoreApplication.translate("Labels", "Prospect"),
        "assessment": QCoreApplication.translate("Labels", "Assessment"),
        "proposal": QCoreApplication.translate("Labels", "Proposal"),
        "contracting": QCoreApplication.translate("Labels", "Contracting"),
        "setup": QCoreApplication.translate("Labels", "Set-up"),
        "operating": QCoreApplication.translate("Labels", "Operating"),
        "closed": QCoreApplication.translate("Labels", "Closed"),
    }


def model_labels() -> dict[str, str]:
    return {
        "shelter": QCoreApplication.translate("Labels", "Shelter"),
        "own_entity": QCoreApplication.translate("Labels", "Own entity"),
        "undecided": QCoreApplication.translate("Labels", "Undecided"),
    }


def language_labels() -> dict[str, str]:
    return {
        "en": QCoreApplication.translate("Labels", "English"),
        "es": QCoreApplication.translate("Labels", "Spanish"),
    }


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
    return {
        ItemStatus.NOT_STARTED: QCoreApplication.translate("ChecklistLabels", "Not started"),
        ItemStatus.IN_PROGRESS: QCoreApplication.translate("ChecklistLabels", "In progress"),
        ItemStatus.WAITING: QCoreApplication.translate("ChecklistLabels", "Waiting on third party"),
        ItemStatus.DONE: QCoreApplication.translate("ChecklistLabels", "Done"),
        ItemStatus.NOT_APPLICABLE: QCoreApplication.translate("ChecklistLabels", "Not applicable"),
        ItemStatus.BLOCKED: QCoreApplication.translate("ChecklistLabels", "Blocked"),
    }


def owner_labels() -> dict[str, str]:
    return {
        OwnerRole.CLIENT: QCoreApplication.translate("ChecklistLabels", "Client"),
        OwnerRole.SHELTER: QCoreApplication.translate("ChecklistLabels", "Shelter provider"),
        OwnerRole.CUSTOMS_BROKER: QCoreApplication.translate("ChecklistLabels", "Customs broker"),
        OwnerRole.NOTARY: QCoreApplication.translate("ChecklistLabels", "Notary"),
        OwnerRole.ADVISOR: QCoreApplication.translate("ChecklistLabels", "Advisor"),
        OwnerRole.GOVERNMENT: QCoreApplication.translate("ChecklistLabels", "Government body"),
    }


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

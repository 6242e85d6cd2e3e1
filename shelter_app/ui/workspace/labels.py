"""Translated words of the project workspace: item states, owner roles, flags, history fields.

Stored codes (`core.checklist.ItemStatus`, `OwnerRole`, the schedule's flags) are shown in the
interface language through Qt's catalogs; an unknown code (a newer database) is shown as stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shelter_app.core.checklist import ItemStatus, OwnerRole


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

"""Translated names for the portfolio's codes (stages, operating models, languages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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

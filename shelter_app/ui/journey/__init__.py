"""The setup journey's wizard: Qt pages drawn from `core.journey`, which owns the flow."""

from shelter_app.ui.journey.wizard import JourneyWizard

__all__ = ["JourneyWizard"]

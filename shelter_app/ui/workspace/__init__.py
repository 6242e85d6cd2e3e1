"""The project workspace window: checklist tree, item panel and timeline of one project."""

from shelter_app.ui.workspace.window import ProjectWorkspace

__all__ = ["ProjectWorkspace"]

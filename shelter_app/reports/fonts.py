"""The embedded report fonts: DejaVu Sans, shipped in `resources/fonts/`, registered once per process.

The PDF's own base fonts (Helvetica...) cover Latin-1 only and are not embedded; DejaVu covers
Spanish, the symbols the reports use (⚠ ◆ ●) and whatever a client types, and prints the same
everywhere. Registration runs once, under a lock, because reports are built on worker threads.
"""

from __future__ import annotations

import threading
from pathlib import Path

from shelter_app.paths import resources_dir

REGULAR = "ShelterDesk-DejaVuSans"
BOLD = "ShelterDesk-DejaVuSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / _FILES[name]


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold, as one family for <b> in paragraphs) with reportlab."""
    global _registered  # noqa: PLW0603 - a process-wide, once-only registration
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name in (REGULAR, BOLD):
            pdfmetrics.registerFont(TTFont(name, str(font_path(name))))
        # <b> and <i> inside a Paragraph look the family up by (name, bold, italic); there is no
        # italic face shipped, so italic maps to the upright one rather than failing.
        for font in (REGULAR, BOLD):
            addMapping(font, 0, 0, REGULAR)
            addMapping(font, 1, 0, BOLD)
            addMapping(font, 0, 1, REGULAR)
            addMapping(font, 1, 1, BOLD)
        _registered = True

"""The real windows on a real X server (Xvfb): the xcb platform plugin loads and draws both languages.

Offscreen tests cannot catch a missing X library (the README's first command would show nothing);
this runs `scripts/screenshots` as a user would and looks at the pictures.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


@pytest.mark.skipif(shutil.which("xvfb-run") is None and not os.environ.get("CI"),
                    reason="Xvfb not installed (apt-get install xvfb xauth); scripts/dev test installs it")
def test_screenshots_of_both_languages_under_xvfb(tmp_path: Path, qapp: object) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots"), "--out", str(tmp_path),
                             "--screen", "1366x768"],
                            capture_output=True, text=True, env=env, timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    assert names == sorted(f"{view}-{lang}.png" for lang in ("en", "es") for view in (
        "client-editor", "main-window", "journey-profile", "journey-site", "journey-programs",
        "workspace-checklists", "workspace-timeline",
        "business-case", "forms-tab", "client-form", "form-review"))
    images = {name: QImage(str(tmp_path / name)) for name in names}
    for name, image in images.items():
        assert image.width() >= 500 and image.height() >= 400, name
        assert image.width() <= 1366 and image.height() <= 768 - 32, f"{name} is larger than a 1366x768 laptop"
        assert distinct_colours(image) > 20, f"{name} looks blank"
    assert images["main-window-en.png"] != images["main-window-es.png"]  # the language really changed

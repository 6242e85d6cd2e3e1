"""`shelter-app`: the window by default, headless subcommands otherwise.

Nothing heavy is imported here: the GUI path imports Qt first and shows the window
before storage, keyring or reportlab load (NOTES: start-up).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from shelter_app.cli import build_parser, run_command
from shelter_app.paths import set_data_dir


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    set_data_dir(args.data_dir)
    if args.command is not None:
        return run_command(args)
    if not has_display():
        print(
            "ShelterDesk needs a display to open its window, and this session has none "
            "(no DISPLAY or WAYLAND_DISPLAY).\n"
            "Run it on a desktop, under Xvfb (xvfb-run shelter-app), or use the commands: "
            "shelter-app --help",
            file=sys.stderr,
        )
        return 2
    from shelter_app.ui.main import run_gui

    return run_gui(args)

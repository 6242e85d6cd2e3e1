"""`shelter-app`: the window by default, headless subcommands otherwise.

Nothing heavy is imported here: the GUI path imports Qt first and shows the window
before storage, keyring or reportlab load (NOTES: start-up).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

from shelter_app.cli import build_parser, run_command
from shelter_app.paths import set_data_dir


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc", "eglfs", "linuxfb"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


OPENABLE_SUFFIXES = (".sdform", ".sdresponse")
_OPTIONS_WITH_VALUES = ("--data-dir", "--db-url", "--lang")


def _file_to_open(argv: Sequence[str]) -> list[str]:
    """`shelter-app FILE.sdform` (what a double-click runs) means `shelter-app open FILE.sdform`."""
    args = list(argv)
    if not args or not args[-1].lower().endswith(OPENABLE_SUFFIXES):
        return args
    before, index = args[:-1], 0
    while index < len(before):  # only global options may come before the file
        if before[index] in _OPTIONS_WITH_VALUES:
            index += 2
        elif before[index].startswith("-"):
            index += 1
        else:
            return args  # a command's own argument (e.g. `forms fill ... -o X.sdresponse`)
    if index > len(before):
        return args
    return [*before, "open", args[-1]]


def _raster_printer(*args: Any) -> Any:
    from shelter_app.ui.printing import print_headless

    return print_headless(*args)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_file_to_open(sys.argv[1:] if argv is None else argv))
    set_data_dir(args.data_dir)
    from shelter_app import logsafety

    logsafety.install()  # before anything can log: no URL's password in any log line (self-test included)
    if args.self_test:
        from shelter_app.paths import get_paths
        from shelter_app.ui.selftest import run_self_test

        return run_self_test(get_paths())
    if args.command == "print":  # pages as images need Qt, which only the GUI layer imports
        args.raster_printer = _raster_printer
    if args.command is not None and args.command != "open":
        return run_command(args)
    if args.command == "open" and not os.path.isfile(args.file):
        print(f"shelter-app: {args.file}: no such file", file=sys.stderr)
        return 2
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

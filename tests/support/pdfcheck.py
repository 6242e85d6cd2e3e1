"""What a printed PDF holds, read with poppler (pdfinfo, pdftotext) as a person's viewer would."""

from __future__ import annotations

import subprocess
from pathlib import Path


def info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def page_count(path: Path) -> int:
    return int(info(path)["Pages"])


def page_size(path: Path) -> tuple[int, int]:
    words = info(path)["Page size"].split()
    return round(float(words[0])), round(float(words[2]))


def page_texts(path: Path) -> list[str]:
    """The text of each page (an empty string for a page that is only pictures)."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return out.split("\f")[:-1]

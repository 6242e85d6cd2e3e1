"""What a client-facing document must never show, as checks over its extracted text.

A document is for a client's executive: one language, no machinery of ours. `problems(text, ...)` lists
what a reader should not see:
- internal identifiers: the keys and ids the code uses (every path of the scenario's declaration, the
  parameters of the computed case, the checklist packs' and items' ids, the reference sources' ids, the
  forms' question names), any dotted or snake_case key, a contract name ("business-case@1"), a rule
  number of our cost model ("R12"), a module or file name ("cost-model.md");
- the computer's login name (a document names the consultant);
- "(s)" and "(es)" plurals;
- in a Spanish document, English: English function words, and phrases of the English document of the same
  data, outside what the data itself holds (names, titles, what the client typed);
- in a Spanish document, a word the glossary avoids (`core.glossary`).
The text the data itself holds (client and project names, scenario and role names as typed, source titles
and addresses…) is given as `allowed` and taken out before the checks.
"""

from __future__ import annotations

import getpass
import re
import subprocess
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from shelter_app.content.checklists import load_packs
from shelter_app.content.forms import load_forms
from shelter_app.content.reference import shipped_reference
from shelter_app.core.business_case import schema
from shelter_app.core.business_case.reference import Source
from shelter_app.core.glossary import variants_in

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|mx|org|gov|net|gob|edu|io|de|cn|us)\b(?:/\S*)?", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"), "a snake_case key"),
    (re.compile(r"\b[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+\[?\b"), "a dotted key"),
    (re.compile(r"[\w-]+@\d+\b"), "a contract name"),
    (re.compile(r"\bR\d{1,2}[ab]?\b"), "a rule number of our cost model"),
    (re.compile(r"\b[\w-]+\.(?:py|md|ya?ml|json|sqlite3?|ts|qm)\b"), "a file name"),
    (re.compile(r"\bshelter[-_]app\b|\bbusiness-case\b|\bcost[- ]model\.md\b", re.I), "a module or contract"),
    (re.compile(r"\w\((?:s|es)\)"), "a '(s)' plural"),
)
_ALLOWED_TERMS = frozenset({"e.firma"})
"""Terms of art that look like keys: the SAT's e-signature is written "e.firma"."""
_ENGLISH = re.compile(r"\b(?:the|and|with|from|of|per|for|to|is|are|by|this|that|which|not|a year|per year)\b",
                      re.I)
_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÑÜáéíóúñü]{2,}")
_NOT_ENGLISH_CODES = re.compile(r"\b(?:IMMEX|IVA|IEPS|IMSS|INFONAVIT|SAT|DOF|LFT|LSS|ISN|UMA|SBC|PTU|RFC|USD|MXN|"
                                r"FTE|NPV|IRR|FOB|NNN|ZLFN|USMCA|T-MEC|PPAP|FAI|ERP|TI|MRO|REPSE|PROSEC|"
                                r"FIX|INPC|ECEC|BLS|ECI|MFN|NMF|DTA|EE\. UU\.)\b")


@cache
def internal_identifiers() -> frozenset[str]:
    """The keys and ids the code and the content use, none of which a reader should see."""
    found: set[str] = set()
    for n in schema.walk():
        found.add(n.path.replace("[]", ""))
        if n.parameter:
            found.add(n.parameter)
        found.update(c.json for c in n.meta.choices if "_" in c.json)
    packs = load_packs()
    for pack in packs.packs:
        found.add(pack.id)
        found.update(item.id for item in pack.items)
    reference = shipped_reference()
    for table in reference.tables:
        found.add(table.file)
    found.update(source.id for source in reference_sources(reference))
    for definition in load_forms().latest_all():
        found.update(q.name for q in definition.questions() if "_" in q.name)
    return frozenset(i for i in found if len(i) > 3 and ("_" in i or "." in i))


def reference_sources(reference: object) -> set[Source]:
    """Every source the reference data cites, at any depth (a table of sites nests them deep)."""
    found: set[Source] = set()

    def walk(value: object) -> None:
        if isinstance(value, Source):
            found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, tuple | list):
            for v in value:
                walk(v)
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                walk(getattr(value, name))

    walk(reference)
    return found


def source_words(reference: object) -> set[str]:
    """The sources' verbatim titles and publishers: printed as published in any document's language. Our
    words on a source (`about`) are not among them: they are checked like the rest of the document."""
    return {w for s in reference_sources(reference) for w in (s.title, s.publisher) if isinstance(w, str) and w}


def pdf_text(pdf: Path) -> str:
    """The document's text in reading order, lines joined where a word was hyphenated."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True)
    return out.stdout


def _without(text: str, allowed: Iterable[str]) -> str:
    flat = re.sub(r"\s+", " ", text)
    for piece in sorted({a.strip() for a in allowed if a and a.strip()}, key=len, reverse=True):
        flat = flat.replace(re.sub(r"\s+", " ", piece), " ")
    flat = _URL.sub(" ", flat)
    return _EMAIL.sub(" ", flat)


def problems(text: str, *, language: str, allowed: Iterable[str] = (), english: str | None = None) -> list[str]:
    """What a reader should not see in a document's text, each with why; `english` is the text of the English
    document of the same data, for a Spanish one."""
    clean = _without(text, allowed)
    found: list[str] = []
    words = set(_WORD.findall(clean)) | set(re.findall(r"[\w.]+", clean))
    for identifier in internal_identifiers():
        if identifier in words or re.search(rf"(?<![\w.]){re.escape(identifier)}(?![\w])", clean):
            found.append(f"internal identifier {identifier!r}")
    for pattern, why in _PATTERNS:
        seen: set[str] = set()
        for match in pattern.finditer(clean):
            if match.group(0) not in seen and match.group(0) not in _ALLOWED_TERMS:
                seen.add(match.group(0))
                found.append(f"{why}: {match.group(0)!r} in …{_around(clean, match)}…")
    login = getpass.getuser()
    if len(login) >= 3 and re.search(rf"\b{re.escape(login)}\b", clean):
        found.append(f"the login name {login!r}")
    if language.startswith("es"):
        spanish = _NOT_ENGLISH_CODES.sub(" ", clean)
        for match in _ENGLISH.finditer(spanish):
            found.append(f"English {match.group(0)!r} in …{_around(spanish, match)}…")
        for term, variant in variants_in(clean):
            found.append(f"{variant!r} where the glossary says {term.es!r}")
        if english is not None:
            found += [f"English phrase {p!r}" for p in shared_phrases(_without(english, allowed), clean)]
    return sorted(set(found))


def _around(text: str, match: re.Match[str], width: int = 40) -> str:
    return text[max(0, match.start() - width): match.end() + width]


def shared_phrases(english: str, spanish: str, size: int = 4) -> list[str]:
    """Runs of `size` words of letters the English text and the Spanish one share, acronyms and codes aside."""
    def runs(text: str) -> set[str]:
        words = [w for w in re.findall(r"\S+", _NOT_ENGLISH_CODES.sub(" ", text))]
        out = set()
        for i in range(len(words) - size + 1):
            run = words[i:i + size]
            if all(_WORD.fullmatch(w.strip(".,;:()“”\"'")) for w in run):
                out.add(" ".join(w.strip(".,;:()“”\"'") for w in run))
        return out

    return sorted(runs(english) & runs(spanish))

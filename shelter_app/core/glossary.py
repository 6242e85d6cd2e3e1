"""The Spanish words the product uses for its terms of art, chosen once for the screens and the documents.

A consultant who reads "albergue" on screen and "Shelter" in the PDF wonders whether they are two things.
Each `Term` names the one Spanish word and the variants never used. The interface's catalog and the
Spanish documents are both checked against this list (tests/ui/test_translations.py and the document
checks); content and code write the chosen word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Term:
    en: str
    es: str
    """The one Spanish word (lower case; capitalised where a sentence starts)."""
    avoid: tuple[str, ...]
    """Regular expressions of Spanish variants never written (case-insensitive)."""
    why: str


GLOSSARY: Final = (
    Term("shelter", "albergue", (r"\bshelter\b",),
         "The IMMEX decree's word for the modality (albergue); 'shelter' may follow it once in parentheses as a "
         "gloss, never stand alone."),
    Term("shelter provider", "empresa albergue", (r"\bproveedor(?:es)? (?:del |de )?(?:shelter|albergue)\b",),
         "The company that provides the shelter."),
    Term("shelter fee", "tarifa del albergue", (r"\btarifa (?:del )?shelter\b",), "What the shelter charges."),
    Term("business case", "caso de negocio", (r"\bcasos? de negocios\b", r"\bbusiness case\b"),
         "Mexican business usage, singular."),
    Term("headcount", "plantilla", (r"\bheadcount\b",), "The people of the plan."),
    Term("checklist", "lista de verificación", (r"\bchecklists?\b",), "A pack of setup items."),
    Term("US customs entry", "declaración de importación en EE. UU.", (r"\bpedimentos?\b[^.;]{0,60}\bEE\. ?UU\.",),
         "A pedimento is the Mexican customs declaration; the US entry is not one."),
    Term("to verify", "por verificar", (r"\ba verificar\b",), "A fact not yet confirmed."),
)

GLOSS: Final = re.compile(r"\(\s*shelter\s*\)", re.IGNORECASE)
"""'albergue (shelter)': the English word as a gloss after the Spanish one."""
_NAMES: Final = re.compile(r"ShelterDesk|\{[a-z_]+\}")
"""The product's name and placeholders are not words of the text."""


def variants_in(text: str) -> list[tuple[Term, str]]:
    """Every avoided variant in a Spanish text, with the term it should be."""
    cleaned = _NAMES.sub(" ", GLOSS.sub(" ", text))
    found = []
    for term in GLOSSARY:
        for pattern in term.avoid:
            for match in re.finditer(pattern, cleaned, re.IGNORECASE):
                found.append((term, match.group(0)))
    return found

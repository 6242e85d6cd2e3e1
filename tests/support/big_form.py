"""A generated 300-field form for benchmarks and smoothness tests: every common type, rules on many questions."""

from __future__ import annotations

from typing import Any

from shelter_app.content.forms import definition_from_data
from shelter_app.core.forms.model import FormDefinition

_CYCLE = ("text", "integer", "decimal", "money", "percent", "date", "yes_no", "select_one", "select_multiple",
          "email", "tariff_code", "long_text")


def big_form_data(fields: int = 300, *, form_id: str = "big", version: str = "1.0") -> dict[str, Any]:
    """`fields` questions in pages of 30; one repeat group of 5 columns counts as 6 fields."""
    sections: list[dict[str, Any]] = []
    count = 0
    page = 0
    while count < fields:
        page += 1
        questions: list[dict[str, Any]] = []
        for _ in range(30):
            if count >= fields:
                break
            n = count
            kind = _CYCLE[n % len(_CYCLE)]
            q: dict[str, Any] = {"name": f"q{n}", "type": kind,
                                 "label": {"en": f"Question {n} ({kind})", "es": f"Pregunta {n} ({kind})"},
                                 "hint": {"en": "A hint that explains what counts.", "es": "Una pista que explica "
                                          "qué cuenta."}}
            if kind in ("select_one", "select_multiple"):
                q["choices"] = "options"
            if kind == "money":
                q["currency"] = "USD"
            if kind == "integer":
                q.update(min=0, max=100_000, constraint=f"value <= 50000 or blank(q{n - 1})",
                         constraint_message={"en": "Too many.", "es": "Demasiados."})
            if n % 7 == 3 and n > 0:
                q["relevant"] = f"not blank(q{n - 1})"
            if n % 10 == 0:
                q["required"] = True
            questions.append(q)
            count += 1
        if page == 2 and count + 6 <= fields:
            questions.append({"name": "rows", "type": "repeat", "label": {"en": "Products", "es": "Productos"},
                              "max_rows": 500, "fields": [
                                  {"name": "product", "type": "text", "label": {"en": "Product", "es": "Producto"}},
                                  {"name": "hs", "type": "tariff_code", "label": {"en": "HS", "es": "Fracción"}},
                                  {"name": "volume", "type": "integer", "label": {"en": "Volume", "es": "Volumen"}},
                                  {"name": "price", "type": "money", "currency": "USD",
                                   "label": {"en": "Price", "es": "Precio"}},
                                  {"name": "sensitive", "type": "yes_no",
                                   "label": {"en": "Annex II", "es": "Anexo II"}}]})
            questions.append({"name": "total_volume", "type": "calculate", "result": "integer",
                              "label": {"en": "Total volume", "es": "Volumen total"},
                              "calculation": "total(rows, 'volume')"})
            count += 7
        sections.append({"id": f"page{page}", "title": {"en": f"Page {page}", "es": f"Página {page}"},
                         "fields": questions})
    return {"form": form_id, "version": version, "title": {"en": "Big form", "es": "Formulario grande"},
            "choice_lists": {"options": [{"value": f"o{i}", "en": f"Option {i}", "es": f"Opción {i}"}
                                         for i in range(5)]},
            "sections": sections}


def big_form(fields: int = 300) -> FormDefinition:
    return definition_from_data(big_form_data(fields), "big-form")


def big_answers(definition: FormDefinition, rows: int = 20) -> dict[str, Any]:
    """A plausible answer to every question (plain JSON, as a client's file would give)."""
    samples: dict[str, Any] = {"text": "Válvulas", "integer": 12, "decimal": "3.5",
                               "money": {"amount": "1250.00", "currency": "USD"}, "percent": "40",
                               "date": "2027-01-15", "yes_no": True, "select_one": "o1",
                               "select_multiple": ["o0", "o2"], "email": "ana@example.com",
                               "tariff_code": "8708.99.99", "long_text": "Línea uno\nLínea dos"}
    answers: dict[str, Any] = {}
    for q in definition.questions():
        if q.type.value in samples:
            answers[q.name] = samples[q.type.value]
    answers["rows"] = [{"product": f"Producto {i}", "hs": "8708.99", "volume": i + 1,
                        "price": {"amount": "9.50", "currency": "USD"}, "sensitive": False} for i in range(rows)]
    return answers

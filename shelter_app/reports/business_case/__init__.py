"""The business case as a print-ready PDF, English or Spanish, Letter or A4 (cost-model.md §1.1).

`write_business_case_pdf(report, path, ...)` renders a `core.business_report.BusinessCaseReport`: a
cover, the contents (with PDF bookmarks), the outline's sections and an appendix with the reference
tables and their sources. A section is a function from plain data to flowables: it takes the
`base.Builder` (the report, the language, the page's width and the shared helpers and styles) and
returns what it prints. One module per part of the document:

- `cover`: the cover and the contents;
- `summary`: 1 executive summary;
- `comparison`: 2 profile and assumptions, 3 scenario comparison with the site score, 4 operating structure;
- `labor`: 5 headcount plan, 6 labor cost build-up;
- `costs`: 7 facility, 8 logistics and customs, 9 trade and tax, 10 one-time costs;
- `timeline`: 11 start-up timeline;
- `cashflow`: 12 comparison with the current location (and the China supplier), 13 financials;
- `sensitivity`: 14 sensitivity;
- `risks`: 15 risks and open items, 16 method and limitations;
- `appendix`: 17 appendix with the statutory tables and sources, 18 disclaimer;
- `words`: the words several sections share (`W`, `SECTIONS`); `base`: formatting, styles, the builder;
- `document`: `write_business_case_pdf`, the sections assembled on pages (`reports.pdfkit`).

Charts are `reportlab.graphics` drawings (`reports.business_charts`). The file is written beside the
target and renamed over it at the end, so a failure or a cancel leaves the old file as it was.
"""

from __future__ import annotations

from shelter_app.core.business_report import DocumentCancelled
from shelter_app.reports.business_case.base import irr_text, money, number, payback_text, percent
from shelter_app.reports.business_case.document import write_business_case_pdf
from shelter_app.reports.business_case.words import SECTIONS

__all__ = ["SECTIONS", "DocumentCancelled", "irr_text", "money", "number", "payback_text", "percent",
           "write_business_case_pdf"]

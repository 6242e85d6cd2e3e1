
"""The cover (client, project, consultant, shelter provider, date, the scenarios compared, how to read the
figures) and the contents."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from shelter_app.l10n import document_date
from shelter_app.reports.business_case.base import Builder
from shelter_app.reports.business_case.words import MARK_INDICATIVE, SECTIONS
from shelter_app.reports.pdfkit import MUTED, Contents, hex_color, markup


def cover(b: Builder) -> list[Flowable]:
    r, s = b.report, b.s
    out: list[Flowable] = [Spacer(1, 40), Paragraph(markup(b.w("title")), s.cover_title)]
    out.append(
        Paragraph(
            f'<font color="{hex_color(MUTED)}" size="9">{markup(b.w("prepared_for"))}</font>', s.cover_line
        )
    )
    out.append(Paragraph(markup(r.client_name or r.project_title), s.cover_client))
    if r.client_name and r.project_title:
        out.append(Paragraph(f"{markup(b.w('project'))}: {markup(r.project_title)}", s.cover_line))
    if r.prepared_by.strip():
        out.append(Paragraph(f"{markup(b.w('prepared_by'))}: <b>{markup(r.prepared_by.strip())}</b>", s.cover_line))
    if r.provider_name.strip():
        out.append(Paragraph(f"{markup(b.w('provider'))}: <b>{markup(r.provider_name.strip())}</b>", s.cover_line))
    out.append(
        Paragraph(
            f"{markup(b.w('date'))}: {markup(document_date(r.generated_on, b.lang))}", s.cover_line
        )
    )
    out.append(Spacer(1, 14))
    out.append(Paragraph(f"<b>{markup(b.w('scenarios'))}</b>", s.cover_line))
    out += b.bullets(markup(sc.name) for sc in r.scenarios)
    out.append(Spacer(1, 18))
    out.append(Paragraph(markup(b.w("cover_note")), s.note))
    if r.project is None:
        out.append(Paragraph(markup(b.w("not_linked")), s.note))
    out.append(Paragraph(markup(b.w("indicative_note", mark=MARK_INDICATIVE)), s.note))
    return out


def contents(b: Builder) -> list[Flowable]:
    entries = [(key, f"{n}. {b.t(pair)}") for n, (key, pair) in enumerate(SECTIONS, 1)]
    return [
        Paragraph(markup(b.w("contents")), b.s.h1),
        Spacer(1, 6),
        Contents(entries, b.marks, b.width),
    ]

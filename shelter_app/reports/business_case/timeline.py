# ruff: noqa: E501  (report prose in two languages: the sentences stay whole to be read and translated)
"""Section 11, the start-up timeline of the project's checklists."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from shelter_app.core import business_charts as charts
from shelter_app.core.bilingual import Text
from shelter_app.l10n import document_date
from shelter_app.reports import business_charts as draw
from shelter_app.reports.business_case.base import Builder
from shelter_app.reports.pdfkit import markup


def timeline(b: Builder) -> list[Flowable]:
    project = b.report.project
    out = b.section("timeline")
    if project is None:
        out.append(b.p(markup(b.w("not_linked")), b.s.note))
        return out
    if not project.schedule:
        out.append(
            b.p(
                markup(
                    b.t(
                        Text(
                            "The project's checklists have no dates yet: set the kickoff in the "
                            "setup journey to schedule them.",
                            "Las listas del proyecto aún no tienen fechas: indique el arranque en el "
                            "recorrido de configuración para calendarizarlas.",
                        )
                    )
                )
            )
        )
        return out
    caption = b.p(
        markup(
            b.t(
                Text(
                    f"From the project's checklists: {len(project.schedule)} dated items, from "
                    f"{document_date(project.kickoff, 'en')} to {document_date(project.finish, 'en')}. One bar per checklist; "
                    "a delay on a critical item moves the finish date.",
                    f"De las listas de verificación del proyecto: {len(project.schedule)} tareas con fecha, del "
                    f"{document_date(project.kickoff, 'es')} al {document_date(project.finish, 'es')}. Una barra por lista; "
                    "un retraso en una tarea crítica mueve la fecha de término.",
                )
            )
        )
    )
    chart = draw.gantt_chart(charts.gantt(project.schedule, b.report.generated_on), b.width, b.lang)
    out.append(KeepTogether([caption, chart]))  # the chart with the sentence that explains it
    return out

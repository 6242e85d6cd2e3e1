"""Headless commands: everything the GUI does to the portfolio, for scripts and terminals.

Exit codes: 0 done, 2 the input or the environment is wrong (the message says what to
do), 1 a bug (with a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, fields, is_dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from shelter_app import __version__, logsafety
from shelter_app.core.checklist import ItemStatus
from shelter_app.core.errors import UserError, ValidationErrors
from shelter_app.core.portfolio import ClientFields, ContactFields, Language, OperatingModel, ProjectFields, Stage
from shelter_app.core.printing import Sides
from shelter_app.paths import Paths, get_paths
from shelter_app.settings import BACKUPS_KEPT, LANGUAGE, Settings

if TYPE_CHECKING:  # storage and the portfolio services load with the commands that use them
    from shelter_app.storage.db import Database

Handler = Callable[["Context", argparse.Namespace], int]


class Context:
    """What a command needs: folders, settings, the database (opened on first use), output."""

    def __init__(self, paths: Paths, settings: Settings, db_url: str | None, out: TextIO) -> None:
        self.paths = paths
        self.settings = settings
        self.db_url = db_url
        self.out = out
        self._db: Database | None = None

    @property
    def language(self) -> str:
        lang = self.settings.get(LANGUAGE)
        return "es" if lang.startswith("es") else "en"

    @property
    def db(self) -> Database:
        from shelter_app.services import database

        if self._db is None:
            self._db = database.open_configured(self.settings, self.paths, self.db_url)
            if self._db.damage:  # said once, on stderr, before whatever the command prints
                print(self._pick(f"Warning: the database {self._db.location} is damaged and open read-only; see "
                                 "`shelter-app db check`.",
                                 f"Aviso: la base de datos {self._db.location} está dañada y abierta solo para "
                                 "lectura; vea `shelter-app db check`."), file=sys.stderr)
        return self._db

    @property
    def actor(self) -> str:
        return self.settings.consultant()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    def _pick(self, en: str, es: str) -> str:
        return es if self.language == "es" else en

    def say(self, en: str, es: str) -> None:
        print(self._pick(en, es), file=self.out)

    def day(self, value: date | None) -> str:
        """A date in the text output, as tables show it ("Dec 7, 2026" / "7 dic 2026"); "-" when there is none."""
        from shelter_app.l10n import table_date

        return table_date(value, self.language) if value is not None else "-"

    def count(self, count: int, one: tuple[str, str], other: tuple[str, str], **values: object) -> None:
        """A counted sentence with the language's plural form: `one`/`other` are (English, Spanish) with `{n}`."""
        from shelter_app.core.bilingual import Plural, Text
        from shelter_app.l10n import plural

        print(plural(Plural(Text(*one), Text(*other)), count, self.language, **values), file=self.out)

    def json(self, value: Any) -> None:
        print(json.dumps(_plain(value), ensure_ascii=False, indent=2), file=self.out)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):  # JSON has one number type; callers round money before it gets here
        return int(value) if value == value.to_integral_value() else float(value)
    return value


# ---- commands ------------------------------------------------------------------------------------------

def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import demo

    added = demo.seed_demo(ctx.db, ctx.actor)
    if added == 0:
        ctx.say(f"The demo portfolio is already in {ctx.db.location}: nothing was added.",
                f"La cartera de demostración ya está en {ctx.db.location}: no se agregó nada.")
        return 0
    ctx.count(added, ("Demo portfolio: {n} client company added to {where}.",
                      "Cartera de demostración: {n} empresa cliente agregada a {where}."),
              ("Demo portfolio: {n} client companies added to {where}.",
               "Cartera de demostración: {n} empresas cliente agregadas a {where}."), where=ctx.db.location)
    return 0


def cmd_clients_list(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import clients

    stage = Stage(args.stage) if args.stage else None
    ids = clients.search_clients(ctx.db, args.search or "", stage=stage, include_archived=args.archived)
    rows = clients.client_rows(ctx.db, ids)
    ordered = [rows[i] for i in ids]
    if args.json:
        ctx.json(ordered)
        return 0
    for row in ordered:
        flag = " [archived]" if row.archived else ""
        print(f"{row.id:>6}  {row.legal_name:<50.50}  {row.country}  {row.rfc or '-':<13}  "
              f"{row.stage or '-'}{flag}", file=ctx.out)
    ctx.count(len(ordered), ("{n} client.", "{n} cliente."), ("{n} clients.", "{n} clientes."))
    return 0


def _find(ctx: Context, key: str) -> int:
    from shelter_app.services import clients

    found = clients.find_client(ctx.db, key)
    if found is None:
        raise UserError(f"No client matches “{key}” (give an id, an RFC or the exact legal name).",
                        f"Ningún cliente coincide con “{key}” (indique un id, un RFC o la razón social exacta).")
    return found


def cmd_clients_show(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import clients

    detail = clients.get_client(ctx.db, _find(ctx, args.client))
    if args.json:
        ctx.json(detail)
        return 0
    f = detail.fields
    print(f"#{detail.id}  {f.legal_name}" + ("  [archived]" if detail.archived else ""), file=ctx.out)
    for label, value in (("Trade name", f.trade_name), ("Country", f.country), ("RFC", f.rfc),
                         ("Industry", f.industry), ("Address", f.hq_address), ("Website", f.website),
                         ("Notes", f.notes), ("Version", detail.version)):
        if value:
            print(f"  {label:<11} {value}", file=ctx.out)
    for c in detail.contacts:
        print(f"  contact #{c.id}: {c.name} ({c.role}) {c.email} {c.phone} [{c.preferred_language}]", file=ctx.out)
    for p in detail.projects:
        start = ctx.day(p.target_start)
        print(f"  project #{p.id}: {p.title} · {p.operating_model} · {p.stage} · start {start} · {p.consultant}",
              file=ctx.out)
    return 0


def _client_fields_from(args: argparse.Namespace, base: ClientFields) -> ClientFields:
    mapping = {"legal_name": args.legal_name, "trade_name": args.trade_name, "country": args.country,
               "rfc": args.rfc, "industry": args.industry, "hq_address": args.address,
               "website": args.website, "notes": args.notes}
    return replace(base, **{k: v for k, v in mapping.items() if v is not None})


def _report(ctx: Context, changes: Any, args: argparse.Namespace, en: str, es: str) -> int:
    if args.json:
        ctx.json(changes)
    else:
        ctx.say(en, es)
        for warning in changes.warnings:
            ctx.say(f"Warning: {warning.en}", f"Aviso: {warning.es}")
    return 0


def cmd_clients_add(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import clients

    fields_ = _client_fields_from(args, ClientFields(legal_name=""))
    changes = clients.create_client(ctx.db, ctx.actor, fields_)
    return _report(ctx, changes, args, f"Client #{changes.entity_id} added.",
                   f"Cliente #{changes.entity_id} agregado.")


def cmd_clients_edit(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import clients

    detail = clients.get_client(ctx.db, _find(ctx, args.client))
    changes = clients.update_client(ctx.db, ctx.actor, detail.id, detail.version,
                                    _client_fields_from(args, detail.fields))
    changed = ", ".join(changes.fields) or "-"
    return _report(ctx, changes, args, f"Client #{detail.id}: changed {changed}.",
                   f"Cliente #{detail.id}: cambió {changed}.")


def cmd_clients_archive(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import clients

    client_id = _find(ctx, args.client)
    archived = args.command_name == "archive"
    changes = clients.set_archived(ctx.db, ctx.actor, client_id, archived)
    en = f"Client #{client_id} {'archived' if archived else 'restored'}."
    es = f"Cliente #{client_id} {'archivado' if archived else 'restaurado'}."
    return _report(ctx, changes, args, en, es)


def cmd_contacts_add(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import contacts

    client_id = _find(ctx, args.client)
    changes = contacts.add_contact(ctx.db, ctx.actor, client_id, ContactFields(
        args.name, args.role or "", args.email or "", args.phone or "", Language(args.language)))
    return _report(ctx, changes, args, f"Contact #{changes.entity_id} added.",
                   f"Contacto #{changes.entity_id} agregado.")


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"“{text}” is not a date: write it as YYYY-MM-DD.",
                        f"“{text}” no es una fecha: escríbala como AAAA-MM-DD.", field="target_start") from exc


def cmd_projects_add(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import projects

    client_id = _find(ctx, args.client)
    changes = projects.create_project(ctx.db, ctx.actor, client_id, ProjectFields(
        args.title, OperatingModel(args.model), _parse_date(args.start), Stage(args.stage), args.consultant or ""))
    return _report(ctx, changes, args, f"Project #{changes.entity_id} added.",
                   f"Proyecto #{changes.entity_id} agregado.")


def cmd_projects_edit(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import projects

    _, project = projects.get_project(ctx.db, args.project)
    current = projects.fields_of(project)
    updates: dict[str, Any] = {}
    if args.title is not None:
        updates["title"] = args.title
    if args.model is not None:
        updates["operating_model"] = OperatingModel(args.model)
    if args.stage is not None:
        updates["stage"] = Stage(args.stage)
    if args.start is not None:
        updates["target_start"] = _parse_date(args.start)
    if args.consultant is not None:
        updates["consultant"] = args.consultant
    changes = projects.update_project(ctx.db, ctx.actor, project.id, project.version, replace(current, **updates))
    changed = ", ".join(changes.fields) or "-"
    return _report(ctx, changes, args, f"Project #{project.id}: changed {changed}.",
                   f"Proyecto #{project.id}: cambió {changed}.")


def cmd_db_info(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import database

    info = database.info(ctx.db)
    if args.json:
        ctx.json(info)
        return 0
    for key, value in asdict(info).items():
        print(f"{key:<16} {value if value is not None else '-'}", file=ctx.out)
    return 0


def cmd_db_backup(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import database

    target = database.backup(ctx.db, ctx.paths, keep=ctx.settings.get(BACKUPS_KEPT))
    if target is None:
        ctx.say("A PostgreSQL database is backed up on the server (pg_dump); nothing was copied here.",
                "Una base de datos PostgreSQL se respalda en el servidor (pg_dump); aquí no se copió nada.")
        return 2
    ctx.say(f"Backup written to {target}", f"Respaldo escrito en {target}")
    return 0


def cmd_db_check(ctx: Context, args: argparse.Namespace) -> int:
    """SQLite's own check of the database file: exit 0 when sound, 2 with what it found when damaged."""
    from shelter_app.services import database

    report = database.check(ctx.db, quick=args.quick)
    if args.json:
        ctx.json(report)
    elif not report.checked:
        ctx.say(f"{report.location} is a server database: its server checks it.",
                f"{report.location} es una base de datos de servidor: la revisa su servidor.")
    elif not report.problems:
        ctx.say(f"The database {report.location} is sound ({report.seconds * 1000:.0f} ms).",
                f"La base de datos {report.location} está en buen estado ({report.seconds * 1000:.0f} ms).")
    else:
        ctx.say(f"The database {report.location} is damaged. SQLite's check says:",
                f"La base de datos {report.location} está dañada. La revisión de SQLite dice:")
        for problem in report.problems:
            print(f"  {problem}", file=ctx.out)
        ctx.say("It is open read-only. Restore a backup: shelter-app db restore BACKUP (the damaged file is kept).",
                "Está abierta solo para lectura. Restaure un respaldo: shelter-app db restore RESPALDO (el archivo "
                "dañado se conserva).")
    return 2 if report.problems else 0


def cmd_db_recover(ctx: Context, args: argparse.Namespace) -> int:
    """Salvage the readable rows of the (damaged) database into a new file, without opening it for writing."""
    from shelter_app.services import database

    recovery = database.recover(ctx.settings, ctx.paths, Path(args.output) if args.output else None,
                                override=ctx.db_url)
    for table in recovery.tables:
        if table.rows or table.lost:
            lost = f", {table.lost} lost" if table.lost else ""
            print(f"  {table.table:<20} {table.rows} rows{lost}", file=ctx.out)
    ctx.count(recovery.rows, ("{n} row salvaged into {file}.", "{n} fila recuperada en {file}."),
              ("{n} rows salvaged into {file}.", "{n} filas recuperadas en {file}."), file=recovery.target)
    if recovery.lost:
        ctx.count(recovery.lost, ("{n} row could not be read and is lost.", "{n} fila no se pudo leer y se perdió."),
                  ("{n} rows could not be read and are lost.", "{n} filas no se pudieron leer y se perdieron."))
    ctx.say(f"Look at it, then put it in place: shelter-app db restore {recovery.target}",
            f"Revísela y luego póngala en uso: shelter-app db restore {recovery.target}")
    return 0


def cmd_db_restore(ctx: Context, args: argparse.Namespace) -> int:
    """Replace the embedded database with a verified backup (the database is not opened first)."""
    from shelter_app.services import database

    restored = database.restore(ctx.settings, ctx.paths, Path(args.backup), override=ctx.db_url)
    ctx.say(f"Restored from {args.backup}.", f"Restaurada desde {args.backup}.")
    if restored.kept is not None:
        ctx.say(f"The file it replaced is kept as {restored.kept}.",
                f"El archivo reemplazado se conserva como {restored.kept}.")
    if restored.files:
        ctx.count(len(restored.files), ("{n} stored file the backup goes with is missing or changed:",
                                        "{n} archivo guardado que acompaña al respaldo falta o cambió:"),
                  ("{n} stored files the backup goes with are missing or changed:",
                   "{n} archivos guardados que acompañan al respaldo faltan o cambiaron:"))
        for problem in restored.files:
            print(f"  {problem}", file=ctx.out)
    return 0


def cmd_db_upgrade(ctx: Context, args: argparse.Namespace) -> int:
    state = ctx.db.schema_state()  # opening already upgraded it, with a backup first
    ctx.say(f"Database {ctx.db.location} is on schema {state.current} (current: {state.head}).",
            f"La base de datos {ctx.db.location} está en el esquema {state.current} (vigente: {state.head}).")
    return 0


# ---- journey and checklists ------------------------------------------------------------------------------

def _project(ctx: Context, key: str) -> int:
    from shelter_app.services import projects

    if not key.isdigit():
        raise UserError(f"Give the project's number (see `shelter-app clients show CLIENT`), not “{key}”.",
                        f"Indique el número del proyecto (vea `shelter-app clients show CLIENTE`), no “{key}”.")
    projects.get_project(ctx.db, int(key))  # NotFound when there is none
    return int(key)


def cmd_journey_show(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import checklists

    state = checklists.get_journey(ctx.db, _project(ctx, args.project))
    journey = state.journey
    if args.json:
        ctx.json({"project_id": state.project_id, "step": str(journey.current), "completed": journey.can_finish,
                  "answers": journey.to_dict(), "recommendations": journey.recommendations()})
        return 0
    ctx.say(f"Journey of project #{state.project_id}: step {journey.current}"
            + (" (finished)" if journey.can_finish else ""),
            f"Recorrido del proyecto #{state.project_id}: paso {journey.current}"
            + (" (terminado)" if journey.can_finish else ""))
    _print_journey_answers(ctx, journey)
    recommendations = journey.recommendations()
    if recommendations:
        ctx.say("Recommendations:", "Recomendaciones:")
    for rec in recommendations:
        mark = " [to verify]" if rec.to_verify and ctx.language == "en" else " [por verificar]" if rec.to_verify else ""
        print(f"  {rec.severity}: {rec.title.es if ctx.language == 'es' else rec.title.en}{mark}", file=ctx.out)
    return 0


def _print_journey_answers(ctx: Context, journey: Any) -> None:
    """Each step's answered questions, as the journey's pages label them."""
    from shelter_app.core.journey import STEP_TITLES, STEPS, fields_for

    for step in STEPS:
        given = journey.step_answers(step)
        shown = [(spec, given[spec.name]) for spec in fields_for(step, journey.path)
                 if spec.name in given and given[spec.name] not in (None, "", [])]
        if not shown:
            continue
        print(STEP_TITLES[step].pick(ctx.language), file=ctx.out)
        for spec, value in shown:
            print(f"  {spec.label.pick(ctx.language)}: {_journey_value(spec, value, ctx.language)}", file=ctx.out)


def _journey_value(spec: Any, value: Any, language: str) -> str:
    from shelter_app.core.journey import FieldKind
    from shelter_app.l10n import format_number, table_date

    es = language == "es"
    if spec.kind is FieldKind.CHOICE:
        return next((c.label.pick(language) for c in spec.choices if c.value == value), str(value))
    if spec.kind is FieldKind.BOOL:
        return ("sí" if es else "yes") if value else "no"
    if spec.kind in (FieldKind.AMOUNT, FieldKind.PERCENT):
        number = Decimal(str(value))
        places = 0 if number == number.to_integral_value() else 2
        unit = spec.unit if spec.unit != "%" else ""
        return format_number(number, language, places) + (" %" if spec.unit == "%" else f" {unit}" if unit else "")
    if spec.kind is FieldKind.DATE:
        return table_date(date.fromisoformat(str(value)), language)
    if spec.kind is FieldKind.ROLES:
        return "; ".join(f"{r.get('role', '')} × {r.get('headcount', 0)}" for r in value if isinstance(r, dict))
    return str(value)


def cmd_journey_run(ctx: Context, args: argparse.Namespace) -> int:
    """Answer the journey from a JSON file {step: {field: value}} and create the checklists."""
    from shelter_app.core.journey import Journey, Step
    from shelter_app.services import checklists

    project_id = _project(ctx, args.project)
    from shelter_app.exchange.bounded_json import JsonLimitError, read_json_file

    try:  # within the limits of every JSON input: size, nesting, digits, entries
        given = read_json_file(Path(args.answers))
    except JsonLimitError as exc:
        raise UserError(f"Cannot read the answers file {args.answers}: {exc.en}",
                        f"No se puede leer el archivo de respuestas {args.answers}: {exc.es}") from exc
    if not isinstance(given, dict):
        raise UserError("The answers file must hold an object {step: {field: value}}.",
                        "El archivo de respuestas debe contener un objeto {paso: {campo: valor}}.")
    state = checklists.get_journey(ctx.db, project_id)
    journey = Journey()
    while journey.current is not Step.BUSINESS_CASE:
        step = str(journey.current)
        if step not in given:
            raise UserError(f"The answers file has no “{step}” step.",
                            f"El archivo de respuestas no tiene el paso “{step}”.")
        journey.go_next(given[step])
    checklists.save_journey(ctx.db, ctx.actor, project_id, journey, state.version)
    result = checklists.apply_journey(ctx.db, ctx.actor, project_id)
    if args.json:
        ctx.json({"added": result.added, "removed": result.removed, "restored": result.restored, "kept": result.kept})
        return 0
    ctx.say(f"Checklists of project #{project_id}: {len(result.added)} added, {len(result.removed)} no longer apply, "
            f"{len(result.restored)} apply again, {len(result.kept)} unchanged.",
            f"Listas del proyecto #{project_id}: {len(result.added)} agregadas, {len(result.removed)} ya no aplican, "
            f"{len(result.restored)} vuelven a aplicar, {len(result.kept)} sin cambio.")
    return 0


def cmd_checklist_packs(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.content.checklists import load_packs

    packs = load_packs()  # PackError (a UserError naming file and item) when a pack is malformed
    summary = packs.summary()
    if args.json:
        ctx.json({"valid": True, "packs": [s.as_dict() for s in summary]})
        return 0
    for s in summary:
        title = s.title.es if ctx.language == "es" else s.title.en
        print(f"{s.id:<20} {s.version:<11} {ctx.day(s.facts_as_of):<12}  {s.items:>3} items  "
              f"{s.to_verify:>2} to verify  {title}", file=ctx.out)
    ctx.say(f"{len(summary)} packs, {sum(s.items for s in summary)} items, all valid.",
            f"{len(summary)} listas, {sum(s.items for s in summary)} tareas, todas válidas.")
    return 0


def cmd_checklist_show(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import checklists

    items = checklists.project_items(ctx.db, _project(ctx, args.project))
    if args.json:
        ctx.json(items)
        return 0
    for i in items:
        marks = ("◆" if i.critical else " ") + ("!" if i.flag == "overdue" else " ") + ("?" if i.to_verify else " ")
        due = ctx.day(i.due_on)
        title = i.title.es if ctx.language == "es" else i.title.en
        print(f"{marks} {i.item_id:<34} {i.status:<15} {due:<12}  {title}", file=ctx.out)
    ctx.say("◆ critical path  ! overdue  ? to verify", "◆ ruta crítica  ! vencida  ? por verificar")
    return 0


def cmd_checklist_set(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import checklists

    project_id = _project(ctx, args.project)
    row_id = checklists.find_item(ctx.db, project_id, args.item)
    changes = checklists.set_status(ctx.db, ctx.actor, row_id, args.status, args.reason or "")
    if args.note is not None and args.replace_notes:
        checklists.set_notes(ctx.db, ctx.actor, row_id, args.note)
    elif args.note is not None:
        checklists.add_note(ctx.db, ctx.actor, row_id, args.note)
    return _report(ctx, changes, args, f"{args.item}: {args.status}.", f"{args.item}: {args.status}.")


def cmd_checklist_updates(ctx: Context, args: argparse.Namespace) -> int:
    """Newer pack versions are never applied silently: list them, and apply only with --apply."""
    from shelter_app.services import checklists

    project_id = _project(ctx, args.project)
    updates = (checklists.apply_pack_updates(ctx.db, ctx.actor, project_id) if args.apply
               else checklists.pack_updates(ctx.db, project_id))
    if args.json:
        ctx.json({"applied": bool(args.apply), "updates": updates})
        return 0
    if not updates:
        ctx.say("The project's checklists are on the packs in force.",
                "Las listas del proyecto están en las versiones vigentes.")
        return 0
    for u in updates:
        print(f"{u.pack_id}: {u.from_version} -> {u.to_version}; new: {', '.join(u.new_items) or '-'}; "
              f"dropped: {', '.join(u.dropped_items) or '-'}", file=ctx.out)
    if args.apply:
        ctx.say("Applied.", "Aplicado.")
    else:
        ctx.say("Run again with --apply to move the project to these versions.",
                "Ejecute de nuevo con --apply para pasar el proyecto a estas versiones.")
    return 0


def cmd_checklist_export(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import checklists, evidence
    from shelter_app.services.evidence import EvidenceView
    from shelter_app.services.projects import prepared_by

    project_id = _project(ctx, args.project)
    author = prepared_by(ctx.db, project_id, args.prepared_by or "", ctx.settings.consultant_name())
    report = checklists.build_report(ctx.db, project_id, author)
    target = Path(args.output)
    language = args.report_lang or ctx.language
    if args.format == "pdf":
        from shelter_app.reports.checklist_pdf import write_checklist_pdf

        write_checklist_pdf(report, target, language=cast(Any, language), page_size=args.page)
    elif args.format == "xlsx":
        from shelter_app.reports.checklist_xlsx import write_checklist_xlsx

        write_checklist_xlsx(report, target, language=language)
    else:
        from shelter_app.reports.evidence_pack import write_evidence_pack

        store = ctx.paths.evidence
        write_evidence_pack(report, store, target, language="es" if language == "es" else "en",
                            verify=lambda e: evidence.verified_file(
                                store, EvidenceView(0, e.file_name, e.size_bytes, e.sha256, e.added_by, e.added_at)))
    ctx.say(f"Written {target}", f"Escrito {target}")
    return 0


def cmd_calendar(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import calendar

    project_id = _project(ctx, args.project)
    result = calendar.export_ics(ctx.db, project_id, Path(args.output), ctx.language, horizon_years=args.years)
    if args.json:
        ctx.json({"dated": result.dated, "pending": len(result.pending), "standing": len(result.standing)})
        return 0
    ctx.say(f"Written {args.output}: {len(result.dated)} dated reminders; {len(result.pending)} wait for a grant, "
            f"{len(result.standing)} are due on each event or at all times.",
            f"Escrito {args.output}: {len(result.dated)} recordatorios con fecha; {len(result.pending)} esperan "
            f"una autorización, {len(result.standing)} se cumplen en cada evento o en todo momento.")
    return 0


# ---- business case ---------------------------------------------------------------------------------------

def cmd_business_case_compute(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The contract's command (docs/business-case-contract.md §1): one JSON document on stdout, nothing else.

    It opens no database and reads no settings: the same input gives the same result anywhere.
    Invalid input exits 2 with `invalid input: $.path: problem` on stderr; any other failure 1.
    """
    from shelter_app.content.reference import ReferenceDataError
    from shelter_app.exchange.business_case_io import InvalidInput, read_document
    from shelter_app.services import business_case

    try:
        result = business_case.compute_contract(read_document(Path(args.input)))  # read within the input limits
    except InvalidInput as exc:
        print(f"invalid input: {exc.en}", file=err)
        return 2
    except ReferenceDataError as exc:  # the shipped tables are broken: not the input's fault
        print(exc.en, file=err)
        return 1
    for warning in result.warnings:
        print(f"warning: $.{warning.path}: {warning.en}", file=err)
    text = business_case.render(result)
    if args.output:
        try:
            business_case.write_atomically(Path(args.output), text)
        except OSError as exc:
            print(f"cannot write {args.output}: {exc.strerror}", file=err)
            return 1  # the contract's "any other failure" (docs/business-case-contract.md)
        return 0
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:  # `… | head`: the reader left; not an error
        sys.stdout = None
    return 0


def cmd_business_case_pdf(ctx: Context, args: argparse.Namespace) -> int:
    """The business-case PDF: from INPUT.json (no project, nothing recorded) or from a project's
    scenarios (the document is kept with the project). Invalid input exits 2 naming the JSON path."""
    if bool(args.input) == bool(args.project):
        raise UserError("Give either INPUT.json or --project ID.", "Indique INPUT.json o bien --project ID.")
    if args.scenario and not args.project:
        raise UserError("--scenario needs --project.", "--scenario requiere --project.")
    language = args.report_lang or ctx.language
    target = Path(args.output)
    provider = (args.provider or ctx.settings.provider()).strip()
    try:
        if args.input:
            from shelter_app.exchange.business_case_io import read_document_file
            from shelter_app.reports.business_case import write_business_case_pdf
            from shelter_app.services.business_report import report_from_document

            document = read_document_file(Path(args.input))  # within the input limits, like `compute`
            report = report_from_document(document, language=language, provider_name=provider,
                                          prepared_by=args.prepared_by or ctx.settings.consultant_name())
            for warning in report.scenarios[0].result.warnings:
                print(f"warning: $.{warning.path}: {warning.en}", file=sys.stderr)
            write_business_case_pdf(report, target, paper=args.paper)
            ctx.say(f"Written {target}", f"Escrito {target}")
            return 0
        from shelter_app.services import business_documents, scenarios

        project_id = _project(ctx, args.project)
        ids = [scenarios.find_scenario(ctx.db, project_id, key).id for key in args.scenario] if args.scenario else None
        from shelter_app.services.projects import prepared_by

        author = prepared_by(ctx.db, project_id, args.prepared_by or "", ctx.settings.consultant_name())
        view = business_documents.generate_pdf(ctx.db, ctx.actor, project_id, target, scenario_ids=ids,
                                               language=language, paper=args.paper,
                                               documents_dir=ctx.paths.documents,
                                               provider_name=provider, prepared_by=author)
    except OSError as exc:
        print(f"cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    ctx.say(f"Written {target} and kept with project {view.project_id} (document {view.id}, SHA-256 "
            f"{view.sha256[:12]}).",
            f"Escrito {target} y guardado con el proyecto {view.project_id} (documento {view.id}, SHA-256 "
            f"{view.sha256[:12]}).")
    return 0


def cmd_scenario_list(ctx: Context, args: argparse.Namespace) -> int:
    """A project's scenarios with their headline figures (a scenario that no longer computes says why)."""
    from shelter_app.core.errors import UserError as Problem
    from shelter_app.l10n import format_number
    from shelter_app.services import scenarios

    project_id = _project(ctx, args.project)
    rows: list[dict[str, Any]] = []
    for view in scenarios.list_scenarios(ctx.db, project_id):
        entry: dict[str, Any] = {"id": view.id, "name": view.name, "structure": view.structure,
                                 "indicative_figures": len(view.indicative)}
        try:
            result = scenarios.compute_document(view.document)
            returns = result.returns
            entry.update(npv_usd=round(returns.npv_usd, 2), irr=None if returns.irr is None else round(returns.irr, 4),
                         payback_years=None if returns.payback_years is None else round(returns.payback_years, 2),
                         one_time_usd=round(result.one_time.total_usd, 2))
        except Problem as error:
            entry["problem"] = error.message(ctx.language)
        rows.append(entry)
    if args.json:
        ctx.json(rows)
        return 0
    if not rows:
        ctx.say("No scenarios yet: `shelter-app business-case scenario add PROJECT --name NAME`.",
                "Aún no hay escenarios: `shelter-app business-case scenario add PROYECTO --name NOMBRE`.")
    for row in rows:
        if "problem" in row:
            figures = row["problem"]
        else:
            irr = "none" if row["irr"] is None else f"{row['irr']:.1%}"
            payback = "beyond the horizon" if row["payback_years"] is None else f"{row['payback_years']} years"
            figures = f"NPV {format_number(row['npv_usd'], ctx.language, 2)} USD, IRR {irr}, payback {payback}"
        print(f"{row['id']:>5}  {row['name']}  [{row['structure']}]  {figures}", file=ctx.out)
    return 0


def cmd_scenario_add(ctx: Context, args: argparse.Namespace) -> int:
    """A new scenario: prefilled from the project's journey, or the document of a JSON file."""
    from shelter_app.exchange.business_case_io import read_document_file
    from shelter_app.services import scenarios

    project_id = _project(ctx, args.project)
    document = read_document_file(Path(args.source)) if args.source else None  # within the input limits
    changes = scenarios.create_scenario(ctx.db, ctx.actor, project_id, args.name, structure=args.structure,
                                        document=document)
    return _report(ctx, changes, args, f"Scenario {changes.entity_id} added to project {project_id}.",
                   f"Escenario {changes.entity_id} agregado al proyecto {project_id}.")


def cmd_scenario_export(ctx: Context, args: argparse.Namespace) -> int:
    """A scenario's document as JSON: `business-case compute` and `pdf` read it as it is."""
    from shelter_app.services import business_case, scenarios

    view = scenarios.find_scenario(ctx.db, _project(ctx, args.project), args.scenario)
    business_case.write_atomically(Path(args.output), scenarios.dumps(view.document) + "\n")
    ctx.say(f"Written {args.output}", f"Escrito {args.output}")
    return 0


def cmd_scenario_delete(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import scenarios

    view = scenarios.find_scenario(ctx.db, _project(ctx, args.project), args.scenario)
    changes = scenarios.delete_scenario(ctx.db, ctx.actor, view.id)
    return _report(ctx, changes, args, f"Scenario “{view.name}” deleted.", f"Escenario “{view.name}” eliminado.")


# ---- offline forms --------------------------------------------------------------------------------------

PASSPHRASE_ENV = "SHELTER_APP_KEY_PASSPHRASE"
CODE_ENV = "SHELTER_APP_FORM_CODE"


def _language(value: str) -> str:
    """A language as typed on the command line: `en` or `es` (`es_MX`, `es-MX` and any case accepted too)."""
    folded = value.strip().lower().replace("-", "_")
    if folded in ("en", "en_us", "en_gb"):
        return "en"
    if folded in ("es", "es_mx"):
        return "es"
    raise argparse.ArgumentTypeError(f"“{value}” is not a language of ShelterDesk: use en (English) or es (Spanish)")


def _read_passphrase(file: str | None, env: str | None = PASSPHRASE_ENV) -> str | None:
    """A passphrase from a file (its first line) or the environment; never from the command line."""
    if file:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"Cannot read the passphrase file {file}: {exc}",
                            f"No se puede leer el archivo de la frase de contraseña {file}: {exc}") from exc
        return text.splitlines()[0] if text.splitlines() else ""
    return os.environ.get(env) or None if env else None


def _bi(value: Any, language: str) -> str:
    return str(value.es if language == "es" else value.en)


def cmd_forms_list(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import forms

    shipped = forms.shipped_forms()
    rows: list[dict[str, Any]] = [{"id": d.id, "version": d.version, "title": {"en": d.title.en, "es": d.title.es},
                                   "questions": d.field_count(), "versions": shipped.versions(d.id)}
                                  for d in shipped.latest_all()]
    if args.json:
        ctx.json(rows)
        return 0
    for row in rows:
        title = row["title"]["es" if ctx.language == "es" else "en"]
        print(f"{row['id']:<20} {row['version']:<12} {row['questions']:>4}  {title}  "
              f"[{', '.join(row['versions'])}]", file=ctx.out)
    ctx.count(len(rows), ("{n} form.", "{n} formulario."), ("{n} forms.", "{n} formularios."))
    return 0


def cmd_forms_validate(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.content.forms import FormDefinitionError, load_form_file, load_forms

    try:
        if args.file:
            definition = load_form_file(Path(args.file))
            ctx.say(f"{args.file}: {definition.id} {definition.version} is valid ({definition.field_count()} "
                    "questions).", f"{args.file}: {definition.id} {definition.version} es válido "
                    f"({definition.field_count()} preguntas).")
            return 0
    except FormDefinitionError as exc:  # the user's file: theirs to fix
        print(exc.message(ctx.language), file=sys.stderr)
        return 2
    try:
        shipped = load_forms()
    except FormDefinitionError as exc:  # a shipped form is broken: a bug of this version
        print(exc.message(ctx.language), file=sys.stderr)
        return 1
    ctx.say(f"{len(shipped)} form definitions, all valid.",
            f"{len(shipped)} definiciones de formulario, todas válidas.")
    return 0


def cmd_forms_export_package(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import forms

    project_id = _project(ctx, args.project)
    summary = forms.export_package(ctx.db, ctx.paths, ctx.actor, project_id, args.form, Path(args.output),
                                   consultant_name=ctx.actor, language=args.form_lang,
                                   passphrase=_read_passphrase(args.passphrase_file), protect=args.protect)
    if args.json:
        ctx.json(summary)
        return 0
    ctx.say(f"Written {args.output}: {summary.form_id} {summary.form_version} for project {project_id} "
            f"(package {summary.package_id}, {summary.language}).",
            f"Escrito {args.output}: {summary.form_id} {summary.form_version} para el proyecto {project_id} "
            f"(paquete {summary.package_id}, {summary.language}).")
    if summary.code is not None:
        ctx.say(f"One-time code: {summary.code}. Tell it to the client by phone or in person, never with the file; "
                f"“forms code {summary.package_id}” shows it again.",
                f"Código de un solo uso: {summary.code}. Díctelo al cliente por teléfono o en persona, nunca con el "
                f"archivo; «forms code {summary.package_id}» lo muestra de nuevo.")
    return 0


def cmd_forms_code(ctx: Context, args: argparse.Namespace) -> int:
    """The one-time code of a protected package, to tell the client again."""
    from shelter_app.services import forms

    row_id = forms.package_row_id(ctx.db, args.package)
    code = forms.package_code(ctx.db, ctx.paths, row_id, passphrase=_read_passphrase(args.passphrase_file))
    if args.json:
        ctx.json({"package": args.package, "code": code})
    else:
        print(code, file=ctx.out)
    return 0


def cmd_forms_fill(ctx: Context, args: argparse.Namespace) -> int:
    """Headless filling: the same checks as the window; every invalid field listed, exit 2. No database."""
    from shelter_app.exchange.bounded_json import JsonLimitError, read_json_file
    from shelter_app.services import form_drafts

    try:  # within the same limits as any JSON input: size, nesting, digits, entries
        given = read_json_file(Path(args.answers))
    except JsonLimitError as exc:
        raise UserError(f"Cannot read the answers file {args.answers}: {exc.en}",
                        f"No se puede leer el archivo de respuestas {args.answers}: {exc.es}") from exc
    if not isinstance(given, dict):
        raise UserError("The answers file must hold an object {question: answer}.",
                        "El archivo de respuestas debe contener un objeto {pregunta: respuesta}.")
    from shelter_app.services.filestore import limit_bytes
    from shelter_app.settings import ATTACHMENT_LIMIT_MB

    issues = form_drafts.fill_package(ctx.paths, Path(args.package), given, Path(args.output),
                                      Path(args.attachments) if args.attachments else None,
                                      max_bytes=limit_bytes(ctx.settings.get(ATTACHMENT_LIMIT_MB)),
                                      accept_signer=_signer_argument(args.accept_signer),
                                      code=_read_passphrase(args.code_file, CODE_ENV))
    if issues:
        for issue in issues:
            print(f"{issue.path}: {issue.message(ctx.language)}", file=sys.stderr)
        ctx.count(len(issues), ("{n} answer to fix; no response was written.",
                                "{n} respuesta por corregir; no se escribió ninguna respuesta."),
                  ("{n} answers to fix; no response was written.",
                   "{n} respuestas por corregir; no se escribió ninguna respuesta."))
        return 2
    computer = form_drafts.installation_fingerprint(ctx.paths)
    ctx.say(f"Written {args.output}, signed by this computer's key {computer}.",
            f"Escrito {args.output}, firmado con la llave de esta computadora {computer}.")
    return 0


def _signer_argument(value: str | None) -> str | None:
    """--accept-signer as typed ("ab12 cd34 …", with or without spaces; "none") in the form `signed_by` has."""
    if value is None:
        return None
    digits = "".join(value.split()).lower()
    if digits == "none":
        return "none"
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def _review_json(review: Any) -> dict[str, Any]:
    return {"response_id": review.response_id, "project_id": review.project_id, "client_name": review.client_name,
            "project_title": review.project_title, "form_id": review.form_id, "form_version": review.form_version,
            "already_imported_at": review.already_imported_at, "attachments": review.attachments,
            "authenticated": review.authenticated, "installation": review.installation,
            "code_proven": review.code_proven,
            "rows": [{"key": r.key, "target": r.target, "label": {"en": r.label.en, "es": r.label.es},
                      "status": r.status, "current": r.current, "incoming": r.incoming, "sent": r.sent}
                     for r in review.rows]}


def cmd_forms_import(ctx: Context, args: argparse.Namespace) -> int:
    """Without --accept-all/--accept: show what would change and change nothing."""
    from shelter_app.services import forms

    review = forms.review_response(ctx.db, ctx.paths, Path(args.response),
                                   passphrase=_read_passphrase(args.passphrase_file), language=ctx.language)
    accepting = args.accept_all or args.accept
    if not accepting:
        if args.json:
            ctx.json({"review": _review_json(review), "applied": False})
            return 0
        ctx.say(f"Response for {review.client_name} — {review.project_title} (project {review.project_id}), "
                f"{_bi(review.form_title, 'en')} {review.form_version}:",
                f"Respuesta de {review.client_name} — {review.project_title} (proyecto {review.project_id}), "
                f"{_bi(review.form_title, 'es')} {review.form_version}:")
        _say_sender(ctx, review)
        for row in review.rows:
            label = _bi(row.label, ctx.language)
            line = f"  [{row.status}] {row.key} ({label}): {row.current or '-'} -> {row.incoming or '-'}"
            if row.status == "conflict":
                line += f"  (sent: {row.sent or '-'})" if ctx.language == "en" else f"  (enviado: {row.sent or '-'})"
            print(line, file=ctx.out)
        if review.already_imported_at is not None:
            day = ctx.day(review.already_imported_at.astimezone().date())
            ctx.say(f"This response was already imported on {day}.", f"Esta respuesta ya se importó el {day}.")
        ctx.say("Nothing was changed. Apply with --accept-all, or --accept KEY for each row to take.",
                "No se cambió nada. Aplique con --accept-all, o --accept CLAVE por cada fila que quiera tomar.")
        return 0
    keys = [r.key for r in review.rows] if args.accept_all else list(args.accept)
    outcome = forms.apply_response(ctx.db, ctx.paths, ctx.actor, review, keys)
    if args.json:
        ctx.json({"review": _review_json(review), "applied": list(outcome.applied), "skipped": list(outcome.skipped),
                  "already_imported": outcome.already_imported,
                  "checklist": None if outcome.checklist is None else
                  {"added": outcome.checklist.added, "removed": outcome.checklist.removed,
                   "restored": outcome.checklist.restored}})
        return 0
    if outcome.already_imported:
        assert outcome.message is not None
        ctx.say(outcome.message.en, outcome.message.es)
        return 0
    for key in outcome.applied:
        ctx.say(f"  applied: {key}", f"  aplicado: {key}")
    for key in outcome.skipped:
        ctx.say(f"  skipped: {key}", f"  omitido: {key}")
    if outcome.checklist is not None:
        c = outcome.checklist
        ctx.say(f"Checklists: {len(c.added)} added, {len(c.removed)} no longer apply, {len(c.restored)} apply again.",
                f"Listas: {len(c.added)} agregadas, {len(c.removed)} ya no aplican, {len(c.restored)} vuelven a "
                "aplicar.")
    if outcome.journey_reopened:
        ctx.say("The operating model changed: the journey is back at the customs and tax programs step; answer it "
                "for the new model (journey run) to update the checklists.",
                "Cambió el modelo de operación: el recorrido volvió al paso de programas aduaneros y fiscales; "
                "respóndalo para el nuevo modelo (journey run) y se actualizarán las listas.")
    ctx.count(len(outcome.applied), ("Imported: {n} change applied, {skipped} left out.",
                                     "Importada: {n} cambio aplicado, {skipped} omitidos."),
              ("Imported: {n} changes applied, {skipped} left out.",
               "Importada: {n} cambios aplicados, {skipped} omitidos."), skipped=len(outcome.skipped))
    return 0


def _say_sender(ctx: Context, review: Any) -> None:
    """Who made the response: the client computer's key (to compare with what the client reads out), the code."""
    if review.installation is not None:
        ctx.say(f"Signed by the client's computer with the key {review.installation}.",
                f"Firmada por la computadora del cliente con la llave {review.installation}.")
    else:
        ctx.say("Not authenticated: made by an older ShelterDesk that did not sign responses.",
                "Sin autenticar: la hizo un ShelterDesk anterior que no firmaba las respuestas.")
    if review.code_proven:
        ctx.say("It proves the package's one-time code.", "Prueba el código de un solo uso del paquete.")


def cmd_forms_print(ctx: Context, args: argparse.Namespace) -> int:
    """A blank form (FORM_ID), a package with its prefill (.sdform) or a response (.sdresponse) as PDF."""
    from shelter_app.reports.form_pdf import render_form_pdf
    from shelter_app.services import forms

    source = Path(args.source)
    language = args.report_lang or ctx.language
    answers: dict[str, Any] | None = None
    note = ""
    if source.suffix == ".sdresponse" and source.is_file():
        review = forms.review_response(ctx.db, ctx.paths, source, passphrase=_read_passphrase(args.passphrase_file),
                                       language=language)
        definition = forms.shipped_forms().get(review.form_id, review.form_version)
        answers, note = review.answers, f"{review.client_name} — {review.project_title}"
    elif source.suffix == ".sdform" and source.is_file():
        from shelter_app.exchange.formfiles import read_package
        from shelter_app.services.form_drafts import _definition

        package = read_package(source)
        definition = _definition(package)
        answers, note = dict(package.prefill), f"{package.project.client_name} — {package.project.title}"
    else:
        definition = forms.shipped_forms().latest(args.source)
    render_form_pdf(Path(args.output), definition, answers, language=language, paper=args.paper, title_note=note)
    ctx.say(f"Written {args.output}", f"Escrito {args.output}")
    return 0


def cmd_print(ctx: Context, args: argparse.Namespace) -> int:
    """Print a PDF the app made (or any PDF): the PDF itself through the print system where it takes PDF, the pages
    as images otherwise (`--raster`, or Windows); `--list` shows the printers."""
    from shelter_app.core.printing import Colour, PrintSettings, parse_pages
    from shelter_app.services import printing

    if args.list:
        return _list_printers(ctx, printing.printers(with_paper=True) if printing.available() else [])
    if args.file is None:
        ctx.say("Name the PDF to print, or --list for the printers.",
                "Indique el PDF que imprimir, o --list para ver las impresoras.")
        return 2
    path = Path(args.file)
    document = printing.open_document(path)
    settings = PrintSettings(
        printer=args.printer, pages=parse_pages(args.pages or "", document.pages), copies=args.copies,
        collate=not args.no_collate, sides=Sides(args.sides), paper=args.paper,
        colour=Colour.MONOCHROME if args.monochrome else Colour.AUTO, draft=args.draft, title=path.name)
    if args.to and not args.raster:
        count = printing.save_pages(path, settings.pages, Path(args.to))
        ctx.count(count, ("Saved {n} page to {file}.", "Se guardó {n} página en {file}."),
                  ("Saved {n} pages to {file}.", "Se guardaron {n} páginas en {file}."), file=args.to)
        return 0
    why = None
    if not args.raster and printing.available():
        try:
            sent = printing.send(path, settings)
        except printing.PrintRefused as refused:
            why = refused.message(ctx.language)
        else:
            ctx.count(sent.pages * sent.copies, ("Sent {n} page to {printer} (job {job}).",
                                                 "Se envió {n} página a {printer} (trabajo {job})."),
                      ("Sent {n} pages to {printer} (job {job}).",
                       "Se enviaron {n} páginas a {printer} (trabajo {job})."), printer=sent.printer, job=sent.job)
            for text in (sent.notice, sent.waiting):
                if text is not None:
                    print(text.pick(ctx.language), file=ctx.out)
            return 0
    raster = getattr(args, "raster_printer", None)
    if raster is None:
        ctx.say("Printing the pages as images needs the app's display libraries; run shelter-app itself.",
                "Imprimir las páginas como imágenes necesita las bibliotecas gráficas de la aplicación; ejecute "
                "shelter-app.")
        return 2
    if why:
        print(why, file=ctx.out)
    count, printer, notice = raster(path, settings, args.to)
    ctx.count(count, ("Sent {n} page to {printer} as images.", "Se envió {n} página a {printer} como imágenes."),
              ("Sent {n} pages to {printer} as images.", "Se enviaron {n} páginas a {printer} como imágenes."),
              printer=printer)
    if notice is not None:
        print(notice.pick(ctx.language), file=ctx.out)
    return 0


def _list_printers(ctx: Context, found: Sequence[Any]) -> int:
    from shelter_app.core.printing import PAPER_NAMES, PrinterState

    if not found:
        ctx.say("No printer is set up on this computer.", "No hay impresoras configuradas en este equipo.")
        return 0
    states = {PrinterState.IDLE: ("ready", "lista"), PrinterState.PRINTING: ("printing", "imprimiendo"),
              PrinterState.PAUSED: ("paused", "en pausa")}
    spanish = ctx.language == "es"
    for printer in found:
        state = states[printer.state][spanish]
        if not printer.accepting:
            state = "no acepta trabajos" if spanish else "not taking jobs"
        words = [printer.name, ("(predeterminada)" if spanish else "(default)") if printer.default else "", state]
        if printer.reason:
            words.append(f"— {printer.reason}")
        if printer.paper:
            words.append(f"[{PAPER_NAMES[printer.paper].pick(ctx.language)}]")
        print("  ".join(word for word in words if word), file=ctx.out)
    return 0


def cmd_forms_drafts(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import form_drafts

    drafts = form_drafts.list_drafts(ctx.db)
    if args.json:
        ctx.json(drafts)
        return 0
    for d in drafts:
        sent = ctx.day(d.exported_at.astimezone().date() if d.exported_at else None)
        print(f"{d.draft_id:>4}  {d.form_id:<20} {d.form_version:<12} {d.client_name} — {d.project_title}  "
              f"{d.answered} {'answer' if d.answered == 1 else 'answers'}, exported {sent}", file=ctx.out)
    ctx.count(len(drafts), ("{n} draft.", "{n} borrador."), ("{n} drafts.", "{n} borradores."))
    return 0


def cmd_forms_keys(ctx: Context, args: argparse.Namespace) -> int:
    from shelter_app.services import forms

    if args.keys_action == "export":
        export_passphrase = _read_passphrase(args.export_passphrase_file, None)
        if not export_passphrase:
            raise UserError("Give --export-passphrase-file: the passphrase that protects the exported key.",
                            "Indique --export-passphrase-file: la frase que protege la llave exportada.")
        forms.export_keypair(ctx.paths, Path(args.file), export_passphrase, _read_passphrase(args.passphrase_file))
        ctx.say(f"Key written to {args.file} (protected by the passphrase).",
                f"Llave escrita en {args.file} (protegida con la frase de contraseña).")
        return 0
    if args.keys_action == "import":
        export_passphrase = _read_passphrase(args.export_passphrase_file, None)
        if not export_passphrase:
            raise UserError("Give --export-passphrase-file: the passphrase the key was exported with.",
                            "Indique --export-passphrase-file: la frase con la que se exportó la llave.")
        status = forms.import_keypair(ctx.paths, Path(args.file), export_passphrase,
                                      _read_passphrase(args.passphrase_file), replace=args.replace)
    else:
        status = forms.key_status(ctx.paths)
    if args.json:
        ctx.json(status)
        return 0
    where_en = "the system keychain" if status.storage == "keyring" else f"{forms.key_file(ctx.paths)} (passphrase)"
    where_es = "el llavero del sistema" if status.storage == "keyring" else \
        f"{forms.key_file(ctx.paths)} (frase de contraseña)"
    if status.exists:
        ctx.say(f"Form key in {where_en}; fingerprint {status.fingerprint}.",
                f"Llave de formularios en {where_es}; huella {status.fingerprint}.")
    else:
        ctx.say(f"No form key yet; it will be kept in {where_en} when the first package is exported.",
                f"Aún no hay llave de formularios; se guardará en {where_es} al exportar el primer paquete.")
    return 0


# ---- parser --------------------------------------------------------------------------------------------

EXAMPLES: dict[str, str] = {
    "": "shelter-app --lang es clients list --search valvulas",
    "demo": "shelter-app demo",
    "clients list": "shelter-app clients list --search \"great lakes\" --stage proposal",
    "clients show": "shelter-app clients show \"Great Lakes Harness Inc.\" --json",
    "clients add": "shelter-app clients add --legal-name \"Frenos del Norte, S.A. de C.V.\" --country MX "
                   "--rfc FNO150312AB1",
    "clients edit": "shelter-app clients edit \"Frenos del Norte, S.A. de C.V.\" --website https://frenos.mx",
    "clients archive": "shelter-app clients archive \"Frenos del Norte, S.A. de C.V.\"",
    "clients restore": "shelter-app clients restore \"Frenos del Norte, S.A. de C.V.\"",
    "contacts add": "shelter-app contacts add \"Frenos del Norte, S.A. de C.V.\" --name \"Ana Ruiz\" "
                    "--email ana@frenos.mx --language es_MX",
    "projects add": "shelter-app projects add \"Frenos del Norte, S.A. de C.V.\" --title \"Planta Saltillo\"",
    "projects edit": "shelter-app projects edit 2 --stage setup",
    "journey show": "shelter-app journey show 2",
    "journey run": "shelter-app journey run 2 docs/examples/journey-answers.json",
    "checklist packs": "shelter-app checklist packs",
    "checklist show": "shelter-app checklist show 2",
    "checklist set": "shelter-app checklist set 2 immex.annual_report done --note \"Filed on 2 May\"",
    "checklist updates": "shelter-app checklist updates 2 --apply",
    "checklist export": "shelter-app checklist export 2 --format pdf -o status.pdf --report-lang es",
    "calendar": "shelter-app calendar 2 -o obligations.ics --years 3",
    "business-case compute": "shelter-app business-case compute docs/examples/business-case-input.json -o result.json",
    "business-case pdf": "shelter-app business-case pdf docs/examples/business-case-input.json -o case.pdf --lang es",
    "business-case scenario list": "shelter-app business-case scenario list 2",
    "business-case scenario add": "shelter-app business-case scenario add 2 --name \"Three shifts\" "
                                  "--from docs/examples/business-case-input.json",
    "business-case scenario export": "shelter-app business-case scenario export 2 \"Three shifts\" -o case.json",
    "business-case scenario delete": "shelter-app business-case scenario delete 2 \"Three shifts\"",
    "forms list": "shelter-app forms list",
    "forms validate": "shelter-app forms validate my-form.yaml",
    "forms export-package": "shelter-app forms export-package --project 2 --form facility_needs -o facility.sdform "
                            "--protect",
    "forms code": "shelter-app forms code 6f1c2a9e-0d4b-4f7e-9a51-2b8c3d4e5f60",
    "forms fill": "shelter-app forms fill facility.sdform --answers docs/examples/facility-needs-answers.json "
                  "-o facility.sdresponse --code-file code.txt",
    "forms import": "shelter-app forms import facility.sdresponse --accept-all",
    "forms print": "shelter-app forms print facility_needs -o blank.pdf --lang es",
    "forms drafts": "shelter-app forms drafts",
    "forms keys status": "shelter-app forms keys status",
    "forms keys export": "shelter-app forms keys export my-key.sdkey --export-passphrase-file phrase.txt",
    "forms keys import": "shelter-app forms keys import my-key.sdkey --export-passphrase-file phrase.txt",
    "open": "shelter-app open facility.sdform",
    "db info": "shelter-app db info",
    "db backup": "shelter-app db backup",
    "db upgrade": "shelter-app db upgrade",
    "db check": "shelter-app db check",
    "db recover": "shelter-app db recover -o recovered.sqlite3",
    "db restore": "shelter-app db restore ~/.local/share/shelterdesk/backups/backup-2026-12-01T09-00-00.sqlite3",
    "print": "shelter-app print case.pdf --pages 1-3 --copies 2",
}
"""One example per command, shown at the end of its --help (the files named are in docs/examples/)."""


def _add_examples(parser: argparse.ArgumentParser, path: str = "") -> None:
    """End every command's --help with its example (`EXAMPLES`); recursive over the subcommands."""
    example = EXAMPLES.get(path)
    if example is not None:
        parser.epilog = f"example:\n  {example}"
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                _add_examples(child, f"{path} {name}".strip())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shelter-app",
        description="ShelterDesk: client portfolio, setup journey and business case for shelter-services "
                    "providers in Mexico. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"ShelterDesk {__version__}")
    parser.add_argument("--self-test", action="store_true", help="check this installation step by step (database, "
                        "checklists, forms, business case, PDF, keychain), print a report and exit (0: it works)")
    parser.add_argument("--data-dir", metavar="DIR", help="keep data, settings, logs and backups under DIR "
                        "(also: SHELTER_APP_DATA_DIR)")
    parser.add_argument("--db-url", metavar="URL", help="database to open instead of the embedded SQLite file, "
                        "e.g. postgresql://user@host/shelterdesk (password from the OS keyring)")
    parser.add_argument("--lang", type=_language, metavar="en|es", help="language for this run (es_MX: es)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help="add the demo portfolio (7 client companies)")
    p.set_defaults(handler=cmd_demo)

    cl = sub.add_parser("clients", help="list, show, add, edit, archive or restore clients")
    cl_sub = cl.add_subparsers(dest="command_name", metavar="ACTION", required=True)
    p = cl_sub.add_parser("list", help="list clients (accent- and case-insensitive search)")
    p.add_argument("--search", metavar="TEXT")
    p.add_argument("--stage", choices=[s.value for s in Stage])
    p.add_argument("--archived", action="store_true", help="include archived clients")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_clients_list)
    p = cl_sub.add_parser("show", help="one client with its contacts and projects")
    p.add_argument("client", help="id, RFC or exact legal name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_clients_show)
    for name, handler, required in (("add", cmd_clients_add, True), ("edit", cmd_clients_edit, False)):
        p = cl_sub.add_parser(name, help=f"{name} a client")
        if name == "edit":
            p.add_argument("client", help="id, RFC or exact legal name")
        p.add_argument("--legal-name", required=required)
        p.add_argument("--trade-name")
        p.add_argument("--country", help="ISO code, e.g. MX, US (default MX)")
        p.add_argument("--rfc")
        p.add_argument("--industry")
        p.add_argument("--address")
        p.add_argument("--website")
        p.add_argument("--notes")
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=handler)
    for name in ("archive", "restore"):
        p = cl_sub.add_parser(name, help=f"{name} a client")
        p.add_argument("client")
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=cmd_clients_archive)

    co = sub.add_parser("contacts", help="add a contact to a client")
    co_sub = co.add_subparsers(dest="command_name", metavar="ACTION", required=True)
    p = co_sub.add_parser("add")
    p.add_argument("client")
    p.add_argument("--name", required=True)
    p.add_argument("--role")
    p.add_argument("--email")
    p.add_argument("--phone")
    p.add_argument("--language", type=_language, metavar="en|es", default="es")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_contacts_add)

    pr = sub.add_parser("projects", help="add or edit a client's setup project")
    pr_sub = pr.add_subparsers(dest="command_name", metavar="ACTION", required=True)
    p = pr_sub.add_parser("add")
    p.add_argument("client")
    p.add_argument("--title", required=True)
    p.add_argument("--model", choices=[m.value for m in OperatingModel], default="undecided")
    p.add_argument("--stage", choices=[s.value for s in Stage], default="prospect")
    p.add_argument("--start", metavar="YYYY-MM-DD")
    p.add_argument("--consultant")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_projects_add)
    p = pr_sub.add_parser("edit")
    p.add_argument("project", type=int)
    p.add_argument("--title")
    p.add_argument("--model", choices=[m.value for m in OperatingModel])
    p.add_argument("--stage", choices=[s.value for s in Stage])
    p.add_argument("--start", metavar="YYYY-MM-DD")
    p.add_argument("--consultant")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_projects_edit)

    jp = sub.add_parser("journey", help="a project's setup journey")
    jp_sub = jp.add_subparsers(dest="command_name", metavar="ACTION", required=True)
    p = jp_sub.add_parser("show", help="where the journey stands, with its recommendations")
    p.add_argument("project", help="project number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_journey_show)
    p = jp_sub.add_parser("run", help="answer every step from a JSON file and create the checklists")
    p.add_argument("project", help="project number")
    p.add_argument("answers", help="JSON file: {step: {field: value}} for profile … timeline")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_journey_run)

    ck = sub.add_parser("checklist", help="checklist packs and a project's checklists")
    ck_sub = ck.add_subparsers(dest="command_name", metavar="ACTION", required=True)
    p = ck_sub.add_parser("packs", help="the checklist packs, their versions and item counts (validated)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_packs)
    p = ck_sub.add_parser("show", help="a project's checklist items with status and dates")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_show)
    p = ck_sub.add_parser("set", help="change an item's status")
    p.add_argument("project")
    p.add_argument("item", help="item id, e.g. immex.annual_report")
    p.add_argument("status", choices=[s.value for s in ItemStatus])
    p.add_argument("--reason", help="required for not_applicable and blocked, and to finish before prerequisites")
    p.add_argument("--note", help="add a note after the item's notes")
    p.add_argument("--replace-notes", action="store_true", help="with --note: replace the item's notes instead")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_set)
    p = ck_sub.add_parser("updates", help="newer checklist pack versions for a project (apply with --apply)")
    p.add_argument("project")
    p.add_argument("--apply", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checklist_updates)
    p = ck_sub.add_parser("export", help="export the checklist status as PDF, XLSX or an evidence pack (zip)")
    p.add_argument("project")
    p.add_argument("--format", choices=["pdf", "xlsx", "zip"], required=True)
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--page", choices=["letter", "a4"], default="letter")
    p.add_argument("--report-lang", dest="report_lang", type=_language, metavar="en|es",
                   help="language of the document, one per document (default: the interface language)")
    p.add_argument("--prepared-by", dest="prepared_by", metavar="NAME",
                   help="the consultant named on the document (default: the project's, else Settings)")
    p.set_defaults(handler=cmd_checklist_export)

    p = sub.add_parser("calendar", help="the project's compliance calendar (recurring obligations) as .ics")
    p.add_argument("project")
    p.add_argument("-o", "--output", required=True, metavar="FILE.ics")
    p.add_argument("--years", type=int, default=3, help="how far ahead (default 3 years)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_calendar)

    bc = sub.add_parser("business-case", help="compute a business case from a JSON file (shelter-app/business-case@1)")
    bc_sub = bc.add_subparsers(dest="command_name", metavar="ACTION", required=True)
    p = bc_sub.add_parser("compute", help="print the result document (JSON) of INPUT.json; no database is opened")
    p.add_argument("input", metavar="INPUT.json")
    p.add_argument("-o", "--output", metavar="RESULT.json", help="write the result here instead of stdout")
    p.set_defaults(standalone=cmd_business_case_compute)
    p = bc_sub.add_parser("pdf", help="the business-case PDF of INPUT.json, or of a project's scenarios (kept with "
                          "the project)")
    p.add_argument("input", metavar="INPUT.json", nargs="?", help="a shelter-app/business-case@1 document")
    p.add_argument("--project", metavar="ID", help="the project whose scenarios to compare")
    p.add_argument("--scenario", metavar="NAME_OR_ID", action="append", default=[],
                   help="a scenario of the project (repeat to compare several; default: all)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--lang", dest="report_lang", type=_language, metavar="en|es",
                   help="language of the document (default: the interface language)")
    p.add_argument("--paper", choices=["letter", "a4"], default="letter")
    p.add_argument("--prepared-by", dest="prepared_by", metavar="NAME",
                   help="the consultant named on the cover (default: the project's, else Settings)")
    p.add_argument("--provider", metavar="NAME", help="the shelter provider named on the cover (default: Settings)")
    p.set_defaults(handler=cmd_business_case_pdf)
    sc = bc_sub.add_parser("scenario", help="a project's stored scenarios: list, add, export, delete")
    sc_sub = sc.add_subparsers(dest="scenario_action", metavar="ACTION", required=True)
    p = sc_sub.add_parser("list", help="the project's scenarios with NPV, IRR and payback")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_scenario_list)
    p = sc_sub.add_parser("add", help="a scenario prefilled from the journey, or from a JSON document")
    p.add_argument("project")
    p.add_argument("--name", required=True)
    p.add_argument("--structure", choices=["shelter", "own_entity"], help="default: the journey's operating model")
    p.add_argument("--from", dest="source", metavar="INPUT.json", help="a shelter-app/business-case@1 document")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_scenario_add)
    p = sc_sub.add_parser("export", help="write a scenario's document (JSON) for compute or pdf")
    p.add_argument("project")
    p.add_argument("scenario", metavar="NAME_OR_ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p.set_defaults(handler=cmd_scenario_export)
    p = sc_sub.add_parser("delete", help="delete a scenario (documents already generated are kept)")
    p.add_argument("project")
    p.add_argument("scenario", metavar="NAME_OR_ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_scenario_delete)

    fm = sub.add_parser("forms", help="offline forms: list, validate, send a package, fill, import, print")
    fm_sub = fm.add_subparsers(dest="command_name", metavar="ACTION", required=True)
    p = fm_sub.add_parser("list", help="the shipped forms, their versions and question counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forms_list)
    p = fm_sub.add_parser("validate", help="check every shipped form, or one YAML file (exit 2 listing problems)")
    p.add_argument("file", nargs="?", metavar="FILE.yaml")
    p.set_defaults(handler=cmd_forms_validate)
    passphrase_help = (f"file holding the passphrase of the form key when there is no keychain (also: "
                       f"{PASSPHRASE_ENV}); never give a passphrase on the command line")
    p = fm_sub.add_parser("export-package", help="write a form package (.sdform) for a project's client")
    p.add_argument("--project", required=True, metavar="ID")
    p.add_argument("--form", required=True, metavar="FORM_ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE.sdform")
    p.add_argument("--lang", dest="form_lang", type=_language, metavar="en|es",
                   help="language the client starts in (default: the client's contact's, else the app's)")
    p.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
    p.add_argument("--protect", action="store_true", help="protect the package with a one-time code (printed) that "
                   "you tell the client by phone; only a response made with it is accepted")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forms_export_package)
    p = fm_sub.add_parser("code", help="the one-time code of a protected package, to tell the client again")
    p.add_argument("package", metavar="PACKAGE_ID")
    p.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forms_code)
    p = fm_sub.add_parser("fill", help="answer a package from a JSON file and write the encrypted response")
    p.add_argument("package", metavar="PACKAGE.sdform")
    p.add_argument("--answers", required=True, metavar="ANSWERS.json", help="{question: answer}; a file answer "
                   "may be {\"path\": \"relative/file.pdf\"} inside --attachments")
    p.add_argument("-o", "--output", required=True, metavar="RESPONSE.sdresponse")
    p.add_argument("--attachments", metavar="DIR", help="folder of the files the answers attach")
    p.add_argument("--accept-signer", metavar="FINGERPRINT", help="the consultant's new signing key (as the refusal "
                   "names it; \"none\" for an unsigned package), only after they confirmed it changed")
    p.add_argument("--code-file", metavar="FILE", help=f"file holding the one-time code of a protected package "
                   f"(also: {CODE_ENV}); never give it on the command line")
    p.set_defaults(handler=cmd_forms_fill)
    p = fm_sub.add_parser("import", help="review a response; apply it with --accept-all or --accept KEY")
    p.add_argument("response", metavar="RESPONSE.sdresponse")
    p.add_argument("--accept-all", action="store_true", help="apply every row of the review")
    p.add_argument("--accept", action="append", default=[], metavar="KEY", help="apply this row (repeat)")
    p.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forms_import)
    p = fm_sub.add_parser("print", help="a blank form, a package or a response as PDF")
    p.add_argument("source", metavar="FORM_ID|FILE")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.add_argument("--lang", dest="report_lang", type=_language, metavar="en|es")
    p.add_argument("--paper", choices=["letter", "a4"], default="letter")
    p.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
    p.set_defaults(handler=cmd_forms_print)
    p = fm_sub.add_parser("drafts", help="the forms being filled on this computer (client side)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forms_drafts)
    keys = fm_sub.add_parser("keys", help="the consultant's form key: status, export, import")
    keys_sub = keys.add_subparsers(dest="keys_action", metavar="ACTION", required=True)
    p = keys_sub.add_parser("status", help="where the key is kept and its fingerprint")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_forms_keys)
    for name, text in (("export", "write the keypair, protected by a passphrase, for a second computer"),
                       ("import", "keep a keypair exported on another computer")):
        p = keys_sub.add_parser(name, help=text)
        p.add_argument("file", metavar="FILE")
        p.add_argument("--export-passphrase-file", metavar="FILE", help="file holding the exported key's passphrase")
        p.add_argument("--passphrase-file", metavar="FILE", help=passphrase_help)
        if name == "import":
            p.add_argument("--replace", action="store_true", help="replace a different key already here")
        p.add_argument("--json", action="store_true")
        p.set_defaults(handler=cmd_forms_keys)

    p = sub.add_parser("open", help="open a form package (.sdform) in client mode, or review a response "
                       "(.sdresponse) (needs a display)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=None, open_file=True)

    dbp = sub.add_parser("db", help="database information and upkeep")
    db_sub = dbp.add_subparsers(dest="command_name", metavar="ACTION", required=True)
    p = db_sub.add_parser("info", help="where the database is, its schema and size")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_db_info)
    p = db_sub.add_parser("backup", help="copy the SQLite database into the backups folder")
    p.set_defaults(handler=cmd_db_backup)
    p = db_sub.add_parser("upgrade", help="bring the schema up to date (backs up first)")
    p.set_defaults(handler=cmd_db_upgrade)
    p = db_sub.add_parser("check", help="SQLite's own check of the database file (exit 2 when damaged)")
    p.add_argument("--quick", action="store_true", help="quick_check: pages and records, not the indexes")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_db_check)
    p = db_sub.add_parser("recover", help="salvage the readable rows of a damaged database into a new file")
    p.add_argument("-o", "--output", metavar="RECOVERED.sqlite3", help="default: a new file in the backups folder")
    p.set_defaults(handler=cmd_db_recover)
    p = db_sub.add_parser("restore", help="replace the database with a verified backup (the replaced file is "
                                          "kept in the backups folder)")
    p.add_argument("backup", metavar="BACKUP.sqlite3")
    p.set_defaults(handler=cmd_db_restore)

    p = sub.add_parser("print", help="print a PDF (the PDF itself where the print system takes it); --list: "
                                     "the printers")
    p.add_argument("file", nargs="?", metavar="FILE.pdf")
    p.add_argument("--list", action="store_true", help="the printers, their state and the default one")
    p.add_argument("--printer", metavar="NAME", help="default: the system's default printer")
    p.add_argument("--pages", metavar="RANGE", help="e.g. 2-5 or 1,3,7-9 (default: all)")
    p.add_argument("--copies", type=int, default=1, metavar="N")
    p.add_argument("--no-collate", action="store_true", help="all copies of page 1, then of page 2…")
    p.add_argument("--sides", choices=[side.value for side in Sides], default="one-sided")
    p.add_argument("--paper", choices=["letter", "a4", "legal"],
                   help="the paper to print on (default: the printer's); another paper than the document's is "
                        "scaled to fit")
    p.add_argument("--monochrome", action="store_true")
    p.add_argument("--raster", action="store_true", help="send the pages as images (for a printer that refuses "
                                                         "PDF); at most 600 dpi")
    p.add_argument("--draft", action="store_true", help="with --raster: 300 dpi")
    p.add_argument("--to", metavar="OUT.pdf", help="print to a PDF file instead of a printer")
    p.set_defaults(handler=cmd_print)
    _add_examples(parser)
    return parser


def run_command(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run a parsed subcommand; user errors print a plain message and exit 2."""
    # the streams in force now, not the ones at import time (tests and the GUI replace them)
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    if getattr(args, "open_file", False):  # the GUI's job (app.py); reached here only without a display
        print(f"Opening {args.file} needs a display: run ShelterDesk on a desktop, or fill the package with "
              "`shelter-app forms fill`.", file=err)
        return 2
    logsafety.install()  # log records never carry a URL's password
    standalone: Callable[[argparse.Namespace, TextIO, TextIO], int] | None = getattr(args, "standalone", None)
    if standalone is not None:  # needs no folders, settings or database
        return standalone(args, out, err)
    try:
        paths = get_paths().ensure()
    except UserError as exc:
        print(exc.message(args.lang or "en"), file=err)
        return 2
    settings = Settings.load(paths.settings_file)
    if args.lang:
        settings.set(LANGUAGE, "es_MX" if args.lang == "es" else "en")
    ctx = Context(paths, settings, args.db_url, out)
    handler: Handler = args.handler
    try:
        return handler(ctx, args)
    except BrokenPipeError:  # `shelter-app ... | head`: the reader left; not an error
        sys.stdout = None  # no flush of a closed pipe at exit
        return 0
    except ValidationErrors as exc:
        for name, error in exc.errors.items():
            print(f"{name}: {error.message(ctx.language)}", file=err)
        return 2
    except UserError as exc:
        from shelter_app.exchange.business_case_io import InvalidInput  # loaded only when something went wrong

        if isinstance(exc, InvalidInput):  # the business-case contract's wording (docs/business-case-contract.md §1)
            print(f"invalid input: {exc.message(ctx.language)}", file=err)
            return 2
        print(exc.message(ctx.language), file=err)
        return 2
    finally:
        ctx.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry for tests: parse and run a subcommand (the GUI is `app.main`)."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 2
    from shelter_app.paths import set_data_dir

    set_data_dir(args.data_dir)
    return run_command(args)

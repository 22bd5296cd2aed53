"""One run of sync_tk: each entity set followed from its cursor, page by page.

A page is parsed record by record (a record that cannot be read is listed, never a reason to
refuse the page), planned and written by the importers of `tk_import` in short transactions,
and only then does the cursor move, together with the run log, in a transaction of its own. A
run killed halfway leaves the cursor at the last page it finished: the next run reads the rest
of the page again, finds what was written already unchanged, and writes the rest; it loses and
duplicates nothing. A dry run writes nothing: no records, no cursor, no run log.
"""

from __future__ import annotations

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from commitments.models import (
    SyncCursor,
    SyncRun,
    SyncRunEntity,
    run_message,
    skipped_reasons,
)
from commitments.tk_import.reading import (
    NO_SOORT,
    NO_SURNAME,
    ImportReport,
    Issue,
    RecordError,
    moment_value,
    record_key,
)
from commitments.tk_sync.client import ServiceFailed

# The problems and differences a run log keeps per entity set (the command prints them all).
KEEP_PROBLEMS = 50
# A run that wrote nothing for this long is taken to have been killed.
STALE = timedelta(minutes=30)


class AnotherRun(Exception):
    """Another sync_tk run is busy."""


class EntityLog:
    """The run log of one entity set: counts from the importer's report, kept in step with it
    page by page (the command prints it, the app shows it, SyncRunEntity stores it)."""

    def __init__(self, entity, report, since):
        self.entity, self.report = entity, report
        self.pages = self.tombstones = 0
        self.since = self.until = since
        self.row = None

    def counts(self):
        report = self.report
        skipped = {skip_key(soort): count for soort, count in report.skipped_other.items()}
        if report.skipped_deleted:
            skipped["deleted"] = report.skipped_deleted
        skipped.update(report.skipped_why)
        return {"pages": self.pages, "read": report.records, "created": len(report.created),
                "updated": len(report.updated), "unchanged": report.unchanged,
                "tombstones": self.tombstones, "skipped": skipped,
                "errors": report.skipped_invalid(),
                # What could not be read, then where the Kamer and we differ (ours kept).
                "problems": ([logged_issue(issue) for issue in report.errors]
                             + [{"difference": line} for line in report.differences]
                             )[:KEEP_PROBLEMS],
                "cursor_from": self.since, "cursor_to": self.until}

    def save(self, run):
        if self.row is None:
            self.row = SyncRunEntity(run=run, entity=self.entity.name)
        for name, value in self.counts().items():
            setattr(self.row, name, value)
        self.row.save()

    def lines(self):
        counts = self.counts()
        out = [f"{self.entity.name}: {counts['pages']} pagina('s), {counts['read']} gelezen, "
               f"{counts['created']} nieuw, {counts['updated']} bijgewerkt, "
               f"{counts['unchanged']} ongewijzigd, {counts['tombstones']} verwijderd bij de "
               f"Kamer, {sum(counts['skipped'].values())} overgeslagen, {counts['errors']} "
               f"fout(en)."]
        if counts["skipped"]:
            with translation.override("nl"):  # the command speaks Dutch
                out.append("  overgeslagen: " + ", ".join(
                    f"{reason} {count}" for reason, count in skipped_reasons(counts["skipped"])))
        if self.until:
            out.append(f"  cursor: {self.until:%Y-%m-%d %H:%M:%S.%f} (ApiGewijzigdOp)")
        return out + [f"  {line}" for line in self.report.sections()]


def logged_issue(issue):
    """A problem as the run log stores it: where, and the message by its Dutch template and
    values, shown in the reader's language (commitments.models.logged_problem)."""
    return {"file": issue.file, "page": issue.page, "record": issue.record, "key": issue.key,
            "field": issue.field, "text": issue.message, "params": dict(issue.params)}


def skip_key(soort):
    """How a record of another Soort (or of none, or a person without a surname) is counted in
    the run log: by code, shown in the reader's language (commitments.models.SKIP_REASONS)."""
    return {NO_SOORT: "no-soort", NO_SURNAME: "no-surname"}.get(soort, f"soort:{soort}")


def start_run(*, by, base_url):
    """A new run, unless another one is busy; one whose process is gone (killed, or the server
    restarted) or that went quiet is marked as interrupted."""
    host = socket.gethostname()
    with transaction.atomic():
        busy = SyncRun.objects.select_for_update().filter(outcome=SyncRun.Outcome.RUNNING)
        for run in busy:
            gone = run.host == host and run.pid is not None and not process_alive(run.pid)
            if not gone and timezone.now() - run.heartbeat < STALE:
                started = timezone.localtime(run.started_at)
                raise AnotherRun(f"sync_tk draait al sinds {started:%d-%m-%Y %H:%M} (laatst "
                                 f"actief {timezone.localtime(run.heartbeat):%H:%M}); wacht "
                                 f"tot die klaar is")
            run.outcome = SyncRun.Outcome.INTERRUPTED
            run.message = run_message("gone" if gone else "quiet")
            run.finished_at = run.heartbeat
            run.save()
        return SyncRun.objects.create(user=by, base_url=base_url, host=host, pid=os.getpid())


def process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def sync(*, client, entities, by, since=None, dry_run=False, run=None, write=print):
    """Follow each entity set from its cursor (or from `since`); returns the EntityLogs.
    ServiceFailed propagates once the client gave up: what was applied stays."""
    logs = []
    for entity in entities:
        why_not = entity.disabled() if entity.disabled else ""
        if why_not:
            write(f"{entity.name}: overgeslagen, {why_not}.")
            continue
        log = sync_entity(client, entity, by=by, since=since, dry_run=dry_run, run=run)
        logs.append(log)
        for line in log.lines():
            write(line)
    return logs


def sync_entity(client, entity, *, by, since, dry_run, run):
    report = ImportReport(entity=entity.label, dry_run=dry_run)
    importer = entity.importer(report, by)
    importer.origin = lambda item: f"sync_tk {entity.name}"
    if hasattr(importer, "client"):
        importer.client = client  # it reads the records' files too (a report's XML)
    cursor = SyncCursor.objects.filter(entity=entity.name).first()
    start = since or (cursor.modified if cursor else None) or (
        entity.first_since() if entity.first_since else None)
    log = EntityLog(entity, report, start)
    for number, page in enumerate(client.pages(entity.name, entity.params(start)), 1):
        items, latest = read_page(page, entity, number, report)
        log.pages += 1
        log.tombstones += sum(getattr(item, "deleted", False) for item in items)
        if items:
            importer.plan(items)
            if dry_run:
                importer.discard()
            else:
                importer.write()
        if latest and (log.until is None or latest > log.until):
            log.until = latest
        if not dry_run:
            advance(entity, log, run)
    importer.finish(dry_run=dry_run)
    if not dry_run and run is not None:
        with transaction.atomic():
            log.save(run)
    return log


def read_page(page, entity, number, report):
    """The page's records parsed (problems to the report) and its latest ApiGewijzigdOp."""
    items, latest, where = [], None, f"{entity.name}, pagina {number}"  # for the parsers
    for index, record in enumerate(page.records, 1):
        report.records += 1
        try:
            if not isinstance(record, dict):
                raise RecordError("", gettext_noop("is geen JSON-object"))
            moment = moment_value(record, "ApiGewijzigdOp")
            if moment and (latest is None or moment > latest):
                latest = moment
            item = entity.parse(record, where, index, report)
        except RecordError as error:
            report.errors.append(Issue(entity.name, error.template, index, record_key(record),
                                       error.field, tuple(error.params.items()), number))
            continue
        if item is not None:
            items.append(item)
    return items, latest


def advance(entity, log, run):
    """After a page is written: the cursor to its latest record, and the run log, together."""
    with transaction.atomic():
        if log.until is not None:
            cursor, _new = SyncCursor.objects.select_for_update().get_or_create(
                entity=entity.name, defaults={"modified": log.until})
            if log.until > cursor.modified:
                cursor.modified = log.until
                cursor.save()
        if run is not None:
            log.save(run)
            SyncRun.objects.filter(pk=run.pk).update(heartbeat=timezone.now())


def sync_health():
    """(healthy, line) for /healthz: when the last successful run finished; healthy while that
    is less than TK_SYNC_MAX_AGE_HOURS ago (a nightly run missed once is not yet a problem)."""
    run = SyncRun.objects.last_success()
    if run is None:
        return False, "sync_tk: nog geen geslaagde run"
    hours = getattr(settings, "TK_SYNC_MAX_AGE_HOURS", 26)
    recent = timezone.now() - run.finished_at < timedelta(hours=hours)
    finished = timezone.localtime(run.finished_at).isoformat(timespec="seconds")
    return recent, (f"sync_tk: laatste geslaagde run {finished}"
                    + ("" if recent else f" (meer dan {hours} uur geleden)"))


def finish_run(run, *, outcome, message=""):
    run.outcome, run.message, run.finished_at = outcome, message, timezone.now()
    run.save()


__all__ = ["AnotherRun", "EntityLog", "ServiceFailed", "finish_run", "start_run", "sync",
           "sync_health"]

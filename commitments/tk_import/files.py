"""A file import in two streamed passes, so that memory stays flat however large the files are.

The first pass reads every record of every file and checks it (parse), noting problems in the
report and the keys that must be unique; nothing is kept but those keys. When there are problems
and the clerk did not ask to skip them, the import is refused and nothing was written. The
second pass reads the files again and hands the good records to the importer in batches, which
plans each batch from reads only and writes it in short transactions (a dry run only plans).
A 90 MB file is read twice, which costs less than holding it (docs/PERFORMANCE.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commitments.tk_import.reading import (
    FileRefused,
    ImportRefused,
    ImportReport,
    Issue,
    RecordError,
    record_key,
)
from commitments.tk_import.stream import file_records

BATCH = 500


@dataclass(frozen=True)
class FileImport:
    """What one import reads: `parse(record, file, index, report)` gives the item (None for a
    record that is skipped and counted, such as another Soort); `check(head, name)` refuses a
    file of another entity from its first records; `unique` and `unique_live` name the item
    attributes that must not repeat ({attribute: field}), among all items and among those that
    are not tombstones."""

    parse: object
    check: object
    unique: dict
    unique_live: dict


def import_files(paths, *, spec, report, max_bytes, dry_run, skip_invalid, importer):
    """Check, then import the files' records in batches; raises ImportRefused (nothing
    written) when a record or file is bad and `skip_invalid` is not set."""
    paths = [Path(path) for path in paths]
    bad = check_files(paths, spec=spec, report=report, max_bytes=max_bytes)
    if report.errors and not skip_invalid:
        raise ImportRefused(report)
    batch = []
    scratch = ImportReport(entity=report.entity)  # warnings were noted in the first pass
    for path in paths:
        if (path.name, None) in bad:
            continue
        for index, record in enumerate(file_records(path, max_bytes=max_bytes), 1):
            if (path.name, index) in bad:
                continue
            item = spec.parse(record, path.name, index, scratch)
            if item is not None:
                batch.append(item)
            if len(batch) >= BATCH:
                apply(importer, batch, dry_run)
                batch = []
    apply(importer, batch, dry_run)
    importer.finish(dry_run=dry_run)
    return report


def apply(importer, batch, dry_run):
    """Plan a batch, then write it, or in a dry run let it go (what it would do is reported)."""
    if batch:
        importer.plan(batch)
        if dry_run:
            importer.discard()
        else:
            importer.write()


def check_files(paths, *, spec, report, max_bytes):
    """The first pass: every record parsed, problems reported. Returns the (file, index) pairs
    to leave out, and (file, None) for a file left out whole."""
    bad, seen = set(), Uniques(spec, report)
    for path in paths:
        report.files.append(path.name)
        try:
            for index, record in checked_records(path, spec, max_bytes):
                report.records += 1
                try:
                    if not isinstance(record, dict):
                        raise RecordError("", "is geen JSON-object")
                    item = spec.parse(record, path.name, index, report)
                except RecordError as error:
                    report.errors.append(Issue(path.name, error.message, index,
                                               record_key(record), error.field))
                    bad.add((path.name, index))
                    continue
                if item is not None:
                    bad |= seen.add(item)
        except FileRefused as refused:
            # A file that is not usable JSON from some point on is left out whole: which of its
            # records were complete cannot be told.
            report.errors.append(refused.issue)
            bad.add((path.name, None))
    return bad


def checked_records(path, spec, max_bytes):
    """(index, record) of a file, counted from 1, after its first records passed `check`."""
    head = []
    records = file_records(path, max_bytes=max_bytes)
    for record in records:
        head.append(record)
        if len(head) == 20:
            break
    spec.check(head, path.name)
    yield from enumerate(head, 1)
    yield from enumerate(records, len(head) + 1)


class Uniques:
    """The keys seen so far; a key seen twice makes both records bad (which one holds cannot be
    told) and is reported at the second."""

    def __init__(self, spec, report):
        self.spec, self.report = spec, report
        self.seen = {}

    def add(self, item):
        bad = set()
        keys = dict(self.spec.unique)
        if not getattr(item, "deleted", False):
            keys.update(self.spec.unique_live)
        for attribute, field in keys.items():
            value = getattr(item, attribute)
            if not value:
                continue
            first = self.seen.setdefault((attribute, value), (item.file, item.index))
            if first != (item.file, item.index):
                bad |= {first, (item.file, item.index)}
                self.report.errors.append(Issue(
                    item.file, f"{self.label(attribute)} {value} komt twee keer voor (ook "
                               f"{first[0]}, record {first[1]}); welke geldt is niet te zeggen",
                    item.index, item.key, field))
        return bad

    def label(self, attribute):
        return {"tk_id": "Id", "tk_number": "Nummer", "place": "Motie",
                "document_number": "Motie"}.get(attribute, attribute)

"""Document records of Soort Motie: a motion we hold is completed, not duplicated."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from commitments.models import Motion, MotionSubmitter
from commitments.tk_import.documents import dossier_number
from commitments.tk_import.people import People, parse_member_name
from commitments.tk_import.reading import (
    ImportReport,
    Issue,
    RecordError,
    bool_value,
    check_entity,
    configured_max_bytes,
    date_value,
    find_duplicates,
    in_chunks,
    read_all,
    run_import,
    text_value,
)
from commitments.tk_import.writing import Pending, in_short_transactions
from register.history import ChangeSource, save_with_history
from register.models import Dossier

_KST = re.compile(r"\bkst-(?P<dossier>[0-9]{4,6}(?:-[0-9A-Z]{1,10})*)-(?P<number>[0-9A-Z]+)\b")
_MOTION_SUBJECT = re.compile(
    r"motie\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<names>.+?)"
    r"(?:\s+ter\s+vervanging\s+van\s+die\s+gedrukt\s+onder\s+nr\.\s*[0-9]+)?"
    r"\s+over\s+(?P<subject>.+)",
    re.IGNORECASE | re.DOTALL,
)
_CUM_SUIS = re.compile(r"\s*\bc\.\s?s\.?$", re.IGNORECASE)


# --- Moties --------------------------------------------------------------------------------------

@dataclass(slots=True)
class Motie:
    file: str
    index: int
    tk_id: str
    deleted: bool = False
    document_number: str = ""
    dossier: str = ""
    dossier_title: str = ""
    number: str = ""
    title: str = ""
    submitters: list = field(default_factory=list)
    filed_on: date | None = None
    text: str = ""

    @property
    def key(self):
        return self.document_number or self.tk_id

    @property
    def place(self):
        return f"{self.dossier}-{self.number}" if self.dossier and self.number else ""


def parse_motie(record, file, index, report):
    """One Document record of Soort Motie checked and mapped."""
    soort = text_value(record, "Soort")
    if not soort.casefold().startswith("motie"):
        raise RecordError("Soort", f"‘{soort or 'leeg'}’ is geen motie; alleen Document-"
                                   f"records met Soort ‘Motie’ worden geïmporteerd")
    item = Motie(file=file, index=index,
                 tk_id=text_value(record, "Id", required=True, max_length=40),
                 deleted=bool_value(record, "Verwijderd"),
                 document_number=text_value(record, "DocumentNummer", max_length=20))
    if item.deleted:
        return item
    item.number = text_value(record, "Volgnummer", required=True, max_length=10)
    item.dossier, item.dossier_title = motion_dossier(record, item.number)
    item.filed_on = date_value(record, "Datum")
    pdf_text = text_value(record, "text")
    item.text = motion_body(pdf_text)
    onderwerp = " ".join(text_value(record, "Onderwerp").split())
    match = _MOTION_SUBJECT.search(onderwerp)
    if match:
        item.title = clip(match["subject"], 300)
        item.submitters = motion_submitters(match["names"], pdf_text)
    else:
        item.title = clip(onderwerp or text_value(record, "Titel"), 300)
        report.warnings.append(Issue(file, "de indieners staan niet in de vorm ‘Motie van het "
                                           "lid … over …’; zonder indieners geïmporteerd",
                                     index, item.key, "Onderwerp"))
    if not item.title:
        raise RecordError("Onderwerp", "ontbreekt; een motie zonder titel kan niet")
    return item


def clip(text, limit):
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def motion_dossier(record, number):
    """The dossier: from the expanded Kamerstukdossier, else the motion's own kst-identifier."""
    dossier, title = dossier_number(record.get("Kamerstukdossier"))
    if dossier:
        return dossier, (title or text_value(record, "Titel"))[:300]
    texts = [record.get(name) for name in ("text", "Citeertitel", "content_url")]
    found = [m for text in texts if isinstance(text, str) for m in _KST.finditer(text)]
    own = [m for m in found if m["number"] == number]
    if own:
        return own[0]["dossier"], text_value(record, "Titel")[:300]
    if found:
        raise RecordError("text", f"{found[0][0]} in de tekst past niet bij Volgnummer {number}")
    raise RecordError("Kamerstukdossier", "geen dossier: geen uitgeklapt Kamerstukdossier en "
                                          "geen kst-nummer in de tekst")


def motion_body(text):
    """From "De Kamer," to "… orde van de dag.": the motion without the header and footer."""
    start = re.search(r"^De Kamer,", text, re.MULTILINE)
    end = re.search(r"en gaat over tot de orde van de dag\.", text)
    if start and end and end.end() > start.start():
        return text[start.start():end.end()]
    return text.replace("\f", "").strip()


def motion_submitters(names, pdf_text):
    """The members named in Onderwerp; with "c.s." the signatures at the foot of the motion."""
    cum_suis = bool(_CUM_SUIS.search(names))
    names = _CUM_SUIS.sub("", names)
    named = [parse_member_name(part) for part in re.split(r"\s*,\s*|\s+en\s+", names)]
    named = [name for name in named if name]
    if cum_suis:
        signed = signatures(pdf_text)
        if signed and named and signed[0].surname.casefold() == named[0].surname.casefold():
            return signed
    return named


def signatures(text):
    end = re.search(r"en gaat over tot de orde van de dag\.", text)
    if not end:
        return []
    block = text[end.end():].strip().split("\n\n", 1)[0]
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    if not lines or any(re.search(r"[0-9]", line) or len(line.split()) > 5 for line in lines):
        return []
    return [parse_member_name(line) for line in lines]


def check_moties(records, name):
    check_entity(records, name, needs={"Soort", "Volgnummer"}, entity="Document (motie)",
                 other_command=("import_tk_toezeggingen", "Toezegging-records"),
                 other_fields={"Nummer", "Tekst"})


def import_moties(paths: Iterable, *, by, dry_run: bool = False, skip_invalid: bool = False,
                  max_bytes: int | None = None) -> ImportReport:
    """Import Document records of Soort Motie; a motion we hold is completed, not duplicated."""
    report = ImportReport(entity="Moties", dry_run=dry_run)
    items = read_all(paths, max_bytes=max_bytes or configured_max_bytes(), report=report,
                     check=check_moties, parse=parse_motie)
    items = find_duplicates(items, {"tk_id": "Id"}, report, "Id")
    live = find_duplicates([i for i in items if not i.deleted],
                           {"place": "Volgnummer", "document_number": "DocumentNummer"}, report,
                           "Motie")
    report.skipped_deleted = sum(item.deleted for item in items)
    return run_import(report, dry_run=dry_run, skip_invalid=skip_invalid,
                      plan=lambda: MotieImport(report, by).plan(live))


class MotieImport:
    """Plan what each record changes, from reads only (a dry run stops there), then write it in
    short transactions: a motion with its submitters in the same one."""

    # Motion field: Motie attribute. A motion we hold gets only what it lacks.
    FILLABLE = {"title": "title", "text": "text", "filed_on": "filed_on",
                "tk_document_number": "document_number", "tk_id": "tk_id"}

    def __init__(self, report, by):
        self.report, self.by = report, by
        self.pending = Pending(by)
        self.planned = []  # (motion, reason, what changed or "", submitters to add)

    def plan(self, items):
        dossiers = {d.number: d for d in in_chunks(Dossier.objects.all(), "number",
                                                   {item.dossier for item in items})}
        motions = Motion.objects.select_related("dossier").prefetch_related("submitter_rows")
        by_place = {(m.dossier.number, m.number): m
                    for m in in_chunks(motions, "dossier__number", set(dossiers))}
        by_tk_id = {m.tk_id: m for m in in_chunks(motions, "tk_id", {i.tk_id for i in items})}
        people = People(self.pending)
        for item in items:
            reason = f"import TK {item.file}: motie {item.dossier}-{item.number}"
            dossier = dossiers.get(item.dossier)
            if dossier is None:
                dossier = self.pending.add(Dossier(number=item.dossier,
                                                   title=item.dossier_title), reason)
                dossiers[item.dossier] = dossier
            elif not dossier.title and item.dossier_title:
                dossier.title = item.dossier_title
                self.pending.add(dossier, f"{reason}: dossiertitel")
            motion = by_place.get((item.dossier, item.number)) or by_tk_id.get(item.tk_id)
            if motion is None:
                self.create(item, dossier, people, reason)
            else:
                self.complete(item, motion, people, reason)
        return self

    def create(self, item, dossier, people, reason):
        motion = Motion(dossier=dossier, number=item.number,
                        **{name: getattr(item, source) for name, source in self.FILLABLE.items()})
        self.planned.append((motion, reason, "overgenomen", self.submitters(item, people, reason)))
        self.report.created.append(f"{dossier.display_number}, nr. {item.number}: {motion.title}")

    def complete(self, item, motion, people, reason):
        filled = [name for name, source in self.FILLABLE.items()
                  if not getattr(motion, name) and getattr(item, source)]
        for name in filled:
            setattr(motion, name, getattr(item, self.FILLABLE[name]))
        submitters = []
        if item.submitters and not motion.submitter_rows.all():
            submitters = self.submitters(item, people, reason)
        if not (filled or submitters):
            self.report.unchanged += 1
            return
        self.planned.append((motion, reason, filled and f"aangevuld ({', '.join(filled)})",
                             submitters))
        done = filled + (["indieners"] if submitters else [])
        self.report.updated.append(f"{motion.dossier.display_number}, nr. {motion.number}: "
                                   f"aangevuld ({', '.join(done)})")

    def submitters(self, item, people, reason):
        """The members named, in order, each once (the same member may be named twice)."""
        found = []
        for name in item.submitters:
            person = people.get_or_create(name, reason=f"{reason}: indiener")
            if all(person is not other for other in found):
                found.append(person)
        return found

    def write(self):
        with transaction.atomic():
            self.pending.save()
        in_short_transactions(self.planned, self.write_chunk)

    def write_chunk(self, planned):
        for motion, reason, change, submitters in planned:
            if change:
                save_with_history(motion, by=self.by, reason=f"{reason}: {change}",
                                  source=ChangeSource.IMPORT)
            for order, person in enumerate(submitters):
                # The party at the time: the person has a row by now (Pending saved first).
                party = person.party_on(motion.filed_on) if motion.filed_on else None
                save_with_history(MotionSubmitter(motion=motion, person=person, party=party,
                                                  order=order),
                                  by=self.by, reason=f"{reason}: indieners",
                                  source=ChangeSource.IMPORT)

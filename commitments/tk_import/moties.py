"""Motions from the Kamer's open data: Document records of Soort Motie (files and sync_tk) and
Zaak records of Soort Motie (sync_tk, `zaken`). A motion we hold is completed, not duplicated.

What the service really returns (issue 15): a Document names its dossier only with
`$expand=Kamerstukdossier`; a page of Documents holds other Soorts (Bijlage, Brief regering, …),
which are skipped and counted; a withdrawn record is a tombstone (`Verwijderd: true`, every other
field null), which marks our motion as withdrawn at the Kamer and is never an error. A motion
whose dossier the record does not give is imported all the same, with the dossier to be
completed by a clerk (listed on /verschillen/), unless its text or citation names its Kamerstuk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commitments.models import (
    VOTE_TRANSITIONS,
    Execution,
    Motion,
    MotionSubmitter,
    MotionVote,
    VoteOutcome,
)
from commitments.tk_import.documents import dossier_number, fill_number, number_conflict
from commitments.tk_import.entities import entity_of, refuse_other_entity
from commitments.tk_import.files import FileImport, import_files
from commitments.tk_import.people import People, parse_member_name, surname_key
from commitments.tk_import.reading import (
    NO_SOORT,
    ImportReport,
    Issue,
    RecordError,
    bool_value,
    configured_max_bytes,
    date_value,
    in_chunks,
    moment_value,
    text_value,
)
from commitments.tk_import.recipients import Parties
from commitments.tk_import.writing import Pending, create_with_history, in_short_transactions
from register.history import ChangeSource, save_with_history
from register.models import Document, Dossier, PartyMembership
from register.names import has_cum_suis
from register.periods import dutch_date
from register.references import Reference, parse_references

_KST = re.compile(r"\bkst-(?P<dossier>[0-9]{4,6}(?:-[0-9A-Z]{1,10})*)-(?P<number>[0-9A-Z]+)\b")
# "Motie van het lid X over …", "Motie van de leden X en Y over …", and in older Zaak records
# "Motie Ouwehand over …"; a changed motion adds "ter vervanging van die gedrukt onder nr. 12".
_MOTION_SUBJECT = re.compile(
    r"motie\s+(?:van\s+(?:het\s+lid|de\s+leden)\s+)?(?P<names>.+?)"
    r"(?:\s+ter\s+vervanging\s+van\s+die\s+gedrukt\s+onder\s+nr\.\s*[0-9]+)?"
    r"(?:\s*\(t\.v\.v\.[^)]*\))?"  # "(t.v.v. 30597, nr. 402)": the motion it replaces
    r"\s+over\s+(?P<subject>.+)",
    re.IGNORECASE | re.DOTALL,
)
_END = re.compile(r"en gaat over tot de orde van de dag\.")


# --- Moties --------------------------------------------------------------------------------------

@dataclass(slots=True)
class Submitter:
    name: object  # people.Name, or None when only the Kamer's Persoon Id is known
    tk_id: str = ""
    party: str = ""  # the Kamer's ActorFractie, when the record gives it


@dataclass(slots=True)
class Motie:
    file: str
    index: int
    tk_id: str = ""  # the Document's Id
    deleted: bool = False
    modified: datetime | None = None
    document_number: str = ""
    zaak_id: str = ""
    zaak_number: str = ""
    document_ids: tuple = ()  # a Zaak's Documents, when expanded
    dossier: str = ""
    dossier_title: str = ""
    number: str = ""
    title: str = ""
    submitters: list = field(default_factory=list)
    filed_on: date | None = None
    text: str = ""
    appreciation: str = ""
    vote: object = None  # zaken.Vote

    @property
    def key(self):
        return self.document_number or self.zaak_number or self.tk_id or self.zaak_id

    @property
    def place(self):
        return f"{self.dossier}-{self.number}" if self.dossier and self.number else ""

    @property
    def label(self):
        place = f"{self.dossier}-{self.number}" if self.dossier else f"nr. {self.number}"
        return f"motie {place}" + ("" if self.dossier else f" ({self.key}, dossier onbekend)")


def parse_motie(record, file, index, report):
    """One Document record checked and mapped; None for another Soort (counted in the report)."""
    item = Motie(file=file, index=index,
                 tk_id=text_value(record, "Id", required=True, max_length=40),
                 deleted=bool_value(record, "Verwijderd"),
                 modified=moment_value(record, "ApiGewijzigdOp")
                 or moment_value(record, "GewijzigdOp"),
                 document_number=text_value(record, "DocumentNummer", max_length=20))
    if item.deleted:
        return item  # a tombstone: every other field is empty
    kind = entity_of(record)
    if kind not in (None, "Document"):
        raise RecordError("", f"is een {kind}-record, geen Document")
    soort = text_value(record, "Soort")
    if not soort.casefold().startswith("motie"):
        report.skipped_other[soort or NO_SOORT] += 1
        return None
    item.number = text_value(record, "Volgnummer", required=True, max_length=10)
    item.dossier, item.dossier_title = motion_dossier(record, item, report)
    item.filed_on = date_value(record, "Datum")
    pdf_text = text_value(record, "text")
    item.text = motion_body(pdf_text)
    subject_and_submitters(item, record, report, signed=signatures(pdf_text))
    return item


def subject_and_submitters(item, record, report, *, signed=()):
    """The title from Onderwerp ("Motie van het lid X over <title>") and the submitters it names;
    with "c.s." the signatures, when the record has them and they start with the same member."""
    onderwerp = " ".join(text_value(record, "Onderwerp").split())
    match = _MOTION_SUBJECT.search(onderwerp)
    if match:
        item.title = clip(match["subject"], 300)
        if not item.submitters:
            item.submitters = motion_submitters(match["names"], signed)
    else:
        item.title = clip(onderwerp or text_value(record, "Titel"), 300)
        if not item.submitters:
            report.warnings.append(Issue(item.file, "de indieners staan niet in de vorm ‘Motie "
                                                    "van het lid … over …’; zonder indieners "
                                                    "geïmporteerd", item.index, item.key,
                                         "Onderwerp"))
    if not item.title:
        raise RecordError("Onderwerp", "ontbreekt; een motie zonder titel kan niet")


def clip(text, limit):
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def motion_dossier(record, item, report):
    """(dossier, its title): from the expanded Kamerstukdossier, else from the motion's own
    Kamerstuk in its text or citation ("kst-31288-1013", "Kamerstuk 28676-500"); else no
    dossier: the motion is imported with the dossier to be completed."""
    title = text_value(record, "Titel")[:300]
    dossier, expanded_title = dossier_number(record.get("Kamerstukdossier"))
    if dossier:
        return dossier, (expanded_title or title)[:300]
    cited = cited_dossiers(record)
    own = [number for number, paper in cited if paper == item.number]
    if own:
        return own[0], title
    if cited:
        report.warnings.append(Issue(
            item.file, f"de tekst noemt Kamerstuk {cited[0][0]}-{cited[0][1]}, niet nr. "
                       f"{item.number}; het dossier is nog aan te vullen", item.index, item.key,
            "Kamerstukdossier"))
    return "", title


def cited_dossiers(record):
    """(dossier, number) of each Kamerstuk the record's text, citation or address names."""
    found = []
    for name in ("text", "Citeertitel", "content_url"):
        value = record.get(name)
        if not isinstance(value, str):
            continue
        found += [(m["dossier"], m["number"]) for m in _KST.finditer(value)]
        found += [(ref.dossier, ref.number) for ref in parse_references(value)
                  if ref.kind == "kamerstuk" and ref.dossier]
    return found


def motion_body(text):
    """From "De Kamer," to "… orde van de dag.": the motion without the header and footer."""
    start = re.search(r"^De Kamer,", text, re.MULTILINE)
    end = _END.search(text)
    if start and end and end.end() > start.start():
        return text[start.start():end.end()]
    return text.replace("\f", "").strip()


def motion_submitters(names, signed=()):
    """The members named in Onderwerp, in order; with "c.s." the signatures at the foot of the
    motion instead, when they start with the first member named."""
    named = [parse_member_name(part) for part in re.split(r"\s*[,/]\s*|\s+en\s+", names)]
    named = [Submitter(name) for name in named if name]
    if has_cum_suis(names) and signed and named and \
            surname_key(signed[0]) == surname_key(named[0].name):
        return [Submitter(name) for name in signed]
    return named


def signatures(text):
    """The members who signed, from the lines after "… orde van de dag."."""
    end = _END.search(text)
    if not end:
        return []
    block = text[end.end():].strip().split("\n\n", 1)[0]
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    if not lines or any(re.search(r"[0-9]", line) or len(line.split()) > 5 for line in lines):
        return []
    return [name for name in map(parse_member_name, lines) if name]


def check_moties(head, name):
    refuse_other_entity(head, name, wanted="Document", needs={"Soort", "Volgnummer"},
                        label="Document (motie)")


MOTIES = FileImport(parse=parse_motie, check=check_moties, unique={"tk_id": "Id"},
                    unique_live={"place": "Volgnummer", "document_number": "DocumentNummer"})


def import_moties(paths: Iterable, *, by, dry_run: bool = False, skip_invalid: bool = False,
                  max_bytes: int | None = None) -> ImportReport:
    """Import Document records of Soort Motie; a motion we hold is completed, not duplicated."""
    report = ImportReport(entity="Moties", dry_run=dry_run)
    return import_files(paths, spec=MOTIES, report=report,
                        max_bytes=max_bytes or configured_max_bytes(), dry_run=dry_run,
                        skip_invalid=skip_invalid, importer=MotieImport(report, by))


# --- Planning and writing ------------------------------------------------------------------------

class MotieImport:
    """Plans what each batch of records changes, from reads only (a dry run stops there), then
    writes it in short transactions. The people and dossiers it has seen are kept from batch to
    batch; the motions are not, so memory stays flat over a long import or sync."""

    # Motion field: Motie attribute. A motion we hold gets only what it lacks.
    FILLABLE = {"title": "title", "text": "text", "filed_on": "filed_on",
                "tk_document_number": "document_number", "tk_id": "tk_id",
                "tk_zaak_id": "zaak_id", "tk_zaak_number": "zaak_number"}

    def __init__(self, report, by):
        self.report, self.by = report, by
        self.pending = Pending(by)
        self.people = None
        self.dossiers = {}
        self.memberships = None
        self.parties = None
        self.new, self.changed = [], []  # motions to create, motions to save
        self.rows = []  # (motion, reason, [(order, person, party name)]) submitters to add
        self.votes = []  # MotionVote rows to create or save, each with its reason
        # What a history reason names as the source: the file, or sync_tk and the entity set.
        self.origin = lambda item: f"import TK {item.file}"

    def reason(self, item, text=""):
        return f"{self.origin(item)}: {item.label}" + (f": {text}" if text else "")

    def plan(self, items):
        """Plan a batch of records; returns self."""
        if self.people is None:
            self.people = People(self.pending)
        live = [item for item in items if not item.deleted]
        self.load_dossiers(live)
        self.fill_paper_numbers(live)
        found = MotionIndex(items)
        for item in live:
            motion = found.get(item)
            changed = False
            if motion is None:
                motion = self.create(item)
            elif motion.pk is not None:  # (not one this batch creates: a record named twice)
                changed = self.complete(item, motion)
            found.add(item, motion)
            if item.vote is not None:
                changed |= self.plan_vote(item, motion)
            if motion.pk and not changed:
                self.report.unchanged += 1
        for item in items:
            if item.deleted:
                self.mark_deleted(item, found.get(item))
        return self

    def load_dossiers(self, items):
        numbers = {item.dossier for item in items if item.dossier} - set(self.dossiers)
        for dossier in in_chunks(Dossier.objects.all(), "number", numbers):
            self.dossiers[dossier.number] = dossier

    def fill_paper_numbers(self, items):
        """A motion is a Kamerstuk: the Document we hold of it (a clerk typed its reference)
        gets its DocumentNummer when it lacks it (documents.fill_number)."""
        papers = {Reference(kind="kamerstuk", dossier=item.dossier, number=item.number).ident:
                  item for item in items if item.dossier and item.number
                  and item.document_number}
        for document in in_chunks(Document.objects.select_related("dossier"), "ident", papers):
            item = papers[document.ident]
            if not fill_number(document, item.document_number, self.pending, self.reason(item)):
                self.report.warnings.append(Issue(
                    item.file, number_conflict(document, item.document_number), item.index,
                    item.key, "DocumentNummer"))

    def dossier(self, item):
        """Our dossier of the record (planned when new, its title filled in when empty)."""
        if not item.dossier:
            return None
        dossier = self.dossiers.get(item.dossier)
        if dossier is None:
            dossier = self.pending.add(Dossier(number=item.dossier, title=item.dossier_title),
                                       self.reason(item))
            self.dossiers[item.dossier] = dossier
        elif not dossier.title and item.dossier_title:
            dossier.title = item.dossier_title
            self.pending.add(dossier, self.reason(item, "dossiertitel"))
        return dossier

    def create(self, item):
        dossier = self.dossier(item)
        motion = Motion(dossier=dossier, number=item.number,
                        tk_dossier_title="" if dossier else item.dossier_title,
                        appreciation=item.appreciation,
                        **{name: getattr(item, source) for name, source in self.FILLABLE.items()})
        motion._change_reason = self.reason(item, "overgenomen")
        self.new.append(motion)
        self.plan_submitters(item, motion, [])
        where = f"{dossier.display_number}, nr. {item.number}" if dossier else \
            f"nr. {item.number} ({item.key})"
        self.report.created.append(f"{where}: {motion.title}")
        if dossier is None:
            self.report.to_complete.append(f"nr. {item.number} ({item.key}, ‘{item.dossier_title}"
                                           f"’): {motion.title}")
        return motion

    def complete(self, item, motion):
        """Fill in what we lack; the dossier when the Kamer now names it; the cabinet's
        appreciation as the Kamer registers it; submitters the record adds. Whether anything
        changed."""
        filled = [name for name, source in self.FILLABLE.items()
                  if not getattr(motion, name) and getattr(item, source)]
        if "filed_on" in filled and not self.vote_after_filing(
                motion, filed_on=item.filed_on, voted_on=motion.voted_on,
                kept="De indieningsdatum van de Kamer is niet overgenomen"):
            filled.remove("filed_on")
        for name in filled:
            setattr(motion, name, getattr(item, self.FILLABLE[name]))
        if motion.dossier_id is None and item.dossier and self.place_free(item):
            motion.dossier, motion.tk_dossier_title = self.dossier(item), ""
            filled.append("dossier")
        if item.appreciation and motion.appreciation != item.appreciation:
            motion.appreciation = item.appreciation
            filled.append("appreciation")
        if motion.tk_deleted_at:
            motion.tk_deleted_at = None  # the Kamer has it again
            filled.append("tk_deleted_at")
        submitters = self.plan_submitters(item, motion, motion.submitter_rows.all())
        if not filled:
            return bool(submitters)
        motion._change_reason = self.reason(item, f"aangevuld ({', '.join(filled)})")
        self.changed.append(motion)
        done = filled + (["indieners"] if submitters else [])
        self.report.updated.append(f"{motion.reference}: aangevuld ({', '.join(done)})")
        return True

    def vote_after_filing(self, motion, *, filed_on, voted_on, kept):
        """Whether a motion filed on `filed_on` may have its vote on `voted_on`, by Motion's own
        rule (check_vote_date), for a filing date or a vote date the Kamer's record gives. If
        not, that value is not taken over: ours stays, and the report lists the difference
        (the command's output, the run log)."""
        try:
            Motion(filed_on=filed_on).check_vote_date(voted_on)
        except ValidationError as error:
            self.report.differences.append(f"{motion.reference}: {error.messages[0]} {kept}; "
                                           f"de onze blijft.")
            return False
        return True

    def place_free(self, item):
        """Whether no other motion of ours holds that dossier and number."""
        taken = Motion.objects.filter(dossier__number=item.dossier, number=item.number).exists()
        if taken:
            self.report.warnings.append(Issue(
                item.file, f"motie {item.place} hebben we al als een andere motie; het dossier "
                           f"van {item.key} blijft aan te vullen", item.index, item.key,
                "Kamerstukdossier"))
        return not taken

    def plan_submitters(self, item, motion, held):
        """The submitters of the record we do not hold yet, in the record's order after ours:
        all of them for a motion without any, the others of "X c.s." when the record lists
        them."""
        people, found = [], []
        for submitter in item.submitters:
            person = self.people.member(submitter.name, submitter.tk_id,
                                        reason=self.reason(item, "indiener"))
            if person is not None and all(person is not other for other, _party in found):
                found.append((person, submitter.party))
        held_ids = {row.person_id for row in held}
        if held and not held_ids <= {id_of(person) for person, _party in found}:
            return []  # a clerk's list that the record contradicts: ours stays
        start = len(held)
        people = [(order, person, party) for order, (person, party)
                  in enumerate(((p, f) for p, f in found if id_of(p) not in held_ids), start)]
        if people:
            self.rows.append((motion, self.reason(item, "indieners"), people))
        return people

    def mark_deleted(self, item, motion):
        if motion is None:
            self.report.skipped_deleted += 1
            return
        if motion.tk_deleted_at:
            self.report.unchanged += 1
            return
        motion.tk_deleted_at = item.modified or timezone.now()
        motion._change_reason = (f"{self.origin(item)}: verwijderd bij de Kamer "
                                 f"({item.tk_id or item.zaak_id}); onze motie blijft")
        self.changed.append(motion)
        self.report.deleted.append(f"{motion.reference}: verwijderd bij de Kamer; bij ons "
                                   f"{motion.get_vote_outcome_display().lower()}")
        self.report.updated.append(f"{motion.reference}: verwijderd bij de Kamer")

    def plan_vote(self, item, motion):
        """The Kamer's decision: its record (MotionVote) kept as the Kamer gives it, and our
        outcome and date following it where the workflow allows (a held motion may still be
        adopted; an outcome we hold as final stays, and the difference is listed). A vote
        dated before the motion was filed is refused as a whole, as Motion.record_vote refuses
        it: our outcome and date stay, the difference is listed, and the Kamer's record is
        still kept (the motion's page shows it beside ours, for a clerk to correct either)."""
        vote, changed = item.vote, False
        row = held_vote(motion)
        if row is None or any(getattr(row, name) != value
                              for name, value in vote.values().items()):
            row = row or MotionVote(motion=motion)
            for name, value in vote.values().items():
                setattr(row, name, value)
            self.votes.append((row, self.reason(item, f"stemming: {vote.text or vote.outcome}")))
            changed = True
        ours, theirs = VoteOutcome(motion.vote_outcome), VoteOutcome(vote.outcome)
        if ours == theirs and motion.voted_on == vote.decided_on:
            return changed
        if ours != theirs and theirs not in VOTE_TRANSITIONS[ours]:
            self.report.differences.append(f"{motion.reference}: uitslag bij ons ‘{ours.label}’, "
                                           f"bij de Kamer ‘{theirs.label}’; de onze blijft")
            return changed
        if not self.vote_after_filing(motion, filed_on=motion.filed_on, voted_on=vote.decided_on,
                                      kept=f"De uitslag van de Kamer (‘{theirs.label}’) is niet "
                                           f"overgenomen"):
            return changed
        motion.vote_outcome, motion.voted_on = theirs, vote.decided_on or motion.voted_on
        if theirs == VoteOutcome.ADOPTED and not motion.execution_status:
            motion.execution_status = Execution.OPEN
        on = f" op {dutch_date(vote.decided_on)}" if vote.decided_on else ""
        self.touch(motion, item, f"uitslag {theirs.label}{on} ({vote.kind or 'stemming'})")
        return True

    def touch(self, motion, item, text):
        """Mark an existing motion to be saved, its history reason saying what changed."""
        if motion.pk is None:
            return  # created as it is now
        reason = motion.__dict__.get("_change_reason")
        if reason is None:
            motion._change_reason = self.reason(item, text)
            self.changed.append(motion)
            self.report.updated.append(f"{motion.reference}: {text}")
        else:
            motion._change_reason = f"{reason}; {text}"

    # --- Writing ---------------------------------------------------------------------------------

    def write(self):
        """The batch: people and dossiers first, then the new motions in bulk, the changed
        ones, the submitters and votes, in short transactions."""
        with transaction.atomic():
            self.pending.save()
        in_short_transactions(self.new, self.create_chunk)
        in_short_transactions(self.changed, self.update_chunk)
        in_short_transactions(self.rows, self.submitters_chunk)
        in_short_transactions(self.votes, self.votes_chunk)
        self.discard()

    def discard(self):
        """Let go of the batch (written, or planned in a dry run)."""
        self.new, self.changed, self.rows, self.votes = [], [], [], []

    def create_chunk(self, motions):
        # While COPY streams the rows no query may run: the search words from what is loaded
        # (the submitters come after, and refresh them).
        create_with_history(motions, Motion, by=self.by,
                            prepare=lambda motion: motion.derive_search(cached_only=True))
        for motion in motions:
            motion.__dict__.pop("_change_reason", None)

    def update_chunk(self, motions):
        for motion in motions:
            reason = motion.__dict__.pop("_change_reason")
            save_with_history(motion, by=self.by, reason=reason, source=ChangeSource.IMPORT)

    def submitters_chunk(self, planned):
        rows = []
        for motion, reason, people in planned:
            for order, person, party_name in people:
                row = MotionSubmitter(motion=motion, person=person, order=order,
                                      party=self.party(person, party_name, motion.filed_on))
                row._change_reason = reason
                rows.append(row)
        create_with_history(rows, MotionSubmitter, by=self.by)
        # Rows written in bulk send no signal: the motions' search words name their submitters.
        Motion.objects.filter(pk__in={motion.pk for motion, _reason, _people in planned}) \
            .refresh_search()

    def votes_chunk(self, planned):
        new = []
        for row, reason in planned:
            if row.pk is None:
                row._change_reason = reason
                new.append(row)
            else:
                save_with_history(row, by=self.by, reason=reason, source=ChangeSource.IMPORT)
        create_with_history(new, MotionVote, by=self.by)

    def party(self, person, name, on):
        """The party of a submitter when the motion was filed: from our memberships, else the
        party the Kamer's record names, when we know it by that name."""
        if self.memberships is None:
            self.memberships = {}
            for row in PartyMembership.objects.select_related("party"):
                self.memberships.setdefault(row.person_id, []).append(row)
        for row in self.memberships.get(person.pk, []):
            if on and (row.start is None or row.start <= on) and (row.end is None
                                                                  or on <= row.end):
                return row.party
        if name:
            if self.parties is None:
                self.parties = Parties(self.pending)
            return self.parties.find(name)
        return None

    def finish(self, *, dry_run):
        """Nothing is left to do after the last batch."""


def id_of(person):
    return person.pk or id(person)


def held_vote(motion):
    if motion.pk is None:
        return None
    try:
        return motion.vote
    except MotionVote.DoesNotExist:
        return None


class MotionIndex:
    """The motions we hold that a batch of records may name, read in a few queries: by the
    Document's Id, by the Zaak's Id, by dossier and number, and by the dossier's title and number
    for a motion whose dossier is still to be completed."""

    def __init__(self, items):
        motions = Motion.objects.select_related("dossier", "vote").prefetch_related(
            "submitter_rows")
        self.by_tk_id = {m.tk_id: m for m in in_chunks(
            motions, "tk_id", {i.tk_id for i in items if i.tk_id} | {
                d for i in items for d in i.document_ids})}
        self.by_zaak = {m.tk_zaak_id: m for m in in_chunks(
            motions, "tk_zaak_id", {i.zaak_id for i in items if i.zaak_id})}
        numbers = {i.number for i in items if i.number}
        placed = motions.filter(number__in=numbers)
        self.by_place, self.by_title = {}, {}
        for motion in in_chunks(placed, "dossier__number", {i.dossier for i in items}):
            self.by_place[(motion.dossier.number, motion.number)] = motion
        # By title: the motions still to be completed, and, for records that do not name their
        # dossier, the motions in dossiers of that title.
        titles = {i.dossier_title for i in items if i.dossier_title and not i.dossier}
        unplaced = list(placed.filter(dossier__isnull=True)) + list(
            in_chunks(placed, "dossier__title", titles))
        for motion in unplaced:
            title = motion.tk_dossier_title or (motion.dossier.title if motion.dossier else "")
            self.by_title.setdefault((title, motion.number), motion)

    def get(self, item):
        for document in item.document_ids:
            if document in self.by_tk_id:
                return self.by_tk_id[document]
        motion = (self.by_tk_id.get(item.tk_id) or self.by_zaak.get(item.zaak_id)
                  or self.by_place.get((item.dossier, item.number)))
        if motion is None and item.dossier_title and item.number:
            # A motion whose dossier is still to be completed, or a record that does not name
            # it: the dossier's title and the number tell the Kamerstuk.
            candidate = self.by_title.get((item.dossier_title, item.number))
            if candidate is not None and (candidate.dossier_id is None or not item.dossier):
                motion = candidate
        return motion

    def add(self, item, motion):
        """A motion created or matched in this batch is found by the batch's later records."""
        if item.tk_id:
            self.by_tk_id.setdefault(item.tk_id, motion)
        if item.zaak_id:
            self.by_zaak.setdefault(item.zaak_id, motion)
        if item.place:
            self.by_place.setdefault((item.dossier, item.number), motion)
        if item.dossier_title:
            self.by_title.setdefault((item.dossier_title, item.number), motion)

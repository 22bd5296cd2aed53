"""Toezegging records: checked and mapped, matched to the commitments we hold, written in bulk."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from commitments.models import Commitment, Status
from commitments.tk_import.debates import Activiteit, Debates, parse_activiteit
from commitments.tk_import.documents import Letter, Letters, number_conflict, parse_letter
from commitments.tk_import.entities import entity_of, refuse_other_entity
from commitments.tk_import.files import FileImport, import_files
from commitments.tk_import.people import Ministries, Name, People, bewindspersoon_name
from commitments.tk_import.reading import (
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
from commitments.tk_import.recipients import Recipient, Recipients, parse_recipient
from commitments.tk_import.relations import Relations, parse_relations
from commitments.tk_import.texts import (
    MATCH_THRESHOLD,
    deadline_words,
    set_deadline,
    short_title,
    similarity,
)
from commitments.tk_import.writing import (
    CHUNK,
    Pending,
    create_with_history,
    in_short_transactions,
)
from commitments.vocabulary import DELETED, KAMER_WORDS, kamer_agrees, kamer_status
from register.history import ChangeSource
from register.periods import parse_period

# --- Toezeggingen --------------------------------------------------------------------------------

@dataclass(slots=True)
class Toezegging:
    file: str
    index: int
    tk_id: str
    tk_number: str
    deleted: bool
    modified: datetime | None
    word: str = ""
    status: str = Status.OPEN
    text: str = ""
    made_on: date | None = None
    delivered_on: date | None = None
    activity: str = ""
    notes: str = ""
    name: Name | None = None
    office: str = ""
    ministry: str = ""
    letter: Letter | None = None
    recipient: Recipient | None = None
    debate: Activiteit | None = None
    relations: tuple = ()

    @property
    def key(self):
        return self.tk_number or self.tk_id

    @property
    def kamer(self):
        """The fields that are the Kamer's own: always brought up to date."""
        return {"tk_id": self.tk_id, "tk_number": self.tk_number, "tk_status": self.word,
                "tk_activity_number": self.activity, "tk_notes": self.notes,
                "tk_modified": self.modified}


def parse_toezegging(record, file, index, report):
    """One Toezegging record checked and mapped; RecordError names the field that is wrong."""
    item = Toezegging(file=file, index=index,
                      tk_id=text_value(record, "Id", required=True, max_length=40),
                      tk_number=text_value(record, "Nummer", max_length=20),
                      deleted=bool_value(record, "Verwijderd"),
                      modified=moment_value(record, "GewijzigdOp"))
    if item.deleted:
        return item
    kind = entity_of(record)
    if kind not in (None, "Toezegging"):
        raise RecordError("", f"is een {kind}-record, geen Toezegging")
    if not item.tk_number:
        raise RecordError("Nummer", "ontbreekt of is leeg")
    item.word = text_value(record, "Status", max_length=30)
    if item.word:
        item.status = kamer_status(item.word)
        if item.status is None:
            raise RecordError("Status", f"onbekende status ‘{item.word}’; bekend zijn "
                                        f"{KAMER_WORDS} (of leeg)")
    else:
        item.status = Status.OPEN
        report.warnings.append(Issue(file, "leeg; een nieuwe toezegging wordt Openstaand, een "
                                           "bestaande houdt haar status", index, item.key,
                                     "Status"))
    item.text = text_value(record, "Tekst", required=True)
    item.made_on = date_value(record, "Aanmaakdatum")
    if item.made_on is None:
        raise RecordError("Aanmaakdatum", "ontbreekt; zonder datum is de termijn niet af te "
                                          "leiden")
    item.delivered_on = date_value(record, "DatumNakoming")
    item.activity = text_value(record, "ActiviteitNummer", max_length=20)
    item.notes = text_value(record, "Notities")
    item.name = bewindspersoon_name(record)
    item.office = text_value(record, "Functie", max_length=200)
    item.ministry = text_value(record, "Ministerie", max_length=200)
    if not item.ministry and item.office.casefold().startswith("minister van "):
        item.ministry = item.office.split(" van ", 1)[1]
    if not item.ministry:
        raise RecordError("Ministerie", "ontbreekt (en is niet uit de Functie af te leiden)")
    if item.name is None and not item.office:
        raise RecordError("Naam", "geen bewindspersoon: Naam, Achternaam en Functie zijn leeg")
    parse_links(item, record, report)
    return item


def parse_links(item, record, report):
    """What the record names besides the bewindspersoon: the letter that delivered it, whom it
    was made to, and the commitments it repeats, changes or supplements."""
    item.letter = parse_letter(record.get("KamerbriefNakoming"))
    item.recipient = parse_recipient(recipient_of(record), lambda message: (
        report.warnings.append(Issue(item.file, message, item.index, item.key, "ToegezegdAan"))))
    item.relations = parse_relations(record)
    item.debate = parse_activiteit(record.get("Activiteit"))


def recipient_of(record):
    """ToegezegdAan as our files have it ({Persoon, Fractie}), or built from the service's own
    navigations ToegezegdAanPersoon and ToegezegdAanFractie (collections in its $metadata)."""
    if "ToegezegdAan" in record or not ({"ToegezegdAanPersoon", "ToegezegdAanFractie"}
                                        & record.keys()):
        return record.get("ToegezegdAan")
    people, parties = record.get("ToegezegdAanPersoon"), record.get("ToegezegdAanFractie")
    people = people if isinstance(people, list) else [people] if people else []
    parties = parties if isinstance(parties, list) else [parties] if parties else []
    if not (people or parties):
        return None
    return {"Persoon": people[0] if people else None, "Fractie": parties[0] if parties else None}


def check_toezeggingen(head, name):
    refuse_other_entity(head, name, wanted="Toezegging", needs={"Nummer", "Tekst"},
                        label="Toezegging")


TOEZEGGINGEN = FileImport(parse=parse_toezegging, check=check_toezeggingen,
                          unique={"tk_id": "Id"}, unique_live={"tk_number": "Nummer"})


def import_toezeggingen(paths: Iterable, *, by, dry_run: bool = False, skip_invalid: bool = False,
                        max_bytes: int | None = None) -> ImportReport:
    """Import Toezegging records from the Kamer's open data; raises ImportRefused on bad input."""
    report = ImportReport(entity="Toezeggingen", dry_run=dry_run)
    return import_files(paths, spec=TOEZEGGINGEN, report=report,
                        max_bytes=max_bytes or configured_max_bytes(), dry_run=dry_run,
                        skip_invalid=skip_invalid, importer=ToezeggingImport(report, by))


class ToezeggingImport:
    """The matching and writing half of the import, batch by batch: resolve, compare and plan
    without writing anything (a dry run stops there), then write in bulk, in short transactions.
    People, ministries, parties and our numbers are read once and kept from batch to batch; the
    commitments of a batch are let go once it is written."""

    def __init__(self, report, by):
        self.report, self.by = report, by
        self.now = timezone.now()
        self.pending = Pending(by)
        self.people = self.ministries = self.numbers = self.recipients = None
        self.person, self.ministry = {}, {}
        self.taken = set()  # hand-entered commitments linked to a record already
        self.seen = set()  # the Kamer's Ids of the records planned (the relations of a dry run)
        self.relations = Relations(report, by)
        self.debates = Debates(self.pending)
        # What a history reason names as the source: the file, or sync_tk and the entity set.
        self.origin = lambda item: f"import TK {item.file}"
        self.start_batch()

    def start_batch(self):
        self.to_create, self.to_update, self.update_fields, self.staged = [], [], set(), set()
        # The Kamer's Id → our commitment, for the relations: this batch's, held and planned.
        self.commitments = {}

    def reason(self, item, text):
        return f"{self.origin(item)}: {text}"

    def plan(self, items):
        """Everything a batch of records will do, worked out from reads only; returns self."""
        live = [item for item in items if not item.deleted]
        deleted = [item for item in items if item.deleted]
        self.seen |= {item.tk_id for item in items}
        by_id, by_number = held_commitments(items)
        matched, new = [], []
        for item in live:
            commitment = by_id.get(item.tk_id) or by_number.get(item.tk_number)
            if commitment and commitment.tk_id and commitment.tk_id != item.tk_id:
                self.report.warnings.append(Issue(
                    item.file, f"Nummer {item.tk_number} hoort bij ons bij {commitment.number} "
                               f"met een ander Kamer-Id; als nieuwe toezegging behandeld",
                    item.index, item.key, "Id"))
                commitment = None
            if commitment:
                matched.append((item, commitment))
            else:
                new.append(item)
        self.resolve(live)
        for item, commitment in matched:
            self.update(item, commitment)
        linked = self.link_hand_entered(new)
        for item in new:
            if id(item) in linked:
                self.update(item, linked[id(item)][0], link_score=linked[id(item)][1])
            else:
                self.create(item)
        live_numbers = {item.tk_number for item in live}
        for item in deleted:
            commitment = by_id.get(item.tk_id) or (
                by_number.get(item.tk_number) if item.tk_number not in live_numbers else None)
            self.mark_deleted(item, commitment)
        if self.numbers is None:
            self.numbers = NumberAllocator()
        for commitment in self.to_create:
            commitment.number = self.numbers.next(commitment)
        self.relations.plan(live, self.commitments, self.reason)
        return self

    def resolve(self, items):
        """People, ministries, letters, members and parties: read once, planned when missing."""
        if self.people is None:
            self.people, self.ministries = People(self.pending), Ministries(self.pending)
            self.recipients = Recipients(self.people, self.report)
        self.letters = Letters([item.letter for item in items if item.letter], self.pending)
        for item in items:
            reason = self.reason(item, f"bij toezegging {item.tk_number}")
            ministry = self.ministry.get(item.ministry) or self.ministries.get_or_create(
                item.ministry, reason=reason)
            self.ministry[item.ministry] = ministry
            key = (item.name, item.office)
            if key not in self.person:
                self.person[key] = self.people.get_or_create(item.name, office=item.office,
                                                             ministry=ministry, reason=reason)
        letters = {item.letter: item for item in reversed(items) if item.letter}
        reasons = {letter: self.reason(item, f"bij toezegging {item.tk_number}")
                   for letter, item in letters.items()}
        for letter, document in self.letters.fill_numbers(reasons):
            item = letters[letter]
            self.report.warnings.append(Issue(
                item.file, number_conflict(document, letter.document_number), item.index,
                item.key, "KamerbriefNakoming"))
        self.letters.plan_missing(reasons)
        self.debates.resolve({item.debate: self.reason(item, f"debat bij toezegging "
                                                             f"{item.tk_number}")
                              for item in reversed(items) if item.debate})
        self.recipients.resolved = {}
        self.recipients.resolve(items, lambda item: self.reason(
            item, f"bij toezegging {item.tk_number}: toegezegd aan"))

    def resolved(self, item):
        document = self.letters.get(item.letter) if item.letter else None
        return self.person[(item.name, item.office)], self.ministry[item.ministry], document

    def link_hand_entered(self, new):
        """Records we may hold already, entered by hand: same person, same day, similar text."""
        if not new:
            return {}
        hand = defaultdict(list)
        for commitment in Commitment.objects.filter(tk_id="", tk_number=""):
            hand[(commitment.bewindspersoon_id, commitment.made_on)].append(commitment)
        pairs = []
        for item in new:
            person = self.resolved(item)[0]  # a person planned as new has no commitments yet
            for commitment in hand.get((person.pk, item.made_on), []) if person.pk else ():
                score = similarity(item.text, commitment.text)
                if score >= MATCH_THRESHOLD:
                    pairs.append((score, item, commitment))
        linked = {}
        for score, item, commitment in sorted(pairs, key=lambda pair: -pair[0]):
            if id(item) not in linked and commitment.pk not in self.taken:
                linked[id(item)] = (commitment, score)
                self.taken.add(commitment.pk)
        return linked

    def create(self, item):
        person, ministry, document = self.resolved(item)
        member, party = self.recipients.get(item)
        commitment = Commitment(
            title=short_title(item.text), text=item.text, bewindspersoon=person,
            ministry=ministry, made_on=item.made_on, status_source=ChangeSource.IMPORT,
            to_member=member, to_party=party, debate=self.debates.get(item.debate),
            **item.kamer)
        self.apply_status(commitment, item, document)
        commitment._change_reason = self.reason(item, f"overgenomen ({item.word or 'geen status'})")
        self.to_create.append(commitment)
        self.commitments[item.tk_id] = commitment

    def apply_status(self, commitment, item, document, *, warn=True):
        """Set the Kamer's status; done needs a delivery date, so the best one known is used."""
        on = item.delivered_on
        if item.status == Status.DONE and on is None:
            on = timezone.localtime(item.modified).date() if item.modified else item.made_on
        if item.status == Status.DONE and item.delivered_on is None and warn:
            self.report.warnings.append(Issue(
                item.file, f"Afgedaan zonder DatumNakoming; {on:%d-%m-%Y} als datum van "
                           f"nakoming genomen", item.index, item.key, "DatumNakoming"))
        if item.status in (Status.DONE, Status.PARTLY_DONE) and (on or document):
            commitment.apply_status(item.status, document, on, None)
        else:
            commitment.apply_status(item.status, None, None, None)

    def update(self, item, commitment, link_score=None):
        old = {name: getattr(commitment, name) for name in UPDATABLE}
        old_word = commitment.tk_status or Status(commitment.status).label
        follows = commitment.status_source == ChangeSource.IMPORT
        person, ministry, document = self.resolved(item)
        self.commitments[item.tk_id] = commitment
        for name, value in item.kamer.items():
            setattr(commitment, name, value)
        if follows:
            self.follow_content(commitment, item, person, ministry)
        self.take_recipient(commitment, item, follows)
        # An empty status at the Kamer says nothing new: ours stays.
        delivered = item.status in (Status.DONE, Status.PARTLY_DONE)
        if follows and item.word and (item.status != commitment.status or delivered):
            self.apply_status(commitment, item, document, warn=item.status != commitment.status)
        changed = {name for name in UPDATABLE if differs(commitment, name, old[name])}
        if not changed:
            self.report.unchanged += 1
            return
        label = f"{commitment.number} ({item.tk_number})"
        if link_score is not None:
            reason = f"gekoppeld aan {item.tk_number} (woordovereenkomst {link_score:.2f})"
            self.report.linked.append(f"{item.tk_number} → {commitment.number} "
                                      f"‘{commitment.title}’ ({link_score:.2f})")
        elif "status" in changed:
            reason = f"{old_word} → {item.word or Status(item.status).label}"
            self.report.followed.append(f"{label}: {reason}")
        elif "tk_status" in changed:
            reason = (f"{old_word} → {item.word or '(leeg)'} bij de Kamer; onze status "
                      f"‘{commitment.get_status_display()}’ blijft")
        else:
            reason = f"gegevens bijgewerkt ({', '.join(sorted(changed))})"
        if not follows and not kamer_agrees(item.word, commitment.status) and (
                "tk_status" in changed or link_score is not None):
            self.report.differences.append(
                f"{label}: Kamer {item.word}, bij ons {commitment.get_status_display()}")
        self.report.updated.append(f"{label}: {reason}")
        self.stage_update(commitment, changed, self.reason(item, reason))

    def follow_content(self, commitment, item, person, ministry):
        """A commitment that follows the Kamer takes its text, date and person too; the title and
        deadline words only while they are still the ones derived from the old text."""
        if commitment.text != item.text or commitment.made_on != item.made_on:
            if commitment.title == short_title(commitment.text):
                commitment.title = short_title(item.text)
            if commitment.deadline_text == deadline_words(commitment.text, commitment.made_on):
                commitment.deadline_text = deadline_words(item.text, item.made_on)
            commitment.text, commitment.made_on = item.text, item.made_on
        commitment.bewindspersoon, commitment.ministry = person, ministry

    def take_recipient(self, commitment, item, follows):
        """Whom it was made to: filled in where we have nobody, replaced only while the
        commitment follows the Kamer; a record that names nobody leaves ours as it is."""
        member, party = self.recipients.get(item)
        if member and (follows or commitment.to_member_id is None):
            commitment.to_member = member
        if party and (follows or commitment.to_party_id is None):
            commitment.to_party = party
        if item.debate and commitment.debate_id is None:
            commitment.debate = self.debates.get(item.debate)  # the debate it was made in

    def mark_deleted(self, item, commitment):
        if commitment is None:
            self.report.skipped_deleted += 1
            return
        if commitment.tk_status == DELETED:
            self.report.unchanged += 1
            return
        old_word = commitment.tk_status or "—"
        commitment.tk_status = DELETED
        commitment.tk_modified = item.modified or commitment.tk_modified
        reason = f"{old_word} → {DELETED} (verwijderd bij de Kamer; onze toezegging blijft)"
        label = f"{commitment.number} ({commitment.tk_number or item.tk_id})"
        self.report.deleted.append(f"{label}: verwijderd bij de Kamer; bij ons "
                                   f"{commitment.get_status_display()}")
        self.report.updated.append(f"{label}: {reason}")
        self.stage_update(commitment, {"tk_status", "tk_modified"}, self.reason(item, reason))

    def stage_update(self, commitment, changed, reason):
        # What Versioned.save and Commitment.save would do: bump the version, stamp the time,
        # derive the deadline again from the (possibly new) words and date.
        if commitment.pk in self.staged:
            # Named twice in the files (a live and a deleted record): one write, the last reason.
            self.to_update.remove(commitment)
        else:
            commitment.version += 1
            self.staged.add(commitment.pk)
        commitment.updated_at = self.now
        derive_on_save(commitment)
        commitment._change_reason = reason
        self.update_fields |= changed | DERIVED_ON_SAVE | {"version", "updated_at"}
        self.to_update.append(commitment)

    def write(self):
        """What `plan` worked out, in short transactions: the people, ministries, parties,
        dossiers and letters the commitments refer to, then the new commitments, the changed
        ones and the relations, each chunk of them in a transaction of its own."""
        with transaction.atomic():
            self.pending.save()
            self.letters.write(by=self.by)
        in_short_transactions(self.to_create, self.create_chunk)
        if self.to_update:
            in_short_transactions(self.to_update, self.update_chunk)
        self.relations.write()
        self.discard()

    def discard(self):
        """Done with the batch (written, or planned in a dry run): reported, then let go. The
        numbers are those written (one a clerk took meanwhile was replaced)."""
        self.report.created += [f"{c.number} ({c.tk_number}): {c.title}" for c in self.to_create]
        self.start_batch()

    def finish(self, *, dry_run):
        """After the last batch: the relations to commitments that came in a later batch."""
        self.relations.finish(dry_run=dry_run, seen=self.seen, origin=self.origin)

    def create_chunk(self, commitments):
        if Commitment.objects.filter(number__in=[c.number for c in commitments]).exists():
            # Someone registered a commitment meanwhile and took a number planned here.
            numbers = NumberAllocator()
            for commitment in self.to_create[self.to_create.index(commitments[0]):]:
                commitment.number = numbers.next(commitment)

        def complete(commitment):
            # What save() derives, done as each row is written rather than in create(): on
            # PostgreSQL the server inserts and indexes the rows already sent meanwhile.
            set_deadline(commitment, parse_period(commitment.text, commitment.made_on))
            derive_on_save(commitment, deadline=False)  # the deadline: just above

        create_with_history(commitments, Commitment, by=self.by, prepare=complete)

    def update_chunk(self, commitments):
        commitments = self.unchanged_meanwhile(commitments)
        bulk_update_with_history(commitments, Commitment, sorted(self.update_fields),
                                 batch_size=CHUNK, default_user=self.by,
                                 custom_historical_attrs={"change_source": ChangeSource.IMPORT})

    def unchanged_meanwhile(self, commitments):
        """The commitments nobody saved after the import read them; the others are left alone
        and listed in the report (running the import again brings them up to date).

        The rows are locked first (PostgreSQL; SQLite's IMMEDIATE transaction already keeps
        other writers out), so no change can slip in between this check and the write. Only
        these rows are locked: locking every row read would make a re-import write.
        """
        read = {commitment.pk: commitment.version - 1 for commitment in commitments}
        locked = Commitment.objects.select_for_update().values_list("pk", "version", "number")
        stale = {pk: number for pk, version, number in in_chunks(locked, "pk", read)
                 if version != read[pk]}
        self.report.stale += sorted(stale.values())
        return [commitment for commitment in commitments if commitment.pk not in stale]


def held_commitments(items):
    """The commitments we hold that the records name, by the Kamer's Id and by its number."""
    held = {}
    for field_name, values in (("tk_id", {item.tk_id for item in items}),
                               ("tk_number", {item.tk_number for item in items
                                              if item.tk_number})):
        for commitment in in_chunks(Commitment.objects.all(), field_name, values):
            held.setdefault(commitment.pk, commitment)
    by_id = {c.tk_id: c for c in held.values() if c.tk_id}
    by_number = {c.tk_number: c for c in held.values() if c.tk_number}
    return by_id, by_number


UPDATABLE = ["tk_id", "tk_number", "tk_status", "tk_activity_number", "tk_notes", "tk_modified",
             "title", "text", "made_on", "deadline_text", "bewindspersoon_id", "ministry_id",
             "status", "delivered_on", "delivered_by_id", "to_member_id", "to_party_id",
             "debate_id"]
# Fields Commitment.save derives (the deadline; the search words, where the model has them).
DERIVED_ON_SAVE = {"deadline_parsed_start", "deadline_parsed_end", "deadline_start",
                   "deadline_end", "deadline_overridden", "deadline_estimated"} | (
    {"search_title", "search_text"} & {f.name for f in Commitment._meta.concrete_fields})


RELATIONS = {field.attname: field for field in Commitment._meta.concrete_fields
             if field.is_relation}


def differs(commitment, name, old):
    """Whether field `name` changed. A person, ministry, party or letter the import plans as new
    has no id yet: set on the commitment, it is a change whatever the id says."""
    if getattr(commitment, name) != old:
        return True
    field = RELATIONS.get(name)
    if field is None or not field.is_cached(commitment):
        return False
    related = field.get_cached_value(commitment)
    return related is not None and related.pk is None


def derive_on_save(commitment, *, deadline=True):
    """What Commitment.save derives before writing, for rows written in bulk (no save())."""
    if deadline:
        commitment.derive_deadline()
    if "search_title" in DERIVED_ON_SAVE:
        # Also called while COPY streams rows (create_chunk): no query may run then.
        commitment.derive_search(cached_only=True)


class NumberAllocator:
    """Our numbers (TZ-VWS-2024-007) as Commitment.next_number makes them, for many at once: the
    highest number per prefix is read once, then counted up in memory."""

    def __init__(self):
        self.last = defaultdict(int)
        for number in Commitment.objects.filter(number__startswith="TZ-").values_list("number",
                                                                                      flat=True):
            prefix, _, sequence = number.rpartition("-")
            if sequence.isdigit():
                self.last[prefix] = max(self.last[prefix], int(sequence))

    def next(self, commitment):
        prefix = f"TZ-{commitment.ministry.abbreviation}-{commitment.made_on.year}"
        self.last[prefix] += 1
        return f"{prefix}-{self.last[prefix]:03d}"

"""Persoon and Fractie records, as sync_tk reads them: the Kamer's members and parties with their
Ids, so that a submitter, a vote or a commitment's recipient finds the same person and party.

Fields as the service's schema gives them ($metadata of /OData/v4/2.0/): Persoon has Id,
Achternaam, Tussenvoegsel, Initialen, Roepnaam, Voornamen, Functie; Fractie has Id, Afkorting,
NaamNL, AantalZetels. A member matched by name gets the Kamer's Id, and the Kamer's spelling of
the name ("Kostić", not "Kostic"), with a history row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from commitments.tk_import.entities import entity_of
from commitments.tk_import.people import Name, People
from commitments.tk_import.reading import (
    NO_SURNAME,
    RecordError,
    bool_value,
    moment_value,
    text_value,
)
from commitments.tk_import.recipients import Parties
from commitments.tk_import.writing import Pending
from register.history import ChangeSource, save_with_history

NAME_PARTS = ("surname", "prefix", "initials", "first_name")


@dataclass(slots=True)
class Persoon:
    file: str
    index: int
    tk_id: str
    deleted: bool
    modified: datetime | None
    name: Name | None = None

    @property
    def key(self):
        return str(self.name) if self.name else self.tk_id


@dataclass(slots=True)
class Fractie:
    file: str
    index: int
    tk_id: str
    deleted: bool
    modified: datetime | None
    abbreviation: str = ""
    name: str = ""

    @property
    def key(self):
        return self.abbreviation or self.tk_id


def common(record, cls, file, index, entity):
    item = cls(file=file, index=index, tk_id=text_value(record, "Id", required=True,
                                                         max_length=40),
               deleted=bool_value(record, "Verwijderd"),
               modified=moment_value(record, "ApiGewijzigdOp"))
    if not item.deleted and entity_of(record) not in (None, entity):
        raise RecordError("", f"is een {entity_of(record)}-record, geen {entity}")
    return item


def parse_persoon(record, file, index, report):
    item = common(record, Persoon, file, index, "Persoon")
    if item.deleted:
        return item
    surname = text_value(record, "Achternaam", max_length=100)
    if not surname:
        report.skipped_other[NO_SURNAME] += 1
        return None
    item.name = Name(surname=surname,
                     prefix=text_value(record, "Tussenvoegsel", max_length=20).lower(),
                     initials=text_value(record, "Initialen", max_length=20),
                     first_name=text_value(record, "Roepnaam", max_length=50))
    return item


def parse_fractie(record, file, index, report):
    item = common(record, Fractie, file, index, "Fractie")
    if item.deleted:
        return item
    item.abbreviation = text_value(record, "Afkorting", max_length=50)
    item.name = text_value(record, "NaamNL", max_length=200)
    if not (item.abbreviation or item.name):
        raise RecordError("Afkorting", "ontbreekt, en NaamNL ook")
    return item


class MembersImport:
    """Shared by the two: plan a batch, then save what changed, each with its history row."""

    def __init__(self, report, by):
        self.report, self.by = report, by
        self.pending = Pending(by)
        self.origin = lambda item: f"import TK {item.file}"

    def reason(self, item, text):
        return f"{self.origin(item)}: {text}"

    def write(self):
        with transaction.atomic():
            for obj, reason in self.pending.objects.values():
                save_with_history(obj, by=self.by, reason=reason, source=ChangeSource.IMPORT)
        self.discard()

    def discard(self):
        self.pending.objects = {}

    def finish(self, *, dry_run):
        """Nothing waits for the last batch."""

    def tombstone(self, item, held):
        # The Kamer withdrew its record; ours stays (it may be referred to), counted.
        if held is None:
            self.report.skipped_deleted += 1
        else:
            self.report.deleted.append(f"{held}: verwijderd bij de Kamer; bij ons behouden")


class PersoonImport(MembersImport):
    def __init__(self, report, by):
        super().__init__(report, by)
        self.people = None

    def plan(self, items):
        if self.people is None:
            self.people = People(self.pending)
        for item in items:
            if item.deleted:
                self.tombstone(item, self.people.by_tk_id.get(item.tk_id))
                continue
            known = self.people.by_tk_id.get(item.tk_id)
            person = self.people.member(item.name, item.tk_id,
                                        reason=self.reason(item, "Kamerlid"))
            if person.pk is None and known is None:
                self.report.created.append(f"{person.full_name} ({item.tk_id})")
                continue
            changed = [part for part in NAME_PARTS
                       if getattr(item.name, part) and getattr(person, part) != getattr(
                           item.name, part)]
            for part in changed:
                setattr(person, part, getattr(item.name, part))
            if changed or id(person) in self.pending.objects:
                what = f"naam volgens de Kamer ({', '.join(changed)})" if changed else \
                    "Persoon-Id van de Kamer"
                self.pending.objects[id(person)] = (person, self.reason(item, what))
                self.report.updated.append(f"{person.full_name}: {what}")
            else:
                self.report.unchanged += 1
        return self


class FractieImport(MembersImport):
    def __init__(self, report, by):
        super().__init__(report, by)
        self.parties = None

    def plan(self, items):
        if self.parties is None:
            self.parties = Parties(self.pending)
        for item in items:
            party = self.parties.by_tk_id.get(item.tk_id)
            if item.deleted:
                self.tombstone(item, party)
                continue
            party = party or (item.abbreviation and self.parties.find(item.abbreviation)) or (
                item.name and self.parties.find(item.name))
            if party is None:
                party = self.parties.get_or_create(item.abbreviation, item.name,
                                                   reason=self.reason(item, "fractie"))
                party.tk_id = item.tk_id
                self.parties.by_tk_id[item.tk_id] = party
                self.report.created.append(f"{party.abbreviation} ({item.name})")
                continue
            changed = []
            if party.tk_id != item.tk_id:
                party.tk_id = item.tk_id
                changed.append("Fractie-Id van de Kamer")
            if item.name and party.name != item.name:
                party.name = item.name
                changed.append("naam")
            self.parties.by_tk_id[item.tk_id] = party
            if changed:
                self.pending.add(party, self.reason(item, ", ".join(changed)))
                self.report.updated.append(f"{party.abbreviation}: {', '.join(changed)}")
            else:
                self.report.unchanged += 1
        return self

"""Zaak records of Soort Motie, as sync_tk asks for them: the motion with its dossier, its
submitters (ZaakActor), the cabinet's appreciation and the Kamer's decision (Besluit with its
Stemmingen: the outcome, the date, each party's vote and seats).

The shapes are those of the service's schema (`$metadata` of /OData/v4/2.0/, entity types of
namespace TK.DA.GGM.OData; a copy is api_metadata.xml in the public repository
tommyvanderwal/motiematcher): a Zaak's navigations Kamerstukdossier, ZaakActor, Besluit and
Document are collections; a Besluit has BesluitSoort, BesluitTekst, StemmingsSoort,
AgendapuntZaakBesluitVolgorde and its collection Stemming; a Stemming has Soort ("Voor",
"Tegen", "Niet deelgenomen"), FractieGrootte, ActorNaam, ActorFractie, Vergissing, Persoon_Id
and Fractie_Id; a ZaakActor has ActorNaam, ActorFractie, Relatie ("Indiener",
"Medeindiener", "Voortouwcommissie", "Gericht aan"), Persoon_Id and Fractie_Id. A Besluit has
no date of its own: it is that of its Agendapunt's Activiteit when expanded, else the day the
Besluit was last changed (the day the vote was recorded).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from commitments.tk_import.documents import dossier_number
from commitments.tk_import.entities import entity_of
from commitments.tk_import.moties import Motie, Submitter, subject_and_submitters
from commitments.tk_import.people import Name, parse_member_name, parse_sorted_name
from commitments.tk_import.reading import (
    NO_SOORT,
    RecordError,
    bool_value,
    date_value,
    json_type,
    moment_value,
    text_value,
)
from commitments.vocabulary import kamer_appreciation, kamer_vote_outcome
from register.names import fold

SUBMITTER_ROLES = ("indiener", "medeindiener")


@dataclass(slots=True)
class Vote:
    tk_id: str
    outcome: str
    decided_on: date | None
    kind: str = ""
    text: str = ""
    parties: list = field(default_factory=list)

    def values(self):
        return {"tk_id": self.tk_id, "outcome": self.outcome, "decided_on": self.decided_on,
                "kind": self.kind, "text": self.text, "parties": self.parties}


def parse_zaak(record, file, index, report):
    """One Zaak record checked and mapped as a motion; None for another Soort (counted)."""
    item = Motie(file=file, index=index,
                 zaak_id=text_value(record, "Id", required=True, max_length=40),
                 deleted=bool_value(record, "Verwijderd"),
                 modified=moment_value(record, "ApiGewijzigdOp")
                 or moment_value(record, "GewijzigdOp"),
                 zaak_number=text_value(record, "Nummer", max_length=20))
    if item.deleted:
        return item
    kind = entity_of(record)
    if kind not in (None, "Zaak"):
        raise RecordError("", f"is een {kind}-record, geen Zaak")
    soort = text_value(record, "Soort")
    if soort.casefold() != "motie":
        report.skipped_other[soort or NO_SOORT] += 1
        return None
    item.number = text_value(record, "Volgnummer", required=True, max_length=10)
    item.dossier, title = dossier_number(expanded(record, "Kamerstukdossier"))
    item.dossier_title = (title or text_value(record, "Titel"))[:300]
    item.filed_on = date_value(record, "GestartOp")
    item.appreciation = kamer_appreciation(text_value(record, "Kabinetsappreciatie"))
    item.document_ids = tuple(document_ids(record))
    item.submitters = zaak_submitters(record, text_value(record, "Onderwerp"))
    item.vote = parse_vote(expanded(record, "Besluit"))
    subject_and_submitters(item, record, report)
    return item


def expanded(record, name):
    """An expanded collection as a list of objects ([] when it is not expanded)."""
    value = record.get(name)
    if value in (None, ""):
        return []
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise RecordError(name, f"verwacht een lijst van objecten, gevonden {json_type(value)}")
    return [entry for entry in value if not entry.get("Verwijderd")]


def document_ids(record):
    """The Ids of the motion's own Documents (Soort Motie), when Document is expanded: the same
    motion as a Document record, found again by its Id."""
    for document in expanded(record, "Document"):
        soort = document.get("Soort")
        if soort is None or str(soort).casefold().startswith("motie"):
            yield text_value(document, "Id", required=True, max_length=40)


def zaak_submitters(record, onderwerp):
    """The submitters from ZaakActor: the Indiener first, then the Medeindieners in the order
    the subject names them ("Motie van de leden Bikker en Erkens …")."""
    actors = [actor for actor in expanded(record, "ZaakActor")
              if text_value(actor, "Relatie").casefold() in SUBMITTER_ROLES]
    named = fold(onderwerp)

    def order(actor):
        first = text_value(actor, "Relatie").casefold() == "indiener"
        name = actor_name(actor)
        place = named.find(fold(name.surname)) if name and name.surname else -1
        return (not first, place if place >= 0 else len(named))

    return [Submitter(actor_name(actor), text_value(actor, "Persoon_Id", max_length=40),
                      text_value(actor, "ActorFractie", max_length=50))
            for actor in sorted(actors, key=order)]


def actor_name(actor):
    """The member's name from the expanded Persoon, else ActorNaam ("S.C. Kröger", or the
    sorted form "Kröger, S.C.")."""
    persoon = actor.get("Persoon")
    if isinstance(persoon, dict) and text_value(persoon, "Achternaam"):
        return Name(surname=text_value(persoon, "Achternaam", max_length=100),
                    prefix=text_value(persoon, "Tussenvoegsel", max_length=20).lower(),
                    initials=text_value(persoon, "Initialen", max_length=20),
                    first_name=text_value(persoon, "Roepnaam", max_length=50))
    text = text_value(actor, "ActorNaam", max_length=200)
    if not text:
        return None
    return parse_sorted_name(text) if "," in text else parse_member_name(text)


def parse_vote(besluiten):
    """The decisive Besluit (the last that adopts, rejects, holds or withdraws the motion) as a
    Vote; None when none decides."""
    decisive = []
    for besluit in besluiten:
        outcome = kamer_vote_outcome(text_value(besluit, "BesluitSoort"),
                                     text_value(besluit, "BesluitTekst"))
        if outcome is not None and text_value(besluit, "Status").casefold() in ("", "besluit"):
            decisive.append((decision_date(besluit), besluit_order(besluit), outcome, besluit))
    if not decisive:
        return None
    on, _order, outcome, besluit = max(decisive, key=lambda entry: (entry[0] or date.min,
                                                                    entry[1]))
    return Vote(tk_id=text_value(besluit, "Id", max_length=40), outcome=outcome, decided_on=on,
                kind=text_value(besluit, "StemmingsSoort", max_length=60),
                text=text_value(besluit, "BesluitTekst", max_length=300),
                parties=party_lines(expanded(besluit, "Stemming")))


def besluit_order(besluit):
    value = besluit.get("AgendapuntZaakBesluitVolgorde")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def decision_date(besluit):
    """The day of the vote: its Agendapunt's Activiteit's Datum when expanded, else the day the
    Kamer recorded the Besluit."""
    agendapunt = besluit.get("Agendapunt")
    activiteit = agendapunt.get("Activiteit") if isinstance(agendapunt, dict) else None
    if isinstance(activiteit, list):
        activiteit = activiteit[0] if activiteit else None
    if isinstance(activiteit, dict):
        on = date_value(activiteit, "Datum")
        if on:
            return on
    return date_value(besluit, "GewijzigdOp")


def party_lines(stemmingen):
    """Each party's vote and seats. A roll call (Stemming rows per member, with Persoon_Id) is
    summed per party and vote, the number of members as seats; a vote the member marked as a
    mistake (Vergissing) counts as cast but is marked."""
    lines = {}
    for row in stemmingen:
        party = text_value(row, "ActorFractie", max_length=50) or text_value(
            row, "ActorNaam", max_length=200)
        vote = text_value(row, "Soort", max_length=30)
        member = bool(text_value(row, "Persoon_Id"))
        seats = 1 if member else row.get("FractieGrootte")
        if not isinstance(seats, int) or isinstance(seats, bool):
            seats = None
        line = lines.setdefault((party, vote), {"party": party, "vote": vote, "seats": 0,
                                               "mistake": False})
        line["seats"] = (line["seats"] or 0) + (seats or 0) if seats is not None else \
            line["seats"]
        line["mistake"] = line["mistake"] or bool_value(row, "Vergissing")
    return sorted(lines.values(), key=lambda line: (-(line["seats"] or 0), line["party"]))

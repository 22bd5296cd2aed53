"""The debate a commitment was made in: a Toezegging's Activiteit (expanded by sync_tk) as a
register.Debate, found again by the Kamer's activity number.

Activiteit fields as the service's schema gives them ($metadata of /OData/v4/2.0/): Nummer
("2024A05766"), Soort ("Commissiedebat", "Plenair debat", "Tweeminutendebat", …), Onderwerp,
Datum, Voortouwafkorting and Voortouwnaam (the committee that leads).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from commitments.tk_import.reading import RecordError, date_value, in_chunks, json_type, text_value
from register.models import Committee, Debate

KINDS = {
    "commissiedebat": Debate.Kind.COMMITTEE,
    "plenair debat": Debate.Kind.PLENARY,
    "notaoverleg": Debate.Kind.NOTAOVERLEG,
    "tweeminutendebat": Debate.Kind.VAO,
    "vao": Debate.Kind.VAO,
    "algemeen overleg": Debate.Kind.AO,
    "begrotingsbehandeling": Debate.Kind.BUDGET,
}


@dataclass(frozen=True)
class Activiteit:
    number: str
    kind: str
    title: str
    date: date
    committee: str = ""
    committee_name: str = ""


def parse_activiteit(value):
    """An expanded Activiteit (or a list of them: the first dated one), or None."""
    if value in (None, "", []):
        return None
    if isinstance(value, list):
        found = [parse_activiteit(entry) for entry in value]
        return next((activiteit for activiteit in found if activiteit), None)
    if not isinstance(value, dict):
        raise RecordError("Activiteit", f"verwacht een object, gevonden {json_type(value)}")
    try:
        number = text_value(value, "Nummer", max_length=20)
        on = date_value(value, "Datum")
        soort = " ".join(text_value(value, "Soort").split()).casefold()
        return Activiteit(
            number=number, kind=next((kind for word, kind in KINDS.items()
                                      if soort.startswith(word)), Debate.Kind.OTHER),
            title=(text_value(value, "Onderwerp") or text_value(value, "Soort"))[:300],
            date=on, committee=text_value(value, "Voortouwafkorting", max_length=20),
            committee_name=text_value(value, "Voortouwnaam", max_length=200)) \
            if number and on else None
    except RecordError as error:
        raise RecordError(f"Activiteit/{error.field}", error.message) from None


class Debates:
    """The debates we hold by activity number, and the committees by abbreviation; the new ones
    planned (Pending) with the import."""

    def __init__(self, pending):
        self.pending = pending
        self.debates, self.committees = {}, None

    def resolve(self, activities):
        """`activities`: {Activiteit: the history reason of a debate planned for it}."""
        wanted = {activiteit.number for activiteit in activities} - set(self.debates)
        for debate in in_chunks(Debate.objects.all(), "tk_number", wanted):
            self.debates[debate.tk_number] = debate
        for activiteit, why in activities.items():
            if activiteit.number not in self.debates:
                self.debates[activiteit.number] = self.pending.add(Debate(
                    tk_number=activiteit.number, kind=activiteit.kind, title=activiteit.title,
                    date=activiteit.date, committee=self.committee(activiteit, why)), why)

    def committee(self, activiteit, reason):
        if not activiteit.committee:
            return None
        if self.committees is None:
            self.committees = {c.abbreviation.casefold(): c for c in Committee.objects.all()}
        key = activiteit.committee.casefold()
        if key not in self.committees:
            self.committees[key] = self.pending.add(Committee(
                abbreviation=activiteit.committee,
                name=activiteit.committee_name or activiteit.committee), reason)
        return self.committees[key]

    def get(self, activiteit):
        return self.debates.get(activiteit.number) if activiteit else None

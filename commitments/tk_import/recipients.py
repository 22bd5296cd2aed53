"""Whom a commitment was made to (ToegezegdAan): a member (register.Person) and a party
(register.Party), expanded by the Kamer or named only by its Fractie_Id and Persoon_Id."""

from __future__ import annotations

from dataclasses import dataclass

from commitments.tk_import.people import Name
from commitments.tk_import.reading import Issue, RecordError, json_type, text_value
from register.models import Party

FIELD = "ToegezegdAan"


@dataclass(frozen=True)
class Recipient:
    member: Name | None = None
    member_id: str = ""
    party: str = ""  # Afkorting
    party_name: str = ""  # NaamNL
    party_id: str = ""

    @property
    def party_expanded(self):
        return bool(self.party or self.party_name)


def parse_recipient(value, warn):
    """ToegezegdAan: an object, or a list of them of which the first counts (our commitment has
    one member and one party; `warn` is told when more are named)."""
    if value in (None, "", []):
        return None
    if isinstance(value, list):
        found = [recipient for recipient in map(parse_one_recipient, value) if recipient]
        if len(set(found)) > 1:
            warn(f"noemt {len(found)} ontvangers; alleen de eerste is vastgelegd")
        return found[0] if found else None
    return parse_one_recipient(value)


def parse_one_recipient(value):
    if not isinstance(value, dict):
        raise RecordError(FIELD, f"verwacht een object met Fractie en Persoon (of Fractie_Id en "
                                 f"Persoon_Id), gevonden {json_type(value)}")
    member, member_id = parse_persoon(value)
    party, party_name, party_id = parse_fractie(value)
    recipient = Recipient(member=member, member_id=member_id, party=party,
                          party_name=party_name, party_id=party_id)
    return recipient if recipient != Recipient() else None


def nested(record, path, name, **options):
    """text_value of a field of an expanded navigation; the error names the whole path."""
    try:
        return text_value(record, name, **options)
    except RecordError as error:
        raise RecordError(f"{path}/{error.field}", error.message) from None


def expanded_object(value, path):
    """The object of an expanded navigation, or None when it is not expanded."""
    if value in (None, "", {}):
        return None
    if not isinstance(value, dict):
        raise RecordError(path, f"verwacht een object, gevonden {json_type(value)}")
    return value


def parse_persoon(value):
    """(Name or None, the Kamer's Persoon Id) from Persoon {Achternaam, Tussenvoegsel,
    Initialen, Roepnaam or Voornaam, Id} or Persoon_Id."""
    member_id = nested(value, FIELD, "Persoon_Id", max_length=40)
    path = f"{FIELD}/Persoon"
    persoon = expanded_object(value.get("Persoon"), path)
    if persoon is None:
        return None, member_id
    member_id = nested(persoon, path, "Id", max_length=40) or member_id
    surname = nested(persoon, path, "Achternaam", max_length=100)
    if not surname:
        return None, member_id
    first_name = (nested(persoon, path, "Roepnaam", max_length=50)
                  or nested(persoon, path, "Voornaam", max_length=50))
    return Name(surname=surname,
                prefix=nested(persoon, path, "Tussenvoegsel", max_length=20).lower(),
                initials=nested(persoon, path, "Initialen", max_length=20),
                first_name=first_name), member_id


def parse_fractie(value):
    """(Afkorting, NaamNL, the Kamer's Fractie Id) from Fractie {Afkorting, NaamNL, Id} or
    Fractie_Id."""
    party_id = nested(value, FIELD, "Fractie_Id", max_length=40)
    path = f"{FIELD}/Fractie"
    fractie = expanded_object(value.get("Fractie"), path)
    if fractie is None:
        return "", "", party_id
    return (nested(fractie, path, "Afkorting", max_length=50),
            nested(fractie, path, "NaamNL", max_length=200),
            nested(fractie, path, "Id", max_length=40) or party_id)


class Parties:
    """The parties we hold, read in one query, matched by abbreviation, then alias ("CU" for
    ChristenUnie), then name, capitals ignored; planned (Pending) when new."""

    def __init__(self, pending):
        self.pending = pending
        self.abbreviations, self.aliases, self.names, self.by_tk_id = {}, {}, {}, {}
        for party in Party.objects.all():
            self.add(party)

    def add(self, party):
        if party.tk_id:
            self.by_tk_id.setdefault(party.tk_id, party)
        self.abbreviations.setdefault(party.abbreviation.strip().casefold(), party)
        for alias in party.aliases.split(","):
            if alias.strip():
                self.aliases.setdefault(alias.strip().casefold(), party)
        if party.name.strip():
            self.names.setdefault(party.name.strip().casefold(), party)

    def find(self, text):
        key = text.casefold()
        return self.abbreviations.get(key) or self.aliases.get(key) or self.names.get(key)

    def get_or_create(self, abbreviation, name, *, reason):
        party = (abbreviation and self.find(abbreviation)) or (name and self.find(name))
        if not party:
            party = self.pending.add(Party(abbreviation=(abbreviation or name)[:50], name=name),
                                     reason)
            self.add(party)
        return party


class Recipients:
    """The member and party of each record, resolved before anything is compared.

    Expanded members and parties go first, so that a record naming only the Kamer's Ids finds
    the member or party another record of the same import expanded. A Persoon_Id is also found
    among the people we hold (register.Person keeps the Kamer's Id), a Fractie_Id among the
    parties (register.Party keeps it since sync_tk reads the Kamer's Fractie records).
    """

    def __init__(self, people, report):
        self.people, self.report = people, report
        self.parties = None
        self.party_by_tk_id = {}
        self.resolved = {}

    def resolve(self, items, reason):
        """`reason(item)`: the history reason of a person or party created for `item`."""
        named = [item for item in items if item.recipient]
        if named and self.parties is None:
            self.parties = Parties(self.people.pending)
        members, parties = {}, {}
        for expanded in (True, False):
            for item in named:
                recipient = item.recipient
                if bool(recipient.member) == expanded:
                    members[id(item)] = self.member(item, reason)
                if recipient.party_expanded == expanded:
                    parties[id(item)] = self.party(item, reason)
        for item in named:
            self.resolved[id(item)] = (members[id(item)], parties[id(item)])

    def get(self, item):
        """(member, party) of `item`, either None when not named or not known."""
        return self.resolved.get(id(item), (None, None))

    def member(self, item, reason):
        recipient = item.recipient
        if not (recipient.member or recipient.member_id):
            return None
        person = self.people.member(recipient.member, recipient.member_id, reason=reason(item))
        if person is None:
            self.warn(item, f"Persoon_Id {recipient.member_id} kennen we niet; klap "
                            f"ToegezegdAan/Persoon uit om het Kamerlid vast te leggen")
        return person

    def party(self, item, reason):
        recipient = item.recipient
        if recipient.party or recipient.party_name:
            party = self.parties.get_or_create(recipient.party, recipient.party_name,
                                               reason=reason(item))
            if recipient.party_id:
                self.party_by_tk_id.setdefault(recipient.party_id, party)
                if party.pk is None and not party.tk_id:
                    party.tk_id = recipient.party_id  # new: keep the Kamer's Id with it
            return party
        if not recipient.party_id:
            return None
        party = self.party_by_tk_id.get(recipient.party_id) or self.parties.by_tk_id.get(
            recipient.party_id)
        if party is None:
            self.warn(item, f"Fractie_Id {recipient.party_id} kennen we niet; klap "
                            f"ToegezegdAan/Fractie uit om de fractie vast te leggen")
        return party

    def warn(self, item, message):
        self.report.warnings.append(Issue(item.file, message, item.index, item.key, FIELD))

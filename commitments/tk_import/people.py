"""Bewindspersonen and members by the name parts the Kamer writes, and the ministries."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from commitments.tk_import.reading import RecordError, text_value
from register.models import Ministry, Office, Person
from register.names import clean_name, fold

PREFIX_WORDS = {"van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op", "'s",
                "d'", "du", "la", "le", "des", "von", "uit", "aan", "vd"}


# --- Names and people ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Name:
    surname: str = ""
    prefix: str = ""
    initials: str = ""
    first_name: str = ""

    def __str__(self):
        given = self.first_name or self.initials
        return " ".join(part for part in (given, self.prefix, self.surname) if part)


def parse_member_name(text):
    """A name as the Kamer writes it in a motion: "Van der Woude", "Tjeerd de Groot", "J. Kwint";
    what is not part of the name is left out ("Boswijk.", "\\Van Baarle", "Klaver c.s.")."""
    tokens = clean_name(text).split()
    if not tokens:
        return None
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1].casefold() in PREFIX_WORDS:
        start -= 1
    given = tokens[:start]
    return Name(surname=tokens[-1], prefix=" ".join(tokens[start:-1]).lower(),
                initials="".join(t for t in given if "." in t),
                first_name=" ".join(t for t in given if "." not in t))


def parse_sorted_name(text):
    """The Kamer's Naam field, "Achternaam, Initialen": "Harbers, M.G.J.", "Graaf, C.J. van der"."""
    surname_part, _, rest = clean_name(text).partition(",")
    name = parse_member_name(surname_part)
    if name is None:
        return None
    tokens = rest.split()
    prefix = " ".join(t for t in tokens if t.casefold() in PREFIX_WORDS).lower()
    return Name(surname=name.surname, prefix=name.prefix or prefix,
                initials="".join(t for t in tokens if "." in t),
                first_name=" ".join(t for t in tokens if "." not in t
                                    and t.casefold() not in PREFIX_WORDS))


def bewindspersoon_name(record):
    surname = text_value(record, "Achternaam", max_length=100)
    if surname:
        return Name(surname=surname,
                    prefix=text_value(record, "Tussenvoegsel", max_length=20).lower(),
                    initials=text_value(record, "Initialen", max_length=20),
                    first_name=text_value(record, "Voornaam", max_length=50))
    naam = text_value(record, "Naam", max_length=200)
    if not naam:
        return None
    name = parse_sorted_name(naam) if "," in naam else parse_member_name(naam)
    if name and (len(name.surname) > 100 or len(name.prefix) > 20 or len(name.initials) > 20
                 or len(name.first_name) > 50):
        raise RecordError("Naam", f"‘{naam}’ past niet in de naamvelden")
    return name


def surname_key(name):
    """Surname and tussenvoegsel as compared: "Kostić" and "Kostic", "Boswijk." and "Boswijk"
    are one key (register.names.fold)."""
    return (fold(name.surname), fold(name.prefix))


def initials_key(text):
    return "".join(ch for ch in text.upper() if ch.isalpha())


def name_fit(person, name):
    """How well a person we hold fits a name with the same surname: None when they conflict."""
    score = 0
    ours, theirs = initials_key(person.initials), initials_key(name.initials)
    if ours and theirs:
        if not (ours.startswith(theirs) or theirs.startswith(ours)):
            return None
        score += 2 if ours == theirs else 1
    if person.first_name and name.first_name:
        if fold(person.first_name) != fold(name.first_name):
            return None
        score += 2
    for first, initials in ((person.first_name, theirs), (name.first_name, ours)):
        if first and initials and not (person.first_name and name.first_name):
            if first[0].upper() != initials[0]:
                return None
            score += 1
    return score


class People:
    """The people we hold, read in two queries, matched by name parts, and planned (Pending)
    when new.

    A person matches on surname and tussenvoegsel (capitals ignored) when the initials and first
    name do not contradict ours ("M." fits "M.G.J.", "Edgar" fits "E."); of several, the best fit
    wins, and one that already holds the office. A record without a name matches a person known
    only by that office ("de Minister van Justitie en Veiligheid"). A member of parliament is
    matched by the Kamer's Persoon Id first (`member`).
    """

    def __init__(self, pending):
        self.pending = pending
        self.by_surname = defaultdict(list)
        self.by_office = {}
        self.by_tk_id = {}
        for person in Person.objects.prefetch_related("offices"):
            person.office_titles = {office.title.casefold() for office in person.offices.all()}
            if person.tk_id:
                self.by_tk_id[person.tk_id] = person
            if person.surname:
                self.by_surname[surname_key(person)].append(person)
            else:
                for title in person.office_titles:
                    self.by_office.setdefault(title, person)

    def find(self, name, office="", tk_id=""):
        if name is None:
            return self.by_office.get(office.casefold())
        best, best_score = None, -1
        for person in self.by_surname.get(surname_key(name), []):
            if tk_id and person.tk_id and person.tk_id != tk_id:
                continue  # the Kamer says it is someone else with the same name
            score = name_fit(person, name)
            if score is not None and office and office.casefold() in person.office_titles:
                score += 1
            if score is not None and score > best_score:
                best, best_score = person, score
        return best

    def get_or_create(self, name, *, office="", ministry=None, reason):
        """The person of that name (or office), planned as new (Pending) when we hold none."""
        person = self.find(name, office)
        if person is None:
            person = self.pending.add(Person(**vars(name)) if name else Person(), reason)
            person.office_titles = set()
            if name:
                self.by_surname[surname_key(name)].append(person)
            else:
                self.by_office[office.casefold()] = person
        if office and office.casefold() not in person.office_titles:
            self.pending.add(Office(person=person, title=office, ministry=ministry), reason)
            person.office_titles.add(office.casefold())
        return person

    def member(self, name, tk_id, *, reason):
        """A member by the Kamer's Persoon Id, else by name (and then given that Id), planned
        as new when we hold none; None when only an Id is known and nobody here has it."""
        person = self.by_tk_id.get(tk_id) if tk_id else None
        if person is not None or name is None:
            return person
        person = self.find(name, tk_id=tk_id)
        if person is None:
            person = self.pending.add(Person(**vars(name), tk_id=tk_id), reason)
            person.office_titles = set()
            self.by_surname[surname_key(name)].append(person)
        elif tk_id and not person.tk_id:
            person.tk_id = tk_id
            self.pending.add(person, f"{reason} (Persoon-Id van de Kamer)")
        if tk_id:
            self.by_tk_id[tk_id] = person
        return person


# The ministries' own abbreviations; others get their capitals ("Asiel en Migratie" -> "AenM").
KNOWN_MINISTRIES = {
    "algemene zaken": "AZ", "binnenlandse zaken en koninkrijksrelaties": "BZK",
    "buitenlandse zaken": "BZ", "defensie": "DEF", "economische zaken en klimaat": "EZK",
    "economische zaken": "EZ", "financiën": "FIN", "infrastructuur en waterstaat": "IenW",
    "justitie en veiligheid": "JenV", "landbouw, natuur en voedselkwaliteit": "LNV",
    "landbouw, visserij, voedselzekerheid en natuur": "LVVN",
    "onderwijs, cultuur en wetenschap": "OCW", "sociale zaken en werkgelegenheid": "SZW",
    "volksgezondheid, welzijn en sport": "VWS", "klimaat en groene groei": "KGG",
    "volkshuisvesting en ruimtelijke ordening": "VRO", "asiel en migratie": "AenM",
}


def ministry_key(text):
    text = " ".join(text.replace("&", " en ").split()).casefold()
    return re.sub(r"^(?:het\s+)?ministerie\s+(?:van|voor)\s+", "", text)


def abbreviate(name):
    parts = [w for w in re.findall(r"[^\W\d_]+", name) if w.casefold() not in ("van", "voor",
                                                                                "de", "het")]
    if len(parts) == 3 and parts[1] == "en":
        return f"{parts[0][0].upper()}en{parts[2][0].upper()}"
    return "".join(w[0].upper() for w in parts if w != "en")[:20] or "MIN"


class Ministries:
    """The ministries, matched by abbreviation or by name with or without "Ministerie van"."""

    def __init__(self, pending):
        self.pending = pending
        self.index = {}
        self.abbreviations = set()
        for ministry in Ministry.objects.all():
            self.add(ministry)

    def add(self, ministry):
        self.abbreviations.add(ministry.abbreviation.casefold())
        self.index.setdefault(ministry.abbreviation.casefold(), ministry)
        self.index.setdefault(ministry_key(ministry.name), ministry)

    def get_or_create(self, text, *, reason):
        key = ministry_key(text)
        # A known abbreviation names the same ministry however we spelled its name.
        known = KNOWN_MINISTRIES.get(key)
        ministry = self.index.get(text.casefold()) or self.index.get(key) or (
            self.index.get(known.casefold()) if known else None)
        if ministry:
            return ministry
        if " " not in text and len(text) <= 10:
            abbreviation, name = text, text  # only an abbreviation is known
        else:
            abbreviation = KNOWN_MINISTRIES.get(key) or abbreviate(key)
            name = text if text.casefold().startswith("ministerie") else f"Ministerie van {text}"
        unique, n = abbreviation, 1
        while unique.casefold() in self.abbreviations:
            n += 1
            unique = f"{abbreviation[:18]}{n}"
        ministry = self.pending.add(Ministry(abbreviation=unique, name=name[:200]), reason)
        self.add(ministry)
        return ministry

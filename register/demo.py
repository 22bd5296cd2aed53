"""Demo data: the people, debates and papers of the reference letter (Kamerstuk 24 077, nr. 468).

Everything here was read from the letter of 18 December 2020 itself; where the letter gives no
date (the VAO), the date is the plausible one and says so in a comment. Loading is idempotent:
records are looked up by their natural keys and only created when missing.
"""

from datetime import date
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule

from register.history import save_with_history
from register.models import (
    Committee,
    Debate,
    Document,
    Dossier,
    Ministry,
    Office,
    Party,
    PartyMembership,
    Person,
)
from register.references import parse_references

REASON = "Demogegevens uit de voortgangsbrief drugsbeleid van 18 december 2020"

DOSSIERS = [
    ("24077", "Drugbeleid"),
    ("29248", "Invoering Diagnose Behandeling Combinaties (DBC's)"),
    ("35570-VI", "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en "
                 "Veiligheid (VI) voor het jaar 2021"),
]

# (abbreviation, name, visiting address, postal address): the sender column of their letters.
MINISTRIES = [
    ("VWS", "Ministerie van Volksgezondheid, Welzijn en Sport",
     "Parnassusplein 5\n2511 VX Den Haag", "Postbus 20350\n2500 EJ Den Haag"),
    ("JenV", "Ministerie van Justitie en Veiligheid",
     "Turfmarkt 147\n2511 DP Den Haag", "Postbus 20301\n2500 EH Den Haag"),
    ("IenW", "Ministerie van Infrastructuur en Waterstaat",
     "Rijnstraat 8\n2515 XP Den Haag", "Postbus 20901\n2500 EX Den Haag"),
    ("OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap",
     "Rijnstraat 50\n2515 XP Den Haag", "Postbus 16375\n2500 BJ Den Haag"),
]

PARTIES = [
    ("ChristenUnie", "ChristenUnie", "CU"),
    ("PVV", "Partij voor de Vrijheid", ""),
    ("SGP", "Staatkundig Gereformeerde Partij", ""),
]

STAATSSECRETARIS_VWS = "Staatssecretaris van Volksgezondheid, Welzijn en Sport"
# (key, name parts, party, offices): offices are (title, ministry, start[, end]). The letter's
# signatory and those who held his office after him, so that a letter written now is signed by
# the office held on its date (DESIGN.md "Letters"); the demo knows of no change after 2024.
PEOPLE = [
    ("blokhuis", {"initials": "P.", "first_name": "", "surname": "Blokhuis"}, None,
     [(STAATSSECRETARIS_VWS, "VWS", date(2017, 10, 26), date(2022, 1, 9))]),
    ("vanooijen", {"initials": "M.", "prefix": "van", "surname": "Ooijen"}, None,
     [(STAATSSECRETARIS_VWS, "VWS", date(2022, 1, 10), date(2024, 7, 1))]),
    ("karremans", {"initials": "V.P.G.", "surname": "Karremans"}, None,
     [(STAATSSECRETARIS_VWS, "VWS", date(2024, 7, 2))]),
    ("vdgraaf", {"initials": "", "prefix": "van der", "surname": "Graaf"}, "ChristenUnie", []),
    ("mulder", {"first_name": "Edgar", "surname": "Mulder"}, "PVV", []),
    ("vdstaaij", {"initials": "", "prefix": "van der", "surname": "Staaij"}, "SGP", []),
    # Named in the letter by office only.
    ("min-jenv", {}, None, [("Minister van Justitie en Veiligheid", "JenV", None)]),
    ("min-mzs", {}, None, [("Minister voor Medische Zorg en Sport", "VWS", None)]),
    ("min-ienw", {}, None, [("Minister van Infrastructuur en Waterstaat", "IenW", None)]),
]

COMMITTEES = [("VWS", "Vaste commissie voor Volksgezondheid, Welzijn en Sport"),
              ("JenV", "Vaste commissie voor Justitie en Veiligheid")]

# (reference, kind, date, title)
DOCUMENTS = [
    ("Kamerstuk 24 077, nr. 426", "brief", None,
     "Drugspreventiebrief (april 2019): oprichting Platform tegengaan stijging drugsgebruik"),
    ("Kamerstuk 24 077, nr. 450", "verslag", None,
     "Verslag van het algemeen overleg Verslavingszorg/Drugsbeleid van 10 oktober 2019"),
    ("Kamerstuk 24 077, nr. 453", "kamerstuk", None,
     "Motie van de leden Edgar Mulder en Van der Staaij over drugsvrije schoolpleinen"),
    ("Kamerstuk 24 077, nr. 456", "brief", date(2019, 12, 19),
     "Voortgangsbrief drugsbeleid van 19 december 2019"),
    ("Kamerstuk 24 077, nr. 457", "verslag", None,
     "Verslag van het algemeen overleg Verslavingszorg/Drugsbeleid van 7 november 2019"),
    ("Kamerstuk 24 077, nr. 465", "brief", None,
     "Brief over de internetconsultatie van het ontwerpbesluit lachgas op lijst II"),
    ("Kamerstuk 29 248, nr. 323", "brief", date(2020, 8, 25),
     "Rapport «Een programma voor regie op kwaliteitsregistraties en verbetering van data "
     "governance»"),
    ("Handelingen II 2019/20, nr. 38, item 5", "handelingen", None,
     "VAO Drugspreventiebeleid en Verslavingszorg"),
    ("Handelingen II 2020/21, nr. 30", "handelingen", date(2020, 11, 26),
     "Debat over de Begroting Justitie en Veiligheid 2021"),
    ("Aanhangsel Handelingen II 2019/20, nr. 243", "aanhangsel", None,
     "Antwoorden op Kamervragen over lachgas in het verkeer"),
    ("Kamerstuk 24 077, nr. 468", "brief", date(2020, 12, 18),
     "Voortgangsbrief drugsbeleid december 2020"),
]

# (key, kind, title, date, committee, dossier, documents)
DEBATES = [
    ("ao-2019-10-10", "ao", "Verslavingszorg/Drugsbeleid (eerste termijn)", date(2019, 10, 10),
     "VWS", "24077", ["Kamerstuk 24 077, nr. 450"]),
    ("ao-2019-11-07", "ao", "Verslavingszorg/Drugsbeleid (tweede termijn)", date(2019, 11, 7),
     "VWS", "24077", ["Kamerstuk 24 077, nr. 457"]),
    # The letter gives no date for the VAO; Handelingen II 2019/20 nr. 38 falls in mid-December
    # 2019, between the AO of 7 November and the progress letter of 19 December.
    ("vao-2019-12", "vao", "Drugspreventiebeleid en Verslavingszorg", date(2019, 12, 11),
     "VWS", "24077", ["Handelingen II 2019/20, nr. 38, item 5"]),
    ("begroting-jenv-2021", "budget", "Begroting Justitie en Veiligheid 2021", date(2020, 11, 26),
     "JenV", "35570-VI", ["Handelingen II 2020/21, nr. 30"]),
]


def ensure(model, lookup, defaults=None, *, by):
    """The object matching `lookup`, created with a history row if it is missing."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **(defaults or {}))
        save_with_history(obj, by=by, reason=REASON)
    return obj


def document_for(citation, *, by, **fields):
    (reference,) = parse_references(citation)
    document, _created = Document.objects.from_reference(reference, by=by, reason=REASON, **fields)
    return document


def load(*, by):
    """Load the register's demo data; returns the objects later loaders refer to by key."""
    objects = {"dossiers": {}, "people": {}, "debates": {}, "documents": {}, "ministries": {}}
    for number, title in DOSSIERS:
        objects["dossiers"][number] = ensure(Dossier, {"number": number}, {"title": title}, by=by)
    for abbreviation, name, visiting, postal in MINISTRIES:
        objects["ministries"][abbreviation] = ensure(
            Ministry, {"abbreviation": abbreviation},
            {"name": name, "visiting_address": visiting, "postal_address": postal}, by=by)
    parties = {abbreviation: ensure(Party, {"abbreviation": abbreviation},
                                    {"name": name, "aliases": aliases}, by=by)
               for abbreviation, name, aliases in PARTIES}
    for key, names, party, offices in PEOPLE:
        objects["people"][key] = person = ensure(Person, {"tk_id": f"demo-{key}"}, names, by=by)
        if party:
            ensure(PartyMembership, {"person": person, "party": parties[party]}, by=by)
        for title, ministry, start, *end in offices:
            ensure(Office, {"person": person, "title": title},
                   {"ministry": objects["ministries"][ministry], "start": start,
                    "end": end[0] if end else None}, by=by)
    committees = {abbreviation: ensure(Committee, {"abbreviation": abbreviation}, {"name": name},
                                       by=by)
                  for abbreviation, name in COMMITTEES}
    for citation, kind, day, title in DOCUMENTS:
        objects["documents"][citation] = document_for(citation, by=by, kind=kind, date=day,
                                                      title=title)
    for key, kind, title, day, committee, dossier, citations in DEBATES:
        debate = ensure(Debate, {"kind": kind, "date": day, "title": title}, {
            "committee": committees[committee], "dossier": objects["dossiers"][dossier]}, by=by)
        debate.documents.add(*(objects["documents"][citation] for citation in citations))
        objects["debates"][key] = debate
    return objects


def load_all(*, by):
    """Everything `load_demo` loads: the register's own, then the demo data of each app above it
    (its module `demo`, with `load(objects, *, by)`), in the order of REGISTER_APPS. The apps are
    found the way the admin finds its modules: the register imports none of them."""
    objects = load(by=by)
    for label in settings.REGISTER_APPS:
        config = apps.get_app_config(label)
        if label != "register" and module_has_submodule(config.module, "demo"):
            import_module(f"{config.name}.demo").load(objects, by=by)
    return objects

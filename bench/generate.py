"""Realistic generated commitments for the benchmarks, written in bulk with their history."""

import datetime

from simple_history.utils import bulk_create_with_history

from commitments.models import Commitment, Status
from register.models import Dossier, Ministry, Office, Person, Topic

# Per ministry its own subjects, each with a qualifier: a word such as "lachgas" occurs in a few
# percent of one ministry's commitments, as in a real register, not in every other row.
STEMS = {
    "VWS": ["lachgasgebruik", "cocaïnegebruik", "GHB-verslaving", "harm reduction",
            "drugspreventie", "drugsincidenten", "nieuwe psychoactieve stoffen",
            "ecstasygebruik", "verslavingszorg", "alcoholgebruik", "tabaksontmoediging",
            "gokverslaving", "wachtlijsten in de ggz", "huisartsenzorg", "mantelzorg",
            "vaccinatiegraad", "zorgverzekeringswet", "langdurige zorg", "jeugdgezondheid",
            "sportdeelname"],
    "JenV": ["ondermijning", "drugshandel", "cybercriminaliteit", "asielinstroom",
             "strafrechtketen", "politiecapaciteit", "slachtofferhulp", "jeugdcriminaliteit",
             "rechtsbijstand", "gevangeniswezen", "terrorismebestrijding", "naturalisatie",
             "kansspelen", "verkeershandhaving", "mensenhandel", "witwassen", "gezagsdragers",
             "reclassering", "forensische zorg", "herziening strafrecht"],
    "OCW": ["lerarentekort", "passend onderwijs", "studiefinanciering", "onderwijsachterstanden",
            "internationalisering", "mbo-stages", "erfgoed", "publieke omroep", "kunstsubsidies",
            "schooluitval", "burgerschapsonderwijs", "kansengelijkheid", "wetenschapsbeleid",
            "emancipatie", "leesvaardigheid", "praktijkonderwijs", "huisvesting scholen",
            "toetsing", "bibliotheken", "digitale geletterdheid"],
    "IenW": ["verkeersveiligheid", "spoorcapaciteit", "luchtvaart", "stikstofuitstoot",
             "waterveiligheid", "circulaire economie", "openbaar vervoer", "fietsbeleid",
             "scheepvaart", "zwerfafval", "drinkwater", "wegonderhoud", "geluidshinder",
             "laadpalen", "Schiphol", "rijbewijzen", "bodemdaling", "dijkversterking",
             "PFAS", "luchtkwaliteit"],
    "BZK": ["woningbouw", "huurbeleid", "digitale overheid", "gemeentefinanciën",
            "verkiezingen", "rijksvastgoed", "energielabels", "dakloosheid", "privacy",
            "ambtenarenzaken", "openbaarheid", "grondbeleid", "Caribisch Nederland",
            "informatiehuishouding", "bestuurlijke integriteit", "wijkaanpak", "bouwregelgeving",
            "herindeling", "decentralisatie", "krimpregio's"],
    "SZW": ["bijstand", "kinderopvang", "armoedebeleid", "arbeidsmigratie", "pensioenen",
            "minimumloon", "schuldhulpverlening", "re-integratie", "arbeidsomstandigheden",
            "inburgering", "toeslagen", "zzp'ers", "WW-uitkeringen", "participatiewet",
            "gelijke beloning", "seizoensarbeid", "AOW-leeftijd", "kinderarmoede",
            "beschut werk", "arbeidsmarktkrapte"],
}
QUALIFIERS = ["onder jongeren", "bij ouderen", "in de regio", "bij gemeenten",
              "in Caribisch Nederland"]
VERBS = ["De minister stuurt de Kamer een brief over",
         "De staatssecretaris informeert de Kamer over",
         "Het kabinet komt met een plan voor", "De minister laat onderzoek doen naar",
         "De Kamer ontvangt een voortgangsrapportage over"]
DEADLINES = ["in het voorjaar van {y}", "voor de zomer van {y}", "in het eerste kwartaal van {y}",
             "in de tweede helft van {y}", "eind {y}", "in maart {y}", "begin {y}", "in {y}",
             "zo spoedig mogelijk", ""]
STATUSES = [Status.OPEN] * 30 + [Status.IN_PROGRESS] * 10 + [Status.PARTLY_DONE] * 5 + \
    [Status.DONE] * 50 + [Status.LAPSED] * 5
BATCH = 2000


def reference_data(rng):
    """Ministries, 60 bewindspersonen and 400 dossiers (created once, reused)."""
    ministries = [Ministry.objects.get_or_create(abbreviation=code, defaults={"name": code})[0]
                  for code in ("VWS", "JenV", "OCW", "IenW", "BZK", "SZW")]
    people = list(Person.objects.filter(tk_id__startswith="bench-"))
    if not people:
        for index in range(60):
            person = Person.objects.create(initials=f"{chr(65 + index % 26)}.",
                                           surname=f"Bewindspersoon{index}",
                                           tk_id=f"bench-{index}")
            Office.objects.create(person=person, title="Minister", ministry=ministries[index % 6])
            people.append(person)
    dossiers = list(Dossier.objects.filter(number__startswith="9"))
    if not dossiers:
        dossiers = Dossier.objects.bulk_create(
            [Dossier(number=f"{90000 + index}", title=f"Dossier {index}") for index in range(400)])
    topics = [Topic.objects.get_or_create(name=name)[0]
              for name in ("lachgas", "cocaïne", "preventie", "monitoring", "GHB")]
    return ministries, people, dossiers, topics


def generate_commitments(count, *, rng, by):
    """`count` more commitments; returns a (person, dossier) pair that has open ones."""
    ministries, people, dossiers, _topics = reference_data(rng)
    start = Commitment.objects.count()
    for offset in range(0, count, BATCH):
        batch = []
        for index in range(start + offset, start + min(offset + BATCH, count)):
            batch.append(commitment(index, rng, ministries, people, dossiers))
        bulk_create_with_history(batch, Commitment, batch_size=BATCH, default_user=by,
                                 default_change_reason="Gegenereerd voor de benchmark")
    return people[0], dossiers[0]


def commitment(index, rng, ministries, people, dossiers):
    person = people[index % len(people)]
    ministry_index = index % len(people) % len(ministries)
    ministry = ministries[ministry_index]
    # Each ministry has its own 66 dossiers; its main dossier holds a tenth of its commitments.
    per_ministry = len(dossiers) // len(ministries)
    dossier = dossiers[ministry_index * per_ministry
                       + (0 if rng.random() < 0.1 else rng.randrange(per_ministry))]
    made_on = datetime.date(2015, 1, 1) + datetime.timedelta(days=rng.randrange(4000))
    stems = STEMS.get(ministry.abbreviation, STEMS["VWS"])
    subject, second, third = (f"{rng.choice(stems)} {rng.choice(QUALIFIERS)}" for _ in range(3))
    status = rng.choice(STATUSES)
    item = Commitment(
        title=f"{subject[0].upper()}{subject[1:]} ({index})",
        text=f"{rng.choice(VERBS)} {subject}, {second} en {third}.",
        bewindspersoon=person, ministry=ministry, made_on=made_on,
        dossier=dossier,
        deadline_text=rng.choice(DEADLINES).format(y=made_on.year + rng.choice((0, 1, 1, 2))),
        status=status,
    )
    if status == Status.DONE:
        item.delivered_on = made_on + datetime.timedelta(days=rng.randrange(30, 700))
    item.number = f"TZ-{ministry.abbreviation}-{made_on.year}-B{index:06d}"
    item.derive_deadline()
    item.derive_search()
    return item

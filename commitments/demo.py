"""Demo commitments and the motion of the reference letter, with a history that tells their story.

Each commitment is made (history dated the day it was made) and, where the letter of
18 December 2020 reports on or delivers it, changed with that letter as the document. Status as
of 18 December 2020. Idempotent: a commitment is looked up by its date and title.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from commitments.models import Commitment, Motion, MotionSubmitter, Status, VoteOutcome
from register.history import save_with_history
from register.models import Directorate, Topic

LETTER = "Kamerstuk 24 077, nr. 468"
LETTER_DATE = datetime.date(2020, 12, 18)
REASON = "Demogegevens uit de voortgangsbrief drugsbeleid van 18 december 2020"


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# Each commitment: fields, where it was made, and what the letter of 18 December 2020 did.
COMMITMENTS = [
    {
        "title": "In gesprek met de spoedeisende hulp over registratie van drugsincidenten",
        "text": "Tijdens het Algemeen Overleg op 7 november 2019 heb ik op een vraag van mevrouw "
                "Van der Graaf (CU) toegezegd met de spoedeisende hulp in gesprek te gaan over "
                "de registratie van drugsincidenten.",
        "made_on": datetime.date(2019, 11, 7), "debate": "ao-2019-11-07", "by": "blokhuis",
        "to_member": "vdgraaf", "to_party": "ChristenUnie", "deadline_text": "",
        "topics": ["monitoring", "drugsincidenten"],
        "letter": ("done", "Afgedaan met de voortgangsbrief van 18 december 2020: gesproken met "
                           "de NVSHA; NEED registreert drugsgebruik op 12 SEH's."),
    },
    {
        "title": "Bij voldoende onderzoek ook kijken naar de wijze van inzet van "
                 "ervaringsdeskundigen",
        "text": "In het Algemeen Overleg Drugspreventiebeleid eind 2019 heb ik toegezegd dat "
                "indien er voldoende onderzoeken voorhanden waren daarbij ook gekeken zou worden "
                "naar de wijze van inzet van deze ervaringsdeskundigen, bijvoorbeeld door een "
                "confronterende aanpak.",
        "made_on": datetime.date(2019, 11, 7), "debate": "ao-2019-11-07", "by": "blokhuis",
        "deadline_text": "", "topics": ["preventie", "onderwijs"],
        "letter": ("done", "Afgedaan: de quickscan van het Trimbos-instituut (juni 2020) vond te "
                           "weinig onderzoek; nader literatuuronderzoek is niet zinvol."),
    },
    {
        "title": "Rapport verkennend onderzoek naar gebruikers van cocaïne",
        "text": "Ik informeer uw Kamer over de uitkomsten van het onderzoek van het "
                "Trimbos-instituut naar de groepen gebruikers van cocaïne en hun "
                "gebruiksredenen.",
        "made_on": datetime.date(2019, 12, 19), "made_in": "Kamerstuk 24 077, nr. 456",
        "by": "blokhuis", "deadline_text": "", "topics": ["cocaïne", "preventie"],
        "letter": ("done", "Afgedaan: het rapport «Cocaïne: wie gebruikt het en waarom?» is met "
                           "de brief meegestuurd."),
    },
    {
        "title": "Resultaten EXPLORE-onderzoek naar middelengebruik onder scholieren",
        "text": "Ik stuur uw Kamer de resultaten van het EXPLORE-onderzoek naar roken, drinken en "
                "drugsgebruik in het praktijkonderwijs, het voortgezet speciaal onderwijs, de "
                "residentiële jeugdhulp en de justitiële jeugdinrichtingen.",
        "made_on": datetime.date(2019, 12, 19), "made_in": "Kamerstuk 24 077, nr. 456",
        "by": "blokhuis", "deadline_text": "", "topics": ["onderwijs", "monitoring"],
        "letter": ("partly_done", "Deels afgedaan: de factsheets over praktijkonderwijs en "
                                  "cluster 3 en 4 zijn meegestuurd."),
        "remaining": "De resultaten over de residentiële jeugdhulp en justitiële "
                     "jeugdinrichtingen volgen begin 2021.",
        # The progress text as an advisor kept it up after the letter (invented wording).
        "progress": ("De factsheets over het praktijkonderwijs en het voortgezet speciaal "
                     "onderwijs heb ik met mijn brief van 18 december 2020 meegestuurd. De "
                     "resultaten over de residentiële jeugdhulp en de justitiële "
                     "jeugdinrichtingen volgen begin volgend jaar.", LETTER_DATE),
    },
    {
        "title": "Onderzoek naar lachgasgebruik onder jongeren met een niet-westerse "
                 "migratieachtergrond",
        "text": "Ik informeer uw Kamer over de uitkomsten van het onderzoek van het "
                "Trimbos-instituut naar recreatief lachgasgebruik onder jongeren met een "
                "niet-westerse migratieachtergrond.",
        "made_on": datetime.date(2019, 12, 19), "made_in": "Kamerstuk 24 077, nr. 456",
        "by": "blokhuis", "deadline_text": "", "topics": ["lachgas", "preventie"],
        "letter": ("done", "Afgedaan: het rapport is meegestuurd; de aanbevelingen worden "
                           "opgevolgd."),
    },
    {
        "title": "Voortgang plaatsing lachgas op lijst II en wetsvoorstel groepsverbod NPS",
        "text": "De Minister van Justitie en Veiligheid zegt toe de Kamer te informeren over de "
                "voortgang van het voornemen om lachgas op lijst II van de Opiumwet te plaatsen "
                "en van het wetsvoorstel om groepen nieuwe psychoactieve stoffen te verbieden.",
        "made_on": datetime.date(2020, 11, 26), "debate": "begroting-jenv-2021",
        "made_in": "Handelingen II 2020/21, nr. 30", "by": "min-jenv", "ministry": "JenV",
        "deadline_text": "", "topics": ["lachgas", "NPS"],
        "letter": ("done", "Afgedaan met de voortgangsbrief van 18 december 2020, mede namens "
                           "de Minister van Justitie en Veiligheid."),
    },
    {
        "title": "Uitkomsten persona onderzoek",
        "text": "Ik zal uw Kamer daarom in het voorjaar van 2021 over de uitkomsten van het "
                "persona onderzoek informeren.",
        "made_on": LETTER_DATE, "made_in": LETTER, "by": "blokhuis",
        "deadline_text": "in het voorjaar van 2021", "topics": ["preventie"],
        "progress": ("Het Trimbos-instituut voert het persona onderzoek uit; de uitkomsten "
                     "verwacht ik komend voorjaar.", LETTER_DATE),
    },
    {
        "title": "Gerichte preventieaanpak voor gebruikers van cocaïne",
        "text": "Ik ga na het Kerstreces met het Trimbos-instituut in gesprek over een "
                "vervolgonderzoek om in de tweede helft van 2021 te komen tot de ontwikkeling van "
                "een gerichte preventieaanpak voor de verschillende in kaart gebrachte groepen "
                "gebruikers van cocaïne.",
        "made_on": LETTER_DATE, "made_in": LETTER, "by": "blokhuis",
        "deadline_text": "in de tweede helft van 2021", "topics": ["cocaïne", "preventie"],
    },
    {
        "title": "Eindrapportage pilots IJslandse preventieaanpak",
        "text": "Zes pilotgemeenten zijn inmiddels met de implementatie van interventies aan de "
                "slag. De eindrapportage verwacht ik in juni 2022.",
        "made_on": LETTER_DATE, "made_in": LETTER, "by": "blokhuis",
        "deadline_text": "in juni 2022", "topics": ["preventie", "onderwijs"],
    },
    {
        "title": "Brief over genomen stappen en openstaande toezeggingen",
        "text": "In het eerste kwartaal van 2021 informeer ik u over genomen stappen en over een "
                "aantal openstaande toezeggingen.",
        "made_on": LETTER_DATE, "made_in": LETTER, "by": "blokhuis",
        "deadline_text": "In het eerste kwartaal van 2021", "topics": ["monitoring"],
    },
    {
        "title": "Lachgas-preventiemateriaal vertalen in het Arabisch",
        "text": "Het Trimbos-instituut zal met financiering van het Ministerie van VWS komend jaar "
                "bijvoorbeeld het bestaande preventiemateriaal in het Arabisch vertalen.",
        "made_on": LETTER_DATE, "made_in": LETTER, "by": "blokhuis",
        "deadline_text": "komend jaar", "topics": ["lachgas", "preventie"],
    },
    {
        "title": "Effectiviteitsonderzoek naar interventies met ervaringsdeskundigen stimuleren",
        "text": "Ik zal bekijken hoe komend jaar effectiviteitsonderzoek naar interventies waarbij "
                "gebruik gemaakt wordt van ervaringsdeskundigen verder kan worden gestimuleerd.",
        "made_on": LETTER_DATE, "made_in": LETTER, "by": "blokhuis",
        "deadline_text": "komend jaar", "topics": ["preventie", "onderwijs"],
    },
    {
        "title": "Informeren over het implementatieplan NEED",
        "text": "Zodra over dit traject meer bekend is zal uw Kamer daarover worden geïnformeerd "
                "door de Minister voor MZS.",
        "made_on": LETTER_DATE, "made_in": LETTER, "by": "min-mzs",
        # The letter gives no date; the words stay, without a period.
        "deadline_text": "Zodra over dit traject meer bekend is",
        "topics": ["monitoring", "drugsincidenten"],
    },
]

# Commitments to the Eerste Kamer, so that the answer to its rappel can be shown. INVENTED: the
# reference letter names none; their T-numbers, dates and texts are made up for the demo, in the
# reference letter's subject area (lachgas, prevention, the Opiumwet). Two are overdue at the
# rappel of 1 January 2027; the third is not due yet and stays off that list.
EERSTE_KAMER_COMMITMENTS = [
    {
        "title": "Eerste ervaringen met het lachgasverbod (Eerste Kamer)",
        "text": "De staatssecretaris zegt toe de Eerste Kamer te informeren over de eerste "
                "ervaringen met het verbod op lachgas voor recreatief gebruik, een jaar nadat "
                "lachgas op lijst II van de Opiumwet is geplaatst.",
        "made_on": datetime.date(2022, 6, 14), "by": "vanooijen", "dossier": None,
        "deadline_text": "voor het zomerreces van 2024", "topics": ["lachgas"],
        "ek_number": "T03211", "ek_status": "Openstaand",
        "progress": ("Het onderzoek naar de eerste ervaringen met het lachgasverbod loopt nog; "
                     "het rapport verwacht ik komend voorjaar.", datetime.date(2026, 11, 16)),
    },
    {
        "title": "Uitkomsten pilots IJslandse preventieaanpak (Eerste Kamer)",
        "text": "De staatssecretaris zegt toe de Eerste Kamer te informeren over de uitkomsten "
                "van de pilots met de IJslandse preventieaanpak in zes gemeenten.",
        "made_on": datetime.date(2022, 6, 14), "by": "vanooijen", "dossier": None,
        "deadline_text": "eind 2023", "topics": ["preventie"],
        "ek_number": "T03212", "ek_status": "Deels voldaan",
        "partly": ("Tussenrapportage ontvangen en doorgestuurd", datetime.date(2023, 12, 15),
                   "De eindrapportage over de laatste twee pilotgemeenten volgt in het voorjaar "
                   "van 2025."),
        "progress": ("De tussenrapportage over vier pilotgemeenten heb ik op 15 december 2023 "
                     "aan beide Kamers gestuurd. De eindrapportage over de laatste twee "
                     "gemeenten verwacht ik komend voorjaar.", datetime.date(2026, 11, 16)),
    },
    {
        "title": "Evaluatie van de Opiumwet (Eerste Kamer)",
        "text": "De staatssecretaris zegt toe de Eerste Kamer te informeren over de uitkomsten "
                "van de evaluatie van de Opiumwet.",
        "made_on": datetime.date(2024, 11, 12), "by": "karremans", "dossier": None,
        "deadline_text": "in 2027", "topics": ["NPS"],
        "ek_number": "T03305", "ek_status": "Openstaand",
    },
]

MOTION = {
    "dossier": "24077", "number": "453",
    "title": "Motie van de leden Edgar Mulder en Van der Staaij over drugsvrije schoolpleinen",
    "text": "De Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering maatregelen in te "
            "zetten om te komen tot drugsvrije schoolpleinen,\n\nen gaat over tot de orde van de "
            "dag.\n\n(Samenvatting uit de voortgangsbrief van 18 december 2020; de volledige "
            "tekst staat in Kamerstuk 24 077, nr. 453.)",
    "debate": "vao-2019-12", "submitters": ["mulder", "vdstaaij"],
    "topics": ["onderwijs", "preventie"],
}


def load(objects, *, by):
    directorate = Directorate.objects.filter(abbreviation="VGP").first() or save_with_history(
        Directorate(abbreviation="VGP", ministry=objects["ministries"]["VWS"],
                    name="Directie Voeding, Gezondheidsbescherming en Preventie",
                    unit="Directoraat-generaal Volksgezondheid",
                    # Invented: the demo's contact lines, not the directorate's.
                    contact="T 070 340 79 11\nvgp@example.org"),
        by=by, reason=REASON, at=at(datetime.date(2019, 1, 1)))
    owner = get_user_model().objects.filter(username="beleid").first()
    letter = objects["documents"][LETTER]
    objects["commitments"] = [
        load_commitment(spec, objects, by=by, directorate=directorate, owner=owner, letter=letter)
        for spec in COMMITMENTS + EERSTE_KAMER_COMMITMENTS]
    objects["motion"] = load_motion(objects, by=by, directorate=directorate, owner=owner,
                                    letter=letter)
    return objects


def load_commitment(spec, objects, *, by, directorate, owner, letter):
    existing = Commitment.objects.filter(made_on=spec["made_on"], title=spec["title"]).first()
    if existing:
        return existing
    people, documents = objects["people"], objects["documents"]
    commitment = Commitment(
        title=spec["title"], text=spec["text"], made_on=spec["made_on"],
        bewindspersoon=people[spec["by"]],
        ministry=objects["ministries"][spec.get("ministry", "VWS")],
        debate=objects["debates"].get(spec.get("debate")),
        made_in=documents.get(spec.get("made_in")),
        to_member=people.get(spec.get("to_member")),
        deadline_text=spec["deadline_text"],
        dossier=objects["dossiers"]["24077"] if spec.get("dossier", "24077") else None,
        ek_number=spec.get("ek_number", ""), ek_status=spec.get("ek_status", ""),
        committee=objects["debates"]["ao-2019-11-07"].committee
        if spec.get("dossier", "24077") else None,
        directorate=directorate if spec.get("ministry", "VWS") == "VWS" else None,
        owner=owner if spec.get("ministry", "VWS") == "VWS" else None,
    )
    if spec.get("to_party"):
        commitment.to_party = people[spec["to_member"]].memberships.get().party
    save_with_history(commitment, by=by, reason="Toezegging geregistreerd", at=at(spec["made_on"]))
    commitment.topics.set(Topic.from_names(spec["topics"]))
    if "letter" in spec:
        status, reason = spec["letter"]
        if status == "done":
            # Work started between the promise and the letter that delivered it; the letter
            # does not say when, so the date is an estimate and the reason says so.
            started = spec["made_on"] + (LETTER_DATE - spec["made_on"]) / 2
            commitment.change_status(Status.IN_PROGRESS, by=by,
                                     reason="Uitvoering gestart (datum geschat)",
                                     at=at(started))
        commitment.change_status(status, by=by, reason=reason, document=letter,
                                 on=LETTER_DATE, remaining=spec.get("remaining"),
                                 at=at(LETTER_DATE, 15))
    if "partly" in spec:
        reason, day, remaining = spec["partly"]
        commitment.change_status(Status.PARTLY_DONE, by=by, reason=reason, on=day,
                                 remaining=remaining, at=at(day, 14))
    if "progress" in spec:
        commitment.refresh_from_db()
        commitment.progress, day = spec["progress"]
        save_with_history(commitment, by=by, reason="Voortgang bijgewerkt", at=at(day, 16))
    return commitment


def load_motion(objects, *, by, directorate, owner, letter):
    dossier = objects["dossiers"][MOTION["dossier"]]
    existing = Motion.objects.filter(dossier=dossier, number=MOTION["number"]).first()
    if existing:
        return existing
    debate = objects["debates"][MOTION["debate"]]
    motion = save_with_history(Motion(
        dossier=dossier, number=MOTION["number"], title=MOTION["title"], text=MOTION["text"],
        debate=debate, filed_on=debate.date, appreciation="oordeel_kamer",
        directorate=directorate, owner=owner,
    ), by=by, reason="Motie geregistreerd", at=at(debate.date, 18))
    motion.topics.set(Topic.from_names(MOTION["topics"]))
    for order, key in enumerate(MOTION["submitters"]):
        person = objects["people"][key]
        save_with_history(MotionSubmitter(motion=motion, person=person, order=order,
                                          party=person.party_on(debate.date)),
                          by=by, reason="Indieners geregistreerd", at=at(debate.date, 18))
    # The vote followed the VAO; the letter only says the motion was adopted.
    voted_on = debate.date + datetime.timedelta(days=6)
    motion.record_vote(VoteOutcome.ADOPTED, by=by, reason="Aangenomen bij de stemmingen",
                       on=voted_on, at=at(voted_on, 16))
    motion.change_status("in_progress", by=by, reason="Contact met het Trimbos-instituut over "
                         "Helder op School", at=at(datetime.date(2020, 3, 1)))
    motion.change_status("executed", by=by, document=letter, on=LETTER_DATE,
                         reason="Met de inzet via Helder op School, beschreven in de "
                                "voortgangsbrief van 18 december 2020, is invulling gegeven aan "
                                "de motie.", at=at(LETTER_DATE, 15))
    return motion

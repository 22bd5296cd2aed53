"""Demo law tracks from the reference letter's section "Wet- en regelgeving" and "LADIS".

Status as of 18 December 2020, the letter's date; plans are stated as the letter words them,
on that date, so "komend voorjaar" means spring 2021. Where the letter gives no date for a stage
that was plainly done by then, the stage is recorded as finished on the date the letter (or the
earlier event that implies it) shows, and its note says so; likewise a stage the letter says is
under way but gives no start for begins on the letter's date, as an estimate its note states.
Nothing else is invented: the Wkkgz bill's own dossier number is not in the letter and stays
empty. The one addition is the lachgas consultation's page on internetconsultatie.nl, which the
letter mentions but, citing Kamerstuk 24 077, nr. 465 instead, does not give the address of.
Idempotent: a track is looked up by its short name.
"""

import datetime

from django.contrib.auth import get_user_model

from commitments.demo import at
from legislation.models import LawTrack
from legislation.stage_templates import Instrument, StageKind
from register.history import save_with_history
from register.models import Directorate, Document, Topic
from register.periods import dutch_date

LETTER_DATE = datetime.date(2020, 12, 18)
LETTER_REASON = "Stand volgens de voortgangsbrief drugsbeleid van 18 december 2020"
JENV_COMMITMENT = "Voortgang plaatsing lachgas op lijst II en wetsvoorstel groepsverbod NPS"

# Per stage kind: what the letter says. "plan": (words, stated on); "start"/"end": dates;
# "note"; "documents": citations of objects["documents"]; "web_documents": (title, URL) of
# documents that are no parliamentary paper.
TRACKS = [
    {
        "short_name": "Lachgasbesluit",
        "title": "Plaatsing van lachgas op lijst II van de Opiumwet",
        "instrument": Instrument.DECREE, "ministry": "VWS", "co_ministries": ["JenV"],
        "description": "Ontwerpbesluit om lachgas (distikstofoxide) op lijst II van de Opiumwet "
                       "te plaatsen, samen met de Minister van Justitie en Veiligheid. Gemeenten "
                       "nemen in afwachting daarvan maatregelen op grond van onder andere de "
                       "APV.",
        "topics": ["lachgas", "opiumwet"],
        "stages": {
            StageKind.DRAFT: {
                "end": datetime.date(2020, 6, 12),
                "note": "Het ontwerpbesluit lag vanaf 12 juni 2020 ter internetconsultatie; "
                        "het ontwerp was toen gereed.",
            },
            StageKind.CONSULTATION: {
                "plan": ("van 12 juni tot en met 10 juli 2020", datetime.date(2020, 6, 12)),
                "start": datetime.date(2020, 6, 12), "end": datetime.date(2020, 7, 10),
                "note": "Ook de betrokken handhavings- en uitvoeringsinstanties en de "
                        "rechtspraak zijn geconsulteerd.",
                "documents": ["Kamerstuk 24 077, nr. 465"],
                "web_documents": [("Internetconsultatie Besluit lachgas",
                                   "https://www.internetconsultatie.nl/lachgas")],
            },
            StageKind.IMPLEMENTATION_TESTS: {
                "start": datetime.date(2020, 7, 10),
                "note": "Aan de hand van de uitvoeringstoetsen en impactanalyses worden de "
                        "uitvoeringsconsequenties en financiële consequenties in beeld gebracht. "
                        "De brief noemt geen begindatum; als begin geldt het einde van de "
                        "internetconsultatie.",
            },
            StageKind.PRE_SUBMISSION: {
                "plan": ("zo spoedig mogelijk, naar verwachting in het voorjaar 2021",
                         LETTER_DATE),
                "note": "Het voorstel wordt samen met de Minister van JenV bij de Tweede Kamer "
                        "ingediend.",
                "documents": ["Kamerstuk 24 077, nr. 468"],
            },
            StageKind.ENTRY_INTO_FORCE: {
                "plan": ("in de tweede helft van 2021", LETTER_DATE),
                "note": "Het streven is dat het Lachgasbesluit in de tweede helft van 2021 in "
                        "werking treedt.",
                "documents": ["Kamerstuk 24 077, nr. 468"],
            },
        },
    },
    {
        "short_name": "Groepsverbod NPS",
        "title": "Wetsvoorstel verbod groepen nieuwe psychoactieve stoffen (NPS)",
        "instrument": Instrument.BILL, "ministry": "VWS", "co_ministries": ["JenV"],
        "description": "Wijziging van de Opiumwet om groepen nieuwe psychoactieve stoffen met "
                       "eenzelfde chemische structuur in één keer te verbieden, zodat producenten "
                       "de wet niet omzeilen met een kleine wijziging van de structuur (zoals "
                       "bij 3-MMC).",
        "topics": ["NPS", "opiumwet"],
        "stages": {
            StageKind.DRAFT: {
                "end": LETTER_DATE,
                "note": "Afgerond vóór 18 december 2020; de brief noemt geen datum en wordt hier "
                        "als datum gebruikt.",
            },
            StageKind.CONSULTATION: {
                "end": LETTER_DATE,
                "note": "Afgerond vóór 18 december 2020; de brief noemt geen datum en wordt hier "
                        "als datum gebruikt.",
            },
            StageKind.IMPLEMENTATION_TESTS: {
                "start": LETTER_DATE,
                "note": "De uitvoeringstoetsen en (financiële) impactanalyses van de partijen "
                        "die bij de uitvoering betrokken zijn worden verwerkt. Dit proces heeft "
                        "enige vertraging opgelopen, mede door drukte als gevolg van de "
                        "coronacrisis. De brief noemt geen begindatum; als begin geldt de datum "
                        "van de brief, een schatting: toen liepen de toetsen al.",
            },
            StageKind.SUBMISSION: {
                "plan": ("komend voorjaar", LETTER_DATE),
                "note": "De verwachting is dat het wetsvoorstel komend voorjaar aan de Tweede "
                        "Kamer wordt aangeboden.",
                "documents": ["Kamerstuk 24 077, nr. 468"],
            },
        },
    },
    {
        "short_name": "Wkkgz LADIS/LTR",
        "title": "Wijziging van de Wkkgz: wettelijke grondslag voor de kwaliteitsregisters LADIS "
                 "en LTR",
        "instrument": Instrument.BILL, "ministry": "VWS", "co_ministries": [],
        "description": "Wijziging van de Wet kwaliteit, klachten en geschillen zorg (Wkkgz) die "
                       "een wettelijke grondslag geeft voor het verwerken van persoonsgegevens "
                       "in de kwaliteitsregisters LADIS (Landelijk Alcohol en Drugs "
                       "Informatiesysteem Zorg) en LTR (Landelijk Trauma Register). LADIS bevat "
                       "door een privacy-technisch probleem geen gegevens vanaf 2016.",
        "topics": ["monitoring", "LADIS"],
        "stages": {
            **{kind: {"end": datetime.date(2020, 8, 31),
                      "note": "Afgerond vóór de indiening eind augustus 2020; de brief noemt "
                              "geen datum."}
               for kind in (StageKind.DRAFT, StageKind.CONSULTATION,
                            StageKind.IMPLEMENTATION_TESTS, StageKind.COUNCIL_ADVICE)},
            StageKind.SUBMISSION: {
                "end": datetime.date(2020, 8, 31),
                "note": "De wetswijziging is eind augustus 2020 naar de Tweede Kamer gestuurd; "
                        "de brief noemt de dag niet.",
            },
            StageKind.HOUSE: {
                "start": datetime.date(2020, 8, 31),
                "note": "In behandeling bij de Tweede Kamer.",
                "documents": ["Kamerstuk 24 077, nr. 468"],
            },
            StageKind.ENTRY_INTO_FORCE: {
                "note": "Na de inwerkingtreding kan met terugwerkende kracht data over de "
                        "afgelopen jaren worden aangeleverd.",
            },
        },
    },
]


def load(objects, *, by):
    directorate = Directorate.objects.filter(abbreviation="VGP").first()
    owner = get_user_model().objects.filter(username="beleid").first()
    tracks = [load_track(spec, objects, by=by, directorate=directorate, owner=owner)
              for spec in TRACKS]
    objects["law_tracks"] = tracks
    commitment = next((c for c in objects.get("commitments", []) if c.title == JENV_COMMITMENT),
                      None)
    if commitment:
        for track in tracks[:2]:
            track.commitments.add(commitment)
    return objects


def load_track(spec, objects, *, by, directorate, owner):
    existing = LawTrack.objects.filter(short_name=spec["short_name"]).first()
    if existing:
        return existing
    registered = at(first_event(spec), 9)
    track = save_with_history(LawTrack(
        title=spec["title"], short_name=spec["short_name"], instrument=spec["instrument"],
        ministry=objects["ministries"][spec["ministry"]], description=spec["description"],
        directorate=directorate, owner=owner, reporting_dossier=objects["dossiers"]["24077"],
    ), by=by, reason="Wetgevingstraject geregistreerd", at=registered)
    track.co_ministries.set([objects["ministries"][key] for key in spec["co_ministries"]])
    track.topics.set(Topic.from_names(spec["topics"]))
    track.add_template_stages(by=by, reason="Fasen uit het sjabloon", at=registered)
    for stage in track.stages.order_by("order"):
        if stage.kind in spec["stages"]:
            load_stage(stage, spec["stages"][stage.kind], objects, by=by)
    return track


def first_event(spec):
    """The register learned of a track at the first event the letter dates, or from the letter."""
    days = [day for stage in spec["stages"].values()
            for day in (stage.get("plan", (None, None))[1], stage.get("start"), stage.get("end"))
            if day]
    return min(days, default=LETTER_DATE)


def load_stage(stage, spec, objects, *, by):
    """Replay what the letter says of one stage, each step dated when it happened."""
    if "plan" in spec:
        words, stated_on = spec["plan"]
        stage.replan(words, by=by, reason=f"Planning zoals genoemd op {dutch_date(stated_on)}",
                     stated_on=stated_on, at=at(stated_on, 11))
    if "start" in spec and "end" not in spec:
        stage.start(spec["start"], by=by, reason="Fase begonnen", at=at(spec["start"], 12))
    if "end" in spec:
        stage.complete(spec["end"], by=by, reason="Fase afgerond", started_on=spec.get("start"),
                       at=at(spec["end"], 13))
    if spec.get("note") or spec.get("documents") or spec.get("web_documents"):
        stage.note = spec.get("note", "")
        save_with_history(stage, by=by, reason=LETTER_REASON, at=at(LETTER_DATE, 16))
        stage.documents.set(
            [objects["documents"][c] for c in spec.get("documents", [])]
            + [Document.objects.from_web(title, url, by=by, reason=LETTER_REASON)[0]
               for title, url in spec.get("web_documents", [])])

"""parse_period: the conventions of DESIGN.md "Periods" and every date phrase of the reference
letter (source/000_2d634044248a310d.txt, the drug policy progress letter of 18 December 2020)."""

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.periods import Period, explain_period, parse_period

LETTER_DATE = date(2020, 12, 18)
# The letter lives next to DESIGN.md, outside the repository; its sentences are quoted below.
LETTER = Path(__file__).resolve().parents[1] / "data" / "reference-letter-24077-468.txt"
d = date


def span(text, today=LETTER_DATE):
    period = parse_period(text, today)
    return None if period is None else (period.start, period.end)


# --- Every row of the DESIGN table ---------------------------------------------------------------

DESIGN_TABLE = [
    # that day
    ("15 maart 2021", d(2020, 12, 18), d(2021, 3, 15), d(2021, 3, 15)),
    ("op 15 maart 2021", d(2020, 12, 18), d(2021, 3, 15), d(2021, 3, 15)),
    # no year: the next such day on or after today
    ("15 maart", d(2020, 12, 18), d(2021, 3, 15), d(2021, 3, 15)),
    ("15 maart", d(2021, 3, 15), d(2021, 3, 15), d(2021, 3, 15)),
    ("15 maart", d(2021, 5, 16), d(2022, 3, 15), d(2022, 3, 15)),
    # but a day that lay in the 60 days before today is past: context
    ("15 maart", d(2021, 3, 16), d(2021, 3, 15), d(2021, 3, 15)),
    ("uiterlijk 1 juli", d(2020, 12, 18), d(2020, 12, 18), d(2021, 7, 1)),
    ("1 juli a.s.", d(2020, 12, 18), d(2021, 7, 1), d(2021, 7, 1)),
    ("1 juli aanstaande", d(2021, 7, 1), d(2021, 7, 1), d(2021, 7, 1)),
    # jl.: the last such day before today
    ("26 november jl.", d(2020, 12, 18), d(2020, 11, 26), d(2020, 11, 26)),
    ("26 november jl.", d(2020, 11, 26), d(2019, 11, 26), d(2019, 11, 26)),
    ("26 november jongstleden", d(2020, 11, 27), d(2020, 11, 26), d(2020, 11, 26)),
    # voor / uiterlijk a date
    ("voor 1 juli 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 6, 30)),
    ("uiterlijk 1 juli 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 7, 1)),
    ("voor 2022", d(2020, 12, 18), d(2020, 12, 18), d(2021, 12, 31)),
    # months
    ("maart 2021", d(2020, 12, 18), d(2021, 3, 1), d(2021, 3, 31)),
    ("in maart 2021", d(2020, 12, 18), d(2021, 3, 1), d(2021, 3, 31)),
    ("begin maart 2021", d(2020, 12, 18), d(2021, 3, 1), d(2021, 3, 10)),
    ("medio maart 2021", d(2020, 12, 18), d(2021, 3, 11), d(2021, 3, 20)),
    ("eind maart 2021", d(2020, 12, 18), d(2021, 3, 21), d(2021, 3, 31)),
    ("eind april 2021", d(2020, 12, 18), d(2021, 4, 21), d(2021, 4, 30)),
    # quarters
    ("Q1 2021", d(2020, 12, 18), d(2021, 1, 1), d(2021, 3, 31)),
    ("1e kwartaal 2021", d(2020, 12, 18), d(2021, 1, 1), d(2021, 3, 31)),
    ("het eerste kwartaal 2021", d(2020, 12, 18), d(2021, 1, 1), d(2021, 3, 31)),
    ("in het eerste kwartaal van 2021", d(2020, 12, 18), d(2021, 1, 1), d(2021, 3, 31)),
    ("eerste kwartaal van volgend jaar", d(2020, 12, 18), d(2021, 1, 1), d(2021, 3, 31)),
    # halves
    ("H2 2021", d(2020, 12, 18), d(2021, 7, 1), d(2021, 12, 31)),
    ("tweede helft 2021", d(2020, 12, 18), d(2021, 7, 1), d(2021, 12, 31)),
    ("in de tweede helft van 2021", d(2020, 12, 18), d(2021, 7, 1), d(2021, 12, 31)),
    # seasons, meteorological
    ("voorjaar 2021", d(2020, 12, 18), d(2021, 3, 1), d(2021, 5, 31)),
    ("zomer 2021", d(2020, 12, 18), d(2021, 6, 1), d(2021, 8, 31)),
    ("najaar 2021", d(2020, 12, 18), d(2021, 9, 1), d(2021, 11, 30)),
    ("winter 2021", d(2020, 12, 18), d(2021, 12, 1), d(2022, 2, 28)),
    # parts of a year
    ("begin 2021", d(2020, 12, 18), d(2021, 1, 1), d(2021, 3, 31)),
    ("medio 2021", d(2020, 12, 18), d(2021, 5, 1), d(2021, 8, 31)),
    ("eind 2021", d(2020, 12, 18), d(2021, 10, 1), d(2021, 12, 31)),
    # years
    ("2021", d(2020, 12, 18), d(2021, 1, 1), d(2021, 12, 31)),
    ("in 2021", d(2020, 12, 18), d(2021, 1, 1), d(2021, 12, 31)),
    ("dit jaar", d(2020, 12, 18), d(2020, 1, 1), d(2020, 12, 31)),
    ("volgend jaar", d(2020, 12, 18), d(2021, 1, 1), d(2021, 12, 31)),
    ("komend jaar", d(2020, 12, 18), d(2021, 1, 1), d(2021, 12, 31)),
    ("begin volgend jaar", d(2020, 12, 18), d(2021, 1, 1), d(2021, 3, 31)),
    ("eind dit jaar", d(2020, 12, 18), d(2020, 10, 1), d(2020, 12, 31)),
    # seasons without a year: the first that does not end before today
    ("komend voorjaar", d(2020, 12, 18), d(2021, 3, 1), d(2021, 5, 31)),
    ("komende voorjaar", d(2020, 12, 18), d(2021, 3, 1), d(2021, 5, 31)),
    ("komende zomer", d(2020, 12, 18), d(2021, 6, 1), d(2021, 8, 31)),
    ("in het voorjaar", d(2020, 12, 18), d(2021, 3, 1), d(2021, 5, 31)),
    ("in het voorjaar", d(2021, 4, 10), d(2021, 3, 1), d(2021, 5, 31)),
    # recesses and Prinsjesdag: see PARLIAMENTARY_CALENDAR below
    # within
    ("binnen drie weken", d(2020, 12, 18), d(2020, 12, 18), d(2021, 1, 8)),
    ("binnen 2 maanden", d(2020, 12, 18), d(2020, 12, 18), d(2021, 2, 18)),
    ("binnen tien dagen", d(2020, 12, 18), d(2020, 12, 18), d(2020, 12, 28)),
]


@pytest.mark.parametrize(("text", "today", "start", "end"), DESIGN_TABLE)
def test_design_conventions(text, today, start, end):
    period = parse_period(text, today)
    assert period == Period(start, end, text)


# The table of DESIGN.md "The parliamentary calendar", in years whose recesses the calendar data
# gives as the Kamer published them (zomerreces 2024: 5 July - 2 September; 2025: 4 July -
# 1 September; kerstreces 2023: 22 December - 15 January; 2025: 19 December - 12 January;
# meireces 2024: 26 April - 13 May; herfstreces 2023: 13 - 23 October; voorjaarsreces 2024:
# 16 - 26 February).
PARLIAMENTARY_CALENDAR = [
    ("voor de zomer", d(2024, 1, 10), d(2024, 1, 10), d(2024, 7, 4)),
    ("voor het zomerreces", d(2025, 3, 1), d(2025, 3, 1), d(2025, 7, 3)),
    # said in the last days before the summer recess: this year's, not next year's
    ("voor de zomer", d(2025, 7, 2), d(2025, 7, 2), d(2025, 7, 3)),
    # said once the recess has started: next year's
    ("voor de zomer", d(2024, 7, 5), d(2024, 7, 5), d(2025, 7, 3)),
    ("voor het kerstreces", d(2025, 7, 2), d(2025, 7, 2), d(2025, 12, 18)),
    ("voor het meireces", d(2024, 1, 10), d(2024, 1, 10), d(2024, 4, 25)),
    ("voor het herfstreces", d(2023, 9, 5), d(2023, 9, 5), d(2023, 10, 12)),
    ("voor het krokusreces", d(2023, 12, 1), d(2023, 12, 1), d(2024, 2, 15)),
    ("voor het voorjaarsreces", d(2023, 12, 1), d(2023, 12, 1), d(2024, 2, 15)),
    ("voor het reces", d(2024, 3, 1), d(2024, 3, 1), d(2024, 4, 25)),
    ("voor het kerstreces van 2025", d(2024, 1, 10), d(2024, 1, 10), d(2025, 12, 18)),
    ("na het zomerreces", d(2024, 3, 1), d(2024, 9, 3), d(2024, 11, 2)),
    ("na de zomer", d(2025, 7, 2), d(2025, 9, 2), d(2025, 11, 1)),
    ("na het kerstreces", d(2023, 12, 1), d(2024, 1, 16), d(2024, 2, 26)),
    ("na het meireces", d(2024, 4, 1), d(2024, 5, 14), d(2024, 6, 24)),
    ("Prinsjesdag 2025", d(2025, 1, 1), d(2025, 9, 16), d(2025, 9, 16)),
    ("op Prinsjesdag", d(2025, 1, 1), d(2025, 9, 16), d(2025, 9, 16)),
    ("voor Prinsjesdag", d(2025, 1, 1), d(2025, 1, 1), d(2025, 9, 15)),
    ("bij de Miljoenennota 2026", d(2025, 1, 1), d(2025, 9, 16), d(2025, 9, 16)),
    ("voor de begrotingsbehandeling", d(2025, 6, 19), d(2025, 6, 19), d(2025, 10, 31)),
    ("bij de begrotingsbehandeling", d(2025, 6, 19), d(2025, 10, 1), d(2025, 12, 18)),
    ("tijdens de begrotingsbehandeling 2026", d(2025, 1, 1), d(2025, 10, 1), d(2025, 12, 18)),
    ("bij de OCW-begroting 2026", d(2025, 1, 1), d(2025, 10, 1), d(2025, 12, 18)),
    ("rond het begrotingsdebat", d(2025, 1, 1), d(2025, 10, 1), d(2025, 12, 18)),
    ("bij de Voorjaarsnota 2026", d(2025, 1, 1), d(2026, 4, 1), d(2026, 5, 31)),
    ("voor de Voorjaarsnota", d(2024, 11, 6), d(2024, 11, 6), d(2025, 3, 31)),
    ("bij het jaarverslag 2025", d(2025, 1, 1), d(2026, 5, 20), d(2026, 5, 20)),
    ("Verantwoordingsdag 2026", d(2025, 1, 1), d(2026, 5, 20), d(2026, 5, 20)),
]


@pytest.mark.parametrize(("text", "today", "start", "end"), PARLIAMENTARY_CALENDAR)
def test_parliamentary_calendar(text, today, start, end):
    assert parse_period(text, today) == Period(start, end, text)


@pytest.mark.parametrize("text", ["na 2027", "vanaf 2027", "niet voor 2027", "Na 2027"])
def test_a_start_is_no_deadline(text):
    assert parse_period(text, d(2025, 1, 1)) is None


@pytest.mark.parametrize(
    "text",
    ["zo spoedig mogelijk", "binnenkort", "te zijner tijd", "", "   ", "Zo Spoedig Mogelijk"],
)
def test_words_without_a_period_give_none(text):
    assert parse_period(text, LETTER_DATE) is None


# --- Every date phrase of the reference letter, in its sentence, read on the letter's date ------

LETTER_SENTENCES = [
    (
        "De eerste meting betreft de periode van de eerste fase van de intelligente lockdown "
        "(meting maart t/m\n18 mei 2020).",
        "maart t/m\n18 mei 2020", d(2020, 3, 1), d(2020, 5, 18),
    ),
    (
        "een tweede, extra meting uitgevoerd over de periode vanaf versoepeling van de "
        "maatregelen (meting 1 juni t/m september 2020)",
        "1 juni t/m september 2020", d(2020, 6, 1), d(2020, 9, 30),
    ),
    (
        "In de zomer is het beleid geëvalueerd en heeft men zich voorbereid op de tweede golf.",
        "In de zomer", d(2021, 6, 1), d(2021, 8, 31),
    ),
    (
        "toen ging het om respectievelijk 5.157 en 951 (2018) en 5.117 en 788 (2017) meldingen.",
        "2018", d(2018, 1, 1), d(2018, 12, 31),
    ),
    (
        "maar is wel toegenomen (5 incidenten in\n2017, 9 in 2018 en 42 in 2019).",
        "in\n2017", d(2017, 1, 1), d(2017, 12, 31),
    ),
    (
        "Zo verwacht ik in 2021 een belangrijke stap te zetten, wanneer lachgas en de meest "
        "voorkomende soorten Nieuwe Psychoactieve Drugs (NPS) onder de Opiumwet zullen vallen.",
        "in 2021", d(2021, 1, 1), d(2021, 12, 31),
    ),
    (
        "Bijgevoegd treft u het rapport «Cocaïne: wie gebruikt het en waarom?» van dit "
        "onderzoek dat dit jaar is uitgevoerd5.",
        "dit jaar", d(2020, 1, 1), d(2020, 12, 31),
    ),
    (
        "Ik ga na het Kerstreces met het Trimbos-instituut in gesprek over een vervolgonderzoek "
        "om in de tweede helft van 2021 te komen tot de ontwikkeling van een gerichte "
        "preventieaanpak",
        # the kerstreces 2020 began 18 December; its end is estimated (11 January)
        "na het Kerstreces", d(2021, 1, 12), d(2021, 2, 22),
    ),
    (
        "om in de tweede helft van 2021 te komen tot de ontwikkeling van een gerichte "
        "preventieaanpak",
        "in de tweede helft van 2021", d(2021, 7, 1), d(2021, 12, 31),
    ),
    (
        "In 2008 is dit onderzoek voor het eerst uitgevoerd, nu is deze studie herhaald.",
        "In 2008", d(2008, 1, 1), d(2008, 12, 31),
    ),
    (
        "Op basis van de bevindingen van deze onderzoeken wordt in 2021 in ieder geval nieuw "
        "lesmateriaal ontwikkeld",
        "in 2021", d(2021, 1, 1), d(2021, 12, 31),
    ),
    (
        "nog gaande, de resultaten hiervan volgen begin 2021.",
        "begin 2021", d(2021, 1, 1), d(2021, 3, 31),
    ),
    (
        "welke actiepunten naar aanleiding van deze drie onderzoeken in 2021 worden opgepakt.",
        "in 2021", d(2021, 1, 1), d(2021, 12, 31),
    ),
    (
        "In het Algemeen Overleg Drugspreventiebeleid eind 2019 heb ik toegezegd dat",
        "eind 2019", d(2019, 10, 1), d(2019, 12, 31),
    ),
    (
        "Juni jl. is de quickscan naar de beschikbaarheid van literatuur opgeleverd.",
        "Juni jl.", d(2020, 6, 1), d(2020, 6, 30),
    ),
    (
        "Ik zal bekijken hoe komend\njaar effectiviteitsonderzoek naar interventies verder kan "
        "worden gestimuleerd.",
        "komend\njaar", d(2021, 1, 1), d(2021, 12, 31),
    ),
    (
        "Ik zal uw Kamer daarom in het voorjaar van 2021 over de uitkomsten van het persona "
        "onderzoek informeren.",
        "in het voorjaar van 2021", d(2021, 3, 1), d(2021, 5, 31),
    ),
    (
        "Het Trimbos-instituut is medio 2019 met financiering van het Ministerie van VWS gestart "
        "met een onderzoek",
        "medio 2019", d(2019, 5, 1), d(2019, 8, 31),
    ),
    (
        "Het Trimbos-instituut zal met financiering van het Ministerie van VWS komend jaar "
        "bijvoorbeeld het bestaande preventiemateriaal in het Arabisch vertalen",
        "komend jaar", d(2021, 1, 1), d(2021, 12, 31),
    ),
    (
        "Het Trimbos-instituut heeft dit jaar ook met financiering van VWS de Handreiking "
        "«Lachgas: van zorgen naar acties» geactualiseerd11.",
        "dit jaar", d(2020, 1, 1), d(2020, 12, 31),
    ),
    (
        "heeft de Minister van Infrastructuur en Waterstaat eind vorig jaar aangekondigd Team "
        "Alert te vragen een campagne over lachgas in het verkeer te ontwikkelen.12",
        "eind vorig jaar", d(2019, 10, 1), d(2019, 12, 31),
    ),
    (
        # "26 november jl." is past, so it is context; "voor het jaar 2021" is "for", not
        # "before", and the year counts.
        "Met deze stand van zaken doen de Minister van Justitie en Veiligheid en ik tevens "
        "uitvoering aan de toezegging die de Minister op 26 november jl. aan uw Kamer heeft "
        "gedaan tijdens de begrotingsbehandeling van het Ministerie van Justitie en Veiligheid "
        "voor het jaar 2021.",
        # The year belongs to the budget's name: the budget 2021 was debated from 1 October to
        # 17 December 2020, past on the letter's date like "26 november jl.", the first one.
        "op 26 november jl.", d(2020, 11, 26), d(2020, 11, 26),
    ),
    (
        "Hiermee geven de Minister van Justitie en Veiligheid en ik uitvoering aan de toezegging "
        "die de Minister op\n26 november jl. (Handelingen II 2020/21, nr. 30, debat over de "
        "Begroting Justitie en Veiligheid 2021) aan uw Kamer heeft gedaan",
        # "Begroting Justitie en Veiligheid 2021" is a name: its year is no deadline
        "op\n26 november jl.", d(2020, 11, 26), d(2020, 11, 26),
    ),
    (
        "de toezegging die de Minister op 26 november jl. aan uw Kamer heeft gedaan",
        "op 26 november jl.", d(2020, 11, 26), d(2020, 11, 26),
    ),
    (
        "Zoals ik uw Kamer eerder heb geïnformeerd, heeft van\n12 juni tot en met 10 juli jl. het "
        "ontwerpbesluit opengestaan voor internetconsultatie.14",
        "van\n12 juni tot en met 10 juli jl.", d(2020, 6, 12), d(2020, 7, 10),
    ),
    (
        "Ik streef er samen met de Minister van Justitie en Veiligheid naar het voorstel zo "
        "spoedig mogelijk, naar verwachting in het voorjaar 2021, bij uw Kamer in te dienen.",
        "in het voorjaar 2021", d(2021, 3, 1), d(2021, 5, 31),
    ),
    (
        "Het streven is dat het Lachgasbesluit vervolgens in de tweede helft van 2021 in werking "
        "treedt.",
        "in de tweede helft van 2021", d(2021, 7, 1), d(2021, 12, 31),
    ),
    (
        "De verwachting is dat het wetsvoorstel komend voorjaar aan uw Kamer zal worden "
        "aangeboden.",
        "komend voorjaar", d(2021, 3, 1), d(2021, 5, 31),
    ),
    ("De eindrapportage verwacht ik in juni 2022.", "in juni 2022", d(2022, 6, 1), d(2022, 6, 30)),
    (
        "In april 2019 heb ik uw Kamer geïnformeerd over de oprichting van het Platform tegengaan "
        "stijging drugsgebruik (Kamerstuk 24 077, nr. 426). In november 2019 heeft de eerste "
        "bijeenkomst van het platform plaatsgevonden.",
        "In april 2019", d(2019, 4, 1), d(2019, 4, 30),
    ),
    (
        "Begin volgend jaar volgt een volgende sessie over drugspreventie en onderwijs.",
        "Begin volgend jaar", d(2021, 1, 1), d(2021, 3, 31),
    ),
    (
        "De wetswijziging is eind augustus jl. naar de Tweede Kamer gestuurd voor behandeling.",
        "eind augustus jl.", d(2020, 8, 21), d(2020, 8, 31),
    ),
    (
        "Het jaar 2020 zal in de monitoring zorgen voor een trendbreuk",
        "2020", d(2020, 1, 1), d(2020, 12, 31),
    ),
    (
        "In het eerste kwartaal van 2021 informeer ik u over genomen stappen en over een aantal "
        "openstaande toezeggingen.",
        "In het eerste kwartaal van 2021", d(2021, 1, 1), d(2021, 3, 31),
    ),
    ("10 CAM, Risicobeoordeling lachgas (2019)", "2019", d(2019, 1, 1), d(2019, 12, 31)),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "words", "start", "end"), LETTER_SENTENCES)
def test_reference_letter_sentences(sentence, words, start, end):
    period = parse_period(sentence, LETTER_DATE)
    if end < LETTER_DATE:
        # What the letter tells of the past is context: no deadline, and the reason says so
        # (DESIGN "Periods": a wholly past time counts only when introduced as the deadline).
        assert period is None
        assert "lag al achter ons" in explain_period(sentence, LETTER_DATE)
    else:
        assert (period.start, period.end, period.text) == (start, end, words)


# Days and months without a year are read forward, by the DESIGN convention, also where the
# letter narrates the past; the clerk keeps such words as context or overrides the period. A day
# in the 60 days before the letter is past (DESIGN: "voor 16 juni" said on 22 June).
LETTER_DAYS_WITHOUT_YEAR = [
    (
        "Tijdens het AO Verslavingszorg/Drugsbeleid van 10 oktober (eerste termijn) (Kamerstuk "
        "24 077, nr. 450), 7 november (tweede termijn) (Kamerstuk\n24 077, nr. 457) 2019 en met "
        "de voortgangsbrief van 19 december 20191",
        "10 oktober", d(2021, 10, 10), d(2021, 10, 10),
    ),
    (
        "Tijdens de huidige lockdown die\n14 december middernacht is ingegaan",
        "14 december", d(2020, 12, 14), d(2020, 12, 14),
    ),
    (
        "sinds de start van de coronacrisis medio maart.",
        "medio maart", d(2021, 3, 11), d(2021, 3, 20),
    ),
    (
        "gerapporteerd tussen medio maart en medio oktober;",
        "medio maart", d(2021, 3, 11), d(2021, 3, 20),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "words", "start", "end"), LETTER_DAYS_WITHOUT_YEAR)
def test_reference_letter_days_without_year(sentence, words, start, end):
    expected = Period(start, end, words) if end >= LETTER_DATE else None  # past: context
    assert parse_period(sentence, LETTER_DATE) == expected


def test_spoken_on_the_day_itself_the_day_counts():
    sentence = (
        "Tijdens het Algemeen Overleg op 7 november 2019 heb ik op een vraag van mevrouw Van der "
        "Graaf (CU) toegezegd met de spoedeisende hulp in gesprek te gaan"
    )
    assert span(sentence, d(2019, 11, 7)) == (d(2019, 11, 7), d(2019, 11, 7))
    # read later, it is past and not asked for ("Tijdens het Algemeen Overleg op ..."): context
    assert parse_period(sentence, LETTER_DATE) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Het afgelopen jaar was een bijzonder jaar vanwege de, nog altijd voortdurende, "
        "coronapandemie.",
        "zijn de drugstestcentra van het DIMS voor een periode van 5 weken gesloten geweest.",
        "heb ik het afgelopen half jaar een drietal sessies georganiseerd",
        "Zodra over dit traject meer bekend is zal uw Kamer daarover worden geïnformeerd door de "
        "Minister voor MZS.",
        "Het Trimbos-instituut concludeert dat er de laatste 10 jaar weinig relevante onderzoeken "
        "zijn opgeleverd.",
        "Het kabinet heeft daar deze kabinetsperiode extra middelen voor vrijgemaakt.",
        "Op 12 SEH’s van ziekenhuizen is het systeem NEED in gebruik",
        "driekwart van de tabletten bevatte meer dan 150mg van de werkzame stof MDMA.",
        # "20198" is 2019 with footnote 8: neither a year, nor does "van april" make a time
        "In de Drugspreventiebrief van april 20198 heb ik aangegeven",
        # a start is no deadline (DESIGN: "na 2027", "vanaf 2027")
        "Vanaf 1 januari\n2021 wordt de basiscursus door Trimbos aangeboden onder de naam Alcohol "
        "en Drugs-Basiscursus e-learning.",
        "Na een periode van versoepeling zijn de testcentra vanaf 14 oktober 22.00 open",
        "bevat vanwege een privacy-technisch probleem geen gegevens vanaf het jaar 2016.",
        "Vanaf week 17 van dit jaar zijn de testcentra met in achtneming van de corona-"
        "maatregelen en met een aangepast protocol geleidelijk weer opengegaan.",
        # a year in a name is not the deadline year
        "Monitor Drugs Incidenten 2019",
        # a condition's time is not the request's
        "Indien de uitgestelde zorgvraag alsnog volgend jaar wordt ingehaald, is er risico op "
        "logistieke problemen.",
        "Tijdens het VAO Drugspreventiebeleid en Verslavingszorg (Handelingen II\n2019/20, nr. 38, "
        "item 5) is de motie aangenomen.",
    ],
)
def test_reference_letter_sentences_without_a_period(sentence):
    assert parse_period(sentence, LETTER_DATE) is None


def test_whole_reference_letter():
    period = parse_period(LETTER.read_text(encoding="utf-8"), LETTER_DATE)
    assert period is not None
    assert period.end >= LETTER_DATE


# --- Several expressions: the first that has not ended counts --------------------------------


@pytest.mark.parametrize(
    ("text", "today", "words"),
    [
        ("Tijdens het AO van 7 november 2019 heb ik toegezegd in maart 2021 terug te komen.",
         LETTER_DATE, "in maart 2021"),
        ("In april 2019 en in november 2019", d(2019, 4, 2), "In april 2019"),
        ("In april 2019 en in november 2019", d(2019, 5, 2), "in november 2019"),
        ("Q2 2019 Q3 2019 Q2 2020 Q3 2020", d(2020, 5, 1), "Q2 2020"),
        ("Q2 2019 Q3 2019 Q2 2020 Q3 2020", d(2020, 7, 1), "Q3 2020"),
        ("op 17 december 2020 beloofd, uiterlijk 18 december 2020", LETTER_DATE,
         "uiterlijk 18 december 2020"),
        ("In 2019 beloofd voor 1 juli 2020; nu eind 2021", LETTER_DATE, "eind 2021"),
        ("eind 2021 of anders in maart 2021", LETTER_DATE, "eind 2021"),
        ("31 februari 2021 of in maart 2021", LETTER_DATE, "in maart 2021"),
    ],
)  # fmt: skip
def test_several_expressions(text, today, words):
    assert parse_period(text, today).text == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("eind maart 2021", "eind maart 2021"),
        ("het eerste kwartaal van 2021", "het eerste kwartaal van 2021"),
        ("in de tweede helft van 2021", "in de tweede helft van 2021"),
        ("voor 1 juli 2021", "voor 1 juli 2021"),
        ("begin volgend jaar", "begin volgend jaar"),
        ("15 maart 2021", "15 maart 2021"),
        ("in het voorjaar van 2021", "in het voorjaar van 2021"),
        ("Q1 2021", "Q1 2021"),
        ("voor de zomer van 2021", "voor de zomer van 2021"),
        ("12 t/m 14 juni 2021", "12 t/m 14 juni 2021"),
    ],
)
def test_longer_expression_wins_at_the_same_position(text, words):
    assert parse_period(f"Wij doen dat {text} zoals beloofd.", LETTER_DATE).text == words


# --- Boundaries ---------------------------------------------------------------------------------

BOUNDARIES = [
    # a deadline on today is still a deadline
    ("18 december 2020", d(2020, 12, 18), d(2020, 12, 18), d(2020, 12, 18)),
    ("uiterlijk 18 december 2020", d(2020, 12, 18), d(2020, 12, 18), d(2020, 12, 18)),
    # "voor"/"uiterlijk" a date already past: start = end
    ("voor 1 juli 2021", d(2021, 8, 1), d(2021, 6, 30), d(2021, 6, 30)),
    ("uiterlijk 1 juli 2021", d(2021, 8, 1), d(2021, 7, 1), d(2021, 7, 1)),
    ("voor 2022", d(2022, 3, 1), d(2021, 12, 31), d(2021, 12, 31)),
    ("vóór 1 juli 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 6, 30)),
    ("voor maart 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 2, 28)),
    ("voor eind maart 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 3, 31)),
    ("voor eind 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 12, 31)),
    ("voor het einde van het jaar", d(2020, 12, 18), d(2020, 12, 18), d(2020, 12, 31)),
    ("uiterlijk in het voorjaar van 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 5, 31)),
    ("uiterlijk eind maart 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 3, 31)),
    ("voor Q2 2021", d(2020, 12, 18), d(2020, 12, 18), d(2021, 3, 31)),
    # leap years
    ("29 februari 2024", d(2020, 12, 18), d(2024, 2, 29), d(2024, 2, 29)),
    ("29 februari", d(2020, 12, 18), d(2024, 2, 29), d(2024, 2, 29)),
    ("29 februari", d(2097, 3, 1), d(2104, 2, 29), d(2104, 2, 29)),  # 2100 is no leap year
    ("eind februari 2024", d(2020, 12, 18), d(2024, 2, 21), d(2024, 2, 29)),
    ("februari 2100", d(2020, 12, 18), d(2100, 2, 1), d(2100, 2, 28)),
    ("voor 1 maart 2024", d(2024, 1, 1), d(2024, 1, 1), d(2024, 2, 29)),
    ("binnen een jaar", d(2020, 2, 29), d(2020, 2, 29), d(2021, 2, 28)),
    # winter crosses the year
    ("winter 2023", d(2020, 12, 18), d(2023, 12, 1), d(2024, 2, 29)),
    ("in de winter", d(2021, 1, 15), d(2020, 12, 1), d(2021, 2, 28)),
    ("in de winter", d(2021, 3, 1), d(2021, 12, 1), d(2022, 2, 28)),
    ("komende winter", d(2020, 11, 30), d(2020, 12, 1), d(2021, 2, 28)),
    ("winter van volgend jaar", d(2020, 12, 18), d(2021, 12, 1), d(2022, 2, 28)),
    # Prinsjesdag: the third Tuesday of September, next year's once passed; "voor": the day before
    ("voor Prinsjesdag", d(2021, 9, 21), d(2021, 9, 20), d(2021, 9, 20)),
    ("voor Prinsjesdag", d(2021, 9, 22), d(2021, 9, 22), d(2022, 9, 19)),
    ("voor Prinsjesdag", d(2024, 1, 1), d(2024, 1, 1), d(2024, 9, 16)),
    ("Prinsjesdag 2020", d(2020, 1, 1), d(2020, 9, 15), d(2020, 9, 15)),
    ("op Prinsjesdag", d(2022, 9, 21), d(2023, 9, 19), d(2023, 9, 19)),
    # recess windows (zomerreces 2024: 5 July - 2 September; kerstreces 2023: 22 December -
    # 15 January; kerstreces 2024 estimated: 20 December - 13 January; 2025: 19 December -
    # 12 January)
    ("voor de zomer", d(2024, 7, 4), d(2024, 7, 4), d(2024, 7, 4)),
    ("voor de zomer van 2025", d(2023, 12, 18), d(2023, 12, 18), d(2025, 7, 3)),
    ("voor de zomervakantie", d(2024, 1, 5), d(2024, 1, 5), d(2024, 7, 4)),
    ("na de zomer", d(2024, 11, 2), d(2024, 9, 3), d(2024, 11, 2)),
    ("na de zomer", d(2024, 11, 3), d(2025, 9, 2), d(2025, 11, 1)),
    ("na het zomerreces van 2025", d(2023, 12, 18), d(2025, 9, 2), d(2025, 11, 1)),
    ("na het kerstreces", d(2024, 2, 26), d(2024, 1, 16), d(2024, 2, 26)),
    ("na het kerstreces", d(2024, 2, 27), d(2025, 1, 14), d(2025, 2, 24)),
    ("na het kerstreces", d(2025, 12, 1), d(2026, 1, 13), d(2026, 2, 23)),
    # seasons, quarters, halves, months without a year
    ("in het voorjaar", d(2021, 5, 31), d(2021, 3, 1), d(2021, 5, 31)),
    ("in het voorjaar", d(2021, 6, 1), d(2022, 3, 1), d(2022, 5, 31)),
    ("in het najaar", d(2020, 12, 18), d(2021, 9, 1), d(2021, 11, 30)),
    ("in het eerste kwartaal", d(2020, 12, 18), d(2021, 1, 1), d(2021, 3, 31)),
    ("in het vierde kwartaal", d(2020, 12, 18), d(2020, 10, 1), d(2020, 12, 31)),
    ("in de tweede helft", d(2021, 1, 4), d(2021, 7, 1), d(2021, 12, 31)),
    ("in maart", d(2020, 12, 18), d(2021, 3, 1), d(2021, 3, 31)),
    ("in december", d(2020, 12, 18), d(2020, 12, 1), d(2020, 12, 31)),
    ("eind juni", d(2021, 6, 25), d(2021, 6, 21), d(2021, 6, 30)),
    ("juni jl.", d(2021, 6, 15), d(2021, 6, 1), d(2021, 6, 30)),
    ("juni jl.", d(2021, 6, 1), d(2020, 6, 1), d(2020, 6, 30)),
    ("1 juli a.s.", d(2021, 7, 2), d(2022, 7, 1), d(2022, 7, 1)),
    # within, also with months of different lengths
    ("binnen 1 maand", d(2021, 1, 31), d(2021, 1, 31), d(2021, 2, 28)),
    ("binnen twaalf maanden", d(2020, 12, 18), d(2020, 12, 18), d(2021, 12, 18)),
    ("binnen een week", d(2020, 12, 18), d(2020, 12, 18), d(2020, 12, 25)),
    ("binnen veertien dagen", d(2020, 12, 18), d(2020, 12, 18), d(2021, 1, 1)),
    ("binnen een half jaar", d(2020, 12, 18), d(2020, 12, 18), d(2021, 6, 18)),
    ("binnen 10 werkdagen", d(2020, 12, 18), d(2020, 12, 18), d(2021, 1, 1)),
    ("binnen 0 dagen", d(2020, 12, 18), d(2020, 12, 18), d(2020, 12, 18)),
    ("binnen 2 jaar", d(2020, 12, 18), d(2020, 12, 18), d(2022, 12, 18)),
    # years at the limits
    ("in 1900", d(2020, 12, 18), d(1900, 1, 1), d(1900, 12, 31)),
    ("in 2100", d(2020, 12, 18), d(2100, 1, 1), d(2100, 12, 31)),
]


@pytest.mark.parametrize(("text", "today", "start", "end"), BOUNDARIES)
def test_boundaries(text, today, start, end):
    assert span(text, today) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "20191",
        "120211",
        "2019/20",
        "2019/2020",
        "Kamerstukken II 2020/21, 35 570 XVI, nr. 12",
        "Kamerstuk 35 570, nr. 2021",
        "Handelingen II 2019/20, nr. 38, item 5",
        "1899",
        "2101",
        "31 februari 2021",
        "29 februari 2021",
        "31 april 2021",
        "0 maart 2021",
        "31 februari",
        "de laatste 10 jaar",
        "Jan Jansen belt",  # an abbreviation alone is no month
        "het lid Mei Li Vos",  # nor is a month name without a word that makes it a time
        "de voorjaarsnota en de zomerreces-planning",
        "binnen een paar weken",
        "binnen een half uur",
        "begin van het jaar",
        "H2",
        "Q3",
    ],
)
def test_no_period(text):
    assert parse_period(text, LETTER_DATE) is None


# --- Spelling ------------------------------------------------------------------------------------

SPELLINGS = [
    ("IN HET VOORJAAR VAN 2021", d(2021, 3, 1), d(2021, 5, 31)),
    ("In Het Eerste Kwartaal Van 2021", d(2021, 1, 1), d(2021, 3, 31)),
    ("VÓÓR 1 JULI 2021", d(2020, 12, 18), d(2021, 6, 30)),
    ("rond de zomer van 2021", d(2021, 6, 1), d(2021, 8, 31)),
    ("naar verwachting in het voorjaar 2021", d(2021, 3, 1), d(2021, 5, 31)),
    ("het voorjaar van 2021", d(2021, 3, 1), d(2021, 5, 31)),
    ("de lente van 2021", d(2021, 3, 1), d(2021, 5, 31)),
    ("de herfst van 2021", d(2021, 9, 1), d(2021, 11, 30)),
    ("in de zomer van dit jaar", d(2020, 6, 1), d(2020, 8, 31)),
    ("voorjaar volgend jaar", d(2021, 3, 1), d(2021, 5, 31)),
    ("q4 2021", d(2021, 10, 1), d(2021, 12, 31)),
    ("Q2-2021", d(2021, 4, 1), d(2021, 6, 30)),
    ("Q3 van 2021", d(2021, 7, 1), d(2021, 9, 30)),
    ("2e kwartaal 2021", d(2021, 4, 1), d(2021, 6, 30)),
    ("3de kwartaal 2021", d(2021, 7, 1), d(2021, 9, 30)),
    ("het 1ste kwartaal 2021", d(2021, 1, 1), d(2021, 3, 31)),
    ("het derde kwartaal van 2021", d(2021, 7, 1), d(2021, 9, 30)),
    ("het vierde kwartaal van 2021", d(2021, 10, 1), d(2021, 12, 31)),
    ("het laatste kwartaal van dit jaar", d(2020, 10, 1), d(2020, 12, 31)),
    ("H1 2021", d(2021, 1, 1), d(2021, 6, 30)),
    ("de eerste helft van volgend jaar", d(2021, 1, 1), d(2021, 6, 30)),
    ("1e helft 2021", d(2021, 1, 1), d(2021, 6, 30)),
    ("het tweede halfjaar van 2021", d(2021, 7, 1), d(2021, 12, 31)),
    ("het tweede half jaar van 2021", d(2021, 7, 1), d(2021, 12, 31)),
    ("eind-maart 2021", d(2021, 3, 21), d(2021, 3, 31)),
    ("einde maart 2021", d(2021, 3, 21), d(2021, 3, 31)),
    ("half maart 2021", d(2021, 3, 11), d(2021, 3, 20)),
    ("eind van maart 2021", d(2021, 3, 21), d(2021, 3, 31)),
    ("maart van volgend jaar", d(2021, 3, 1), d(2021, 3, 31)),
    ("15 maart volgend jaar", d(2021, 3, 15), d(2021, 3, 15)),
    ("medio volgend jaar", d(2021, 5, 1), d(2021, 8, 31)),
    ("half 2021", d(2021, 5, 1), d(2021, 8, 31)),
    ("ultimo 2021", d(2021, 10, 1), d(2021, 12, 31)),
    ("eind van het jaar", d(2020, 10, 1), d(2020, 12, 31)),
    ("in het begin van 2021", d(2021, 1, 1), d(2021, 3, 31)),
    ("het komende jaar", d(2021, 1, 1), d(2021, 12, 31)),
    ("het volgende jaar", d(2021, 1, 1), d(2021, 12, 31)),
    ("volgend voorjaar", d(2021, 3, 1), d(2021, 5, 31)),
    ("15 jan. 2021", d(2021, 1, 15), d(2021, 1, 15)),
    ("1 feb 2021", d(2021, 2, 1), d(2021, 2, 1)),
    ("1 febr. 2021", d(2021, 2, 1), d(2021, 2, 1)),
    ("mrt 2021", d(2021, 3, 1), d(2021, 3, 31)),
    ("3 apr. 2021", d(2021, 4, 3), d(2021, 4, 3)),
    ("jun. 2021", d(2021, 6, 1), d(2021, 6, 30)),
    ("1 jul 2021", d(2021, 7, 1), d(2021, 7, 1)),
    ("aug. 2021", d(2021, 8, 1), d(2021, 8, 31)),
    ("sept. 2021", d(2021, 9, 1), d(2021, 9, 30)),
    ("1 sep 2021", d(2021, 9, 1), d(2021, 9, 1)),
    ("3 okt. 2021", d(2021, 10, 3), d(2021, 10, 3)),
    ("nov 2021", d(2021, 11, 1), d(2021, 11, 30)),
    ("dec. 2021", d(2021, 12, 1), d(2021, 12, 31)),
    ("Mei 2021", d(2021, 5, 1), d(2021, 5, 31)),
    ("15-03-2021", d(2021, 3, 15), d(2021, 3, 15)),
    ("15/3/2021", d(2021, 3, 15), d(2021, 3, 15)),
    ("2021-03-15", d(2021, 3, 15), d(2021, 3, 15)),
    ("januari-maart 2021", d(2021, 1, 1), d(2021, 3, 31)),
    ("van 1 t/m 14 juni 2021", d(2021, 6, 1), d(2021, 6, 14)),
    ("15 december t/m 15 januari 2021", d(2020, 12, 15), d(2021, 1, 15)),
    ("dinsdag 15 september 2021", d(2021, 9, 15), d(2021, 9, 15)),
    ("per 1 januari 2021", d(2021, 1, 1), d(2021, 1, 1)),
    ("in het voorjaar\u00a0van\u00a02021", d(2021, 3, 1), d(2021, 5, 31)),
    ("in  het   voorjaar\nvan 2021", d(2021, 3, 1), d(2021, 5, 31)),
]


@pytest.mark.parametrize(("text", "start", "end"), SPELLINGS)
def test_spellings(text, start, end):
    assert span(text) == (start, end)


NUMBER_WORDS = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
                "elf", "twaalf"]  # fmt: skip


@pytest.mark.parametrize(("count", "word"), list(enumerate(NUMBER_WORDS, start=1)))
def test_within_numbers_as_words(count, word):
    today = d(2020, 12, 18)
    weeks_later = date.fromordinal(today.toordinal() + 7 * count)
    assert span(f"binnen {word} weken", today) == (today, weeks_later)
    assert span(f"binnen {count} weken", today) == span(f"binnen {word} weken", today)


def test_within_een_with_accents():
    assert span("binnen één maand") == span("binnen een maand") == (d(2020, 12, 18), d(2021, 1, 18))


def test_text_keeps_the_words_as_written():
    text = "Ik zal uw Kamer daarom In Het Voorjaar van\n2021 informeren."
    assert parse_period(text, LETTER_DATE).text == "In Het Voorjaar van\n2021"


def test_today_may_be_a_datetime():
    assert span("binnen tien dagen", datetime(2020, 12, 18, 9, 30)) == (
        d(2020, 12, 18),
        d(2020, 12, 28),
    )


@pytest.mark.parametrize("text", [None, 2021, b"maart 2021", ["maart 2021"]])
def test_non_text_gives_none(text):
    assert parse_period(text, LETTER_DATE) is None


def test_period_is_frozen():
    period = parse_period("maart 2021", LETTER_DATE)
    with pytest.raises(AttributeError):
        period.start = d(2021, 1, 1)


# --- Properties -----------------------------------------------------------------------------------

DUTCH_WORDS = [
    "voor", "vóór", "na", "uiterlijk", "binnen", "in", "op", "van", "het", "de", "rond", "t/m",
    "tot", "en", "met", "-", "jl.", "a.s.", "begin", "medio", "half", "eind", "einde", "dit",
    "volgend", "komend", "komende", "vorig", "jaar", "voorjaar", "zomer", "najaar", "winter",
    "zomerreces", "kerstreces", "Prinsjesdag", "kwartaal", "helft", "eerste", "tweede", "derde",
    "vierde", "Q1", "Q4", "H2", "1e", "januari", "februari", "feb.", "maart", "juni", "sept.",
    "december", "dagen", "weken", "maanden", "werkdagen", "een", "twaalf", "half", "0", "1", "15",
    "29", "31", "99", "1899", "1900", "2019/20", "2020", "2021", "2100", "9999", "20191",
    "nr.", ",", ".", "\n", "\u00a0", "maand", "deze", "volgende", "aankomende", "voorjaarspakket",
    "wanneer", "moet", "zijn", "Overleg", "Q3", "over", "aanvang", "presentatie", "debat",
    "aanstaande", "niveau", "Wet", "als", "beleidsdoel", "stellen", "dat", "naar verwachting",
    "Voorjaarsnota", "voorgestelde", "voortaan", "richting", "naar", "3,5%", "op te nemen",
    "vast te houden aan", "om", "scenario", "met", "vanaf", "Belastingplan",
]  # fmt: skip
dutch_phrases = st.lists(st.sampled_from(DUTCH_WORDS), max_size=12).map(" ".join)
any_day = st.dates()  # date.min to date.max: the edges of the calendar must not raise either


def check(period, text):
    if period is not None:
        assert period.start <= period.end
        assert period.text
        assert period.text in text


@given(st.text(), any_day)
def test_never_raises_on_any_text(text, today):
    check(parse_period(text, today), text)


@given(dutch_phrases, any_day)
def test_never_raises_on_dutch_date_words(text, today):
    check(parse_period(text, today), text)


OCCASIONS = [
    "begroting", "OCW-begroting", "begrotingen", "begrotingsbehandeling", "begrotingsdebat",
    "Miljoenennota", "Belastingplan", "Prinsjesdag", "Voorjaarsnota", "voorjaarsbesluitvorming",
    "Najaarsnota", "jaarverslag", "Verantwoordingsdag", "zomerreces", "kerstreces", "krokusreces",
    "voorjaarsreces", "meireces", "herfstreces", "reces", "zomer", "voorjaar", "najaar", "winter",
    "kwartaal", "helft", "maand", "jaar", "maart", "december",
]


@pytest.mark.parametrize("lead", ["", "in", "bij", "met", "op", "voor", "vóór", "tijdens",
                                  "uiterlijk", "na", "vanaf", "tot", "richting", "sinds"])
def test_every_occasion_word_with_every_lead_never_raises(lead):
    # A blind real clause, "in de begroting 1997 ruimte te maken", raised IndexError: the rule
    # for "in/met de begroting <year>" reached a group only the Prinsjesdag rule has.
    for occasion in OCCASIONS:
        for article in ("", "de ", "het "):
            for tail in ("", " 2027", " voor 2027", " van 2027", " van dit jaar",
                         " van volgend jaar", " 1997"):
                text = f"verzoekt de regering {lead} {article}{occasion}{tail} te komen".strip()
                for today in (d(2026, 3, 1), d(2026, 9, 20), d(1996, 9, 19)):
                    check(parse_period(text, today), text)
                    assert explain_period(text, today)


@pytest.mark.parametrize("text, today, start", [
    ("in de begroting 2027 ruimte te maken", d(2026, 3, 1), d(2026, 9, 15)),
    ("met de begroting voor 2027 te komen", d(2026, 3, 1), d(2026, 9, 15)),
])
def test_in_the_budget_of_a_year_is_that_years_prinsjesdag(text, today, start):
    assert parse_period(text, today).start == start


@given(st.integers(1900, 2100), st.integers(1900, 2100), st.dates(d(1901, 1, 1), d(2099, 12, 31)))
def test_past_years_are_context_when_a_later_one_is_not_past(first, second, today):
    period = parse_period(f"In {first} beloofd, in {second} geleverd", today)
    if first < today.year <= second:
        assert period.text == f"in {second}"
    else:  # both past: a short text that starts with the time is a deadline field's words
        assert period.text == f"In {first}"


def rule_matches_without_their_trigger(text):
    """Matches of a rule in a text where its trigger is absent: the trigger would hide them."""
    from register.periods import _COMPILED, _FOLD

    folded = text.translate(_FOLD)
    return [(pattern.pattern[:40], match.group()) for pattern, _handler, trigger in _COMPILED
            for match in pattern.finditer(folded) if not trigger(folded)]


@given(dutch_phrases)
def test_a_rule_never_matches_without_its_trigger(text):
    assert rule_matches_without_their_trigger(text) == []


def test_the_triggers_hide_nothing_in_the_reference_letter():
    text = (Path(__file__).parents[1] / "data" / "reference-letter-24077-468.txt").read_text()
    assert rule_matches_without_their_trigger(text) == []


# Issue 14, the held-out misses fixed by rules that hold beyond them (docs/PERFORMANCE.md).
@pytest.mark.parametrize("text, today, start, end", [
    # A budget debate written as a compound with the ministry: "voor" still ends it on 31 October.
    ("voor de EZK-begrotingsbehandeling 2025", d(2024, 6, 18), d(2024, 6, 18), d(2024, 10, 31)),
    ("voor het OCW-begrotingsdebat", d(2025, 6, 19), d(2025, 6, 19), d(2025, 10, 31)),
    # "ter voorbereiding op/van" is before.
    ("ter voorbereiding op de Voorjaarsnota", d(2024, 11, 20), d(2024, 11, 20), d(2025, 3, 31)),
    ("ter voorbereiding van de begrotingsbehandeling", d(2025, 6, 19), d(2025, 6, 19),
     d(2025, 10, 31)),
    # Counted from the debate the words were said in: from that day.
    ("binnen drie weken na dit debat", d(2025, 4, 1), d(2025, 4, 1), d(2025, 4, 22)),
])
def test_calendar_words_found_in_real_clauses(text, today, start, end):
    period = parse_period(text, today)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text", [
    "binnen een jaar na inwerkingtreding van de Wtta een plan te ontwikkelen",
    "binnen drie maanden nadat de evaluatie is afgerond",
    "binnen twee weken na ontvangst van het advies",
])
def test_within_a_time_after_an_undated_event_is_no_deadline(text):
    assert parse_period(text, d(2025, 4, 1)) is None
    assert "telt vanaf een gebeurtenis zonder datum" in explain_period(text, d(2025, 4, 1))


def test_before_the_budget_debate_ends_before_the_ministrys_own_debate():
    own = {2026: d(2025, 11, 12)}.get
    period = parse_period("voor de begrotingsbehandeling", d(2025, 6, 19), budget_debate=own)
    assert (period.start, period.end) == (d(2025, 6, 19), d(2025, 11, 11))
    # The window of "bij" does not change; a year the register holds no debate for: 31 October.
    assert parse_period("bij de begrotingsbehandeling", d(2025, 6, 19),
                        budget_debate=own).end == d(2025, 12, 18)
    assert parse_period("voor de begrotingsbehandeling 2027", d(2025, 6, 19),
                        budget_debate=own).end == d(2026, 10, 31)
    assert "11 november 2025" in explain_period("voor de begrotingsbehandeling", d(2025, 6, 19),
                                                budget_debate=own)


@pytest.mark.parametrize("text", [
    "zich niet te committeren aan een EU-klimaatdoel voor 2040",
    "om de doelstelling voor 2030 te halen",
    "het doel in 2030",
])
def test_a_year_that_names_a_target_is_no_deadline(text):
    assert parse_period(text, d(2024, 3, 21)) is None
    assert "hoort bij een naam" in explain_period(text, d(2024, 3, 21))


def test_a_target_year_leaves_the_real_deadline():
    period = parse_period("de doelstelling voor 2030 te halen en de Kamer voor 2026 te informeren",
                          d(2024, 3, 21))
    assert (period.text, period.end) == ("voor 2026", d(2025, 12, 31))


# Issue 14, the third held-out sample's misses (docs/PERFORMANCE.md), each fixed by a rule that
# holds beyond the clause: constructed sentences first, then the spent real clause.
@pytest.mark.parametrize("text, today, start, end", [
    # "deze maand" is the month the words were said in; "volgende/komende maand" the next one.
    ("uiterlijk voor het einde van deze maand", d(2025, 3, 13), d(2025, 3, 13), d(2025, 3, 31)),
    ("nog deze maand helderheid te geven", d(2025, 4, 8), d(2025, 4, 1), d(2025, 4, 30)),
    ("eind volgende maand", d(2024, 12, 5), d(2025, 1, 21), d(2025, 1, 31)),
    ("voor komende maand", d(2024, 1, 31), d(2024, 1, 31), d(2024, 1, 31)),
    ("in de komende maand", d(2024, 1, 31), d(2024, 2, 1), d(2024, 2, 29)),
    ("de uitwerking hiervan uiterlijk voor het einde van deze maand met de Kamer te delen,",
     d(2025, 3, 13), d(2025, 3, 13), d(2025, 3, 31)),
    # The spring budget decisions under another name, and "aankomende" like "komende".
    ("te betrekken bij het voorjaarspakket", d(2024, 12, 19), d(2025, 4, 1), d(2025, 5, 31)),
    ("voor het voorjaarspakket 2026", d(2025, 9, 1), d(2025, 9, 1), d(2026, 3, 31)),
    ("bij de aankomende Voorjaarsnota", d(2024, 11, 6), d(2025, 4, 1), d(2025, 5, 31)),
    ("voor de aankomende VWS-begrotingsbehandeling", d(2024, 3, 5), d(2024, 3, 5),
     d(2024, 10, 31)),
    ("met als doel om deze te kunnen betrekken bij de aankomende voorjaarsbesluitvorming,",
     d(2024, 11, 6), d(2025, 4, 1), d(2025, 5, 31)),
])
def test_calendar_words_of_the_third_sample(text, today, start, end):
    period = parse_period(text, today)
    assert (period.start, period.end) == (start, end)


def test_begin_of_this_month_is_past_and_no_deadline():
    text = "de begin deze maand aangekondigde verlaging ongedaan te maken"
    assert parse_period(text, d(2023, 12, 21)) is None
    # A later deadline in the same clause still counts.
    assert parse_period(f"{text} voor de zomer", d(2023, 12, 21)).text == "voor de zomer"


@pytest.mark.parametrize("text, why", [
    # Counted from each request or each event, later in the clause: not from the day said.
    ("aanvragers binnen zes weken een besluit te geven wanneer zij een aanvraag indienen",
     "telt vanaf een gebeurtenis"),
    ("de gegevens binnen tien werkdagen te verstrekken zodra een ouder erom vraagt",
     "telt vanaf een gebeurtenis"),
    ("ouders uiterlijk binnen één maand hun persoonlijke dossiers te verstrekken wanneer zij "
     "hiertoe een verzoek doen,", "telt vanaf een gebeurtenis"),
    # A norm for every case, right after the time: "moet zijn/worden", "dient te worden".
    ("dat een bezwaar binnen drie maanden moet worden afgehandeld", "een norm voor elk geval"),
    ("dat elke aanvraag binnen acht weken afgehandeld dient te zijn", "een norm voor elk geval"),
    ("dat een letselschadezaak uiterlijk binnen twee jaar moet zijn beslecht door een "
     "verzekeraar", "een norm voor elk geval"),
])
def test_within_a_time_that_counts_from_each_case_is_no_deadline(text, why):
    assert parse_period(text, d(2025, 4, 10)) is None
    assert why in explain_period(text, d(2025, 4, 10))


@pytest.mark.parametrize("text", [
    # A clause about something else later on, or a "moet" further away: still a deadline.
    "binnen twee maanden de analyse of het beleidskader aangepast dient te worden te delen",
    "binnen een maand te informeren, en daarna telkens wanneer er nieuws is",
    "de Kamer binnen drie maanden te informeren over hoe de regels moeten worden aangepast",
])
def test_within_a_time_stays_a_deadline_when_the_norm_is_elsewhere(text):
    assert parse_period(text, d(2025, 4, 10)) is not None


@pytest.mark.parametrize("text", [
    "voorafgaand aan het Bestuurlijk Overleg Leefomgeving van 2024 te bepalen",
    "conform de afspraken in het Klimaatakkoord van 2019",
    "bij voorkeur voorafgaand aan het Bestuurlijk Overleg Leefomgeving van 2024 te bepalen of de "
    "A2 in aanmerking komt",
])
def test_a_year_after_a_name_and_van_belongs_to_the_name(text):
    assert parse_period(text, d(2024, 1, 22)) is None
    assert "hoort bij een naam" in explain_period(text, d(2024, 1, 22))


@pytest.mark.parametrize("text, words", [
    ("de Kamer voor de zomer van 2025 te informeren", "voor de zomer van 2025"),
    ("de Kamer in de loop van 2025 te informeren", "2025"),
    ("in het eerste kwartaal van 2025", "in het eerste kwartaal van 2025"),
])
def test_a_year_after_van_without_a_name_is_still_a_deadline(text, words):
    assert parse_period(text, d(2024, 1, 22)).text == words


# Issue 14, the fourth held-out sample's misses, fixed after its blind figures were recorded
# (docs/PERFORMANCE.md): constructed sentences first, then the spent real clause.
@pytest.mark.parametrize("text, today, start, end", [
    # Words between "voor" and the occasion: its presentation, start or debate is still before it.
    ("vóór de presentatie van de Voorjaarsnota", d(2024, 1, 25), d(2024, 1, 25), d(2024, 3, 31)),
    ("voor de publicatie van de Miljoenennota", d(2025, 3, 1), d(2025, 3, 1), d(2025, 9, 15)),
    ("voor aanvang van de Voorjaarsnota", d(2024, 11, 28), d(2024, 11, 28), d(2025, 3, 31)),
    ("voor het debat over de Voorjaarsnota", d(2024, 4, 18), d(2024, 4, 18), d(2024, 5, 31)),
    ("vóór het debat over de OCW-begroting", d(2025, 5, 22), d(2025, 5, 22), d(2025, 10, 31)),
    ("voor aanvang van het zomerreces", d(2025, 3, 1), d(2025, 3, 1), d(2025, 7, 3)),
    # "aanstaande"/"komende" before a recess.
    ("nog voor het aanstaande zomerreces de route op te schalen", d(2024, 6, 13), d(2024, 6, 13),
     d(2024, 7, 4)),
    ("uiterlijk voor het komende herfstreces", d(2025, 6, 19), d(2025, 6, 19), d(2025, 10, 2)),
    # A quarter without a year after "in"/"uiterlijk": the first that has not ended.
    ("uiterlijk in Q3 de Kamer te informeren", d(2024, 1, 23), d(2024, 1, 23), d(2024, 9, 30)),
    ("de Kamer hierover uiterlijk in Q1 te informeren", d(2024, 12, 19), d(2024, 12, 19),
     d(2025, 3, 31)),
    ("in Q4", d(2025, 3, 1), d(2025, 10, 1), d(2025, 12, 31)),
    ("in Q1 2026", d(2025, 3, 1), d(2026, 1, 1), d(2026, 3, 31)),
    # "uiterlijk over <time>" is "binnen <time>".
    ("uiterlijk over een jaar", d(2024, 11, 11), d(2024, 11, 11), d(2025, 11, 11)),
    ("uiterlijk over drie maanden te rapporteren", d(2025, 1, 10), d(2025, 1, 10), d(2025, 4, 10)),
    # "dit/deze" before a season: this year's ("deze winter" in January: the one begun in December).
    ("dit najaar de Kamer te informeren", d(2024, 5, 14), d(2024, 9, 1), d(2024, 11, 30)),
    ("uiterlijk deze zomer", d(2025, 5, 20), d(2025, 5, 20), d(2025, 8, 31)),
    ("deze winter", d(2025, 1, 10), d(2024, 12, 1), d(2025, 2, 28)),
])
def test_calendar_words_of_the_fourth_sample(text, today, start, end):
    period = parse_period(text, today)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("text, today, why", [
    # A start stays a start with "dit" before the season.
    ("campagnes te starten vanaf dit najaar", d(2024, 5, 30), "een begin"),
    # An article right before the time: it describes the noun after it, done or expected by others.
    ("af te zien van de in de Voorjaarsnota voorgestelde wijzigingen", d(2025, 6, 19),
     "beschrijft iets"),
    ("de naar verwachting eind dit jaar in werking tredende verordening aan te wenden",
     d(2024, 11, 26), "beschrijft iets"),
    ("het gebruik van de per 1 januari 2026 geldende regels te onderzoeken", d(2025, 3, 1),
     "beschrijft iets"),
    ("een reactie op het in maart 2025 verschenen rapport", d(2025, 1, 1), "beschrijft iets"),
    # The level of a year, also with the year in apposition.
    ("de militaire steun onverminderd door te zetten op het niveau van dit jaar, 2024,",
     d(2024, 10, 15), "het niveau van dat jaar"),
    ("de uitgaven op het niveau van 2019 te houden", d(2024, 10, 15), "het niveau van dat jaar"),
    # The year of a target the government is asked to set.
    ("als beleidsdoel te stellen dat alle gemeenten uiterlijk in 2030 minimaal één inclusieve "
     "speeltuin zouden moeten hebben", d(2024, 12, 10), "hoort bij een naam"),
    ("als doel te stellen dat in 2035 alle woningen zijn geïsoleerd", d(2024, 12, 10),
     "hoort bij een naam"),
    # A year ending a law's title.
    ("met het oog op de herziening van de Wet op de inlichtingen- en veiligheidsdiensten 2017 zo "
     "spoedig mogelijk per brief toe te lichten", d(2024, 4, 2), "hoort bij een naam"),
    ("de evaluatie van de Wet langdurige zorg 2015", d(2024, 4, 2), "hoort bij een naam"),
])
def test_words_of_the_fourth_sample_that_name_no_deadline(text, today, why):
    assert parse_period(text, today) is None
    assert why in explain_period(text, today)


@pytest.mark.parametrize("text, today, words", [
    # Still a deadline: "het" as a pronoun, a thing still to be done, a time after a law's name.
    ("ervoor te zorgen dat het voor de zomer van 2025 mogelijk wordt", d(2024, 12, 10),
     "voor de zomer van 2025"),
    ("de in 2025 te nemen stappen", d(2024, 12, 10), "in 2025"),
    ("de Wet open overheid voor 2026 te evalueren", d(2024, 12, 10), "voor 2026"),
    ("met als doel om in 2025 een plan te presenteren", d(2024, 12, 10), "in 2025"),
    ("de Kamer voor het zomerreces te informeren", d(2024, 12, 10), "voor het zomerreces"),
    # "over" a year is still what the data are about, and "Q3" alone may be a name.
    ("cijfers over 2018 te publiceren voor 1 juli 2025", d(2024, 12, 10), "voor 1 juli 2025"),
])
def test_the_fourth_samples_rules_leave_deadlines_alone(text, today, words):
    assert parse_period(text, today).text == words


def test_a_quarter_alone_is_no_time():
    assert parse_period("het Q3-team en de Q1 werkgroep", d(2024, 1, 1)) is None


def test_this_spring_said_in_summer_is_past_context():
    # The past tense marks the time as context (DESIGN: "dates already past when spoken are
    # context"); "if all lie in the past, the first one counts" is for typed deadlines.
    assert parse_period("als dit voorjaar was beoogd", d(2025, 7, 2)) is None
    assert "verleden tijd" in explain_period("als dit voorjaar was beoogd", d(2025, 7, 2))


# --- Conservative: a time that is context, not the deadline of the request ----------------------
# Each blind sample of real motion clauses found new kinds of false periods (docs/PERFORMANCE.md),
# so these rules are general: what the sentence itself says about the time.

@pytest.mark.parametrize("text, today, reason", [
    # The past tense: when something happened or was planned.
    ("om hetzelfde effect te realiseren als dit voorjaar was beoogd", d(2025, 7, 2),
     "verleden tijd"),
    ("de plannen uit te voeren die in 2023 werden aangekondigd", d(2024, 10, 15), "verleden tijd"),
    ("In 2019 werden in totaal 6.629 incidenten geregistreerd: 5.577 bij de MDI en 1.052 bij "
     "het LIS.", LETTER_DATE, "verleden tijd"),
    # "tot" says how long it lasted, which explain_period gives first.
    ("Tot 2015 was dit aandeel nog <1% van alle drugsincidenten.", LETTER_DATE, "hoe lang"),
    # The perfect with a time already past (DESIGN's "first one counts" is for typed deadlines).
    ("De campagne is 19 november gestart.", LETTER_DATE, "verleden tijd"),
    ("duidelijk is gedaald ten opzichte van dezelfde periode vorig jaar (zie tabel 1).",
     LETTER_DATE, "verleden tijd"),
    ("spreekt uit dat in 2024 is besloten de regeling af te schaffen", d(2025, 3, 1),
     "verleden tijd"),
    # A relative or "zoals" clause in the perfect; "in maart" would otherwise be next March.
    ("het besluit dat in maart is genomen terug te draaien", d(2024, 10, 15), "verleden tijd"),
    ("de lastenverlichting die in de Miljoenennota is aangekondigd te schrappen", d(2024, 3, 15),
     "verleden tijd"),
    # Words that put the time in the past themselves.
    ("de ervaringen van afgelopen zomer mee te nemen", d(2024, 10, 15), "al voorbij"),
    ("de ervaringen van de vorige zomer mee te nemen", d(2024, 10, 15), "al voorbij"),
    ("zoals eerder dit jaar aangekondigd te onderzoeken", d(2024, 10, 15), "al voorbij"),
    ("zoals werd aangekondigd in de Miljoenennota de lasten te verlagen", d(2024, 3, 15),
     "verleden tijd"),
    ("de toezegging uit te voeren die de minister in maart deed", d(2024, 10, 15),
     "verleden tijd"),
    ("Dat zeiden ze op Verantwoordingsdag.", d(2024, 10, 15), "verleden tijd"),
    # A time that comes back every year is a routine.
    ("jaarlijks voor 1 juli te rapporteren over de voortgang", d(2024, 10, 15), "elk jaar terug"),
    ("de Kamer elk jaar voor de zomer te informeren", d(2024, 10, 15), "elk jaar terug"),
    ("de Kamer voor 1 juli van ieder jaar te informeren", d(2024, 10, 15), "elk jaar terug"),
    ("elke zomer een campagne te voeren", d(2024, 10, 15), "elk jaar terug"),
    # The date of a thing, or where it comes from.
    ("de brief van 12 maart te herzien", d(2024, 10, 15), "de datum van iets anders"),
    ("de huurverhoging van 1 juli te schrappen", d(2024, 10, 15), "de datum van iets anders"),
    ("de cijfers van 2023 te publiceren", d(2024, 10, 15), "de datum van iets anders"),
    ("Per brief van 25 augustus 2020 heeft de Minister voor Medische Zorg en Sport uw Kamer het "
     "rapport toegestuurd", LETTER_DATE, "de datum van iets anders"),
    ("met de voortgangsbrief van 19 december 20191", LETTER_DATE, "de datum van iets anders"),
    ("open met het aangepaste protocol uit april dit jaar", LETTER_DATE, "vandaan komt"),
    ("de lastenverlichting uit de Miljoenennota te schrappen", d(2024, 10, 15), "vandaan komt"),
    # "in" a budget document said in the months after this year's came out: that document.
    ("spreekt uit dat de belofte in de Voorjaarsnota voor een huurbevriezing moet worden "
     "nagekomen", d(2025, 6, 4), "al verschenen"),
    ("de lastenverlichting in de Miljoenennota te schrappen", d(2024, 10, 15), "al verschenen"),
    # Every one of a kind handled within a time: a norm from each case.
    ("ervoor te zorgen dat alle kinderen die worden geplaatst in een instelling voor gesloten "
     "jeugdzorg, binnen een week worden gezien en beoordeeld door een jeugdpsychiater",
     d(2024, 3, 28), "een norm voor elk geval"),
    ("ervoor te zorgen dat aanvragen binnen acht weken worden afgehandeld", d(2024, 10, 15),
     "een norm voor elk geval"),
    # A level and a target: "het niveau van voor 2020", "de ambitie voor 2030".
    ("het niveau van voor 2020 te herstellen", d(2024, 10, 15), "het niveau"),
    ("het prijspeil van januari 2024 te hanteren", d(2024, 10, 15), "het niveau"),
    ("de ambitie voor 2030 los te laten", d(2024, 10, 15), "hoort bij een naam"),
])
def test_a_time_that_is_context_gives_no_period_and_says_why(text, today, reason):
    assert parse_period(text, today) is None
    assert reason in explain_period(text, today)


@pytest.mark.parametrize("text, today, words", [
    # A clause that asks for a state, or with a modal verb, is no past.
    ("ervoor te zorgen dat in 2025 alle scholen zijn aangesloten", d(2024, 10, 15), "in 2025"),
    ("de maatregelen te nemen die in 2026 moeten zijn afgerond", d(2024, 10, 15), "in 2026"),
    ("in de voortgangsbrief, die voor de zomer wordt verwacht, aan te geven", d(2025, 5, 21),
     "voor de zomer"),
    # A promised time that is still ahead stays a deadline; the request is in the next clause.
    ("de brief die voor de zomer is toegezegd te sturen", d(2024, 10, 15), "voor de zomer"),
    ("de motie van 12 maart uit te voeren en voor 1 juni te rapporteren", d(2024, 10, 15),
     "voor 1 juni"),
    ("om over de concrete stappen die nodig zijn om de ambities te behalen terug te koppelen in "
     "het voorjaar van 2025", d(2024, 10, 17), "in het voorjaar van 2025"),
    ("het geld dat was gereserveerd te besteden en de Kamer in het voorjaar van 2025 te "
     "informeren", d(2024, 10, 15), "in het voorjaar van 2025"),
    ("voor het einde van 2025 te rapporteren", d(2024, 10, 15), "voor het einde van 2025"),
    # A past verb further back ends a relative clause of its own; the time's verbs follow it.
    ("ervoor te zorgen dat de regeling die was aangekondigd door de minister in 2026 wordt "
     "ingevoerd", d(2024, 10, 15), "in 2026"),
    # The day of an occasion, and a deadline's own nouns, are no "date of a thing".
    ("de Kamer voor het commissiedebat van 12 maart te informeren", d(2024, 10, 15),
     "voor het commissiedebat van 12 maart"),
    ("de deadline van 1 juli te handhaven", d(2024, 10, 15), "1 juli"),
    ("de Kamer in de loop van 2025 te informeren", d(2024, 10, 15), "2025"),
    ("dit overzicht voor behandeling van de Voorjaarsnota 2025 aan de Kamer te doen toekomen",
     d(2024, 10, 3), "voor behandeling van de Voorjaarsnota 2025"),
    # Before the document comes out, or with a year or "komende": an occasion.
    ("in de Voorjaarsnota hier financiële ruimte voor te maken", d(2024, 3, 6),
     "in de Voorjaarsnota"),
    ("in de komende Miljoenennota de lasten te verlagen", d(2024, 10, 15),
     "in de komende Miljoenennota"),
    ("bij de Voorjaarsnota met voorstellen te komen", d(2025, 6, 4), "bij de Voorjaarsnota"),
    # Not a norm: one thing, or a state, within a time from now.
    ("ervoor te zorgen dat de aanbevelingen binnen een jaar worden uitgevoerd", d(2024, 10, 15),
     "binnen een jaar"),
    ("ervoor te zorgen dat elke gemeente binnen drie maanden een loket heeft", d(2024, 10, 15),
     "binnen drie maanden"),
    ("een uiterste inspanning te leveren zodat binnen een jaar alle zorgorganisaties zijn "
     "aangesloten", d(2025, 9, 4), "binnen een jaar"),
    # A typed deadline already past still counts (DESIGN: if all lie in the past, the first).
    ("voor 1 juli 2020", d(2021, 3, 1), "voor 1 juli 2020"),
])
def test_a_deadline_of_the_request_stays_one(text, today, words):
    period = parse_period(text, today)
    assert period is not None and period.text == words


@given(st.sampled_from(["in maart", "in 2023", "in het voorjaar", "eind 2022", "in de zomer van "
                        "2021", "op 3 mei", "medio 2020", "in het eerste kwartaal van 2019"]),
       st.sampled_from(["is genomen", "werd genomen", "was beoogd", "is aangekondigd",
                        "werden verwacht"]),
       st.dates(d(2000, 1, 1), d(2090, 12, 31)))
def test_a_plain_time_in_a_past_relative_clause_is_never_a_deadline(time, verb, today):
    assert parse_period(f"het besluit dat {time} {verb} terug te draaien", today) is None


# Found by the fifth held-out sample (after its blind run, so that sample is no longer blind on
# these two): "niet later dan" before words that lead up to the time is "uiterlijk", not a
# negation; "voorjaarreces" is the voorjaarsreces written without its s.
@pytest.mark.parametrize("text, today, start, end", [
    ("de nota zo snel mogelijk, maar in ieder geval niet later dan kort na het zomerreces, naar "
     "de Kamer te verzenden", date(2025, 6, 10), date(2025, 9, 2), date(2025, 11, 1)),
    ("de Kamer hier voor het voorjaarreces over te berichten", date(2025, 1, 30), date(2025, 1, 30),
     date(2025, 2, 13)),  # the recess of 2025 starts on Friday 14 February
])
def test_not_later_than_and_the_spring_recess_without_s(text, today, start, end):
    period = parse_period(text, today)
    assert (period.start, period.end) == (start, end)


def test_negation_before_a_recess_still_gives_no_period():
    assert parse_period("niet te wachten tot na het zomerreces", date(2025, 6, 10)) is None


# --- Times that belong to something else than the request's deadline ----------------------------
# The fifth held-out sample's false periods were of kinds no rule covered (docs/PERFORMANCE.md):
# how long something lasts, a direction, a standing duty, a target to lay down or keep, a
# scenario's year. These rules follow the clause's structure; the sentences are constructed.

@pytest.mark.parametrize("text, today, reason", [
    # "tot": how long something lasts, not by when to act.
    ("de regeling te verlengen tot eind 2027", d(2025, 10, 2), "hoe lang iets duurt"),
    ("de subsidie tot en met 2028 voort te zetten", d(2025, 10, 2), "hoe lang iets duurt"),
    ("het huidige beleid te handhaven tot 1 januari 2027", d(2025, 10, 2), "hoe lang iets duurt"),
    # A direction or horizon, or the year of a level to grow towards.
    ("de gevolgen voor de woningmarkt richting 2060 in beeld te brengen", d(2025, 1, 16),
     "richting of horizon"),
    ("een plan te maken op weg naar 2050", d(2025, 1, 16), "richting of horizon"),
    ("een ingroeipad naar 2 % van het bbp in 2030 uit te werken", d(2025, 1, 16),
     "richting of horizon"),
    # A standing duty: "voortaan", "in het vervolg", or from a start on.
    ("voortaan op Prinsjesdag een overzicht van de uitgaven mee te sturen", d(2024, 10, 3),
     "steeds, geen eenmalige termijn"),
    ("voortaan voor de zomer de cijfers te publiceren", d(2024, 10, 3),
     "steeds, geen eenmalige termijn"),
    ("in het vervolg bij de Voorjaarsnota de kosten van de regeling te melden", d(2024, 10, 3),
     "steeds, geen eenmalige termijn"),
    ("de vlag vanaf volgend jaar weer te laten hijsen tijdens Prinsjesdag", d(2024, 10, 9),
     "steeds, geen eenmalige termijn"),
    # What the government is to lay down, demand or keep to: a target for others.
    ("in de subsidievoorwaarden op te nemen dat alle bussen uiterlijk in 2030 emissievrij rijden",
     d(2025, 6, 26), "vastgelegd, geëist of vastgehouden"),
    ("in het convenant vast te leggen dat de sector voor 1 januari 2027 de uitstoot halveert",
     d(2025, 6, 26), "vastgelegd, geëist of vastgehouden"),
    ("als harde voorwaarde te stellen dat het bedrijf, met steun van het Rijk, uiterlijk in 2032 "
     "klimaatneutraal produceert", d(2024, 5, 28), "vastgelegd, geëist of vastgehouden"),
    ("vast te houden aan het doel om de wachtlijsten uiterlijk in 2028 weg te werken",
     d(2024, 12, 3), "vastgelegd, geëist of vastgehouden"),
    ("met de provincies af te spreken dat zij voor 2027 een plan indienen", d(2024, 12, 3),
     "vastgelegd, geëist of vastgehouden"),
    ("als uitgangspunt op te nemen dat een letselschadezaak uiterlijk binnen twee jaar moet zijn "
     "beslecht door een verzekeraar", d(2025, 4, 10), "vastgelegd, geëist of vastgehouden"),
    # The year inside a scenario.
    ("een scenario uit te werken met drie extra windparken op zee in 2035", d(2024, 2, 28),
     "scenario"),
    # "in de Voorjaarsnota" said in its April–May window, naming a thing it holds: the one out.
    ("de effecten van de bezuinigingen in de Voorjaarsnota voor gemeenten in kaart te brengen",
     d(2025, 4, 23), "al verschenen"),
])
def test_a_time_that_belongs_to_something_else_gives_no_period(text, today, reason):
    assert parse_period(text, today) is None
    assert reason in explain_period(text, today)


@pytest.mark.parametrize("text", [
    # A Miljoenennota or Belastingplan without "bij", "voor", "in", a year or "komende" is the
    # document (like the Voorjaarsnota), not Prinsjesdag.
    "de gevolgen van het Belastingplan voor zzp'ers te onderzoeken",
    "de Miljoenennota bevat geen overzicht van de subsidies",
])
def test_a_budget_document_without_an_occasion_word_is_no_time(text):
    assert parse_period(text, d(2025, 1, 10)) is None


@pytest.mark.parametrize("text, today, words", [
    # An outcome to reach, a report, a proposal by a time: deadlines.
    ("ervoor te zorgen dat de wet voor 1 januari 2027 is ingevoerd", d(2025, 3, 1),
     "voor 1 januari 2027"),
    ("de maatregelen uiterlijk in 2028 te realiseren", d(2025, 3, 1), "uiterlijk in 2028"),
    ("voor Prinsjesdag met een voorstel te komen", d(2025, 3, 1), "voor Prinsjesdag"),
    ("bij de Voorjaarsnota dekking te vinden", d(2025, 3, 1), "bij de Voorjaarsnota"),
    ("bij de Miljoenennota met een voorstel te komen", d(2025, 3, 1), "bij de Miljoenennota"),
    # What a goal holds is no deadline (the tenth sample's kinds, below), unless the request's own
    # "te" verb follows the time in its clause (the labelled development clause).
    ("het doel te stellen dat de eerste SMR in Nederland in 2035 wordt gerealiseerd en daarvoor "
     "in januari 2025 te starten", d(2024, 11, 7), "in 2035"),
    ("een ondersteuningsteam in te stellen dat ervoor moet zorgen dat er binnen twee jaar 100 "
     "buurthuizen zijn", d(2024, 11, 27), "binnen twee jaar"),
    # The same verbs with a time of their own: continuing this year, freezing for next year.
    ("de financiering van het fonds dit jaar voort te zetten", d(2024, 2, 12), "dit jaar"),
    ("de huren voor komend jaar te bevriezen", d(2024, 10, 24), "komend jaar"),
    # "in de Voorjaarsnota" with a verb after it: the occasion, also in its window.
    ("de middelen in de Voorjaarsnota te reserveren", d(2025, 4, 23), "in de Voorjaarsnota"),
    # "aanloop naar" is "voor"; a level to reach by a time is a deadline.
    ("in aanloop naar het voorjaar met plannen te komen", d(2024, 12, 18), "het voorjaar"),
    ("de registratielast te verlagen naar 30 % binnen twee jaar", d(2025, 7, 2),
     "binnen twee jaar"),
    ("op Prinsjesdag een pad voor te stellen richting de aanleg van de Lelylijn",
     d(2025, 4, 24), "op Prinsjesdag"),
    # "richting" before an occasion or a season leads up to it, like "in de aanloop naar".
    ("de Kamer richting de zomer te informeren", d(2025, 3, 1), "de zomer"),
    # A condition on the request itself, not one the government is to set for others.
    ("spreekt uit in te stemmen op voorwaarde dat het kabinet voor 1 juli een plan stuurt",
     d(2025, 3, 1), "voor 1 juli"),
    # The request after the content clause or the standing duty has its own deadline.
    ("in de werkagenda op te nemen dat er één loket komt, en de Kamer binnen vier maanden te "
     "informeren", d(2025, 9, 9), "binnen vier maanden"),
    ("in het PvE op te nemen dat de veren elektrisch varen en de Kamer voor de zomer te "
     "informeren", d(2025, 3, 9), "voor de zomer"),
    ("voortaan dezelfde voorwaarden te hanteren, en de Kamer voor de zomer van 2026 te "
     "rapporteren", d(2025, 3, 28), "voor de zomer van 2026"),
    ("binnen twee weken met een voorstel te komen, door voortaan de bedragen te indexeren",
     d(2025, 10, 2), "binnen twee weken"),
    # A scenario that is to be sent by a time.
    ("de Kamer deze scenario's met de kosten uiterlijk 1 juli te sturen", d(2025, 3, 9),
     "uiterlijk 1 juli"),
    ("een scenario uit te werken voor een tegemoetkoming, en de Kamer voor het zomerreces te "
     "informeren", d(2025, 4, 16), "voor het zomerreces"),
])
def test_a_deadline_of_the_request_is_not_taken_for_something_else(text, today, words):
    period = parse_period(text, today)
    assert period is not None and period.text == words


@given(st.sampled_from(["eind 2027", "1 januari 2028", "2030", "het eerste kwartaal van 2027",
                        "medio 2029", "maart 2027", "de zomer van 2026"]),
       st.sampled_from(["de regeling te verlengen tot {}", "de regeling tot en met {} voort te "
                        "zetten", "voortaan "
                        "uiterlijk {} de cijfers te publiceren", "in het convenant op te nemen "
                        "dat de sector uiterlijk {} klimaatneutraal is", "vast te houden aan "
                        "de afspraak om uiterlijk {} alle scholen aan te sluiten"]),
       st.dates(d(2000, 1, 1), d(2026, 12, 31)))
def test_a_time_of_a_duration_direction_standing_duty_or_content_is_never_a_deadline(
        time, frame, today):
    assert parse_period(frame.format(time), today) is None


@given(st.integers(1900, 2100), st.sampled_from(["richting", "op weg naar", "in de richting van"]),
       st.dates(d(1900, 1, 1), d(2100, 12, 31)))
def test_a_year_after_a_direction_word_is_never_a_deadline(year, word, today):
    assert parse_period(f"de gevolgen {word} {year} in beeld te brengen", today) is None


# --- Times that are not the request's (the seventh held-out sample's kinds, not its clauses) -----

NOT_THE_REQUESTS = [
    # A time wholly past when said, not introduced as the deadline: context.
    ("bij de uitwerking van het bij brief van 3 april 2019 aangekondigde traject aandacht te "
     "besteden aan innovatie", d(2019, 6, 19), "lag al achter ons"),
    ("te komen met een nota van wijziging op het Belastingplan 2014 waarin de korting wordt "
     "teruggedraaid", d(2013, 10, 17), "lag al achter ons"),
    ("de voorzitter te vragen afstand te nemen van zijn uitspraak (Elsevier 2012)",
     d(2015, 10, 29), "lag al achter ons"),
    # A span of years: a plan's term or name.
    ("binnen de fietsambitie 2022–2025 aandacht te besteden aan helmen", d(2023, 3, 28),
     "reeks jaren"),
    ("het Bestuursakkoord Openbaar Vervoer 2022-2032 spoedig te evalueren", d(2025, 4, 9),
     "reeks jaren"),
    # What the government is asked not to do.
    ("af te zien van de verhoging van de vliegbelasting per 2027", d(2025, 10, 2),
     "niet moet doen"),
    # A plan's time, said to name the plan.
    ("ervoor te zorgen dat de geplande bouwprojecten voor 2028 geen vertraging oplopen",
     d(2025, 2, 22), "een plan"),
    ("dit te dekken uit de middelen voor de voorgestelde loonsverhoging voor 2027 en de rest "
     "elders te zoeken", d(2025, 6, 25), "een plan"),
    # A condition.
    ("om, als de inspectie volgend jaar concludeert dat de resultaten achterblijven, opnieuw te "
     "kijken naar de investeringen", d(2025, 6, 25), "voorwaarde"),
    # An aim.
    ("met het oog op het doel van 50% circulair in 2030 te komen tot een hoger percentage",
     d(2025, 10, 3), "doel"),
    # What a thing does, or when it begins.
    ("een strategie uit te werken die in 2050 resulteert in een circulaire industrie",
     d(2025, 10, 3), "beschrijft wat iets doet"),
    ("ervoor te zorgen dat de premie deel uitmaakt van de proef die in 2026 van start gaat",
     d(2025, 9, 1), "beschrijft wat iets doet"),
    # Every year.
    ("de Kamer elk jaar, voor de begrotingsbehandeling, een rapportage te sturen",
     d(2025, 7, 7), "elk jaar"),
    ("erop toe te zien dat in 2027 en volgende jaren genoeg stageplaatsen zijn", d(2026, 11, 14),
     "elk jaar"),
]


@pytest.mark.parametrize(("text", "today", "why"), NOT_THE_REQUESTS)
def test_a_time_that_is_not_the_requests_gives_no_period_and_says_why(text, today, why):
    assert parse_period(text, today) is None
    assert why in explain_period(text, today)


@pytest.mark.parametrize(("text", "today"), [
    ("hiervoor te putten uit de weerbaarheidsgelden op de begroting van JenV", d(2025, 9, 25)),
    ("zorg bij schadeclaims voor snelle communicatie en afhandeling binnen zes weken",
     d(2025, 2, 18)),
])
def test_money_on_the_budget_and_a_norm_per_claim_give_no_period(text, today):
    assert parse_period(text, today) is None


STAY_DEADLINES = [
    # Past, but introduced as the deadline: typed late, so overdue (DESIGN "Periods").
    ("voor 1 juli 2020", d(2020, 8, 3), "voor 1 juli 2020", d(2020, 6, 30)),
    ("15 maart", d(2021, 3, 16), "15 maart", d(2021, 3, 15)),
    # The words of a deadline field, typed late: a short text that starts with the time (the
    # reference letter's table header is one too: all quarters past, the first counts).
    ("Q2 2019 Q3 2019 Q2 2020 Q3 2020", LETTER_DATE, "Q2 2019", d(2019, 6, 30)),
    ("1 juli 2020 (verlengd na overleg)", d(2020, 8, 3), "1 juli 2020", d(2020, 7, 1)),
    ("eind 2019, zie de brief", d(2020, 2, 3), "eind 2019", d(2019, 12, 31)),
    ("de Kamer uiterlijk 1 juli 2020 te informeren", d(2020, 8, 3), "uiterlijk 1 juli 2020",
     d(2020, 7, 1)),
    ("in maart 2020 de Kamer te informeren", d(2020, 4, 2), "in maart 2020", d(2020, 3, 31)),
    ("de Kamer te informeren in maart 2020", d(2020, 4, 2), "in maart 2020", d(2020, 3, 31)),
    ("in de begroting 1997 ruimte te maken voor kleinere klassen", d(1996, 9, 19),
     "in de begroting 1997", d(1996, 9, 17)),
    ("de Kamer uiterlijk dit voorjaar te informeren", d(2014, 7, 19), "uiterlijk dit voorjaar",
     d(2014, 5, 31)),
    # A later time of the request after the one that is not.
    ("af te zien van de verhoging per 2027 en voor 1 juli met dekking te komen", d(2025, 3, 2),
     "voor 1 juli", d(2025, 6, 30)),
    ("de voorgestelde wijziging voor de zomer aan de Kamer te sturen", d(2025, 3, 2),
     "voor de zomer", d(2025, 7, 3)),
    ("het plan 2022–2030 in 2026 te evalueren", d(2025, 3, 2), "in 2026", d(2026, 12, 31)),
    ("zodra de evaluatie later dit jaar gereed is deze naar de Kamer te sturen", d(2025, 5, 15),
     "dit jaar", d(2025, 12, 31)),
    ("zowel de kosten als de baten voor de zomer in kaart te brengen", d(2025, 3, 2),
     "voor de zomer", d(2025, 7, 3)),
    ("een structuurvisie op te stellen die uiterlijk eind 2026 aan de Kamer wordt gestuurd",
     d(2025, 3, 2), "uiterlijk eind 2026", d(2026, 12, 31)),
    ("in de stikstofbrief, die later dit jaar naar de Kamer wordt gestuurd, het effect te "
     "beschrijven", d(2025, 3, 2), "dit jaar", d(2025, 12, 31)),
    ("de regering binnen zes weken een brief te laten sturen", d(2025, 2, 18),
     "binnen zes weken", d(2025, 4, 1)),
    ("het collegegeld te betalen uit meevallers op de rijksbegroting bij de Voorjaarsnota 2024",
     d(2024, 4, 15), "bij de Voorjaarsnota 2024", d(2024, 5, 31)),
    # A dated debate: by that day.
    ("voor het commissiedebat mestbeleid van 7 november een lijst te presenteren",
     d(2024, 10, 7), "voor het commissiedebat mestbeleid van 7 november", d(2024, 11, 7)),
    # A motion title: "over" before a time with its own preposition.
    ("Motie van het lid Michon-Derkzen over per 2026 meer prestatieafspraken in de "
     "strafrechtketen", d(2025, 4, 8), "per 2026", d(2026, 12, 31)),
    ("Motie van het lid Van Dijk over binnen een maand de aangenomen motie uitvoeren",
     d(2025, 4, 3), "binnen een maand", d(2025, 5, 3)),
]


@pytest.mark.parametrize(("text", "today", "words", "end"), STAY_DEADLINES)
def test_deadlines_stay_next_to_times_that_are_not_the_requests(text, today, words, end):
    period = parse_period(text, today)
    assert period is not None and (period.text, period.end) == (words, end)


@given(st.integers(1900, 2100), st.dates(d(1901, 1, 1), d(2099, 12, 31)))
def test_a_past_date_of_a_letter_is_never_a_deadline_and_a_typed_one_always_is(year, today):
    told = parse_period(f"zoals aangekondigd bij brief van 3 april {year} de regeling uit te "
                        "werken", today)
    typed = parse_period(f"voor 1 juli {year}", today)
    assert typed is not None
    if date(year, 4, 3) < today:
        assert told is None


@given(st.integers(1900, 2099), st.integers(0, 20), st.dates(d(1901, 1, 1), d(2099, 12, 31)))
def test_a_span_of_years_is_never_a_deadline(first, length, today):
    last = min(2100, first + length)
    for dash in ("-", "–"):
        assert parse_period(f"binnen het programma {first}{dash}{last} meer te doen", today) is None


# --- The eighth sample's kinds (constructed sentences, not its clauses) --------------------------

NOT_THE_REQUESTS_EIGHTH = [
    # What an agreement, promise or intention holds (its "om te" clause).
    ("de afspraak met de provincies om in 2028 alle stallen te hebben aangepast los te laten",
     d(2025, 3, 2), "afspraak, belofte"),
    ("de belofte om de wachtlijsten in 2027 weg te werken na te komen", d(2025, 3, 2),
     "afspraak, belofte"),
    ("het voornemen om per 1 januari 2027 de heffing in te voeren te heroverwegen",
     d(2025, 3, 2), "afspraak, belofte"),
    ("haar ambitie uit het regeerakkoord om voor 2030 tienduizend woningen te bouwen bij te "
     "stellen", d(2025, 3, 2), "afspraak, belofte"),
    # The question to be studied.
    ("te onderzoeken of een tweede kerncentrale voor 2035 haalbaar is", d(2025, 3, 2),
     "de vraag die onderzocht wordt"),
    ("na te gaan hoe de regeling op 1 juli 2026 eenvoudiger kan worden door de aanvraag te "
     "digitaliseren", d(2025, 3, 2), "de vraag die onderzocht wordt"),
    ("een onderzoek te laten doen naar de vraag of de heffing in 2027 kan worden verlaagd",
     d(2025, 3, 2), "de vraag die onderzocht wordt"),
    # The frame the request is set in.
    ("in het kader van de invoering van de nieuwe wet in 2027 te zorgen dat gemeenten "
     "voldoende middelen hebben", d(2025, 3, 2), "het kader"),
    # The time of an event the request waits for.
    ("na de publicatie door het RIVM op 12 mei, de Kamer te informeren over de gevolgen",
     d(2025, 3, 2), "waarna gehandeld wordt"),
    # The year something is for.
    ("een regeling te treffen voor een toeslag van 3% voor het jaar 2026", d(2025, 3, 2),
     "het jaar waarvoor"),
    ("het budget voor de jaren 2026 en 2027 te verhogen", d(2025, 3, 2), "het jaar waarvoor"),
    # An aim's horizon.
    ("met het oog op 2070", d(2025, 3, 2), "doel"),
    ("met het oog op 2040 de dijken te versterken", d(2025, 3, 2), "doel"),
    # A date just past of another's act named as a noun ("de benoeming ... per").
    ("de benoeming van de nieuwe directeur per 1 maart 2025 terug te draaien", d(2025, 3, 2),
     "lag al achter ons"),
]


@pytest.mark.parametrize(("text", "today", "why"), NOT_THE_REQUESTS_EIGHTH)
def test_a_time_of_an_agreement_question_frame_or_purpose_gives_no_period(text, today, why):
    assert parse_period(text, today) is None
    assert why in explain_period(text, today)


STAY_DEADLINES_EIGHTH = [
    # The request's own time next to these kinds.
    ("de afspraak om de wet in te voeren voor 1 juli 2025 aan de Kamer te sturen",
     d(2025, 3, 2), "voor 1 juli 2025", d(2025, 6, 30)),
    ("een plan op te stellen om in 2030 alle scholen te verduurzamen", d(2025, 3, 2),
     "in 2030", d(2030, 12, 31)),
    ("Het streven is om dit najaar afspraken te maken", d(2025, 3, 2), "dit najaar",
     d(2025, 11, 30)),
    ("te onderzoeken wat de gevolgen zijn en de Kamer voor de zomer te informeren",
     d(2025, 3, 2), "voor de zomer", d(2025, 7, 3)),
    ("te onderzoeken hoe de regeling eenvoudiger kan, en de Kamer uiterlijk in juni 2025 te "
     "informeren", d(2025, 3, 2), "uiterlijk in juni 2025", d(2025, 6, 30)),
    ("te onderzoeken of het mogelijk is om voor 1 juli een regeling te treffen", d(2025, 3, 2),
     "voor 1 juli", d(2025, 6, 30)),
    ("te onderzoeken hoe de huur dit jaar kan worden bevroren, en daar uiterlijk bij de "
     "Voorjaarsnota over te rapporteren", d(2025, 2, 8), "uiterlijk bij de Voorjaarsnota",
     d(2025, 5, 31)),
    ("in het kader van de begrotingsbehandeling 2026 een overzicht te sturen", d(2025, 3, 2),
     "de begrotingsbehandeling 2026", d(2025, 12, 18)),
    ("in het kader van de evaluatie uiterlijk in juni 2025 de Kamer te informeren",
     d(2025, 3, 2), "uiterlijk in juni 2025", d(2025, 6, 30)),
    ("na overleg met de gemeenten in 2026 een regeling te treffen", d(2025, 3, 2), "in 2026",
     d(2026, 12, 31)),
    ("de Kamer na overleg met de sector voor 1 juli te informeren", d(2025, 3, 2), "voor 1 juli",
     d(2025, 6, 30)),
    ("in het jaar 2026 de regeling in te voeren", d(2025, 3, 2), "2026",
     d(2026, 12, 31)),
    ("de Kamer uiterlijk bij de aanbieding van de begroting van Defensie voor het jaar 2026 te "
     "informeren", d(2025, 3, 2), "2026", d(2026, 12, 31)),
    # "over uiterlijk <time>" is "binnen <time>" (DESIGN), as "uiterlijk over <time>".
    ("om over uiterlijk vijf jaar terug te keren naar 0,7% van het bni", d(2018, 11, 29),
     "over uiterlijk vijf jaar", d(2023, 11, 29)),
    ("over uiterlijk drie maanden een evaluatie te sturen", d(2025, 3, 2),
     "over uiterlijk drie maanden", d(2025, 6, 2)),
    # "dit voorjaar" in a request said long after this year's spring: the next spring.
    ("de definitieve visie dit voorjaar aan de Kamer voor te leggen", d(2019, 12, 5),
     "dit voorjaar", d(2020, 5, 31)),
    ("de Kamer uiterlijk dit voorjaar hierover te informeren", d(2014, 11, 19),
     "uiterlijk dit voorjaar", d(2015, 5, 31)),
    ("de Kamer deze zomer te informeren", d(2025, 12, 1), "deze zomer", d(2026, 8, 31)),
]


@pytest.mark.parametrize(("text", "today", "words", "end"), STAY_DEADLINES_EIGHTH)
def test_the_eighth_samples_rules_leave_the_requests_deadlines(text, today, words, end):
    period = parse_period(text, today)
    assert period is not None and (period.text, period.end) == (words, end)


@pytest.mark.parametrize(("text", "today"), [
    ("als dit voorjaar was beoogd", d(2025, 12, 5)),  # told as past: context still
    ("dit voorjaar is de wet ingegaan, en sindsdien voeren de gemeenten haar met veel inzet uit",
     d(2025, 12, 5)),
])
def test_this_spring_told_as_past_stays_context_late_in_the_year(text, today):
    assert parse_period(text, today) is None


# The words of a deadline field (the commitment's "Termijn (zoals gezegd)", a rappel answer's new
# expected date), typed after the date had passed: the date they name, so overdue.
DEADLINE_FIELDS = [
    ("naar verwachting 1 juni 2020", "1 juni 2020", d(2020, 6, 1)),
    ("verwacht: juni 2020", "juni 2020", d(2020, 6, 30)),
    ("streefdatum 1 juni 2020", "1 juni 2020", d(2020, 6, 1)),
    ("(naar verwachting) Q2 2020", "Q2 2020", d(2020, 6, 30)),
    ("Kamerbrief eind 2019", "eind 2019", d(2019, 12, 31)),
    ("uiterlijk 1 juni 2020", "uiterlijk 1 juni 2020", d(2020, 6, 1)),
    ("1 juni 2020", "1 juni 2020", d(2020, 6, 1)),
]


@pytest.mark.parametrize(("text", "words", "end"), DEADLINE_FIELDS)
def test_a_deadline_fields_past_time_keeps_its_period(text, words, end):
    period = parse_period(text, d(2020, 8, 3))
    assert period is not None and (period.text, period.end) == (words, end)


@pytest.mark.parametrize("text", [
    "bij brief van 3 april 2020",  # the date of a letter
    "Milieucriminaliteit (NOVA d.d. 12 januari 2020)",  # the date of a broadcast
    "afgerond in juni 2020",  # done, not due
    "dezelfde periode vorig jaar",  # a comparison
    "Kabinetsformatie 2019",  # a year in a name
])
def test_a_short_text_with_a_past_time_that_is_no_deadline_field_gives_none(text):
    assert parse_period(text, d(2020, 8, 3)) is None


# Kinds the ninth held-out sample found (after its blind run; not blind any more).
NINTH_DEADLINES = [
    # "voor de behandeling van de Voorjaarsnota": the debate on it comes after it, up to its end,
    # as "voor het debat over de Voorjaarsnota".
    ("de Kamer voor de behandeling van de Voorjaarsnota over de uitkomsten te informeren",
     d(2009, 11, 11), "voor de behandeling van de Voorjaarsnota", d(2009, 11, 11), d(2010, 5, 31)),
    ("dit overzicht voor behandeling van de Voorjaarsnota 2025 aan de Kamer te doen toekomen",
     d(2024, 10, 3), "voor behandeling van de Voorjaarsnota 2025", d(2024, 10, 3), d(2025, 5, 31)),
    # A ministry's abbreviation between the budget and its year: the year is the budget's.
    ("voor de begroting SZW 2021 met een voorstel te komen", d(2019, 11, 18),
     "voor de begroting SZW 2021", d(2019, 11, 18), d(2020, 10, 31)),
    ("bij de begroting OCW 2022 een voorstel te doen", d(2021, 3, 1),
     "bij de begroting OCW 2022", d(2021, 10, 1), d(2021, 12, 16)),
    # What the possibilities are for ends at its verb: a time after it is the request's.
    ("de mogelijkheden te onderzoeken om dit te regelen en de Kamer voor de zomer te informeren",
     d(2023, 10, 26), "voor de zomer", d(2023, 10, 26), d(2024, 7, 4)),
    ("om voor 1 juli 2024 te onderzoeken welke mogelijkheden er zijn om dit te regelen",
     d(2023, 10, 26), "voor 1 juli 2024", d(2023, 10, 26), d(2024, 6, 30)),
    ("in 2024 en volgende week het besluit te nemen", d(2023, 10, 26), "in 2024",
     d(2024, 1, 1), d(2024, 12, 31)),
]


@pytest.mark.parametrize(("text", "today", "words", "start", "end"), NINTH_DEADLINES)
def test_the_ninth_samples_deadlines(text, today, words, start, end):
    period = parse_period(text, today)
    assert period is not None and (period.text, period.start, period.end) == (words, start, end)


@pytest.mark.parametrize(("text", "today", "why"), [
    ("in VN-verband de mogelijkheden te onderzoeken om het congres in 2020 in Nederland te "
     "organiseren", d(2018, 11, 15), "vraag die onderzocht wordt"),
    ("alle juridische mogelijkheden in kaart te brengen om de productie uiterlijk in 2025 te "
     "stoppen en de Kamer hierover te informeren", d(2023, 10, 26), "vraag die onderzocht wordt"),
    ("de opties te verkennen om de regeling per 1 januari 2027 te verlengen", d(2025, 3, 2),
     "vraag die onderzocht wordt"),
    # "2021 en volgende": every budget from then on, the word "jaren" left out.
    ("ruimte voor de begroting SZW 2021 en volgende te reserveren", d(2019, 11, 18),
     "komt elk jaar terug"),
])
def test_the_ninth_samples_times_that_are_not_the_requests(text, today, why):
    assert parse_period(text, today) is None
    assert why in explain_period(text, today)


# Kinds the tenth held-out sample found (after its blind run; not blind any more). Each rule is
# about what the words mean, not about the sample's sentences: the sentences are constructed.
TENTH_NONE = [
    # A target the government is to work or steer towards: its year, also with "uiterlijk".
    ("toe te werken naar een verbod op plastic tasjes uiterlijk in 2027", d(2024, 5, 1),
     "doel waar naartoe gewerkt wordt"),
    ("aan te sturen op een halvering van het aantal verkeersdoden in 2030", d(2024, 5, 1),
     "doel waar naartoe gewerkt wordt"),
    ("in te zetten op een verdubbeling van het aantal laadpalen in 2028", d(2024, 5, 1),
     "doel waar naartoe gewerkt wordt"),
    # What a goal, target or ambition holds: its "dat", "die" or "om" clause.
    ("de ambitie te hanteren dat in 2030 alle huishoudens over glasvezel beschikken",
     d(2024, 3, 1), "wat een doel of ambitie inhoudt"),
    ("een reductiedoel vast te stellen voor de uitstoot (in ton) die in 2035 wordt bereikt",
     d(2024, 3, 1), "wat een doel of ambitie inhoudt"),
    ("duidelijk te maken hoe het doel om alle scholen te laten aansluiten in 2026 wordt gehaald",
     d(2024, 3, 1), "wat een doel of ambitie inhoudt"),
    ("het doel om in 2030 de helft minder afval te produceren te onderschrijven", d(2024, 3, 1),
     "afspraak, belofte of voornemen"),
    # (A test of the fifth sample's rules had this one as a deadline; above it now has the
    # request's own verb after it.)
    ("het doel te stellen dat de eerste SMR in Nederland in 2035 wordt gerealiseerd",
     d(2024, 11, 7), "wat een doel of ambitie inhoudt"),
    # A condition whose time comes first: "als in 2026 blijkt dat ...".
    ("maatregelen voor te bereiden die kunnen ingaan als in 2026 blijkt dat de cijfers niet "
     "verbeteren", d(2025, 3, 1), "voorwaarde"),
    # A relative clause about others, before the request's own verb.
    ("de gevolgen voor ouders die per 1 januari 2026 hun toeslag verliezen nauwlettend te volgen",
     d(2025, 3, 1), "beschrijft wat iets doet"),
    # "de voor dit jaar ... bestemde middelen": the time describes the noun after it.
    ("de voor 2025 voor jeugdzorg bestemde middelen over te hevelen", d(2025, 3, 1),
     "beschrijft iets dat erop volgt"),
    ("een startkapitaal te verstrekken uit de voor dit jaar bestemde middelen", d(2025, 3, 1),
     "beschrijft iets dat erop volgt"),
    # The horizon of a view: "een perspectief voor 2050", like "de doelstelling voor 2030".
    ("in het plan een perspectief voor 2040 te schetsen", d(2025, 1, 6), "hoort bij een naam"),
    ("een visie voor 2035 op te stellen", d(2025, 1, 6), "hoort bij een naam"),
]


@pytest.mark.parametrize(("text", "today", "why"), TENTH_NONE)
def test_the_tenth_samples_times_that_are_not_the_requests(text, today, why):
    assert parse_period(text, today) is None
    assert why in explain_period(text, today)


TENTH_DEADLINES = [
    # "kalenderjaar" is "jaar"; "voor/uiterlijk (aan) het einde van" a quarter, a half or a
    # season ends on its last day, as "voor het einde van het jaar" does (DESIGN).
    ("de Kamer voor het einde van dit kalenderjaar hierover te informeren", d(2020, 9, 23),
     "voor het einde van dit kalenderjaar", d(2020, 9, 23), d(2020, 12, 31)),
    ("uiterlijk eind volgend kalenderjaar een voorstel te doen", d(2024, 3, 1),
     "uiterlijk eind volgend kalenderjaar", d(2024, 3, 1), d(2025, 12, 31)),
    ("de Kamer uiterlijk aan het einde van het eerste kwartaal van 2025 te informeren",
     d(2024, 11, 6), "uiterlijk aan het einde van het eerste kwartaal van 2025", d(2024, 11, 6),
     d(2025, 3, 31)),
    ("voor het einde van de zomer een besluit te nemen", d(2025, 3, 4),
     "voor het einde van de zomer", d(2025, 3, 4), d(2025, 8, 31)),
    ("voor het einde van de tweede helft van 2025 te rapporteren", d(2025, 3, 4),
     "voor het einde van de tweede helft van 2025", d(2025, 3, 4), d(2025, 12, 31)),
    # Steering towards a target by a time counted from now, or before a time, is a deadline; so
    # is the request's own verb after an "en".
    ("in te zetten op het verlagen van de registratielast naar 30 % binnen twee jaar",
     d(2025, 7, 2), "binnen twee jaar", d(2025, 7, 2), d(2027, 7, 2)),
    ("aan te sturen op een akkoord met de sector voor 1 juli 2025", d(2025, 3, 1),
     "voor 1 juli 2025", d(2025, 3, 1), d(2025, 6, 30)),
    ("toe te werken naar een verbod en de Kamer in 2026 over de voortgang te informeren",
     d(2025, 3, 1), "in 2026", d(2026, 1, 1), d(2026, 12, 31)),
    # A month with its year names an occasion, not a target's horizon.
    ("toe te werken naar een akkoord op de top in juni 2025", d(2025, 3, 1), "in juni 2025",
     d(2025, 6, 1), d(2025, 6, 30)),
    # A goal with the request's deadline after it, or a goal to reach before or within a time.
    ("de ambitie te hanteren dat in 2030 alle huishoudens glasvezel hebben, en de Kamer voor de "
     "zomer te informeren", d(2025, 3, 1), "voor de zomer", d(2025, 3, 1), d(2025, 7, 3)),
    ("het doel vast te stellen dat de wachtlijsten binnen twee jaar zijn weggewerkt",
     d(2025, 3, 1), "binnen twee jaar", d(2025, 3, 1), d(2027, 3, 1)),
    # Another thing's clause after an "en": "een plan ... dat in het voorjaar naar de Kamer gaat".
    ("het klimaatdoel te halen en een plan te maken dat in het voorjaar van 2026 naar de Kamer "
     "gaat", d(2025, 3, 1), "in het voorjaar van 2026", d(2026, 3, 1), d(2026, 5, 31)),
    # "met als doel om": the request's own purpose, not a goal named as a thing.
    ("met als doel om deze te kunnen betrekken bij de aankomende voorjaarsbesluitvorming",
     d(2024, 11, 6), "bij de aankomende voorjaarsbesluitvorming", d(2025, 4, 1), d(2025, 5, 31)),
    # "zowel ... als" and "als ... was beoogd" are no condition.
    ("zowel in 2025 als in 2026 een rapportage te sturen", d(2026, 1, 10), "in 2026",
     d(2026, 1, 1), d(2026, 12, 31)),
    # "en die": the pronoun, with the request's own verb.
    ("een plan op te stellen en die voor 1 juli 2025 naar de Kamer te sturen", d(2025, 3, 1),
     "voor 1 juli 2025", d(2025, 3, 1), d(2025, 6, 30)),
    # Still to be done: "de voor 1 juli te nemen besluiten".
    ("de voor 1 juli 2025 te nemen besluiten voor te bereiden", d(2025, 3, 1),
     "voor 1 juli 2025", d(2025, 3, 1), d(2025, 6, 30)),
    # A view sent by a time.
    ("voor 2026 een visie op te stellen", d(2025, 1, 6), "voor 2026", d(2025, 1, 6),
     d(2025, 12, 31)),
    ("een visie voor de zomer naar de Kamer te sturen", d(2025, 1, 6), "voor de zomer",
     d(2025, 1, 6), d(2025, 7, 3)),
]


@pytest.mark.parametrize(("text", "today", "words", "start", "end"), TENTH_DEADLINES)
def test_the_tenth_samples_rules_leave_deadlines_alone(text, today, words, start, end):
    period = parse_period(text, today)
    assert period is not None and (period.text, period.start, period.end) == (words, start, end)

"""Offices, ministries and committees in the reader's language.

Their names are data, recorded in Dutch as the Kamer and the letters write them ("Staatssecretaris
van Volksgezondheid, Welzijn en Sport"), and stay so. For a reader of the English screens they are
shown as the Government of the Netherlands writes them in English: "State Secretary for Health,
Welfare and Sport", "Minister of Justice and Security" (a ministry's minister), "Minister for
Medical Care" (a minister without a ministry of their own), "Ministry of Infrastructure and Water
Management". The office words are in the catalogue (locale/en); the portfolios are official names,
kept here as one table. A name whose portfolio is not in the table stays as recorded: half a
translation ("Minister for Wonen en Rijksdienst") reads worse than none.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

# The words a name starts with; a title may join two offices ("Minister-president, Minister van
# Algemene Zaken").
OFFICE_WORDS = [("Vice-minister-president", _("Vice-minister-president")),
                ("Minister-president", _("Minister-president")),
                ("Staatssecretaris van", _("Staatssecretaris van")),
                ("Staatssecretaris voor", _("Staatssecretaris voor")),
                ("Minister van", _("Minister van")), ("Minister voor", _("Minister voor")),
                ("Ministerie van", _("Ministerie van")),
                ("Vaste commissie voor", _("Vaste commissie voor"))]

# The portfolios in English, as www.government.nl names them; the ministries of recent cabinets
# and their usual abbreviations, and the ministers for a portfolio without a ministry.
ENGLISH_PORTFOLIOS = {
    "Algemene Zaken": "General Affairs",
    "AZ": "General Affairs",
    "Asiel en Migratie": "Asylum and Migration",
    "Binnenlandse Zaken en Koninkrijksrelaties": "the Interior and Kingdom Relations",
    "Binnenlandse Zaken": "the Interior",
    "BZK": "the Interior and Kingdom Relations",
    "Buitenlandse Zaken": "Foreign Affairs",
    "BZ": "Foreign Affairs",
    "Defensie": "Defence",
    "Economische Zaken": "Economic Affairs",
    "EZ": "Economic Affairs",
    "Economische Zaken en Klimaat": "Economic Affairs and Climate Policy",
    "EZK": "Economic Affairs and Climate Policy",
    "Financiën": "Finance",
    "Infrastructuur en Waterstaat": "Infrastructure and Water Management",
    "IenW": "Infrastructure and Water Management",
    "Justitie en Veiligheid": "Justice and Security",
    "JenV": "Justice and Security",
    "Klimaat en Groene Groei": "Climate and Green Growth",
    "KGG": "Climate and Green Growth",
    "Landbouw, Natuur en Voedselkwaliteit": "Agriculture, Nature and Food Quality",
    "LNV": "Agriculture, Nature and Food Quality",
    "Landbouw, Visserij, Voedselzekerheid en Natuur":
        "Agriculture, Fisheries, Food Security and Nature",
    "LVVN": "Agriculture, Fisheries, Food Security and Nature",
    "Onderwijs, Cultuur en Wetenschap": "Education, Culture and Science",
    "OCW": "Education, Culture and Science",
    "Sociale Zaken en Werkgelegenheid": "Social Affairs and Employment",
    "SZW": "Social Affairs and Employment",
    "Volksgezondheid, Welzijn en Sport": "Health, Welfare and Sport",
    "VWS": "Health, Welfare and Sport",
    "Volkshuisvesting en Ruimtelijke Ordening": "Housing and Spatial Planning",
    "VRO": "Housing and Spatial Planning",
    # Ministers and state secretaries for a portfolio.
    "Medische Zorg": "Medical Care",
    "Medische Zorg en Sport": "Medical Care and Sport",
    "Langdurige Zorg, Jeugd en Sport": "Long-term Care, Youth and Sport",
    "Jeugd, Preventie en Sport": "Youth, Prevention and Sport",
    "Rechtsbescherming": "Legal Protection",
    "Buitenlandse Handel en Ontwikkelingssamenwerking":
        "Foreign Trade and Development Cooperation",
    "Primair en Voortgezet Onderwijs": "Primary and Secondary Education",
    "Klimaat en Energie": "Climate and Energy Policy",
    "Armoedebeleid, Participatie en Pensioenen": "Poverty Policy, Participation and Pensions",
    "Natuur en Stikstof": "Nature and Nitrogen",
}


def official_name(name):
    """An office, ministry or committee `name` as recorded, in English on the English screens
    when all of it is known: "Staatssecretaris van Volksgezondheid, Welzijn en Sport" is "State
    Secretary for Health, Welfare and Sport". Letters, exports and history, which render in
    Dutch, get the name as recorded."""
    if not (translation.get_language() or "").startswith("en"):
        return name
    return in_english(name.strip()) or name


def in_english(name):
    folded = name.casefold()
    for words, english in OFFICE_WORDS:
        if not folded.startswith(words.casefold()):
            continue
        rest = name[len(words):]
        if not rest.strip():
            return str(english)
        if rest.startswith(", "):
            other = in_english(rest[2:].strip())
            return other and f"{english}, {other}"
        portfolio = ENGLISH_PORTFOLIOS.get(rest.strip())
        return portfolio and f"{english} {portfolio}"
    return None

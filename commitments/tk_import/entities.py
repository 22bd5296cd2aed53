"""Which entity of the Kamer's open data a record is, told by the fields only that entity has.

The fields are those of the service's schema (`GET /OData/v4/2.0/$metadata`, entity types of
namespace TK.DA.GGM.OData; a copy harvested in October 2025 is `api_metadata.xml` in the public
repository tommyvanderwal/motiematcher). A file of one entity given to the import of another gets
a message that names what it is, rather than a list of missing fields.
"""

from __future__ import annotations

from collections import Counter

from commitments.tk_import.reading import FileRefused, Issue

# Fields that only that entity type has (among those the register reads or is likely given).
SIGNATURES = {
    "Toezegging": {"Aanmaakdatum", "DatumNakoming", "KamerbriefNakoming", "Ministerie",
                   "ToegezegdAan", "ToegezegdAanPersoon", "ToegezegdAanFractie"},
    "Document": {"DocumentNummer", "DatumRegistratie", "DatumOntvangst", "Aanhangselnummer",
                 "KenmerkAfzender", "HuidigeDocumentVersie_Id"},
    "Zaak": {"GestartOp", "Kabinetsappreciatie", "HuidigeBehandelstatus", "GrootProject",
             "Grondslagvoorhang", "Afgedaan"},
    "Besluit": {"BesluitSoort", "BesluitTekst", "StemmingsSoort", "Agendapunt_Id"},
    "Stemming": {"FractieGrootte", "Vergissing", "Besluit_Id", "SidActorFractie"},
    "ZaakActor": {"Zaak_Id", "ActorAfkorting"},
    "Persoon": {"Roepnaam", "Voornamen", "Geboortedatum", "Geboorteplaats", "Fractielabel"},
    "Fractie": {"AantalZetels", "AantalStemmen", "NaamEN"},
    "Kamerstukdossier": {"HoogsteVolgnummer", "Afgesloten", "Toevoeging"},
    "Activiteit": {"DatumSoort", "Aanvangstijd", "VRSNummer", "Voortouwnaam"},
    "Verslag": {"Vergadering_Id"},
}
# Where records of each entity belong in the register.
HOMES = {
    "Toezegging": "die horen bij import_tk_toezeggingen",
    "Document": "moties daaronder horen bij import_tk_moties",
    "Zaak": "een motie als Zaak, met haar stemming en indieners, haalt sync_tk op "
            "(--entity Zaak)",
}
HEAD = 20


def entity_of(record):
    """The entity type `record` is, or None when its fields do not tell."""
    keys = record.keys()
    scores = [(len(fields & keys), name) for name, fields in SIGNATURES.items()]
    best, name = max(scores)
    return name if best else None


def refuse_other_entity(records, name, *, wanted, needs, label):
    """Refuse a file at once when its first records are of another entity than `wanted`, with a
    message that says what they are; per-record checks deal with a stray record later on."""
    dicts = [record for record in records[:HEAD] if isinstance(record, dict)]
    if not dicts:
        return
    kinds = [entity_of(record) for record in dicts]
    if wanted in kinds or (not any(kinds) and any(needs <= record.keys() for record in dicts)):
        return
    found = sorted(set().union(*(record.keys() for record in dicts)))
    missing = sorted(needs - set(found))
    text = f"dit zijn geen {label}-records"
    if len(missing) == 1:
        text += f": het veld {missing[0]} ontbreekt"
    elif missing:
        text += f": de velden {', '.join(missing)} ontbreken"
    text += f" (gevonden: {', '.join(found[:12])}{', …' if len(found) > 12 else ''})."
    other = Counter(kind for kind in kinds if kind).most_common(1)
    if other:
        kind = other[0][0]
        text += f" Dit zijn {kind}-records" + (f"; {HOMES[kind]}." if kind in HOMES else ".")
    raise FileRefused(Issue(name, text))

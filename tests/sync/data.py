"""The records the replay server plays back, entity set by entity set.

Real, unchanged (tests/data/tk/real, from shared/data/real/tk-opendata): the 500 Motie
Documents as the service returns them without $expand, the ten tombstones, the page of 250
Zaak records of every Soort (49 of them motions). The Toezegging records are the project's
fixture pages (tests/data/tk), given an ApiGewijzigdOp where they lack one.

Built, in the shapes of the service's schema (`$metadata` of /OData/v4/2.0/, entity types of
namespace TK.DA.GGM.OData; a copy: api_metadata.xml in the public repository
tommyvanderwal/motiematcher), since the repository holds no recorded pages of them:
- Fractie (Id, Nummer, Afkorting, NaamNL, NaamEN, AantalZetels, …) for the parties named;
- Persoon (Id, Achternaam, Tussenvoegsel, Initialen, Roepnaam, Functie, …) for two members;
- two real Motie Zaken of the mixed page expanded as sync_tk asks for them:
  Kamerstukdossier (a collection: Nummer Edm.Int32, Toevoeging, Titel), ZaakActor (Relatie
  "Indiener"/"Medeindiener", ActorNaam, ActorFractie, Persoon_Id, Fractie_Id), Besluit
  (BesluitSoort, BesluitTekst, StemmingsSoort, AgendapuntZaakBesluitVolgorde, Status) with its
  Stemming rows (Soort "Voor"/"Tegen", ActorFractie, FractieGrootte, Vergissing, Fractie_Id)
  and Agendapunt/Activiteit (Datum). BesluitSoort "Stemmen - verworpen" and BesluitTekst
  "Verworpen." are the words real Besluit records use (a recorded response in a public
  project's tests has "Stemmen - aangenomen"/"Aangenomen.", "Stemmen - verworpen"/"Verworpen.",
  StemmingsSoort "Met handopsteken" and Status "Besluit"). The dossier numbers, votes and seats
  of these two are illustrative, not the historical ones;
- an Activiteit for the first Toezegging (Nummer, Soort, Onderwerp, Datum, Voortouwafkorting,
  Voortouwnaam);
- a Verslag record (Id, Soort, Status, ContentType, ContentLength, GewijzigdOp, ApiGewijzigdOp,
  Verwijderd, Vergadering_Id, with the expanded Vergadering: Id, Soort, Titel, Zaal,
  Vergaderjaar, VergaderingNummer, Datum, Aanvangstijd, Sluiting, Kamer) for each of the seven
  real VLOS reports of tests/data/vlos, its values taken from the report's own header (its
  soort, status, Timestamp and vergadering element) and its Id from the harvested file's name;
  the report itself is the record's file (`Verslag(<Id>)/resource`), unchanged.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from tests.imports.helpers import DATA


def load(name):
    payload = json.loads((DATA / name).read_text(encoding="utf-8"))
    return copy.deepcopy(payload["value"] if isinstance(payload, dict) else payload)


def made_up_id(text):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"kamerregister-test:{text}"))


PARTIES = [("PVV", "Partij voor de Vrijheid", 20), ("VVD", "Volkspartij voor Vrijheid en "
           "Democratie", 32), ("CDA", "Christen-Democratisch Appèl", 19), ("D66", "Democraten "
           "66", 19), ("SP", "Socialistische Partij", 14), ("GroenLinks", "GroenLinks", 14),
           ("PvdA", "Partij van de Arbeid", 9), ("ChristenUnie", "ChristenUnie", 5),
           ("PvdD", "Partij voor de Dieren", 5), ("SGP", "Staatkundig Gereformeerde Partij", 3),
           ("DENK", "DENK", 3), ("FvD", "Forum voor Democratie", 2),
           ("50PLUS", "50PLUS", 4)]


def fracties():
    return [{"Id": made_up_id(abbreviation), "Nummer": 2700 + n, "Afkorting": abbreviation,
             "NaamNL": name, "NaamEN": None, "AantalZetels": seats, "AantalStemmen": None,
             "DatumActief": "2017-03-23T00:00:00+01:00", "DatumInactief": None,
             "ContentType": None, "ContentLength": None,
             "GewijzigdOp": "2024-01-10T10:00:00+01:00",
             "ApiGewijzigdOp": f"2024-01-10T09:00:{n:02d}.0000000Z", "Verwijderd": False}
            for n, (abbreviation, name, seats) in enumerate(PARTIES)]


def persoon(surname, prefix, initials, first_name, n):
    return {"Id": made_up_id(f"persoon {surname}"), "Nummer": 4000 + n, "Titels": None,
            "Initialen": initials, "Tussenvoegsel": prefix, "Achternaam": surname,
            "Voornamen": first_name, "Roepnaam": first_name, "Geslacht": None,
            "Functie": "Tweede Kamerlid", "Geboortedatum": None, "Fractielabel": None,
            "GewijzigdOp": "2024-01-11T10:00:00+01:00",
            "ApiGewijzigdOp": f"2024-01-11T09:00:{n:02d}.0000000Z", "Verwijderd": False}


def personen():
    return [persoon("Maeijer", None, "V.A.", "Vicky", 1),
            persoon("Wilders", None, "G.", "Geert", 2),
            persoon("Kostić", None, "I.", "Ines", 3)]


def stemming(besluit, abbreviation, vote, seats):
    return {"Id": made_up_id(f"stemming {besluit} {abbreviation}"), "Besluit_Id": besluit,
            "Soort": vote, "FractieGrootte": seats, "ActorNaam": abbreviation,
            "ActorFractie": abbreviation, "Vergissing": False, "SidActorLid": None,
            "SidActorFractie": None, "Persoon_Id": None, "Fractie_Id": made_up_id(abbreviation),
            "GewijzigdOp": "2024-02-19T10:59:02+01:00",
            "ApiGewijzigdOp": "2024-02-19T12:00:00.0000000Z", "Verwijderd": False}


def besluit(zaak, soort, tekst, against, on):
    besluit_id = made_up_id(f"besluit {zaak['Id']}")
    return {"Id": besluit_id, "Agendapunt_Id": made_up_id(f"agendapunt {zaak['Id']}"),
            "StemmingsSoort": "Met handopsteken", "BesluitSoort": soort, "BesluitTekst": tekst,
            "Opmerking": None, "Status": "Besluit", "AgendapuntZaakBesluitVolgorde": 1,
            "GewijzigdOp": "2024-02-19T10:59:02+01:00",
            "ApiGewijzigdOp": "2024-02-19T12:00:00.0000000Z", "Verwijderd": False,
            "Stemming": [stemming(besluit_id, abbreviation, "Tegen" if abbreviation in against
                                  else "Voor", seats)
                         for abbreviation, _name, seats in PARTIES],
            "Agendapunt": {"Id": made_up_id(f"agendapunt {zaak['Id']}"),
                           "Activiteit": {"Id": made_up_id(f"stemmingen {on}"),
                                          "Soort": "Stemmingen", "Datum": f"{on}T00:00:00+02:00",
                                          "Nummer": "2019A01234"}}}


def actor(relation, name, party, tk_id):
    return {"Id": made_up_id(f"actor {name}"), "ActorNaam": name, "ActorFractie": party,
            "ActorAfkorting": None, "Functie": "Tweede Kamerlid", "Relatie": relation,
            "SidActor": None, "Persoon_Id": tk_id, "Fractie_Id": made_up_id(party),
            "Commissie_Id": None, "Verwijderd": False}


def expanded_zaken(zaken):
    """Two real Motie Zaken of the mixed page, expanded (the rest stays as recorded)."""
    by_number = {zaak["Nummer"]: zaak for zaak in zaken}
    pulse = by_number["2019Z08689"]  # Maeijer en Wilders, pulsvisserij (Europese Raad)
    pulse.update(
        Kamerstukdossier=[{"Id": made_up_id("dossier 21501-20"), "Titel": "Europese Raad",
                           "Citeertitel": None, "Alias": None, "Nummer": 21501,
                           "Toevoeging": "20", "HoogsteVolgnummer": 1500, "Afgesloten": False,
                           "Kamer": "Tweede Kamer", "Verwijderd": False}],
        # The Medeindiener first, as the service may give them: the Indiener is still first.
        ZaakActor=[actor("Medeindiener", "G. Wilders", "PVV", made_up_id("persoon Wilders")),
                   actor("Indiener", "V.A. Maeijer", "PVV", made_up_id("persoon Maeijer")),
                   actor("Voortouwcommissie", "vaste commissie voor Europese Zaken", None,
                         None)],
        Besluit=[besluit(pulse, "Stemmen - verworpen", "Verworpen.",
                         {"VVD", "CDA", "D66", "GroenLinks", "PvdA", "ChristenUnie", "PvdD",
                          "SP", "DENK"}, "2019-05-07")],
        Document=[])
    daesh = by_number["2015Z13591"]  # Kuzu, Daesh (Bestrijding internationaal terrorisme)
    daesh.update(
        Kamerstukdossier=[{"Id": made_up_id("dossier 27925"), "Titel": "Bestrijding "
                           "internationaal terrorisme", "Citeertitel": None, "Alias": None,
                           "Nummer": 27925, "Toevoeging": None, "HoogsteVolgnummer": 600,
                           "Afgesloten": False, "Kamer": "Tweede Kamer", "Verwijderd": False}],
        ZaakActor=[actor("Indiener", "T. Kuzu", "GrKÖ", None)],
        Besluit=[besluit(daesh, "Stemmen - aangenomen", "Aangenomen.", {"VVD"}, "2015-07-07")],
        Document=[])
    return zaken


def toezeggingen():
    records = load("toezeggingen-page1.json") + load("toezeggingen-page2.json")
    for n, record in enumerate(records):
        record.setdefault("ApiGewijzigdOp", f"2025-03-01T08:00:{n:02d}.0000000Z")
    records[0]["Activiteit"] = [{
        "Id": made_up_id("activiteit 2024A05766"), "Soort": "Commissiedebat",
        "Nummer": "2024A05766", "Onderwerp": "Scheepvaart", "DatumSoort": "Dag",
        "Datum": "2024-12-10T00:00:00+01:00", "Aanvangstijd": "2024-12-10T10:00:00+01:00",
        "Eindtijd": "2024-12-10T14:00:00+01:00", "Locatie": "Thorbeckezaal", "Besloten": False,
        "Status": "Uitgevoerd", "Vergaderjaar": "2024-2025", "Kamer": "Tweede Kamer",
        "Voortouwafkorting": "IenW", "Voortouwnaam": "vaste commissie voor Infrastructuur en "
        "Waterstaat", "Verwijderd": False}]
    return records


VLOS = DATA.parent / "vlos"
_NS = "{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}"


def utc(moment):
    """A report's local time ("2025-07-10T15:39:17.4072196+02:00") as the service's
    ApiGewijzigdOp in UTC, to seven decimals."""
    local = datetime.fromisoformat(re.sub(r"(\.[0-9]{6})[0-9]+", r"\1", moment))
    return local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f0Z")


def verslag(path):
    """The Verslag record of a real report, expanded with its Vergadering (see above)."""
    data = path.read_bytes()
    root = ET.fromstring(data)  # noqa: S314 (the repository's own test files)
    meeting = root.find(f"{_NS}vergadering")
    text = {name: meeting.findtext(f"{_NS}{name}") for name in (
        "titel", "zaal", "vergaderjaar", "vergaderingnummer", "datum", "aanvangstijd", "sluiting")}
    changed = root.get("Timestamp")
    return {
        "Id": path.name.split("_")[1], "Soort": root.get("soort"), "Status": root.get("status"),
        "ContentType": "text/xml", "ContentLength": len(data), "GewijzigdOp": changed,
        "ApiGewijzigdOp": utc(changed), "Verwijderd": False,
        "Vergadering_Id": meeting.get("objectid"),
        "Vergadering": {
            "Id": meeting.get("objectid"), "Soort": meeting.get("soort"),
            "Titel": text["titel"], "Zaal": text["zaal"], "Vergaderjaar": text["vergaderjaar"],
            "VergaderingNummer": int(text["vergaderingnummer"] or 0),
            "Datum": f"{text['datum']}+02:00", "Aanvangstijd": f"{text['aanvangstijd']}+02:00",
            "Sluiting": f"{text['sluiting']}+02:00", "Kamer": meeting.get("kamer"),
            "GewijzigdOp": changed, "ApiGewijzigdOp": utc(changed), "Verwijderd": False}}


def reports():
    """{Id: (the Verslag record, the report's bytes)} of the seven real reports."""
    found = {}
    for path in sorted(VLOS.glob("verslag_*.xml")):
        record = verslag(path)
        found[record["Id"]] = (record, path.read_bytes())
    return found


def service():
    """{entity set: records} as the replay server serves them on a first run."""
    return {
        "Fractie": fracties(),
        "Persoon": personen(),
        "Document": load("real/document_motie_page.json") + load("real/document_tombstones.json"),
        "Zaak": expanded_zaken(load("real/zaak_page_mixed.json")),
        "Toezegging": toezeggingen(),
        "Verslag": [record for record, _xml in reports().values()],
    }

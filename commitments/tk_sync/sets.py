"""The entity sets sync_tk follows, in the order it follows them, and what it asks of each.

Names, navigations and `$expand` shapes are those of the service's schema (`$metadata` of
/OData/v4/2.0/; a copy is api_metadata.xml in the public repository
tommyvanderwal/motiematcher). Every set is asked for the records changed since the cursor, in
the order of that change (`ApiGewijzigdOp`). A filter on Soort also lets tombstones through
(`Verwijderd eq true`): a withdrawn record has every other field null, Soort too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

from commitments.tk_import.members import (
    FractieImport,
    PersoonImport,
    parse_fractie,
    parse_persoon,
)
from commitments.tk_import.moties import MotieImport, parse_motie
from commitments.tk_import.toezeggingen import ToezeggingImport, parse_toezegging
from commitments.tk_import.zaken import parse_zaak
from commitments.tk_sync.reports import (
    VerslagImport,
    first_since,
    followed_committees,
    parse_verslag,
)


@dataclass(frozen=True)
class EntitySet:
    name: str  # as the service and --entity name it
    label: str  # for people
    parse: object
    importer: object
    soort: str = ""
    expand: str = ""
    # Why the set is not followed now ("" when it is), and where a first run starts (None: at
    # the beginning); callables, as settings may change.
    disabled: object = None
    first_since: object = None

    def params(self, since):
        """The query of the records changed since `since` (an aware datetime, or None)."""
        conditions = []
        if since is not None:
            conditions.append(f"ApiGewijzigdOp ge {odata_moment(since)}")
        if self.soort:
            conditions.append(f"(Soort eq '{self.soort}' or Verwijderd eq true)")
        params = {"$orderby": "ApiGewijzigdOp"}
        if conditions:
            params["$filter"] = " and ".join(conditions)
        if self.expand:
            params["$expand"] = self.expand
        return params


def odata_moment(moment):
    """An aware datetime as an OData DateTimeOffset literal in UTC, to the microsecond."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


SETS = [
    # People and parties first: the motions and commitments after them find them by their Id.
    EntitySet("Fractie", "Fracties", parse_fractie, FractieImport),
    EntitySet("Persoon", "Personen", parse_persoon, PersoonImport),
    EntitySet("Document", "Moties (Document)", parse_motie, MotieImport, soort="Motie",
              expand="Kamerstukdossier"),
    # The decision (Besluit) and its votes (Stemming) with the date of the vote from the
    # agenda item's activity; the motion's own Document, to find it again by its Id.
    EntitySet("Zaak", "Moties (Zaak, met stemming)", parse_zaak, MotieImport, soort="Motie",
              expand="Kamerstukdossier,ZaakActor,"
                     "Besluit($expand=Stemming,Agendapunt($expand=Activiteit)),"
                     "Document($select=Id,Soort,DocumentNummer)"),
    EntitySet("Toezegging", "Toezeggingen", parse_toezegging, ToezeggingImport,
              expand="Activiteit,ToegezegdAanPersoon,ToegezegdAanFractie,"
                     "IsHerhalingVan($select=Id),IsWijzigingVan($select=Id),"
                     "IsAanvullingOp($select=Id)"),
    # Debate reports of the committees the ministry follows: their chairs' lists of
    # commitments to the review of proposals (tk_sync.reports).
    EntitySet("Verslag", "Verslagen (voorgestelde toezeggingen)", parse_verslag, VerslagImport,
              expand="Vergadering", first_since=first_since,
              disabled=lambda: "" if followed_committees() else
              "er zijn geen gevolgde commissies ingesteld (TK_FOLLOWED_COMMITTEES)"),
]
BY_NAME = {entity.name.casefold(): entity for entity in SETS}

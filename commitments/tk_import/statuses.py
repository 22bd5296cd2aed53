"""The Kamer's status words, which of ours agree with them, and where the two registers differ."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Q

from commitments.models import OPEN_STATUSES, Commitment, Status

# The Kamer's status words (both vocabularies: the Tweede Kamer's Afgedaan, the older and the Eerste
# Kamer's Voldaan), compared without regard to capitals: the Kamer writes "Deels Afgedaan", the
# Eerste Kamer "Deels voldaan".
KAMER_STATUSES = {
    "openstaand": Status.OPEN,
    "afgedaan": Status.DONE,
    "voldaan": Status.DONE,
    "deels afgedaan": Status.PARTLY_DONE,
    "deels voldaan": Status.PARTLY_DONE,
    "vervallen": Status.LAPSED,
}
KAMER_WORDS = "Openstaand, Afgedaan, Deels Afgedaan, Vervallen, Voldaan, Deels Voldaan"
# Written into tk_status when the Kamer withdrew a record we hold.
DELETED = "Verwijderd"
# Which of our statuses agree with each of the Kamer's: "in uitvoering" is ours alone, the Kamer
# still sees Openstaand (DESIGN.md, "Statuses").
AGREES_WITH = {
    Status.OPEN: set(OPEN_STATUSES) - {Status.PARTLY_DONE},
    Status.DONE: {Status.DONE},
    Status.PARTLY_DONE: {Status.PARTLY_DONE},
    Status.LAPSED: {Status.LAPSED},
}


# --- Differences with the Kamer -------------------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    commitment: Commitment
    chamber: str
    word: str
    modified: datetime | None


def kamer_agrees(word, status):
    """Whether the Kamer's word says the same as our status; an empty word says nothing."""
    if not word:
        return True
    kamer = KAMER_STATUSES.get(" ".join(word.split()).casefold())
    return kamer is not None and status in AGREES_WITH[kamer]


def differs_q(field_name):
    q = Q(**{f"{field_name}__iexact": DELETED})
    for word, kamer in KAMER_STATUSES.items():
        q |= Q(**{f"{field_name}__iexact": word}) & ~Q(status__in=AGREES_WITH[kamer])
    return q


def kamer_differences():
    """Commitments whose status at the Tweede or Eerste Kamer differs from ours: one query."""
    commitments = Commitment.objects.filter(differs_q("tk_status") | differs_q("ek_status")) \
        .order_by(F("tk_modified").desc(nulls_last=True), "number")
    rows = []
    for commitment in commitments:
        if not kamer_agrees(commitment.tk_status, commitment.status):
            rows.append(Difference(commitment, "Tweede Kamer", commitment.tk_status,
                                   commitment.tk_modified))
        if not kamer_agrees(commitment.ek_status, commitment.status):
            rows.append(Difference(commitment, "Eerste Kamer", commitment.ek_status, None))
    return rows

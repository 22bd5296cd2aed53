"""Where the Kamer's register and ours differ: the commitments and the motion votes
/verschillen/ lists.

The words and which of our statuses agree with them are in commitments.vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Q

from commitments.models import Commitment, Motion
from commitments.vocabulary import AGREES_WITH, DELETED, KAMER_STATUSES, kamer_agrees


@dataclass(frozen=True)
class Difference:
    commitment: Commitment
    chamber: str
    word: str
    modified: datetime | None


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


def vote_differences():
    """Motions whose vote as the Kamer records it (MotionVote) differs from ours in outcome, or
    in date where the Kamer gives one: a vote the workflow does not let us follow, or one dated
    before the motion was filed (tk_import.moties keeps ours). One query."""
    other_date = Q(vote__decided_on__isnull=False) & (
        Q(voted_on__isnull=True) | ~Q(voted_on=F("vote__decided_on")))
    return Motion.objects.filter(vote__isnull=False).filter(
        ~Q(vote_outcome=F("vote__outcome")) | other_date).select_related("dossier", "vote") \
        .order_by("dossier__number", "number", "pk")

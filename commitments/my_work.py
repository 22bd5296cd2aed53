"""What a user must act on: their open commitments and motions, what of it is overdue, and what
waits for them elsewhere (a letter to approve or to revise).

Letters live above this app (DESIGN.md "Architecture"), so what waits there is asked of the
sources they register here (`add_waiting_source`), the way commitments.related works.
"""

from dataclasses import dataclass, field

from django.db.models import F

from commitments.models import OPEN_EXECUTIONS, Commitment, Motion


@dataclass(frozen=True)
class Waiting:
    """One thing that waits for the user: what, the step to take, and where to take it."""

    title: str
    action: str
    url: str
    note: str = ""
    since: object = None  # a datetime, when known


WAITING_SOURCES = []


def add_waiting_source(source):
    """`source(user)` returns the Waiting items of a higher app for that user."""
    if source not in WAITING_SOURCES:
        WAITING_SOURCES.append(source)


def waiting_for(user):
    return [item for source in WAITING_SOURCES for item in source(user)]


@dataclass
class MyWork:
    commitments: list
    motions: list
    waiting: list
    overdue: list = field(default_factory=list)

    @property
    def empty(self):
        return not (self.commitments or self.motions or self.waiting)


def my_work(user, today):
    """The user's open commitments (deadline first), their adopted motions not yet executed,
    and what waits for them: a few queries, whatever the numbers."""
    commitments = list(Commitment.objects.open().filter(owner=user).for_list()
                       .order_by(F("deadline_end").asc(nulls_last=True), "number"))
    motions = list(Motion.objects.filter(owner=user, execution_status__in=OPEN_EXECUTIONS)
                   .for_list().prefetch_related("submitter_rows__person__offices",
                                                "submitter_rows__party"))
    return MyWork(commitments=commitments, motions=motions, waiting=waiting_for(user),
                  overdue=[c for c in commitments if c.is_overdue(today)])


def has_work(user):
    """Whether the user owns anything open or has something waiting: they start on My work."""
    return (Commitment.objects.open().filter(owner=user).exists()
            or Motion.objects.filter(owner=user, execution_status__in=OPEN_EXECUTIONS).exists()
            or bool(waiting_for(user)))

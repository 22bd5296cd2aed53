"""What a user must act on: their open commitments and motions, what of it is overdue, and what
waits for them elsewhere (a letter to approve or to revise, a stage of their law track).

Letters and law tracks live above this app (DESIGN.md "Architecture"), so what waits there is
asked of the sources they register here (`add_waiting_source`, `add_work_section`), the way
commitments.related works.
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


@dataclass(frozen=True)
class WorkSection:
    """A part of My work that a higher app fills: `rows(user, today)` is what the user owns there
    (a list; an empty one is not shown) and `template` shows it, given `rows`."""

    template: str
    rows: object


WORK_SECTIONS = []


def add_work_section(section):
    if section not in WORK_SECTIONS:
        WORK_SECTIONS.append(section)


def work_sections(user, today):
    """[(template, rows)] of the sections in which the user owns something."""
    found = [(section.template, section.rows(user, today)) for section in WORK_SECTIONS]
    return [(template, rows) for template, rows in found if rows]


@dataclass
class MyWork:
    commitments: list
    motions: list
    waiting: list
    overdue: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # [(template, rows)], from higher apps

    @property
    def empty(self):
        return not (self.commitments or self.motions or self.waiting or self.sections)


def my_work(user, today):
    """The user's open commitments (deadline first), their adopted motions not yet executed,
    what waits for them and what they own in higher apps: a few queries, whatever the
    numbers."""
    commitments = list(Commitment.objects.open().filter(owner=user).for_list()
                       .order_by(F("deadline_end").asc(nulls_last=True), "number"))
    motions = list(Motion.objects.filter(owner=user, execution_status__in=OPEN_EXECUTIONS)
                   .for_list().prefetch_related("submitter_rows__person__offices",
                                                "submitter_rows__party"))
    return MyWork(commitments=commitments, motions=motions, waiting=waiting_for(user),
                  overdue=[c for c in commitments if c.is_overdue(today)],
                  sections=work_sections(user, today))


def has_work(user, today):
    """Whether the user owns anything open or has something waiting: they start on My work."""
    return (Commitment.objects.open().filter(owner=user).exists()
            or Motion.objects.filter(owner=user, execution_status__in=OPEN_EXECUTIONS).exists()
            or bool(waiting_for(user)) or bool(work_sections(user, today)))

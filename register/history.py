"""History for every tracked model: who, when, why, and whether a person or an import made it."""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.dispatch import receiver
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record


class ChangeSource(models.TextChoices):
    PERSON = "person", _("persoon")
    IMPORT = "import", _("import")


class HistoryBase(models.Model):
    """Abstract base of every historical model: an import must tell "changed by us" apart."""

    change_source = models.CharField(
        _("bron"), max_length=10, choices=ChangeSource.choices, default=ChangeSource.PERSON
    )

    class Meta:
        abstract = True


class CorrectableHistoryBase(HistoryBase):
    """The history of a record whose values a clerk may correct: a correction sets what should
    have been recorded (a wrong vote date, a wrong delivering document), so reports that count
    changes of status leave it out and the timeline shows it as a correction."""

    is_correction = models.BooleanField(_("correctie"), default=False)

    class Meta:
        abstract = True


def tracked_history(*, correctable=False, **kwargs):
    return HistoricalRecords(bases=[CorrectableHistoryBase if correctable else HistoryBase],
                             **kwargs)


@receiver(pre_create_historical_record)
def set_change_source(sender, instance, history_instance, **kwargs):
    history_instance.change_source = getattr(instance, "_change_source", ChangeSource.PERSON)
    if isinstance(history_instance, CorrectableHistoryBase):
        history_instance.is_correction = getattr(instance, "_correction", False)


def save_with_history(obj, *, by, reason, source=ChangeSource.PERSON, at=None, correction=False,
                      **save_kwargs):
    """Save `obj` so that its history row names the user, the reason and the source.

    Commands and imports have no request, so the user is always passed explicitly; `at` dates
    the history row when a past event is replayed (demo data, an import that knows the date);
    `correction` marks a correction (CorrectableHistoryBase). The attributes are removed
    afterwards: a later save must not reuse them.
    """
    obj._history_user = by
    obj._change_reason = reason
    obj._change_source = source
    obj._correction = correction
    if at is not None:
        obj._history_date = at
    try:
        obj.save(**save_kwargs)
    finally:
        for attr in ("_history_user", "_change_reason", "_change_source", "_history_date",
                     "_correction"):
            obj.__dict__.pop(attr, None)
    return obj


def dutch_reason(message, **params):
    """A reason the register writes itself, in Dutch whatever the language of the screens: the
    history is one record, read by colleagues in either language, and the letters quote it.

    `message` is a Dutch msgid marked with gettext_noop (the timeline shows a reason without
    parameters translated); the parameters are made text in Dutch too (a label, a motion).
    """
    with translation.override("nl"):
        return message % {name: str(value) for name, value in params.items()}


def delete_with_history(obj, *, by, reason, source=ChangeSource.PERSON):
    """Delete `obj`; its last history row (type "-") names the user and the reason."""
    obj._history_user, obj._change_reason, obj._change_source = by, reason, source
    obj.delete()


# Bookkeeping fields that change on every save and say nothing to a reader of the timeline.
UNINTERESTING = {"id", "version", "updated_at", "created_at", "deadline_parsed_start",
                 "deadline_parsed_end"}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class TimelineEntry:
    record: object
    changes: list[Change] = field(default_factory=list)
    # False: the row of a part shown in its owner's timeline (a letter's section), whose
    # creation is no creation of the owner.
    own: bool = True

    @property
    def created(self):
        return self.own and self.record.history_type == "+"


def timeline(obj):
    """The history of `obj`, newest first, each entry with the fields it changed (old → new).

    One query for the history and one per kind of related object named in it, whatever the
    length of the history.
    """
    records = list(obj.history.select_related("history_user").order_by("history_date",
                                                                         "history_id"))
    kept = {f.attname for f in obj.history.model._meta.concrete_fields}
    fields = [f for f in type(obj)._meta.concrete_fields
              if f.attname in kept and f.attname not in UNINTERESTING]
    related = _related_objects(records, fields)
    entries, previous = [], None
    for record in records:
        entry = TimelineEntry(record)
        if previous is not None:
            for f in fields:
                old, new = getattr(previous, f.attname), getattr(record, f.attname)
                if old != new:
                    entry.changes.append(Change(str(f.verbose_name), _display(f, old, related),
                                                _display(f, new, related)))
        entries.append(entry)
        previous = record
    return entries[::-1]


def _related_objects(records, fields):
    related = {}
    for f in fields:
        if f.is_relation:
            ids = {getattr(record, f.attname) for record in records} - {None}
            related[f.attname] = f.related_model._default_manager.in_bulk(ids) if ids else {}
    return related


def _display(f, value, related):
    if value in (None, ""):
        return "—"
    if f.is_relation:
        return str(related[f.attname].get(value, _("#%(id)s (verwijderd)") % {"id": value}))
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("ja") if value else _("nee"))
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return str(value)

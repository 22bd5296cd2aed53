"""A letter's timeline: its own history rows with the changes of its sections and items folded in.

Sections and items have history rows of their own (who, when, old → new). A reader of the letter
wants them in the letter's timeline: "section ‘Onderzoeken’: text a → b", "TZ-VWS-2020-001: doet
af nee → ja", an item added, removed or moved. Every screen that changes a part saves the letter
too, in the same transaction (a new version, the reason), so a part's changes join the letter's
row written by the same person seconds before; a part changed on its own (the admin) gets an
entry of its own. A fixed number of queries, whatever the length of the history.
"""

import datetime

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from letters.models import LetterItem, LetterSection, item_ident
from register.history import (
    UNINTERESTING,
    Change,
    TimelineEntry,
    _display,
    _related_objects,
    timeline,
)

# A part's row joins the letter's row of the same save: one transaction, the same person.
SAME_SAVE = datetime.timedelta(seconds=5)
# What never changes on a part, or says nothing to a reader.
FIXED = {"letter", "commitment", "motion", "law_track"}


def section_name(record):
    return _("Sectie ‘%(title)s’") % {"title": Truncator(record.title).chars(60)}


def item_name(record):
    return _("Onderdeel %(name)s") % {"name": item_ident(record)}


def letter_timeline(letter):
    """The letter's timeline (register.history.timeline), newest first, with its sections' and
    items' changes (see the module's docstring)."""
    entries = timeline(letter)[::-1]
    loose = []
    parts = [
        (LetterSection.history.filter(letter_id=letter.pk), section_name),
        (LetterItem.history.filter(letter_id=letter.pk)
         .select_related("commitment", "motion__dossier", "law_track"), item_name),
    ]
    for records, name in parts:
        records = list(records.select_related("history_user").order_by("history_date",
                                                                        "history_id"))
        for record, changes in part_changes(records, name):
            owner = owner_entry(entries, record)
            if owner is None:
                loose.append(TimelineEntry(record, changes, own=False))
            elif not owner.created:  # parts made with the letter are its composition
                owner.changes += changes
    return sorted(entries + loose, key=lambda entry: (entry.record.history_date,
                                                      entry.own), reverse=True)


def part_changes(records, name):
    """(record, [Change]) for each history row of a letter's sections or items: added, removed,
    or the fields changed since the same part's previous row."""
    if not records:
        return
    model = type(records[0])
    fields = [f for f in model.instance_type._meta.concrete_fields
              if f.attname not in UNINTERESTING and f.name not in FIXED]
    related = _related_objects(records, fields)
    previous = {}
    for record in records:
        before, previous[record.id] = previous.get(record.id), record
        label = name(record)
        if record.history_type == "+":
            yield record, [Change(label, "—", _("toegevoegd"))]
        elif record.history_type == "-":
            yield record, [Change(label, _("in de brief"), _("verwijderd"))]
        elif before is not None:
            changes = [Change(f"{label}: {f.verbose_name}", _display(f, old, related),
                              _display(f, new, related))
                       for f in fields
                       for old, new in [(getattr(before, f.attname), getattr(record, f.attname))]
                       if old != new]
            if changes:
                yield record, changes


def owner_entry(entries, record):
    """The letter's entry written in the same save as the part's row: the latest one by the
    same person at most SAME_SAVE before it (entries oldest first)."""
    for entry in reversed(entries):
        mine = entry.record
        if mine.history_date > record.history_date:
            continue
        if record.history_date - mine.history_date > SAME_SAVE:
            return None
        if mine.history_user_id == record.history_user_id:
            return entry
    return None

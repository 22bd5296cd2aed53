"""Saving tracks and stages from the forms: one transaction, history with reason, no lost update.

Links (commitments, motions, documents) are many-to-many and have no history rows of their
own, so the change of links is written into the reason of the track's or stage's history row.
"""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_noop

from legislation.models import LawTrack, Stage
from legislation.stage_templates import ORDER_STEP, Instrument
from register.forms import save_topics
from register.history import dutch_reason, save_with_history

# The labels go into history reasons, which are Dutch (register.history.dutch_reason).
TRACK_LINKS = [("co_ministries", gettext_noop("medeverantwoordelijk")),
               ("commitments", gettext_noop("toezeggingen")), ("motions", gettext_noop("moties"))]


def link_changes(label, before, after):
    """"toezeggingen: + TZ-JenV-2020-001; − TZ-VWS-2019-003", or "" when nothing changed."""
    with translation.override("nl"):
        added = [str(item) for item in after if item not in before]
        removed = [str(item) for item in before if item not in after]
    if not (added or removed):
        return ""
    parts = [f"+ {name}" for name in added] + [f"− {name}" for name in removed]
    return f"{label}: {'; '.join(parts)}"


def with_link_changes(reason, changes):
    changes = [change for change in changes if change]
    return f"{reason} ({'. '.join(changes)})" if changes else reason


def lawtrack_save(*, form, by) -> LawTrack:
    """Create (with the stages of its instrument) or edit a track from a valid LawTrackForm.

    Raises StaleEdit when someone else saved the track after the form was opened.
    """
    track, data = form.instance, form.cleaned_data
    creating = track.pk is None
    with transaction.atomic():
        if creating:
            before = {name: set() for name, _label in TRACK_LINKS}
            default = gettext_noop("Wetgevingstraject geregistreerd")
        else:
            track.locked_copy(data["version"])
            before = {name: set(getattr(track, name).all()) for name, _label in TRACK_LINKS}
            default = gettext_noop("Gegevens bijgewerkt")
        changes = [link_changes(label, before[name], list(data[name]))
                   for name, label in TRACK_LINKS]
        reason = with_link_changes(data.get("reason") or default, [] if creating else changes)
        save_with_history(track, by=by, reason=reason)
        for name, _label in TRACK_LINKS:
            getattr(track, name).set(data[name])
        save_topics(track, data["topic_list"])
        if creating:
            track.add_template_stages(
                by=by, include_optional=data.get("include_optional", True),
                reason=dutch_reason(gettext_noop("Fase uit het sjabloon voor: %(instrument)s"),
                                    instrument=Instrument(track.instrument).label))
    return track


def stage_save(*, form, by) -> Stage:
    """Edit a stage (name, kind, skipped, note, documents); the track's state follows."""
    stage, data = form.instance, form.cleaned_data
    with transaction.atomic():
        stage.locked_copy(data["version"])
        documents = list(data["documents"])
        documents += [document for document in form.new_documents(by=by, reason=data["reason"])
                      if document not in documents]
        change = link_changes(gettext_noop("documenten"), set(stage.documents.all()), documents)
        save_with_history(stage, by=by, reason=with_link_changes(data["reason"], [change]))
        stage.documents.set(documents)
        stage.track.refresh_state(by=by, reason=data["reason"])
    return stage


def stage_add(*, track, form, by) -> Stage:
    """Add a stage after the chosen one (or first); numbers are renumbered only when full."""
    data = form.cleaned_data
    with transaction.atomic():
        track = track.locked_copy()
        stages = list(track.stages.order_by("order", "pk"))
        after = data["after"]
        index = next((i + 1 for i, stage in enumerate(stages) if stage == after), 0)
        order = free_order(stages, index, by=by)
        stage = form.instance
        stage.track, stage.order = track, order
        if data["planned_text"]:
            stage.planned_text, stage.planned_on = data["planned_text"], data["stated_on"]
        save_with_history(stage, by=by, reason=data["reason"])
        track.refresh_state(by=by, reason=data["reason"])
    return stage


def free_order(stages, index, *, by):
    """An order number for a new stage at position `index`, between its neighbours."""
    before = stages[index - 1].order if index > 0 else 0
    if index == len(stages):
        return before + ORDER_STEP
    after = stages[index].order
    if after - before > 1:
        return (before + after) // 2
    for number, stage in enumerate(stages, start=1):
        stage.order = number * ORDER_STEP + (ORDER_STEP if number > index else 0)
        save_with_history(stage, by=by, reason=gettext_noop("Fasen opnieuw genummerd"))
    return (index + 1) * ORDER_STEP


def stage_replan(*, stage, words, stated_on, by, reason, expected_version=None, shifts=()):
    """Re-plan `stage`, and each (later stage, words) of `shifts` with the same reason and date,
    in one transaction: all of them are re-planned, or none."""
    with transaction.atomic():
        stage.replan(words, by=by, reason=reason, stated_on=stated_on,
                     expected_version=expected_version)
        for later, later_words in shifts:
            later.replan(later_words, by=by, reason=reason, stated_on=stated_on)
    return stage

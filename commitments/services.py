"""Saving commitments and motions from the forms: one transaction, history, no lost update."""

from django.db import transaction
from django.utils.translation import gettext_noop

from commitments.models import Commitment, Motion, MotionSubmitter
from register.forms import save_topics
from register.history import delete_with_history, save_with_history
from register.models import Dossier


def commitment_save(*, form, by) -> Commitment:
    """Create or edit a commitment from a valid CommitmentForm; raises StaleEdit on a conflict."""
    with transaction.atomic():
        return record_save(form, by=by, created=gettext_noop("Toezegging geregistreerd"))


def motion_save(*, form, by) -> Motion:
    """Create or edit a motion from a valid MotionForm; raises StaleEdit on a conflict."""
    with transaction.atomic():
        motion = record_save(form, by=by, created=gettext_noop("Motie geregistreerd"))
        motion_set_submitters(motion=motion, people=form.cleaned_data["submitter_list"], by=by)
    return motion


def record_save(form, *, by, created):
    """Save the form's commitment or motion with its topics, in the caller's transaction: an
    edit first locks the row at the version the form was opened from (StaleEdit if it moved);
    the reason given, else `created` or "Gegevens bijgewerkt"."""
    default = gettext_noop("Gegevens bijgewerkt") if form.instance.pk else created
    if form.instance.pk:
        form.instance.locked_copy(form.cleaned_data["version"])
    record = save_with_history(form.instance, by=by, reason=form.cleaned_data["reason"] or default)
    save_topics(record, form.cleaned_data["topic_list"])
    return record


def motion_set_submitters(*, motion, people, by):
    """The submitters in order, each with the party they belonged to when the motion was filed."""
    wanted = [person.pk for person in people]
    rows = {row.person_id: row for row in motion.submitter_rows.all()}
    for row in rows.values():
        if row.person_id not in wanted:
            delete_with_history(row, by=by, reason=gettext_noop("Indiener verwijderd"))
    for order, person in enumerate(people):
        row = rows.get(person.pk) or MotionSubmitter(motion=motion, person=person)
        party = person.party_on(motion.filed_on) if motion.filed_on else None
        if row.pk is None or row.order != order or (party and row.party_id != party.pk):
            row.order, row.party = order, party or row.party
            save_with_history(row, by=by, reason=gettext_noop("Indieners bijgewerkt"))



def motion_complete_dossier(*, title, number, by, reason) -> tuple[list, list]:
    """The dossier `number` for every motion still to be completed whose dossier the Kamer
    titled `title`: (motions completed, motions left as they were because that dossier already
    holds their number). The dossier is created, with the Kamer's title, when we lack it."""
    with transaction.atomic():
        motions = list(Motion.objects.dossier_missing().select_for_update()
                       .filter(tk_dossier_title=title).order_by("number"))
        dossier = Dossier.objects.filter(number=number).first()
        if dossier is None:
            dossier = save_with_history(Dossier(number=number, title=title[:300]), by=by,
                                        reason=reason)
        taken = set(dossier.motions.values_list("number", flat=True))
        done, left = [], []
        for motion in motions:
            if motion.number in taken:
                left.append(motion)
                continue
            motion.dossier, motion.tk_dossier_title = dossier, ""
            save_with_history(motion, by=by, reason=reason)
            taken.add(motion.number)
            done.append(motion)
    return done, left

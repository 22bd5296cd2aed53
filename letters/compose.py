"""Composing a letter from the register: which items it proposes, and their pre-filled texts.

A progress letter on a dossier (or on a filtered list of commitments) proposes every item whose
status or stages changed since the previous final letter on that dossier, and every open item,
each with a progress text written from its history, for staff and advisors to edit. An answer to
the Eerste Kamer's rappel proposes the open and partly met commitments whose deadline passed
before the reference date (1 January or 1 July).

The window starts when the previous letter was finalised: the changes that letter made itself
(the items it delivered) were reported in it, so they are not proposed again.
"""

from __future__ import annotations

import datetime
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from commitments.models import OPEN_EXECUTIONS, Commitment, Motion, VoteOutcome
from commitments.rederive import REDERIVED
from legislation.models import LawTrack, Stage
from letters.layout import dutch_date
from letters.models import Addressee, LetterItem, LetterKind, LetterSection, ProgressLetter
from letters.prose import (
    Voice,
    commitment_prose,
    law_track_prose,
    lower_first,
    motion_prose,
    one_line,
    rappel_explanation,
)
from register.history import save_with_history
from register.models import Directorate, Ministry, Office, Person

# A letter with more items than this is no longer a letter; the filter should be narrower.
MAX_ITEMS = 200
# The letter is written in Dutch whatever the language of the screens: no gettext for its text.
SECTION_CHANGED = "Afgedane en gewijzigde toezeggingen"
SECTION_OPEN = "Openstaande toezeggingen"
SECTION_MOTIONS = "Moties"
SECTION_LAWS = "Wet- en regelgeving"
SECTION_CLOSING = "Afsluiting"


# --- What changed in a window, from the history ----------------------------------------------


@dataclass
class StatusStory:
    """Of one record: whether its status changed after the cutoff (or ever), and the day its
    progress text was last written (what its relative words count from)."""

    changed: bool = False
    ever_changed: bool = False
    progress_on: datetime.date | None = None


def status_stories(model, ids, status_field, cutoff):
    """{id: StatusStory} from the records' history, in one query."""
    stories = defaultdict(StatusStory)
    previous, written = {}, {}
    rows = (model.history.filter(id__in=ids).order_by("id", "history_date", "history_id")
            .values_list("id", status_field, "progress", "history_date", "is_correction"))
    for pk, status, progress, moment, correction in rows:
        # A motion's execution status starts when it is adopted: that is no change of it; a
        # correction sets what should have been recorded, no change either.
        if previous.get(pk) and previous[pk] != status and not correction:
            story = stories[pk]
            story.ever_changed = True
            if cutoff is None or moment > cutoff:
                story.changed = True
        if progress and progress != written.get(pk):
            stories[pk].progress_on = timezone.localdate(moment)
        previous[pk], written[pk] = status, progress
    return stories


def stage_changes(track_ids, cutoff):
    """The ids of the tracks whose stages (or the track itself) changed after the cutoff; a plan
    derived again from the same words (an upgrade's better rules) is no change."""
    if cutoff is None:
        return set(track_ids)
    changed = set(Stage.history.filter(track_id__in=track_ids, history_date__gt=cutoff)
                  .exclude(history_change_reason__startswith=REDERIVED)
                  .values_list("track_id", flat=True))
    changed |= set(LawTrack.history.filter(id__in=track_ids, history_date__gt=cutoff)
                   .values_list("id", flat=True))
    return changed


@dataclass
class StageDates:
    """Of the stages of some tracks: the day each one's planned words and its progress text were
    last written (what their relative words count from)."""

    planned: dict = field(default_factory=dict)
    progress: dict = field(default_factory=dict)


def stage_dates(track_ids):
    """StageDates of the tracks' stages, from their history in one query."""
    dates, last = StageDates(), {}
    rows = (Stage.history.filter(track_id__in=track_ids).order_by("id", "history_date")
            .values_list("id", "planned_text", "progress", "history_date"))
    for pk, planned, progress, moment in rows:
        before = last.get(pk, ("", ""))
        if planned and planned != before[0]:
            dates.planned[pk] = timezone.localdate(moment)
        if progress and progress != before[1]:
            dates.progress[pk] = timezone.localdate(moment)
        last[pk] = (planned, progress)
    return dates


# --- Pre-filled texts: prose in the signatory's voice (letters/prose.py) ----------------------


def in_dutch(function):
    """The texts go into the letter, so they are Dutch whatever the language of the screens."""
    @functools.wraps(function)
    def dutch(*args, **kwargs):
        with translation.override("nl"):
            return function(*args, **kwargs)
    return dutch


@in_dutch
def commitment_text(commitment, *, voice, story=None, delivers=False):
    return commitment_prose(commitment, voice=voice, delivers=delivers,
                            progress_on=story.progress_on if story else None)


@in_dutch
def rappel_text(commitment, *, voice, story=None):
    return rappel_explanation(commitment, voice=voice,
                              progress_on=story.progress_on if story else None)


@in_dutch
def motion_text(motion, *, voice, story=None, delivers=False):
    return motion_prose(motion, voice=voice, delivers=delivers,
                        progress_on=story.progress_on if story else None)


@in_dutch
def law_track_text(track, *, voice, dates=None):
    dates = dates or StageDates()
    current, milestone = track.current_stage, track.next_milestone
    return law_track_prose(
        track, voice=voice, progress_on=dates.progress.get(current.pk) if current else None,
        planned_on=dates.planned.get(milestone.pk) if milestone else None)


def subject_text(subject, *, voice, delivers=False):
    """The pre-filled text of one item added by hand (its history read for it alone)."""
    kind = subject_field(subject)
    if kind == "law_track":
        return law_track_text(subject, voice=voice, dates=stage_dates([subject.pk]))
    model, field = (Commitment, "status") if kind == "commitment" else \
        (Motion, "execution_status")
    story = status_stories(model, [subject.pk], field, None).get(subject.pk)
    text = commitment_text if kind == "commitment" else motion_text
    return text(subject, voice=voice, story=story, delivers=delivers)


# --- Proposals -------------------------------------------------------------------------------


@dataclass
class ProposedItem:
    subject: object
    progress_text: str = ""
    explanation: str = ""


@dataclass
class ProposedSection:
    title: str
    items: list[ProposedItem] = field(default_factory=list)
    body: str = ""


def cutoff_of(previous):
    """The moment after which changes are news: when the previous letter was finalised."""
    if previous is None:
        return None
    if previous.finalised_at:
        return previous.finalised_at
    return timezone.make_aware(datetime.datetime.combine(previous.date, datetime.time.max))


def propose_commitments(commitments, cutoff, voice):
    """(changed since the cutoff, open and unchanged) commitments, each with its text."""
    commitments = list(commitments)
    stories = status_stories(Commitment, [c.pk for c in commitments], "status", cutoff)
    changed, still_open = [], []
    for commitment in commitments:
        story = stories.get(commitment.pk)
        if cutoff is None:  # no previous letter: everything that ever moved is news
            news = bool(story and story.ever_changed) or not commitment.is_open
        else:
            news = bool(story and story.changed)
        item = ProposedItem(commitment, commitment_text(commitment, voice=voice, story=story))
        if news:
            changed.append(item)
        elif commitment.is_open:
            still_open.append(item)
    return changed, still_open


def propose_motions(dossier, cutoff, voice):
    motions = list(Motion.objects.filter(dossier=dossier, vote_outcome=VoteOutcome.ADOPTED)
                   .select_related("dossier", "reported_by__dossier")
                   .prefetch_related("submitter_rows__person__offices", "submitter_rows__party")
                   .order_by("number"))
    stories = status_stories(Motion, [m.pk for m in motions], "execution_status", cutoff)
    proposed = []
    for motion in motions:
        story = stories.get(motion.pk)
        if motion.execution_status in OPEN_EXECUTIONS or (story and story.changed) or (
                cutoff is None and story and story.ever_changed):
            proposed.append(ProposedItem(motion, motion_text(motion, voice=voice, story=story)))
    return proposed


def propose_law_tracks(condition, cutoff, voice):
    tracks = list(LawTrack.objects.filter(condition).distinct().prefetch_related("stages")
                  .order_by("title"))
    ids = [t.pk for t in tracks]
    changed = stage_changes(ids, cutoff)
    dates = stage_dates(ids)
    return [ProposedItem(track, law_track_text(track, voice=voice, dates=dates))
            for track in tracks
            if track.pk in changed or (not track.withdrawn and track.state != "in_force")]


def progress_sections(*, dossier, commitments, cutoff, voice):
    """The proposed sections; empty ones are left out, except the closing one (which is not
    printed while it has no text).

    For a dossier: its commitments, adopted motions and law tracks. For a selection of
    commitments: those, and the law tracks linked to them.
    """
    whole_dossier = commitments is None
    if whole_dossier:
        commitments = dossier.commitments.all()
    commitments = commitments.select_related(
        "bewindspersoon", "directorate", "debate", "made_in__dossier", "delivered_by__dossier",
    ).prefetch_related("bewindspersoon__offices").order_by("made_on", "number")
    if len(commitments) > MAX_ITEMS:
        raise ValidationError(
            _("Deze selectie bevat %(count)s toezeggingen; een brief kan er hoogstens %(max)s "
              "bevatten. Verfijn het filter.") % {"count": len(commitments), "max": MAX_ITEMS},
            code="too_many")
    changed, still_open = propose_commitments(commitments, cutoff, voice)
    track_condition = Q(commitments__in=[c.pk for c in commitments])
    motions = []
    if whole_dossier:
        motions = propose_motions(dossier, cutoff, voice)
        track_condition |= (Q(dossier=dossier) | Q(reporting_dossier=dossier)
                            | Q(motions__dossier=dossier))
    sections = [
        ProposedSection(SECTION_CHANGED, changed),
        ProposedSection(SECTION_OPEN, still_open),
        ProposedSection(SECTION_MOTIONS, motions),
        ProposedSection(SECTION_LAWS, propose_law_tracks(track_condition, cutoff, voice)),
    ]
    return [s for s in sections if s.items] + [ProposedSection(SECTION_CLOSING)]


# --- Letter fields ---------------------------------------------------------------------------


@dataclass
class Signatory:
    person: Person | None
    office: str
    name: str
    ministry: Ministry


def office_holder(office, day):
    """The office that `office` is (its title at its ministry) as held on `day`, by whoever
    held it then; None if the register does not know."""
    return (Office.objects.filter(title=office.title, ministry=office.ministry)
            .filter(Q(start__lte=day) | Q(start__isnull=True),
                    Q(end__gte=day) | Q(end__isnull=True))
            .select_related("person", "ministry").first())


def signing_office(person, day):
    """(person, office) that signs on `day` for what `person` promised: the person in their
    office then, or whoever held their last office on that day (the signature is the office
    held on the letter's date: DESIGN.md "Letters"); (None, office) when nobody is known."""
    current = person.office_on(day)
    if current:
        return person, current
    offices = sorted(person.offices.all(), key=lambda o: o.start or datetime.date.min)
    if not offices:
        return None, None
    successor = office_holder(offices[-1], day)
    return (successor.person, successor) if successor else (None, offices[-1])


@in_dutch
def likely_signatory(commitments, today):
    """The bewindspersoon who made most of the commitments, or whoever holds their office on
    `today`; the name is left empty when the register does not know who does."""
    counts = Counter(c.bewindspersoon_id for c in commitments if c.bewindspersoon_id)
    for person_id, _count in counts.most_common():
        person = Person.objects.prefetch_related("offices__ministry").get(pk=person_id)
        signer, office = signing_office(person, today)
        if office and office.ministry:
            return Signatory(signer, f"De {office.title},", signer.full_name if signer else "",
                             office.ministry)
    ministry = Counter(c.ministry_id for c in commitments).most_common(1)
    ministry = Ministry.objects.filter(pk=ministry[0][0]).first() if ministry else None
    ministry = ministry or Ministry.objects.order_by("pk").first()
    if ministry is None:
        raise ValidationError(
            _("Registreer eerst een ministerie: het is de afzender van de brief."),
            code="no_ministry")
    return Signatory(None, "", "", ministry)


def likely_directorate(records, ministry):
    """The directorate of the ministry that owns most of the records (None if none does)."""
    counts = Counter(r.directorate_id for r in records
                     if r.directorate_id and r.directorate.ministry_id in (None, ministry.pk))
    return Directorate.objects.filter(pk=counts.most_common(1)[0][0]).first() if counts else None


def new_kenmerk(ministry, day):
    """A kenmerk no other letter has, to be replaced by the ministry's own when known."""
    sequence = ProgressLetter.objects.filter(date__year=day.year).count() + 1
    while True:
        kenmerk = f"{ministry.abbreviation}-{day:%Y}-{sequence:04d}"
        if not ProgressLetter.objects.filter(kenmerk=kenmerk).exists():
            return kenmerk
        sequence += 1


def previous_letter_words(previous, signatory):
    """The previous letter as this letter's signatory names it: "mijn brief"; when someone
    else signed it, "de brief van mijn ambtsvoorganger" (the same office) or "de brief"."""
    if previous.signatory_id and signatory.person:
        same = previous.signatory_id == signatory.person.pk
    else:  # a signatory typed, not chosen: by name; nobody named, as before: the writer's own
        same = one_line(previous.signatory_name) in ("", one_line(signatory.name))
    if same:
        return "mijn brief"
    def office(text):
        return one_line(text).removeprefix("De ").removeprefix("de ").rstrip(",")
    if office(previous.signatory_office) == office(signatory.office):
        return "de brief van mijn ambtsvoorganger"
    return "de brief"


def progress_opening(dossier, previous, signatory):
    topic = lower_first(dossier.title) if dossier and dossier.title else ""
    text = ("Met deze brief informeer ik uw Kamer over de voortgang van de toezeggingen, moties "
            f"en wetgevingstrajecten op het gebied van {topic}" if topic else
            "Met deze brief informeer ik uw Kamer over de voortgang van een aantal toezeggingen")
    if previous:
        text += (f" sinds {previous_letter_words(previous, signatory)} van "
                 f"{dutch_date(previous.date)}")
        reference = previous.document.reference if previous.document_id else None
        if reference:
            text += f" ({reference})"
    return text + "."


def is_reference_date(day):
    return (day.month, day.day) in ((1, 1), (7, 1))


# --- Creating the draft ----------------------------------------------------------------------


def create_draft(*, letter, sections, by, at=None):
    """Save the letter, its sections and their items, each with a history row."""
    reason = gettext_noop("Brief opgesteld vanuit het register")
    save_with_history(letter, by=by, reason=reason, at=at)
    for order, proposed in enumerate(sections, start=1):
        section = None
        if proposed.title:
            section = save_with_history(
                LetterSection(letter=letter, order=order * 10, title=proposed.title,
                              body=proposed.body), by=by, reason=reason, at=at)
        for position, item in enumerate(proposed.items, start=1):
            save_with_history(LetterItem(
                letter=letter, section=section, order=position * 10,
                progress_text=item.progress_text, explanation=item.explanation,
                **{subject_field(item.subject): item.subject}), by=by, reason=reason, at=at)
    return letter


def subject_field(subject):
    if isinstance(subject, Commitment):
        return "commitment"
    return "motion" if isinstance(subject, Motion) else "law_track"


def voice_of(signatory, today):
    """The first person of the letter (letters.prose.Voice) from its proposed signatory."""
    office = signatory.office.removeprefix("De ").rstrip(",")
    return Voice(signatory.person.pk if signatory.person else None, office, today)


def compose_progress(*, dossier, commitments, by, today, at=None):
    if dossier is None and commitments is None:
        raise ValidationError(_("Kies een dossier of een selectie toezeggingen."), code="empty")
    previous = ProgressLetter.objects.previous_final(dossier) if dossier else None
    candidates = list((dossier.commitments.all() if commitments is None else commitments)
                      .select_related("directorate")[:MAX_ITEMS + 1])
    signatory = likely_signatory(candidates, today)
    sections = progress_sections(dossier=dossier, commitments=commitments,
                                 cutoff=cutoff_of(previous), voice=voice_of(signatory, today))
    proposed = [item.subject for s in sections for item in s.items
                if isinstance(item.subject, Commitment)]
    topic = lower_first(dossier.title) if dossier and dossier.title else "toezeggingen"
    letter = ProgressLetter(
        kind=LetterKind.PROGRESS, dossier=dossier, date=today, author=by,
        subject=f"Voortgangsbrief {topic}",
        kenmerk=new_kenmerk(signatory.ministry, today), addressee=Addressee.TWEEDE_KAMER,
        ministry=signatory.ministry, signatory=signatory.person,
        directorate=likely_directorate(proposed or candidates, signatory.ministry),
        signatory_office=signatory.office, signatory_name=signatory.name,
        opening=progress_opening(dossier, previous, signatory), annex=dossier is not None,
        since=previous.date if previous else None)
    return create_draft(letter=letter, sections=sections, by=by, at=at)


def rappel_commitments(commitments, reference_date):
    """What the rappel of `reference_date` lists (Commitment.objects.on_rappel, the rule the
    dashboard shows too), of `commitments` when given, by T-number."""
    commitments = Commitment.objects.all() if commitments is None else commitments
    return (commitments.on_rappel(reference_date).select_related("bewindspersoon", "directorate")
            .prefetch_related("bewindspersoon__offices").order_by("ek_number", "number"))


def compose_rappel(*, commitments, reference_date, by, today, at=None):
    if reference_date is None or not is_reference_date(reference_date):
        raise ValidationError(_("De peildatum van het rappel is 1 januari of 1 juli."),
                              code="reference_date")
    selected = list(rappel_commitments(commitments, reference_date))
    if len(selected) > MAX_ITEMS:
        raise ValidationError(_("Meer dan %(max)s toezeggingen; verfijn de selectie.")
                              % {"max": MAX_ITEMS}, code="too_many")
    stories = status_stories(Commitment, [c.pk for c in selected], "status", None)
    signatory = likely_signatory(selected, today)
    voice = voice_of(signatory, today)
    items = [ProposedItem(c, explanation=rappel_text(c, voice=voice, story=stories.get(c.pk)))
             for c in selected]
    words = dutch_date(reference_date)
    letter = ProgressLetter(
        kind=LetterKind.RAPPEL, dossier=None, date=today, author=by,
        reference_date=reference_date, addressee=Addressee.EERSTE_KAMER,
        subject=f"Antwoord op het rappel toezeggingen, peildatum {words}",
        kenmerk=new_kenmerk(signatory.ministry, today), ministry=signatory.ministry,
        directorate=likely_directorate(selected, signatory.ministry),
        signatory=signatory.person, signatory_office=signatory.office,
        signatory_name=signatory.name,
        opening="In uw brief vraagt u naar de stand van zaken van de toezeggingen aan uw Kamer "
                f"waarvan de termijn vóór {words} is verstreken. Hieronder vindt u per "
                "toezegging, op volgorde van het nummer van uw Kamer, de stand van zaken, een "
                "toelichting en de nieuwe verwachte datum.")
    return create_draft(letter=letter, sections=[ProposedSection("", items)], by=by, at=at)


def letter_compose(*, dossier=None, commitments=None, by, kind=LetterKind.PROGRESS,
                   reference_date=None, today=None, at=None) -> ProgressLetter:
    """A new draft letter with the proposed sections and items (see the module's docstring).

    `commitments` is a queryset (a filtered list); for a progress letter without a dossier only
    those commitments, and the law tracks linked to them, are proposed.
    """
    if not by.has_perm("letters.add_progressletter"):
        raise ValidationError(_("Alleen medewerkers van brieven stellen een brief op."),
                              code="permission")
    today = today or timezone.localdate()
    with transaction.atomic():
        if kind == LetterKind.RAPPEL:
            return compose_rappel(commitments=commitments, reference_date=reference_date, by=by,
                                  today=today, at=at)
        return compose_progress(dossier=dossier, commitments=commitments, by=by, today=today,
                                at=at)

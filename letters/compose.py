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

from commitments.models import OPEN_EXECUTIONS, OPEN_STATUSES, Commitment, Motion, VoteOutcome
from legislation.models import LawTrack, Stage
from letters.layout import dutch_date
from letters.models import Addressee, LetterItem, LetterKind, LetterSection, ProgressLetter
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


def one_line(text: str) -> str:
    """Text as one line of markup: typed line breaks would start lists or tables."""
    return " ".join((text or "").split())


def lower_first(text: str) -> str:
    """ "Drugbeleid" → "drugbeleid", as a word inside a sentence; "LADIS" stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def sentence(text: str) -> str:
    """`text` ending in a full stop (or the punctuation it already has)."""
    text = one_line(text)
    return text if not text or text[-1] in ".!?:;" else text + "."


# --- What changed in a window, from the history ----------------------------------------------


@dataclass
class StatusStory:
    """Of one record: whether its status changed after the cutoff, and the last change's reason."""

    changed: bool = False
    ever_changed: bool = False
    last_reason: str = ""


def status_stories(model, ids, status_field, cutoff):
    """{id: StatusStory} from the records' history, in one query."""
    stories = defaultdict(StatusStory)
    previous = {}
    rows = (model.history.filter(id__in=ids).order_by("id", "history_date", "history_id")
            .values_list("id", status_field, "history_date", "history_change_reason"))
    for pk, status, moment, reason in rows:
        # A motion's execution status starts when it is adopted: that is no change of it.
        if previous.get(pk) and previous[pk] != status:
            story = stories[pk]
            story.ever_changed = True
            story.last_reason = reason or ""
            if cutoff is None or moment > cutoff:
                story.changed = True
        previous[pk] = status
    return stories


def stage_changes(track_ids, cutoff):
    """The ids of the tracks whose stages (or the track itself) changed after the cutoff."""
    if cutoff is None:
        return set(track_ids)
    changed = set(Stage.history.filter(track_id__in=track_ids, history_date__gt=cutoff)
                  .values_list("track_id", flat=True))
    changed |= set(LawTrack.history.filter(id__in=track_ids, history_date__gt=cutoff)
                   .values_list("id", flat=True))
    return changed


# --- Pre-filled texts ------------------------------------------------------------------------


def in_dutch(function):
    """The texts go into the letter, so they are Dutch whatever the language of the screens:
    the status words and the delays they name, too."""
    @functools.wraps(function)
    def dutch(*args, **kwargs):
        with translation.override("nl"):
            return function(*args, **kwargs)
    return dutch


def reason_clause(story):
    reason = one_line(story.last_reason).rstrip(".") if story else ""
    return f"; {reason}" if reason else ""


@in_dutch
def commitment_text(commitment, story=None):
    """ "Op 26 november 2020 is toegezegd: … Stand van zaken: in uitvoering; …" """
    parts = [f"Op {dutch_date(commitment.made_on)} is toegezegd: {sentence(commitment.text)}"]
    if commitment.deadline_text and commitment.is_open:
        parts.append(f"Termijn: {one_line(commitment.deadline_text)}.")
    parts.append(status_sentence(commitment, story))
    return " ".join(parts)


def status_sentence(commitment, story=None):
    status = str(commitment.get_status_display()).lower()
    text = f"Stand van zaken: {status}{reason_clause(story)}."
    if commitment.remaining and commitment.is_open:
        text += f" Wat resteert: {sentence(commitment.remaining)}"
    return text


@in_dutch
def rappel_explanation(commitment, story=None):
    """What the Eerste Kamer is told besides the status: the deadline as it was given, the last
    reason the status changed, and what remains."""
    parts = []
    if commitment.deadline_text:
        parts.append(f"Oorspronkelijke termijn: {one_line(commitment.deadline_text)}.")
    reason = one_line(story.last_reason) if story else ""
    if reason:
        parts.append(sentence(reason))
    if commitment.remaining:
        parts.append(f"Wat resteert: {sentence(commitment.remaining)}")
    return " ".join(parts)


def submitters_words(motion):
    names = [str(row) for row in motion.submitter_rows.all()]
    if not names:
        return ""
    if len(names) == 1:
        return f"het lid {names[0]}"
    return f"de leden {', '.join(names[:-1])} en {names[-1]}"


@in_dutch
def motion_text(motion, story=None):
    """ "De motie van de leden … (Kamerstuk 24 077, nr. 453) is op … aangenomen. Stand van …" """
    who = submitters_words(motion)
    subject = f"De motie van {who} ({motion.reference})" if who else \
        f"De motie {motion.reference}"
    adopted = f"is op {dutch_date(motion.voted_on)} aangenomen." if motion.voted_on \
        else "is aangenomen."
    status = str(motion.get_execution_status_display()).lower()
    return f"{subject} {adopted} Stand van zaken: {status}{reason_clause(story)}."


@in_dutch
def law_track_text(track, today):
    """The track's state, its current stage, the next milestone with its plan, and the slip."""
    if track.withdrawn:
        return f"Het traject is ingetrokken: {sentence(track.withdrawn_reason)}"
    parts = [f"Stand: {track.get_state_display()}."]
    current = track.current_stage
    if current:
        parts.append(f"Huidige fase: {lower_first(current.name)}.")
    milestone = track.next_milestone
    if milestone:
        parts.append(f"Volgende mijlpaal: {lower_first(milestone.name)}, gepland "
                     f"{one_line(milestone.planned_text)}.")
    slip = track.slip(today)
    if slip:
        parts.append(f"Het traject loopt {slip.words}.")
    elif milestone:
        parts.append("Het traject ligt op schema.")
    return " ".join(parts)


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


def propose_commitments(commitments, cutoff):
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
        item = ProposedItem(commitment, commitment_text(commitment, story))
        if news:
            changed.append(item)
        elif commitment.is_open:
            still_open.append(item)
    return changed, still_open


def propose_motions(dossier, cutoff):
    motions = list(Motion.objects.filter(dossier=dossier, vote_outcome=VoteOutcome.ADOPTED)
                   .select_related("dossier")
                   .prefetch_related("submitter_rows__person__offices", "submitter_rows__party")
                   .order_by("number"))
    stories = status_stories(Motion, [m.pk for m in motions], "execution_status", cutoff)
    proposed = []
    for motion in motions:
        story = stories.get(motion.pk)
        if motion.execution_status in OPEN_EXECUTIONS or (story and story.changed) or (
                cutoff is None and story and story.ever_changed):
            proposed.append(ProposedItem(motion, motion_text(motion, story)))
    return proposed


def propose_law_tracks(condition, cutoff, today):
    tracks = list(LawTrack.objects.filter(condition).distinct().prefetch_related("stages")
                  .order_by("title"))
    changed = stage_changes([t.pk for t in tracks], cutoff)
    return [ProposedItem(track, law_track_text(track, today)) for track in tracks
            if track.pk in changed or (not track.withdrawn and track.state != "in_force")]


def progress_sections(*, dossier, commitments, cutoff, today):
    """The proposed sections; empty ones are left out, except the closing one.

    For a dossier: its commitments, adopted motions and law tracks. For a selection of
    commitments: those, and the law tracks linked to them.
    """
    whole_dossier = commitments is None
    if whole_dossier:
        commitments = dossier.commitments.all()
    commitments = commitments.select_related("bewindspersoon", "directorate") \
        .order_by("made_on", "number")
    if len(commitments) > MAX_ITEMS:
        raise ValidationError(
            _("Deze selectie bevat %(count)s toezeggingen; een brief kan er hoogstens %(max)s "
              "bevatten. Verfijn het filter.") % {"count": len(commitments), "max": MAX_ITEMS},
            code="too_many")
    changed, still_open = propose_commitments(commitments, cutoff)
    track_condition = Q(commitments__in=[c.pk for c in commitments])
    motions = []
    if whole_dossier:
        motions = propose_motions(dossier, cutoff)
        track_condition |= (Q(dossier=dossier) | Q(reporting_dossier=dossier)
                            | Q(motions__dossier=dossier))
    sections = [
        ProposedSection(SECTION_CHANGED, changed),
        ProposedSection(SECTION_OPEN, still_open),
        ProposedSection(SECTION_MOTIONS, motions),
        ProposedSection(SECTION_LAWS, propose_law_tracks(track_condition, cutoff, today)),
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


def progress_opening(dossier, previous):
    topic = lower_first(dossier.title) if dossier and dossier.title else ""
    text = ("Met deze brief informeer ik uw Kamer over de voortgang van de toezeggingen, moties "
            f"en wetgevingstrajecten op het gebied van {topic}" if topic else
            "Met deze brief informeer ik uw Kamer over de voortgang van een aantal toezeggingen")
    if previous:
        text += f" sinds mijn brief van {dutch_date(previous.date)}"
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


def compose_progress(*, dossier, commitments, by, today, at=None):
    if dossier is None and commitments is None:
        raise ValidationError(_("Kies een dossier of een selectie toezeggingen."), code="empty")
    previous = ProgressLetter.objects.previous_final(dossier) if dossier else None
    sections = progress_sections(dossier=dossier, commitments=commitments,
                                 cutoff=cutoff_of(previous), today=today)
    proposed = [item.subject for s in sections for item in s.items
                if isinstance(item.subject, Commitment)]
    signatory = likely_signatory(proposed or list(dossier.commitments.all() if dossier else []),
                                 today)
    topic = lower_first(dossier.title) if dossier and dossier.title else "toezeggingen"
    letter = ProgressLetter(
        kind=LetterKind.PROGRESS, dossier=dossier, date=today, author=by,
        subject=f"Voortgangsbrief {topic}",
        kenmerk=new_kenmerk(signatory.ministry, today), addressee=Addressee.TWEEDE_KAMER,
        ministry=signatory.ministry, signatory=signatory.person,
        directorate=likely_directorate(proposed, signatory.ministry),
        signatory_office=signatory.office, signatory_name=signatory.name,
        opening=progress_opening(dossier, previous), annex=dossier is not None,
        since=previous.date if previous else None)
    return create_draft(letter=letter, sections=sections, by=by, at=at)


def rappel_commitments(commitments, reference_date):
    """Open and partly met commitments whose deadline ended before the reference date."""
    commitments = Commitment.objects.all() if commitments is None else commitments
    return (commitments.filter(status__in=OPEN_STATUSES, deadline_end__lt=reference_date)
            .select_related("bewindspersoon", "directorate").order_by("deadline_end", "number"))


def compose_rappel(*, commitments, reference_date, by, today, at=None):
    if reference_date is None or not is_reference_date(reference_date):
        raise ValidationError(_("De peildatum van het rappel is 1 januari of 1 juli."),
                              code="reference_date")
    selected = list(rappel_commitments(commitments, reference_date))
    if len(selected) > MAX_ITEMS:
        raise ValidationError(_("Meer dan %(max)s toezeggingen; verfijn de selectie.")
                              % {"max": MAX_ITEMS}, code="too_many")
    stories = status_stories(Commitment, [c.pk for c in selected], "status", None)
    items = [ProposedItem(c, explanation=rappel_explanation(c, stories.get(c.pk)))
             for c in selected]
    signatory = likely_signatory(selected, today)
    words = dutch_date(reference_date)
    letter = ProgressLetter(
        kind=LetterKind.RAPPEL, dossier=None, date=today, author=by,
        reference_date=reference_date, addressee=Addressee.EERSTE_KAMER,
        subject=f"Antwoord op het rappel toezeggingen, peildatum {words}",
        kenmerk=new_kenmerk(signatory.ministry, today), ministry=signatory.ministry,
        directorate=likely_directorate(selected, signatory.ministry),
        signatory=signatory.person, signatory_office=signatory.office,
        signatory_name=signatory.name,
        opening="In uw brief vraagt u naar de stand van zaken van de toezeggingen waarvan de "
                f"termijn vóór {words} is verstreken. Hieronder vindt u per toezegging de stand "
                "van zaken, een toelichting en de nieuwe verwachte datum.")
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

"""The way of a letter from draft to final (DESIGN.md "Letters").

    letter_compose           a draft from a dossier or a selection (letters/compose.py)
    letter_save              the letter's own fields (subject, signature, opening, closing)
    letter_save_section      the section editor: one section, its items' texts and "doet af"
    letter_add_section, letter_delete_section, letter_move_section, letter_move_item
                             the structure of a draft: sections and items added, removed, moved
    letter_save_texts        the advisors' progress texts of a draft
    letter_add_item          a commitment, motion or law track added to a draft
    letter_submit            the author offers the draft for approval
    letter_approve           another member of brieven (or a superuser) approves it...
    letter_send_back         ...or sends it back to draft with a comment
    letter_finalise          stores the PDF and updates the register
    letter_record_kamerstuk  records the Kamerstuk number the Kamer published it under

Each service checks who may do it (letters/permissions.py) and raises ValidationError with a
Dutch message when refused. `finalise` is the work of letter_finalise without the check of who
may do it, for replays such as the demo data. What a letter says is built in letters/content.py.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from commitments.models import Commitment, Execution, Motion, Status
from legislation.models import LawTrack
from letters.compose import letter_compose, rappel_text, status_stories, subject_field, subject_text
from letters.content import (
    approval_record,
    approved_content,
    content_sha256,
    letter_content,
    letter_file_name,
    letter_items,
)
from letters.layout import cited_references, dutch_date, render_letter_pdf
from letters.models import (
    LetterItem,
    LetterKind,
    LetterSection,
    LetterStatus,
    ProgressLetter,
    item_ident,
)
from letters.permissions import (
    finalisable,
    may_approve,
    may_edit,
    may_finalise,
    may_record_kamerstuk,
    may_review,
    may_submit,
    may_write_texts,
    require,
)
from letters.promises import letter_offer_promises
from letters.prose import Voice, one_line
from letters.waiting import notify_offered, notify_sent_back
from register.concurrency import StaleEdit
from register.history import HistoryBase, delete_with_history, dutch_reason, save_with_history
from register.models import Document
from register.periods import parse_period
from register.references import Reference, parse_references

logger = logging.getLogger(__name__)

__all__ = [
    "finalise",
    "letter_add_item",
    "letter_approve",
    "letter_compose",
    "letter_finalise",
    "letter_record_kamerstuk",
    "letter_add_section",
    "letter_delete_section",
    "letter_move_item",
    "letter_move_section",
    "letter_reopen",
    "letter_save",
    "letter_save_section",
    "letter_save_texts",
    "letter_send_back",
    "letter_submit",
]


def refuse(message, code):
    raise ValidationError(message, code=code)


# --- The way to final ------------------------------------------------------------------------


def check_complete(letter):
    """What a letter needs before it goes for approval."""
    missing = [label for label, value in (
        (_("betreft"), letter.subject), (_("kenmerk"), letter.kenmerk),
        (_("functie in de ondertekening"), letter.signatory_office),
        (_("naam in de ondertekening"), letter.signatory_name)) if not value.strip()]
    if letter.kind == LetterKind.RAPPEL and not letter.uw_brief.strip():
        missing.append(_("uw brief (kenmerk en datum van het rappel)"))
    if missing:
        refuse(_("Vul eerst in: %(fields)s.") % {"fields": ", ".join(missing)}, "incomplete")
    gaps = rappel_gaps(letter) if letter.kind == LetterKind.RAPPEL else []
    if gaps:
        refuse(_("Vul per toezegging een toelichting en een nieuwe verwachte datum in: "
                 "%(gaps)s.") % {"gaps": "; ".join(gaps)}, "incomplete_items")
    other = ProgressLetter.objects.filter(kenmerk=letter.kenmerk).exclude(pk=letter.pk).first()
    if other:
        refuse(_("Het kenmerk %(kenmerk)s is al gebruikt voor ‘%(other)s’.")
               % {"kenmerk": letter.kenmerk, "other": other}, "kenmerk")


def expected_period(item, letter):
    """The period of an item's new expected date, read as of the letter's date (None if the
    words name none)."""
    return parse_period(item.new_expected, letter.date) if item.new_expected.strip() else None


def new_expected_problem(words, letter):
    """What is wrong with `words` as a rappel answer's new expected date in `letter` (None when
    nothing is, or nothing is typed yet): checked when the letter is offered and when its items
    are saved (letters.forms.NewExpectedCheck)."""
    if not words.strip():
        return None
    period = parse_period(words, letter.date)
    if period is None:
        return _("‘%(words)s’ is geen datum of periode") % {"words": words}
    if period.end < letter.date:
        return _("‘%(words)s’ ligt vóór de datum van de brief") % {"words": words}
    return None


def rappel_gaps(letter, items=None):
    """What a rappel answer still lacks, per commitment (T-number): the Eerste Kamer asks for
    an explanation and a new expected date for each (DESIGN.md "Letters")."""
    gaps = []
    for item in letter_items(letter) if items is None else items:
        number = item.commitment.ek_number or item.commitment.number
        if not item.explanation.strip():
            gaps.append(_("%(number)s: geen toelichting") % {"number": number})
        problem = new_expected_problem(item.new_expected, letter)
        if not item.new_expected.strip():
            gaps.append(_("%(number)s: geen nieuwe verwachte datum") % {"number": number})
        elif problem:
            gaps.append(f"{number}: {problem}")
    return gaps


def letter_submit(*, letter, by, expected_version=None, at=None) -> ProgressLetter:
    """The author offers the draft for approval."""
    with transaction.atomic():
        current = letter.locked_copy(expected_version)
        require(may_submit(by, current))
        check_complete(current)
        current.status, current.submitted_at = LetterStatus.FOR_APPROVAL, at or timezone.now()
        current.review_comment = ""
        save_with_history(current, by=by, reason=gettext_noop("Ter goedkeuring aangeboden"), at=at)
        notify_offered(current)
    return current


def letter_approve(*, letter, by, expected_version=None, expected_content=None,
                   at=None) -> ProgressLetter:
    """Another member of brieven, or a superuser, approves the letter; never its author.

    Approving records the letter's full content (see approval_record); `expected_content`, the
    content_sha256 of what the approver saw, refuses an approval of content that changed since.
    """
    with transaction.atomic():
        current = letter.locked_copy(expected_version)
        require(may_approve(by, current))
        items = letter_items(current)
        content = letter_content(current, items=items)
        if expected_content and expected_content != content_sha256(content):
            refuse(_("De brief is veranderd sinds u hem opende (het register is intussen "
                     "bijgewerkt). Bekijk hem opnieuw en keur hem dan goed."), "content_changed")
        record_approval(current, by=by, at=at, record=approval_record(current, content, items))
        save_with_history(current, by=by, reason=gettext_noop("Goedgekeurd"), at=at)
    return current


def record_approval(letter, *, by, at=None, record):
    letter.approver, letter.approved_at, letter.approved_content = by, at or timezone.now(), record


def letter_send_back(*, letter, by, comment, expected_version=None, at=None) -> ProgressLetter:
    """Back to draft, with a comment for the author; an approval given is withdrawn."""
    comment = (comment or "").strip()
    if not comment:
        refuse(_("Schrijf erbij waarom de brief wordt teruggestuurd."), "comment")
    with transaction.atomic():
        current = letter.locked_copy(expected_version)
        require(may_review(by, current))
        current.back_to_draft()
        current.review_comment = comment
        save_with_history(current, by=by, reason=dutch_reason(
            gettext_noop("Teruggestuurd: %(comment)s"), comment=comment), at=at)
        notify_sent_back(current)
    return current


def letter_reopen(*, letter, by, reason):
    """An edit of a letter after it was submitted (in /beheer/) sends it back to draft: what
    goes out must be what is approved, so it is approved again. The caller holds the row."""
    if letter.stored_status() != LetterStatus.FOR_APPROVAL:
        return letter
    letter.back_to_draft()
    # Its author must offer it again: it waits for them as a letter sent back (letters.waiting).
    letter.review_comment = dutch_reason(
        gettext_noop("Gewijzigd in het beheer door %(name)s (%(reason)s); bied de brief opnieuw "
                     "ter goedkeuring aan."), name=by.get_full_name() or by.username,
        reason=reason)
    save_with_history(letter, by=by, reason=dutch_reason(
        gettext_noop("Gewijzigd na aanbieding (%(reason)s): terug naar concept"), reason=reason))
    notify_sent_back(letter)
    return letter


def letter_finalise(*, letter, by, expected_version=None, at=None) -> ProgressLetter:
    """Finalise an approved letter (see `finalise`); only for brieven and superusers."""
    require(may_finalise(by, letter))
    return finalise(letter, by=by, expected_version=expected_version, at=at)


# --- Finalising ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """What finalising does to one item the letter delivers."""

    item: LetterItem
    action: str  # "deliver", "already" (delivered by this document: left as it is), "refused"
    problem: str = ""

    @property
    def subject(self):
        return self.item.subject


def letter_words(letter):
    """ "de voortgangsbrief ‘…’ van 18 december 2020 (kenmerk …)", for history reasons."""
    kind = "voortgangsbrief" if letter.kind == LetterKind.PROGRESS else "brief"
    return (f"de {kind} ‘{one_line(letter.subject)}’ van {dutch_date(letter.date)} "
            f"(kenmerk {letter.kenmerk})")


def delivery_plan(letter, document, items=None):
    """For each delivering item: will it be marked done/executed, is it already, or can't it?"""
    items = letter_items(letter) if items is None else items
    known = document is not None and document.pk is not None
    plan = []
    for item in (i for i in items if i.delivers):
        subject = item.subject
        if item.commitment_id:
            done = subject.status == Status.DONE
            allowed = Status.DONE in subject.allowed_statuses()
            already = done and known and subject.delivered_by_id == document.pk
        else:
            done = subject.execution_status == Execution.EXECUTED
            allowed = Execution.EXECUTED in subject.allowed_executions()
            already = done and known and subject.reported_by_id == document.pk
        if already:
            plan.append(Delivery(item, "already"))
        elif allowed:
            plan.append(Delivery(item, "deliver"))
        else:
            label = subject.get_status_display() if item.commitment_id else (
                subject.get_execution_status_display() or subject.get_vote_outcome_display())
            plan.append(Delivery(item, "refused", _("de status is ‘%(status)s’")
                                 % {"status": label}))
    return plan


def finalise_document(letter, *, by, at=None, create=True):
    """The Document of the letter: the one it is linked to, or the one with its kenmerk, or new.

    With create=False (the confirmation page) a new one is returned unsaved.
    """
    reason = f"Document van {letter_words(letter)}"
    document = letter.document
    if document is None and letter.kenmerk:
        document = Document.objects.filter(kenmerk=letter.kenmerk).select_related("dossier") \
            .first()
        if document and document.progress_letters.exclude(pk=letter.pk).exists():
            refuse(_("Het kenmerk %(kenmerk)s hoort al bij een andere brief.")
                   % {"kenmerk": letter.kenmerk}, "kenmerk")
    if document is None:
        document = Document(kind=Document.Kind.BRIEF, dossier=letter.dossier, date=letter.date,
                            kenmerk=letter.kenmerk, title=one_line(letter.subject)[:300])
        return save_with_history(document, by=by, reason=reason, at=at) if create else document
    missing = {"kenmerk": letter.kenmerk, "date": letter.date, "title": letter.subject[:300],
               "dossier": letter.dossier}
    missing = {name: value for name, value in missing.items()
               if value and not getattr(document, name)}
    if missing and create:
        for name, value in missing.items():
            setattr(document, name, value)
        save_with_history(document, by=by, reason=reason, at=at)
    return document


def record_citations(letter, content, *, by):
    """Every paper the letter cites, as a Document (created when new), linked to the letter."""
    reason = f"Aangehaald in {letter_words(letter)}"
    documents, seen = [], set()
    for reference in cited_references(content):
        if reference.ident not in seen:
            seen.add(reference.ident)
            document, _created = Document.objects.from_reference(reference, by=by, reason=reason)
            documents.append(document)
    letter.cited_documents.set(documents)


def deliver_items(letter, document, *, by, at):
    """Mark what the letter delivers, each change with a history row naming the letter."""
    plan = delivery_plan(letter, document)
    refused = [d for d in plan if d.action == "refused"]
    if refused:
        refuse(_("Niet alles wat de brief afdoet kan worden afgedaan: %(items)s.") % {
            "items": "; ".join(f"{d.subject} ({d.problem})" for d in refused)}, "delivery")
    words = letter_words(letter)
    for delivery in (d for d in plan if d.action == "deliver"):
        subject = delivery.subject
        if delivery.item.commitment_id:
            subject.change_status(Status.DONE, by=by, reason=f"Afgedaan met {words}",
                                  document=document, on=letter.date, at=at)
        else:
            subject.change_status(Execution.EXECUTED, by=by, reason=f"Uitgevoerd volgens {words}",
                                  document=document, on=letter.date, at=at)


def render_final(content):
    """The PDF that goes out: without the CONCEPT of a draft."""
    return render_letter_pdf(content, draft=False)


def write_back_expected_dates(letter, *, by, at):
    """A rappel answer's new expected dates become the commitments' deadlines (the words as
    given stay the commitment's own; the period is set as its override), each with a history
    row naming the letter."""
    if letter.kind != LetterKind.RAPPEL:
        return
    words = letter_words(letter)
    for item in letter_items(letter):
        period = expected_period(item, letter)
        if period is None:
            continue
        commitment = item.commitment.locked_copy()
        commitment.deadline_override_start, commitment.deadline_override_end = (period.start,
                                                                                period.end)
        # The ministry names a date again: a clerk's earlier "Geen termijn" no longer holds.
        commitment.deadline_none = False
        save_with_history(commitment, by=by, at=at, reason=dutch_reason(
            gettext_noop("Nieuwe verwachte datum ‘%(words)s’ gemeld aan de Eerste Kamer met "
                         "%(letter)s"), words=one_line(item.new_expected), letter=words))


def finalise(letter, *, by, expected_version=None, at=None, render=None):
    """Store the PDF and its SHA-256, freeze the letter, link it to its Document, record what it
    cites, mark what it delivers done or executed, and offer the promises it makes for the
    griffie's review (letters.promises) — all in one transaction.

    The PDF is rendered first, outside the transaction (it takes seconds; the lock would keep
    others waiting), from the version then read; a letter changed meanwhile is refused. If
    anything fails, nothing is changed and the stored file is removed again.
    """
    fresh = ProgressLetter.objects.select_related("dossier", "ministry", "directorate") \
        .get(pk=letter.pk)
    if expected_version is not None and fresh.version != int(expected_version):
        raise StaleEdit(fresh, int(expected_version))
    require(finalisable(fresh))
    content = approved_content(fresh)  # exactly what was approved, not the register of now
    try:
        pdf = (render or render_final)(content)
    except Exception as error:  # WeasyPrint fails in many ways (fonts, images, memory)
        logger.exception("Rendering letter %s failed", fresh.pk)
        refuse(_("De PDF kon niet worden gemaakt (%(error)s); er is niets vastgesteld. Probeer "
                 "het opnieuw of meld het de beheerder.")
               % {"error": f"{type(error).__name__}: {error}"}, "render_failed")
    moment = at or timezone.now()
    stored = None
    try:
        with transaction.atomic():
            current = fresh.locked_copy(fresh.version)
            require(finalisable(current))
            document = finalise_document(current, by=by, at=moment)
            current.pdf.save(letter_file_name(current).replace("-concept", ""), ContentFile(pdf),
                             save=False)
            stored = current.pdf.name
            current.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
            current.status, current.finalised_at, current.document = (
                LetterStatus.FINAL, moment, document)
            save_with_history(current, by=by, reason=dutch_reason(
                gettext_noop("Vastgesteld; PDF opgeslagen (SHA-256 %(sha)s)"),
                sha=current.pdf_sha256), at=moment)
            record_citations(current, content, by=by)
            deliver_items(current, document, by=by, at=moment)
            write_back_expected_dates(current, by=by, at=moment)
            # The promises it makes go to the griffie's review, with the letter as their source.
            letter_offer_promises(letter=current, by=by)
    except BaseException as error:
        if stored:
            current.pdf.storage.delete(stored)
        if isinstance(error, OSError):  # the storage: full, read-only, gone
            logger.exception("Storing the PDF of letter %s failed", fresh.pk)
            refuse(_("De PDF kon niet worden opgeslagen (%(error)s); er is niets vastgesteld. "
                     "Meld het de beheerder.") % {"error": error.strerror or error},
                   "storage_failed")
        raise
    return current


# --- The Kamerstuk number --------------------------------------------------------------------

KAMERSTUK_NUMBER = re.compile(r"^(?:[0-9]{1,4}|[A-Z]{1,3})$")


def letter_record_kamerstuk(*, letter, number, by, at=None) -> ProgressLetter:
    """Record the number the Kamer published the letter under (Kamerstuk <dossier>, nr. <n>).

    The letter's Document takes that number; if the register already holds a Document with that
    number, the letter and everything that points at its Document move to that one instead, so
    the paper is never stored twice.
    """
    number = (number or "").strip().removeprefix("nr.").strip()
    if not KAMERSTUK_NUMBER.match(number):
        refuse(_("Een Kamerstuknummer is een getal, bijvoorbeeld 468."), "number")
    with transaction.atomic():
        current = letter.locked_copy()
        # Only the Document's own row is locked (of=self): PostgreSQL locks no nullable side
        # of the join that brings its dossier along.
        current.document = Document.objects.select_for_update(of=("self",)).filter(
            pk=current.document_id).select_related("dossier").first()
        if recorded_as(current, number):
            return current  # the same number again (a second click): nothing to do
        require(may_record_kamerstuk(by, current))
        reference = Reference("kamerstuk", current.dossier.number, number)
        reason = dutch_reason(gettext_noop("Kamerstuknummer vastgelegd: %(reference)s"),
                              reference=reference)
        document = current.document
        existing = Document.objects.filter(ident=reference.ident).exclude(pk=document.pk).first()
        if existing:
            check_not_another_letters(existing, current, reference)
            move_document(document, existing, by=by, reason=reason, at=at)
        else:
            # The Document's URL follows from its new reference (Document.save).
            document.dossier, document.number = current.dossier, number
            save_with_history(document, by=by, reason=reason, at=at)
            save_with_history(current, by=by, reason=reason, at=at, update_fields=["document"])
    current.refresh_from_db()
    return current


def recorded_as(letter, number):
    """Whether the final letter's Document is Kamerstuk <its dossier>, nr. <number> already."""
    reference = letter.document.reference if letter.document else None
    return (letter.is_final and letter.dossier_id is not None and reference is not None
            and reference.ident == Reference("kamerstuk", letter.dossier.number, number).ident)


def move_document(old, new, *, by, reason, at=None):
    """Point everything that points at `old` at `new` (with history), then remove `old`: the
    letter's own Document merges into the paper the Kamer published, which no letter has.

    Every relation to Document is followed, so a model added later moves along too; `old` is
    deleted only once nothing points at it any more (the foreign keys PROTECT it).
    """
    for name, value in (("kenmerk", old.kenmerk), ("date", old.date), ("title", old.title)):
        if value and not getattr(new, name):
            setattr(new, name, value)
    save_with_history(new, by=by, reason=reason, at=at)
    for relation in Document._meta.related_objects:
        model, field = relation.related_model, relation.field
        if issubclass(model, HistoryBase):
            continue
        if relation.many_to_many:
            for obj in getattr(old, relation.get_accessor_name()).all():
                getattr(obj, field.name).remove(old)
                getattr(obj, field.name).add(new)
            continue
        # No ordering: a model ordered across a nullable relation (a motion by its dossier)
        # cannot be locked on PostgreSQL, and the order does not matter here.
        rows = model._default_manager.select_for_update().filter(**{field.name: old}).order_by()
        for obj in rows:
            setattr(obj, field.name, new)
            save_with_history(obj, by=by, reason=reason, at=at, update_fields=[field.name])
    delete_with_history(old, by=by, reason=reason)


# --- Editing a draft -------------------------------------------------------------------------


def save_forms(forms, *, formset, by, reason):
    """Save the changed forms of a formset with history; returns the forms marked for deletion."""
    deleted = []
    for form in forms:
        if formset.can_delete and formset._should_delete_form(form):
            if form.instance.pk:
                deleted.append(form.instance)
        elif form.has_changed():
            save_with_history(form.save(commit=False), by=by, reason=reason)
    return deleted


def letter_save(*, form, by) -> ProgressLetter:
    """Save the letter's own fields (subject, kenmerk, signature, opening, closing …).

    Raises StaleEdit when someone else saved the letter (or one of its sections or texts) since
    the form was opened, and ValidationError when the letter is no longer a draft.
    """
    reason = form.cleaned_data.get("reason") or gettext_noop("Brief bewerkt")
    with transaction.atomic():
        current = form.instance.locked_copy(form.cleaned_data["version"])
        require(may_edit(by, current))
        if "kamerstuk" in form.cleaned_data:
            form.instance.document = published_document(
                form.instance, form.cleaned_data["kamerstuk"], by=by)
        return save_with_history(form.instance, by=by, reason=reason)


def letter_save_section(*, letter, section, form, items, version, by) -> ProgressLetter:
    """Save one section of a draft from the section editor: its title and text (`form`; None
    for a rappel answer's items, which have no section) and its items' texts and "doet af",
    an item ticked off taken out of the letter.

    Raises StaleEdit when the letter changed since `version` (the editor then sees whether
    anything it shows was changed; see letters.views.section_edit).
    """
    name = one_line(section.title) if section else gettext_lazy("Toezeggingen")
    reason = dutch_reason(gettext_noop("Sectie ‘%(title)s’ bewerkt"), title=name)
    with transaction.atomic():
        current = letter.locked_copy(version)
        require(may_edit(by, current))
        if section and not current.sections.filter(pk=section.pk).exists():
            refuse(_("Deze sectie is intussen verwijderd."), "section_gone")
        touch(current, by=by, reason=reason)
        for part_form in ([form] if form is not None else []) + items.forms:
            if items.can_delete and items._should_delete_form(part_form):
                delete_with_history(part_form.instance, by=by, reason=reason)
            else:
                save_changed(part_form, by=by, reason=reason)
    return current


def save_changed(form, *, by, reason):
    """Write the fields `form` changed to its row as stored now, which the locked letter keeps
    from changing: a move saved after the form was read is not undone by a stale copy."""
    changed = [name for name in form._meta.fields if name in form.changed_data]
    if not changed:
        return
    row = type(form.instance)._default_manager.get(pk=form.instance.pk)
    for name in changed:
        setattr(row, name, form.cleaned_data[name])
    save_with_history(row, by=by, reason=reason)


def letter_add_section(*, letter, title, by) -> LetterSection:
    """A new, empty section at the end of a draft."""
    title = one_line(title)
    with transaction.atomic():
        current = letter.locked_copy()
        require(may_edit(by, current))
        order = max(current.sections.values_list("order", flat=True), default=0) + 10
        reason = dutch_reason(gettext_noop("Sectie toegevoegd: %(title)s"), title=title)
        touch(current, by=by, reason=reason)
        return save_with_history(LetterSection(letter=current, title=title, order=order), by=by,
                                 reason=reason)


def letter_delete_section(*, letter, section, by) -> ProgressLetter:
    """Remove an empty section from a draft: its items are moved or taken out first."""
    with transaction.atomic():
        current = letter.locked_copy()
        require(may_edit(by, current))
        if section.items.exists():
            refuse(_("De sectie ‘%(title)s’ bevat nog onderdelen: verplaats of verwijder die "
                     "eerst.") % {"title": section.title}, "section_in_use")
        reason = dutch_reason(gettext_noop("Sectie verwijderd: %(title)s"), title=section.title)
        touch(current, by=by, reason=reason)
        delete_with_history(section, by=by, reason=reason)
    return current


UP, DOWN = "up", "down"
WHERE = {UP: gettext_lazy("omhoog"), DOWN: gettext_lazy("omlaag")}  # in the Dutch reasons


def renumber(rows, *, by, reason):
    """Give `rows`, in their new order, the orders 10, 20, 30 …; only a row whose order changes
    is saved (with history)."""
    for position, row in enumerate(rows, start=1):
        if row.order != position * 10:
            row.order = position * 10
            save_with_history(row, by=by, reason=reason)


def moved(rows, row, direction):
    """`rows` with `row` one place up or down (at the edge it stays)."""
    rows = list(rows)
    at = rows.index(row)
    to = at - 1 if direction == UP else at + 1
    if 0 <= to < len(rows):
        rows[at], rows[to] = rows[to], rows[at]
    return rows


def letter_move_section(*, letter, section, direction, by) -> ProgressLetter:
    """One place up or down among the letter's sections (the buttons, not numbers)."""
    with transaction.atomic():
        current = letter.locked_copy()
        require(may_edit(by, current))
        sections = list(current.sections.order_by("order", "pk"))
        reason = dutch_reason(gettext_noop("Sectie ‘%(title)s’ %(where)s verplaatst"),
                              title=section.title,
                              where=WHERE[direction])
        touch(current, by=by, reason=reason)
        renumber(moved(sections, next(s for s in sections if s.pk == section.pk), direction),
                 by=by, reason=reason)
    return current


def letter_move_item(*, letter, item, by, direction=None, section=None) -> ProgressLetter:
    """One place up or down within its section, or to the end of another section."""
    with transaction.atomic():
        current = letter.locked_copy()
        require(may_edit(by, current))
        item = current.items.select_related("section").get(pk=item.pk)
        subject = item_ident(item)
        if section is not None and section.pk != item.section_id:
            reason = dutch_reason(gettext_noop("%(item)s verplaatst naar sectie ‘%(title)s’"),
                                  item=subject, title=section.title)
            touch(current, by=by, reason=reason)
            item.section = section
            item.order = max(section.items.values_list("order", flat=True), default=0) + 10
            save_with_history(item, by=by, reason=reason)
            return current
        reason = dutch_reason(gettext_noop("%(item)s %(where)s verplaatst"), item=subject,
                              where=WHERE[direction])
        touch(current, by=by, reason=reason)
        siblings = list(current.items.filter(section=item.section_id).order_by("order", "pk"))
        renumber(moved(siblings, next(i for i in siblings if i.pk == item.pk), direction),
                 by=by, reason=reason)
    return current


def published_document(letter, number, *, by):
    """The Document of Kamerstuk <dossier>, nr. <number> (created if the register lacks it), for
    a letter the Kamer published before it was finalised here; None without a number."""
    if not number:
        return None
    reference = Reference("kamerstuk", letter.dossier.number, number)
    document, _created = Document.objects.from_reference(
        reference, by=by, reason=f"Kamerstuk van {letter_words(letter)}")
    check_not_another_letters(document, letter, reference)
    return document


def check_not_another_letters(document, letter, reference):
    """A paper is one letter's: another letter's Kamerstuk is never taken over (the database
    refuses it too, but this says so in words)."""
    if document.progress_letters.exclude(pk=letter.pk).exists():
        refuse(_("%(reference)s hoort al bij een andere brief.") % {"reference": reference},
               "document_taken")


def touch(letter, *, by, reason):
    """Save the (locked) letter itself for a change of its parts: a history row and a new
    version, so that an edit screen opened before sees a conflict instead of overwriting it."""
    return save_with_history(letter, by=by, reason=reason, update_fields=["updated_at"])


def letter_save_texts(*, letter, formset, version, by) -> ProgressLetter:
    """Save the progress texts (or rappel explanations) an advisor wrote in a draft."""
    with transaction.atomic():
        current = letter.locked_copy(version)
        require(may_write_texts(by, current))
        touch(current, by=by, reason=gettext_noop("Voortgangsteksten bijgewerkt"))
        save_forms(formset.forms, formset=formset, by=by,
                   reason=gettext_noop("Voortgangstekst bijgewerkt"))
    return current


def find_subject(text):
    """The commitment, motion or law track typed as its number, reference or short name."""
    text = one_line(text)
    commitment = Commitment.objects.filter(
        Q(number__iexact=text) | Q(tk_number__iexact=text) | Q(ek_number__iexact=text)).first()
    if commitment:
        return commitment
    track = LawTrack.objects.filter(short_name__iexact=text).first()
    if track:
        return track
    references = [r for r in parse_references(text) if r.kind == "kamerstuk"]
    if len(references) == 1:
        motion = Motion.objects.filter(dossier__number=references[0].dossier,
                                       number=references[0].number).first()
        if motion:
            return motion
    refuse(_("Niet gevonden: ‘%(text)s’. Typ het nummer van een toezegging, de verwijzing naar "
             "een motie (Kamerstuk 24 077, nr. 453) of de korte naam van een traject.")
           % {"text": text}, "not_found")


def letter_add_item(*, letter, text, section=None, by, expected_version=None) -> LetterItem:
    """Add a commitment, motion or law track to a draft, its progress text pre-filled."""
    with transaction.atomic():
        current = letter.locked_copy(expected_version)
        require(may_edit(by, current))
        subject = find_subject(text)
        name = subject_field(subject)
        if current.items.filter(**{name: subject}).exists():
            refuse(_("‘%(subject)s’ staat al in deze brief.") % {"subject": subject}, "duplicate")
        if current.kind == LetterKind.RAPPEL and name != "commitment":
            refuse(_("Een antwoord op het rappel gaat alleen over toezeggingen."), "rappel")
        item = LetterItem(letter=current, section=section, **{name: subject})
        voice = Voice.of(current)
        if current.kind == LetterKind.RAPPEL:
            story = status_stories(Commitment, [subject.pk], "status", None).get(subject.pk)
            item.explanation = rappel_text(subject, voice=voice, story=story)
        else:
            item.progress_text = subject_text(subject, voice=voice)
        siblings = current.items.filter(section=section)
        item.order = max((i.order for i in siblings), default=0) + 10
        reason = dutch_reason(gettext_noop("Toegevoegd aan de brief: %(subject)s"),
                              subject=subject)
        touch(current, by=by, reason=reason)
        save_with_history(item, by=by, reason=reason)
    return item

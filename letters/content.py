"""What a letter says: its content for the Kamerbrief layout (HTML preview and PDF), and what
was approved.

    letter_items        the letter's items in print order
    letter_content      the letter as a LetterContent for letters/layout.py
    shown_content       what the screens and the draft PDF show (once approved: what was approved)
    approval_record     what approving records: the content and the register records it prints
    register_changes_since_approval
                        what changed in the register, since approval, in what the letter prints
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify

from commitments.models import (
    OPEN_EXECUTIONS,
    OPEN_STATUSES,
    Commitment,
    Motion,
    Status,
    VoteOutcome,
)
from commitments.vocabulary import EERSTE_KAMER_WORDS, TWEEDE_KAMER_WORDS
from legislation.models import LawTrack
from letters.layout import (
    EERSTE_KAMER,
    TWEEDE_KAMER,
    Annex,
    AnnexRow,
    LetterContent,
    RappelRow,
    Section,
    Sender,
    content_from_data,
    content_to_data,
)
from letters.models import Addressee, LetterKind
from letters.prose import deadline_words, one_line
from register.history import timeline


def letter_items(letter):
    """The letter's items in print order, with what the content and the screens show of them."""
    return list(letter.items.select_related(
        "section", "commitment__bewindspersoon", "motion__dossier", "law_track")
        .order_by("section__order", "order", "pk"))


def address_lines(text):
    """An address typed one line per line, or on one line with commas, as its lines."""
    lines = [line.strip() for line in (text or "").replace("\r", "").split("\n")]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",")]
    return tuple(line for line in lines if line)


def sender_of(ministry, directorate=None):
    """The sender column from the records of the letter's ministry and directorate (the
    letterhead is configuration, not code: DESIGN.md "Letters")."""
    return Sender(
        ministry=ministry.name, website=ministry.website,
        unit=directorate.unit if directorate else "",
        directorate=directorate.name if directorate else "",
        visiting_lines=address_lines(ministry.visiting_address),
        postal_lines=address_lines(ministry.postal_address),
        contact_lines=address_lines(directorate.contact) if directorate else ())


def item_heading(item):
    return "### " + one_line(item.title)


def section_bodies(letter, items):
    """Each section's own text followed by its items (a sub-heading and the progress text); an
    item without a progress text is covered by the section's text and not printed apart."""
    printed = {}
    for item in items:
        if item.progress_text.strip():
            printed.setdefault(item.section_id, []).append(
                f"{item_heading(item)}\n\n{item.progress_text.strip()}")
    sections = [Section(one_line(s.title), "\n\n".join([s.body.strip(), *printed.get(s.pk, [])]))
                for s in letter.sections.all()]
    if letter.kind == LetterKind.PROGRESS and printed.get(None):
        sections.append(Section("Overige onderwerpen", "\n\n".join(printed[None])))
    return tuple(sections)


def rappel_rows(letter, items):
    return tuple(
        RappelRow(number=item.commitment.ek_number or item.commitment.number,
                  text=one_line(item.commitment.text),
                  status=EERSTE_KAMER_WORDS[item.commitment.status],
                  explanation=item.explanation, expected=one_line(item.new_expected))
        for item in items if item.commitment_id and letter.kind == LetterKind.RAPPEL)


def in_letter(items, kind):
    return [item.subject.pk for item in items if item.subject_kind == kind]


def annex_commitments(letter, items):
    """The commitments the annex lists: the dossier's open ones, and those in the letter."""
    return (Commitment.objects.filter(dossier=letter.dossier)
            .filter(Q(status__in=OPEN_STATUSES) | Q(pk__in=in_letter(items, "commitment")))
            .select_related("bewindspersoon").prefetch_related("bewindspersoon__offices")
            .order_by("made_on", "number"))


def annex_motions(letter, items):
    """The motions the annex lists: the dossier's adopted open ones, and those in the letter."""
    return (Motion.objects.filter(dossier=letter.dossier, vote_outcome=VoteOutcome.ADOPTED)
            .filter(Q(execution_status__in=OPEN_EXECUTIONS) | Q(pk__in=in_letter(items, "motion")))
            .select_related("dossier").order_by("number"))


def has_annex(letter):
    return letter.annex and letter.dossier_id


def annex_for(letter, items):
    """The dossier's open commitments and motions, and those in the letter, with their status
    as the Kamer will read it: what the letter delivers is shown delivered; deadline words
    resolved to the day they were given, as in the letter's text ("komend jaar" said in 2020 is
    "in 2021")."""
    dossier = letter.dossier
    delivering = {(item.subject_kind, item.subject.pk) for item in items if item.delivers}
    commitments, motions = annex_commitments(letter, items), annex_motions(letter, items)
    rows = [AnnexRow(number=c.tk_number or c.number, text=one_line(c.title),
                     bewindspersoon=c.bewindspersoon.full_name,
                     deadline=deadline_words(c) or "geen termijn",
                     status=TWEEDE_KAMER_WORDS[Status.DONE if ("commitment", c.pk) in delivering
                                               else c.status])
            for c in commitments]
    rows += [AnnexRow(number=f"{dossier.display_number}, nr. {m.number}", text=one_line(m.title),
                      bewindspersoon="—", deadline="—",
                      status="Uitgevoerd" if ("motion", m.pk) in delivering
                      else str(m.get_execution_status_display()))
             for m in motions]
    return Annex(title=f"Toezeggingen en moties, Kamerstukdossier {dossier.display_number} "
                       f"{dossier.title}".strip(), rows=tuple(rows))


def letter_content(letter, *, items=None) -> LetterContent:
    """The letter as plain data for the Kamerbrief layout (HTML preview and PDF).

    In Dutch whatever the language of the screens: the status words in the annex, too.
    """
    items = letter_items(letter) if items is None else items
    with translation.override("nl"):
        return LetterContent(
            kind=letter.kind, kenmerk=letter.kenmerk, date=letter.date,
            subject=one_line(letter.subject),
            sender=sender_of(letter.ministry, letter.directorate), uw_brief=letter.uw_brief,
            bijlagen=letter.bijlagen,
            addressee=EERSTE_KAMER if letter.addressee == Addressee.EERSTE_KAMER else TWEEDE_KAMER,
            opening=letter.opening, sections=section_bodies(letter, items), closing=letter.closing,
            rappel_rows=rappel_rows(letter, items),
            signatory_office=letter.signatory_office, signatory_name=letter.signatory_name,
            annex=annex_for(letter, items) if has_annex(letter) else None,
        )


# --- What was approved ----------------------------------------------------------------------
#
# Approving records the letter's full content and the register records it prints; finalising
# renders exactly that content (DESIGN.md "Letters"). Register changes made after approval do not
# reach the letter; the finalise confirmation lists them.

# The fields of the register's records that a letter prints (headings, annex, rappel table).
PRINTED_FIELDS = {
    "commitment": ["number", "tk_number", "ek_number", "title", "text", "bewindspersoon",
                   "deadline_text", "status"],
    "motion": ["number", "title", "execution_status", "vote_outcome"],
    "law_track": ["title"],
}
SUBJECT_MODELS = {"commitment": Commitment, "motion": Motion, "law_track": LawTrack}


def content_sha256(content):
    """A fingerprint of a letter's content: what an approver saw is what is approved."""
    data = json.dumps(content_to_data(content), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def printed_subjects(letter, items):
    """{kind: [pk, ...]}: the commitments, motions and law tracks the letter prints."""
    printed = {kind: in_letter(items, kind) for kind in SUBJECT_MODELS}
    if has_annex(letter):
        printed["commitment"] = sorted({*printed["commitment"], *annex_commitments(
            letter, items).values_list("pk", flat=True)})
        printed["motion"] = sorted({*printed["motion"], *annex_motions(
            letter, items).values_list("pk", flat=True)})
    return printed


def approval_record(letter, content, items):
    return {"content": content_to_data(content), "printed": printed_subjects(letter, items)}


def approved_content(letter):
    """The LetterContent that was approved (None for a letter not approved)."""
    if not letter.approved_content:
        return None
    return content_from_data(letter.approved_content["content"])


def shown_content(letter, items=None):
    """What the letter's screens and draft PDF show: once approved, what was approved."""
    if letter.is_approved:
        return approved_content(letter)
    return letter_content(letter, items=items)


@dataclass(frozen=True)
class RegisterChange:
    """A change after approval to a record the letter prints, which the letter will not show."""

    subject: object
    entry: object  # a register.history.TimelineEntry, its changes narrowed to printed fields


def register_changes_since_approval(letter):
    """What changed in the register, after approval, in what the letter prints — and the records
    the letter would print now but did not when approved (a commitment added to the dossier)."""
    if not letter.is_approved:
        return []
    items = letter_items(letter)
    then = letter.approved_content["printed"]
    now = printed_subjects(letter, items)
    found = []
    for kind, model in SUBJECT_MODELS.items():
        labels = {str(model._meta.get_field(name).verbose_name) for name in PRINTED_FIELDS[kind]}
        # One query per kind finds the few records changed since; only their history is read.
        changed = model.history.filter(id__in={*then.get(kind, []), *now[kind]},
                                       history_date__gt=letter.approved_at).values("id")
        for subject in model.objects.filter(pk__in=changed):
            for entry in timeline(subject)[::-1]:
                if entry.record.history_date <= letter.approved_at:
                    continue
                entry.changes = [change for change in entry.changes if change.label in labels]
                if entry.changes or entry.created:
                    found.append(RegisterChange(subject, entry))
    return sorted(found, key=lambda change: change.entry.record.history_date)


def letter_file_name(letter, extension="pdf"):
    """The name a download of the letter gets: its subject and date, "-concept" for a draft."""
    draft = "" if letter.is_final else "-concept"
    return f"{slugify(letter.subject)[:60] or 'brief'}-{letter.date:%Y-%m-%d}{draft}.{extension}"

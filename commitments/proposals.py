"""Commitments found in texts, reviewed by a clerk (DESIGN.md "Commitments found in texts").

register.extraction finds them (the chair's list in a debate report, the promises in a letter);
here they are offered for review and each is accepted (possibly edited) as a new commitment,
merged with an existing one, or rejected. Every step writes history, on the proposal and on the
commitment it becomes or joins, naming the report or letter.
"""

from xml.etree.ElementTree import ParseError

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from commitments.models import Commitment, CommitmentProposal, ProposalStatus
from register.extraction import toezeggingen_from_report
from register.history import dutch_reason, save_with_history
from register.models import Person


def proposals_offer(*, source, source_id, source_title, found, by, made_in=None, said_on=None,
                    also_known_as=()):
    """Store the proposals `found` in one report or letter for review; returns (new, known):
    an item offered before (the same report uploaded again) is not offered twice."""
    fresh, changed, _known = proposals_plan(source=source, source_ids={source_id, *also_known_as},
                                            found=found)
    proposals_write(source=source, source_id=source_id, source_title=source_title,
                    made_in=made_in, said_on=said_on, fresh=fresh, changed=changed, by=by)
    return len(fresh), len(found) - len(fresh)


def _words(text):
    return " ".join(text.casefold().split())


def proposals_plan(*, source, source_ids, found):
    """What the items `found` in a source add to the review: (fresh, changed, known).

    An item offered before — the same words, or the same place in the source — is not offered
    again, also when the source comes again in a new version (a corrected report: the Kamer's
    id of the meeting stays, `source_ids` holds it and the report's own). An open proposal whose
    words changed in the new version is brought up to date (`changed`: (proposal, item)); one a
    clerk already decided stays as decided. `fresh` holds (position, item) of the new ones.
    """
    held = list(CommitmentProposal.objects.filter(source=source, source_id__in=source_ids))
    by_words = {_words(p.text): p for p in held}
    by_position = {p.position: p for p in held}
    # One speech of the chair may read out several items: its id and the item's place in it.
    counts, fresh, changed, known = {}, [], [], 0
    for item in found:
        counts[item.position] = counts.get(item.position, 0) + 1
        position = f"{item.position} #{counts[item.position]}"
        if _words(item.text) in by_words:
            known += 1
            continue
        proposal = by_position.get(position)
        if proposal is None:
            fresh.append((position, item))
        elif proposal.status == ProposalStatus.OPEN:
            changed.append((proposal, item))
        else:
            known += 1
    return fresh, changed, known


def proposals_write(*, source, source_id, source_title, fresh, changed, by, made_in=None,
                    said_on=None, via=""):
    """Write what proposals_plan found, each proposal with a history row naming the source (and
    `via`, what found it: "sync_tk")."""
    suffix = f" ({via})" if via else ""
    with transaction.atomic():
        for position, item in fresh:
            proposal = CommitmentProposal(
                source=source, source_id=source_id, source_title=source_title[:300],
                made_in=made_in, position=position, said_on=item.debate_date or said_on)
            fill(proposal, item)
            save_with_history(proposal, by=by, reason=dutch_reason(
                gettext_noop("Voorgesteld uit %(source)s"), source=proposal.source_label)
                + suffix)
        for proposal, item in changed:
            fill(proposal, item)
            save_with_history(proposal, by=by, reason=dutch_reason(
                gettext_noop("Bijgewerkt naar een nieuwe versie van %(source)s"),
                source=proposal.source_label) + suffix)


def fill(proposal, item):
    proposal.committee_text = item.committee[:300]
    proposal.text = item.text
    proposal.deadline_text = item.deadline_text[:300]
    proposal.bewindspersoon_text = item.bewindspersoon_text[:300]
    proposal.member_text = item.member_text[:300]


def report_source(found):
    """(source_id, the report's other ids, title) of a report's proposals: the meeting's id,
    the same in every version of its report (earlier uploads were kept by the version's)."""
    first = found[0]
    title = first.debate_title or first.source
    source_id = first.meeting or first.source or f"{first.debate_date}:{title}"[:100]
    return source_id, {first.source} - {"", source_id}, title


def proposals_from_report(*, xml, by):
    """The chair's list of a VLOS debate report, offered for review; (new, known)."""
    try:
        found = toezeggingen_from_report(xml)
    except (ValueError, ParseError) as error:
        raise ValidationError(_("Dit bestand is geen leesbaar VLOS-verslag (XML) van de Tweede "
                                "Kamer: %(error)s") % {"error": error}, code="unreadable") from None
    if not found:
        return 0, 0
    source_id, also, title = report_source(found)
    return proposals_offer(source=CommitmentProposal.Source.REPORT, source_id=source_id,
                           also_known_as=also, source_title=title, found=found, by=by)


def locked_open(proposal):
    current = CommitmentProposal.objects.select_for_update().get(pk=proposal.pk)
    if current.status != ProposalStatus.OPEN:
        raise ValidationError(_("Dit voorstel is al beoordeeld (%(status)s).")
                              % {"status": current.get_status_display()}, code="decided")
    return current


def proposal_accept(*, proposal, form, by) -> Commitment:
    """The proposal, as the clerk edited it in `form` (a ProposalAcceptForm), as a commitment."""
    with transaction.atomic():
        proposal = locked_open(proposal)
        commitment = form.instance
        commitment.made_in = proposal.made_in
        save_with_history(commitment, by=by, reason=dutch_reason(
            gettext_noop("Toezegging geregistreerd uit %(source)s"), source=proposal.source_label))
        proposal.status, proposal.commitment = ProposalStatus.ACCEPTED, commitment
        save_with_history(proposal, by=by, reason=dutch_reason(
            gettext_noop("Overgenomen als toezegging %(number)s"), number=commitment.number))
    return commitment


def proposal_merge(*, proposal, commitment, by) -> Commitment:
    """The proposal is an existing commitment said again: noted on it, with history."""
    with transaction.atomic():
        proposal = locked_open(proposal)
        commitment = commitment.locked_copy()
        note = dutch_reason(gettext_noop("Ook genoemd in %(source)s: %(text)s"),
                            source=proposal.source_label, text=proposal.text)
        commitment.notes = f"{commitment.notes}\n\n{note}".strip()
        save_with_history(commitment, by=by, reason=dutch_reason(
            gettext_noop("Voorstel uit %(source)s samengevoegd met deze toezegging"),
            source=proposal.source_label))
        proposal.status, proposal.commitment = ProposalStatus.MERGED, commitment
        save_with_history(proposal, by=by, reason=dutch_reason(
            gettext_noop("Samengevoegd met toezegging %(number)s"), number=commitment.number))
    return commitment


def proposal_reject(*, proposal, reason, by):
    with transaction.atomic():
        proposal = locked_open(proposal)
        proposal.status, proposal.reason = ProposalStatus.REJECTED, reason
        save_with_history(proposal, by=by, reason=dutch_reason(
            gettext_noop("Afgewezen: %(reason)s"), reason=reason))
    return proposal


def proposed_person(words, said_on, *, office):
    """The person the source names ("Karremans, minister van Economische Zaken", "de heer
    Stoffer"), when exactly one in the register fits; else None and the clerk picks one."""
    name = words.split(",")[0].strip()
    for title in ("de heer ", "mevrouw ", "het lid "):
        name = name.removeprefix(title)
    if not name.split():
        return None
    # The surname is the last word ("Van der Burg": prefix "van der", surname "Burg").
    name = name.split()[-1]
    people = Person.objects.filter(surname__iexact=name)
    people = people.filter(offices__isnull=False) if office else people.filter(
        memberships__isnull=False)
    found = list(people.distinct()[:2])
    return found[0] if len(found) == 1 else None

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


def proposals_offer(*, source, source_id, source_title, found, by, made_in=None, said_on=None):
    """Store the proposals `found` in one report or letter for review; returns (new, known):
    an item offered before (the same report uploaded again) is not offered twice."""
    known = set(CommitmentProposal.objects.filter(source=source, source_id=source_id)
                .values_list("position", flat=True))
    # One speech of the chair may read out several items: its id and the item's place in it.
    counts, fresh = {}, []
    for item in found:
        counts[item.position] = counts.get(item.position, 0) + 1
        position = f"{item.position} #{counts[item.position]}"
        if position not in known:
            fresh.append((position, item))
    with transaction.atomic():
        for position, item in fresh:
            proposal = CommitmentProposal(
                source=source, source_id=source_id, source_title=source_title[:300],
                made_in=made_in, committee_text=item.committee[:300], position=position,
                said_on=item.debate_date or said_on, text=item.text,
                deadline_text=item.deadline_text[:300],
                bewindspersoon_text=item.bewindspersoon_text[:300],
                member_text=item.member_text[:300])
            save_with_history(proposal, by=by, reason=dutch_reason(
                gettext_noop("Voorgesteld uit %(source)s"), source=proposal.source_label))
    return len(fresh), len(found) - len(fresh)


def proposals_from_report(*, xml, by):
    """The chair's list of a VLOS debate report, offered for review; (new, known)."""
    try:
        found = toezeggingen_from_report(xml)
    except (ValueError, ParseError) as error:
        raise ValidationError(_("Dit bestand is geen leesbaar VLOS-verslag (XML) van de Tweede "
                                "Kamer: %(error)s") % {"error": error}, code="unreadable") from None
    if not found:
        return 0, 0
    first = found[0]
    title = first.debate_title or first.source
    return proposals_offer(source=CommitmentProposal.Source.REPORT,
                           source_id=first.source or f"{first.debate_date}:{title}"[:100],
                           source_title=title, found=found, by=by)


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

"""The promises a letter makes (register.extraction.promises_in_letter), offered for the same
review as a debate report's commitments (commitments.proposals)."""

from commitments.models import CommitmentProposal
from commitments.proposals import proposals_offer
from letters.content import shown_content
from letters.markup import plain_text
from register.extraction import promises_in_letter


def letter_text(letter):
    """The letter's own words, as approved once it is: opening, sections, closing."""
    content = shown_content(letter)
    parts = [content.opening, *(section.body for section in content.sections), content.closing]
    return "\n\n".join(plain_text(part) for part in parts if part.strip())


def letter_promises(letter):
    return promises_in_letter(letter_text(letter), letter.date)


def letter_offer_promises(*, letter, by):
    """The final letter's promises, for review, linked to its Document; (new, known)."""
    return proposals_offer(
        source=CommitmentProposal.Source.LETTER, source_id=f"brief-{letter.pk}",
        source_title=letter.subject, found=letter_promises(letter), by=by,
        made_in=letter.document, said_on=letter.date)

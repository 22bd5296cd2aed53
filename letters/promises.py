"""The promises a letter makes (register.extraction.promises_in_letter), offered for the same
review as a debate report's commitments (commitments.proposals)."""

import re

from commitments.models import CommitmentProposal
from commitments.proposals import proposals_offer
from letters.content import shown_content
from letters.markup import plain_text
from register.extraction import promises_in_letter

# A quotation: ‘…’ or “…”, its closing mark not an apostrophe inside a word ("auto’s").
_QUOTATION = re.compile(r"(?<!\w)‘.*?’(?!\w)|(?<!\w)“.*?”(?!\w)", re.DOTALL)


def own_words(text):
    """What the letter says in its own words: without its sub-headings (an item's title is no
    sentence of the next paragraph) and without quotations — a quoted promise ("schreef mijn
    ambtsvoorganger: ‘Ik ga na het Kerstreces …’") is an earlier one the register holds, its
    relative words said then, not now."""
    return _QUOTATION.sub("‘…’.", plain_text(text, headings=False))


def letter_text(letter):
    """The letter's own words, as approved once it is: opening, sections, closing."""
    content = shown_content(letter)
    parts = [content.opening, *(section.body for section in content.sections), content.closing]
    return "\n\n".join(own_words(part) for part in parts if part.strip())


def letter_promises(letter):
    return promises_in_letter(letter_text(letter), letter.date)


def letter_offer_promises(*, letter, by):
    """The final letter's promises, for review, linked to its Document; (new, known)."""
    return proposals_offer(
        source=CommitmentProposal.Source.LETTER, source_id=f"brief-{letter.pk}",
        source_title=letter.subject, found=letter_promises(letter), by=by,
        made_in=letter.document, said_on=letter.date)

"""The Kamer's texts: a short title, the words that name the deadline, how alike two texts are."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from register.periods import parse_period

# A hand-entered commitment is the Kamer's record when the same bewindspersoon made it on the same
# day and the texts agree this well: difflib's ratio over the sequences of words (capitals and
# punctuation ignored). Paraphrases ("Ik stuur de Kamer voor de zomer een brief over X" and "De
# minister zegt toe voor de zomer een brief over X te sturen") score 0.7-0.8; unrelated promises
# made in the same debate score below 0.4.
MATCH_THRESHOLD = 0.6
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[^\s.]{3}[.!?])\s+(?=[A-Z\"“‘(])")


def words(text):
    return _WORD.findall(text.casefold())


def similarity(a, b):
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def short_title(text, limit=100):
    """The first sentence (up to 120 characters), else the first ~100 cut at a word."""
    flat = " ".join(text.split())
    sentence = _SENTENCE_END.split(flat, maxsplit=1)[0]
    if len(sentence) <= limit * 6 // 5:
        return sentence[:-1] if sentence.endswith(".") else sentence
    cut = flat[:limit + 1].rsplit(" ", 1)[0] if " " in flat[:limit + 1] else flat[:limit]
    return cut.rstrip(",;:.") + "…"


def deadline_words(text, made_on):
    """The words of `text` that name the deadline, as `Commitment.derive_deadline` reads them."""
    period = parse_period(text, made_on)
    words_ = period.text.strip()[:300] if period else ""
    # Parsed on its own, relative to the same day, the phrase must name the same period, or the
    # saved deadline would differ from the one the full text names.
    again = parse_period(words_, made_on) if words_ else None
    return words_ if again and (again.start, again.end) == (period.start, period.end) else ""


def set_deadline(commitment, period):
    """The deadline words of a period found in the text, derived as save() derives them; dropped
    when the words alone name another period (so that a later save cannot move the deadline)."""
    commitment.deadline_text = period.text.strip()[:300] if period else ""
    commitment.derive_deadline()
    parsed = (commitment.deadline_parsed_start, commitment.deadline_parsed_end)
    if period and parsed != (period.start, period.end):
        commitment.deadline_text = ""
        commitment.derive_deadline()

"""Names of people as the Kamer's records write them: cleaned of what is not part of the name,
and folded into a key under which two spellings of one person meet.

Real signatures and subjects of motions carry more than the name: a full stop or comma that
followed it in the text ("Boswijk.", "Dassen,"), a backslash from an escaped export
("\\Van Baarle"), "c.s." (cum suis, "and others": "Klaver c.s..") and accents that one record
writes and another drops ("Kostić", "Kostic"). `clean_name` keeps the name as it should be
shown; `fold` is for comparing only.
"""

from __future__ import annotations

import re
import unicodedata

# "c.s.", "c.s..", "cs", "c. s.", with what stood around it.
_CUM_SUIS = re.compile(r"[\s,]*\bc\.?\s?s\b\.*[\s.,;:]*$", re.IGNORECASE)
# Characters that are never the first or last of a name.
_LEADING = "\\/.,;:*'\"`´-–— \t"
_TRAILING = "\\/,;:*'\"`´-–— \t"
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+$")


def has_cum_suis(text):
    """Whether the name ends in "c.s." (the motion has more submitters than it names)."""
    return bool(_CUM_SUIS.search(" ".join(text.split())))


def clean_name(text):
    """The name without what surrounds it in the Kamer's texts: "Boswijk." → "Boswijk",
    "Dassen," → "Dassen", "\\Van Baarle" → "Van Baarle", "Klaver c.s.." → "Klaver". Initials
    keep their full stops ("J. Kwint", "Harbers, M.G.J.")."""
    text = _CUM_SUIS.sub("", " ".join(text.split()))
    text = text.lstrip(_LEADING).rstrip(_TRAILING)
    last = text.rsplit(" ", 1)[-1].rsplit(",", 1)[-1]
    while text.endswith(".") and not _INITIALS.match(last):
        text = text[:-1].rstrip(_TRAILING)
        last = text.rsplit(" ", 1)[-1].rsplit(",", 1)[-1]
    return text


def fold(text):
    """A key for comparing names: accents and capitals ignored, stray characters cleaned off,
    apostrophes made alike ("Kostić" and "Kostic", "D’Hondt" and "d'hondt" meet)."""
    decomposed = unicodedata.normalize("NFKD", clean_name(text).replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())

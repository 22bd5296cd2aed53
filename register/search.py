"""Free-text search that suits Dutch: every word matches as a prefix, accents do not matter.

The same semantics on SQLite and PostgreSQL by construction: each record keeps a normalised
copy of its number, title and text (`search_text`: lowercase ASCII words separated by single
spaces, with a leading space), normalised here in Python, and a query word `w` matches when
" w" occurs in it — a word that starts with `w`. Only the index that finds the candidates
differs per database (see docs/PERFORMANCE.md for the measurements behind the choice):

- PostgreSQL: a trigram GIN index (pg_trgm) on `search_text`, which serves LIKE '% w%';
- SQLite: an FTS5 table over the same normalised words, queried with prefix terms "w"*; its
  unicode61 tokenizer splits on the same spaces, so it finds exactly the same rows.

Ranking is one expression for both: a word found in the number or title counts double.
"""

import re
import unicodedata

from django.db import connection
from django.db.models import Case, IntegerField, Value, When
from django.db.models.expressions import RawSQL

WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS = 8


def normalize(*parts):
    """" lachgasgebruik onder jongeren cocaine …": lowercase ASCII words, leading space."""
    text = " ".join(part for part in parts if part)
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " " + " ".join(WORD.findall(ascii_text.replace("ß", "ss")))


def query_words(query):
    """The distinct normalised words of a query, at most MAX_WORDS of them."""
    return list(dict.fromkeys(normalize(query).split()))[:MAX_WORDS]


def fts_match(words):
    """The FTS5 query: every word as a prefix term. Words are [a-z0-9]+, so quoting is safe."""
    return " AND ".join(f'"{word}"*' for word in words)


def search(queryset, query, *, fts_table=None):
    """Rows of `queryset` matching every word of `query` as a word prefix, best first.

    Adds the annotation `search_rank`; the caller orders by it (and a tie-breaker).
    """
    words = query_words(query)
    if not words:
        return queryset.annotate(search_rank=Value(0, output_field=IntegerField()))
    if fts_table and connection.vendor == "sqlite":
        match = fts_match(words)
        # The table name is ours, not user input; the user's words go in as a parameter.
        sql = f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH %s"  # noqa: S608
        queryset = queryset.filter(pk__in=RawSQL(sql, [match]))  # noqa: S611
    else:
        for word in words:
            queryset = queryset.filter(search_text__contains=" " + word)
    rank = sum((Case(When(search_title__contains=" " + word, then=Value(2)), default=Value(1),
                     output_field=IntegerField()) for word in words), Value(0))
    return queryset.annotate(search_rank=rank)

"""What the searchable selects offer as the user types (static/js/search-select.js asks
register.views.choices): people, papers, debates and dossiers, by the words of their names.

A select of every document or member would send thousands of options with each form; these
look-ups answer the first matches of what was typed, one query each.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from register.models import Debate, Document, Dossier, Person

LIMIT = 20


@dataclass(frozen=True)
class Kind:
    permission: str
    queryset: Callable  # () -> the QuerySet offered, with what the labels need
    fields: tuple  # the fields a typed word is looked for in
    label: Callable = str


def person_label(person):
    return person.full_name


def document_label(document):
    return f"{document} — {document.title}" if document.title and document.reference \
        else str(document)


KINDS = {
    "leden": Kind("register.view_person",
                  lambda: Person.objects.members().prefetch_related("offices"),
                  ("surname", "first_name", "initials", "prefix"), person_label),
    "bewindspersonen": Kind("register.view_person",
                            lambda: Person.objects.bewindspersonen().prefetch_related("offices"),
                            ("surname", "first_name", "initials", "prefix", "offices__title"),
                            person_label),
    "documenten": Kind("register.view_document",
                       lambda: Document.objects.select_related("dossier"),
                       ("number", "title", "kenmerk", "dossier__number"), document_label),
    "debatten": Kind("register.view_debate", lambda: Debate.objects.all(), ("title",)),
    "dossiers": Kind("register.view_dossier", lambda: Dossier.objects.all(),
                     ("number", "title")),
}


def matching(kind, text, *, dossier=None):
    """The first LIMIT records of `kind` with every typed word in one of its fields (a
    dossier's number also without its space: "24 077" finds 24077), and whether there are more.
    """
    queryset = kind.queryset()
    if dossier:
        queryset = queryset.filter(dossier=dossier)
    words = text.split()[:8]
    if "number" in kind.fields and len(words) == 2 and all(w.isdigit() for w in words):
        words = ["".join(words)]
    for word in words:
        condition = Q()
        for field in kind.fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    if any("__" in field for field in kind.fields):
        queryset = queryset.distinct()
    found = list(queryset[:LIMIT + 1])
    return [(record.pk, kind.label(record)) for record in found[:LIMIT]], len(found) > LIMIT

"""Plain-ORM builders for test records (as healthchecks does: no factory library)."""

import datetime
import itertools

from commitments.models import Commitment, Motion
from register.history import save_with_history
from register.models import Document, Dossier, Ministry, Office, Person

_counter = itertools.count(1)


def ministry(abbreviation="VWS"):
    return Ministry.objects.get_or_create(
        abbreviation=abbreviation, defaults={"name": f"Ministerie {abbreviation}"})[0]


def bewindspersoon(surname="Blokhuis"):
    person, created = Person.objects.get_or_create(surname=surname, defaults={"initials": "P."})
    if created:
        Office.objects.create(person=person, title="Staatssecretaris van VWS", ministry=ministry())
    return person


def dossier(number="24077"):
    return Dossier.objects.get_or_create(number=number, defaults={"title": "Drugbeleid"})[0]


def document(number=None, *, on=datetime.date(2020, 12, 18)):
    number = number or str(1000 + next(_counter))
    return Document.objects.get_or_create(kind="brief", dossier=dossier(), number=number,
                                          defaults={"date": on})[0]


def commitment(by, **fields):
    values = {"title": f"Toezegging {next(_counter)}", "text": "Ik stuur de Kamer een brief.",
              "bewindspersoon": bewindspersoon(), "ministry": ministry(),
              "made_on": datetime.date(2020, 12, 18), "dossier": dossier(), **fields}
    return save_with_history(Commitment(**values), by=by, reason="Geregistreerd")


def motion(by, **fields):
    values = {"dossier": dossier(), "number": str(400 + next(_counter)),
              "title": "Motie over drugsvrije schoolpleinen", **fields}
    return save_with_history(Motion(**values), by=by, reason="Geregistreerd")

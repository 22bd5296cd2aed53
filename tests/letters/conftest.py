"""Builders for letter tests: a small register around dossier 24 077, and letters at each step.

Most tests do not need a real PDF; `fake_pdf` stands in for WeasyPrint (rendering is tested on
its own, and by the tests that read the PDF).
"""

import datetime
import http.server
import threading

import pytest
from django.utils import timezone

from commitments.models import Commitment, Motion, MotionSubmitter
from legislation.models import LawTrack
from letters.compose import letter_compose
from letters.content import letter_content, shown_content
from letters.layout import render_letter_pdf
from letters.services import letter_approve, letter_submit
from register.history import save_with_history
from register.models import Party, PartyMembership, Person
from tests import factories

LONG_AGO = datetime.date(2019, 11, 7)


def moment(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def fake_pdf(monkeypatch):
    """WeasyPrint replaced by a stand-in that records what it was asked to render."""
    rendered = []

    def render(content, **options):
        rendered.append(content)
        return b"%PDF-1.7 stand-in for " + content.subject.encode() + b"\n%%EOF\n"

    monkeypatch.setattr("letters.services.render_letter_pdf", render)
    return rendered


def commitment(by, *, made_on=LONG_AGO, **fields):
    """A commitment registered on the day it was made (its history row dated so)."""
    values = {"title": "Toezegging", "text": "Ik stuur de Kamer een brief.",
              "bewindspersoon": factories.bewindspersoon(), "ministry": factories.ministry(),
              "dossier": factories.dossier(), "made_on": made_on, **fields}
    return save_with_history(Commitment(**values), by=by, reason="Geregistreerd",
                             at=moment(made_on, 9))


@pytest.fixture
def counting_server():
    """A web server on 127.0.0.1 that counts the requests it gets (as in the layout tests)."""
    from tests.letters.test_layout import _CountingHandler

    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    _CountingHandler.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], _CountingHandler.requests
    server.shutdown()
    server.server_close()


RENDERED_ON = datetime.date(2026, 6, 1)
_RENDERED = {}
_SHOWN = {}


@pytest.fixture
def letters(db, clerk, letter_writer, demo):
    """{name: (pdf bytes, content, draft)} of the demo letter (final, its stored PDF), a
    composed progress letter and an answer to the rappel (drafts), made and rendered once per
    test process, by the first test that asks."""
    if not _RENDERED:
        final = demo["letter"]
        progress = letter_compose(dossier=demo["dossiers"]["24077"], by=letter_writer,
                                  today=RENDERED_ON)
        rappel = letter_compose(kind="rappel", reference_date=datetime.date(2026, 7, 1),
                                by=letter_writer, today=RENDERED_ON)
        with final.pdf.open("rb") as stored:
            _RENDERED["demo"] = (stored.read(), letter_content(final), False)
        for name, letter in (("composed", progress), ("rappel", rappel)):
            content = letter_content(letter)
            _RENDERED[name] = (render_letter_pdf(content), content, True)
        for name, letter in (("demo", final), ("composed", progress), ("rappel", rappel)):
            _SHOWN[name] = shown_content(letter)
    return _RENDERED


@pytest.fixture
def shown_letters(letters):
    """{name: content} of the same letters as their pages show them: a final letter's is what
    was approved, which its stored PDF shows."""
    return _SHOWN


@pytest.fixture
def register_24077(clerk):
    """Dossier 24 077 with commitments, an adopted motion and a law track, history dated."""
    dossier = factories.dossier()
    objects = {"dossier": dossier}
    objects["open"] = commitment(clerk, title="Persona onderzoek", made_on=LONG_AGO,
                                           deadline_text="in het voorjaar van 2021",
                                           text="Ik informeer de Kamer over het onderzoek.")
    objects["in_progress"] = commitment(clerk, title="Preventieaanpak cocaïne",
                                                  made_on=LONG_AGO)
    objects["in_progress"].change_status("in_progress", by=clerk, reason="Trimbos is begonnen",
                                         at=moment(datetime.date(2020, 3, 1)))
    objects["lapsed"] = commitment(clerk, title="Oude toezegging", made_on=LONG_AGO)
    objects["lapsed"].change_status("lapsed", by=clerk, reason="Ingehaald door de wet",
                                    at=moment(datetime.date(2020, 2, 1)))
    party = Party.objects.create(abbreviation="PVV")
    mulder = Person.objects.create(first_name="Edgar", surname="Mulder")
    PartyMembership.objects.create(person=mulder, party=party)
    motion = save_with_history(Motion(dossier=dossier, number="453",
                                      filed_on=datetime.date(2019, 12, 11),
                                      title="Motie over drugsvrije schoolpleinen"),
                               by=clerk, reason="Geregistreerd",
                               at=moment(datetime.date(2019, 12, 11)))
    MotionSubmitter.objects.create(motion=motion, person=mulder, party=party)
    motion.record_vote("adopted", by=clerk, reason="Stemmingen", on=datetime.date(2019, 12, 17),
                       at=moment(datetime.date(2019, 12, 17)))
    objects["motion"] = motion
    track = save_with_history(LawTrack(
        title="Plaatsing van lachgas op lijst II van de Opiumwet", short_name="Lachgasbesluit",
        instrument="amvb", ministry=factories.ministry(), reporting_dossier=dossier),
        by=clerk, reason="Geregistreerd", at=moment(datetime.date(2020, 6, 1)))
    track.add_template_stages(by=clerk, reason="Sjabloon", at=moment(datetime.date(2020, 6, 1)))
    objects["track"] = track
    return objects


@pytest.fixture
def draft(register_24077, letter_writer):
    """A progress letter on 24 077 as composed, by letter staff member "brieven"."""
    return letter_compose(dossier=register_24077["dossier"], by=letter_writer,
                          today=datetime.date(2021, 1, 15))


@pytest.fixture
def draft_on_demo(demo, letter_writer):
    return letter_compose(dossier=demo["dossiers"]["24077"], by=letter_writer)


@pytest.fixture
def approved(draft, letter_writer, letter_writer2):
    letter_submit(letter=draft, by=letter_writer)
    return letter_approve(letter=draft, by=letter_writer2)


def item_for(letter, subject):
    field = {"Commitment": "commitment", "Motion": "motion"}.get(type(subject).__name__,
                                                                "law_track")
    return letter.items.get(**{field: subject})


def reload(obj):
    return type(obj)._default_manager.get(pk=obj.pk)


__all__ = ["LONG_AGO", "Motion", "commitment", "item_for", "moment", "reload"]

"""Search suits Dutch, with the same results on SQLite and PostgreSQL (the suite runs on both)."""

import pytest
from django.http import QueryDict

from commitments.filters import CommitmentFilter, MotionFilter
from commitments.models import Commitment, Motion
from register.search import normalize, query_words
from tests import factories


@pytest.fixture
def corpus(clerk):
    return {
        "lachgas": factories.commitment(clerk, title="Onderzoek naar lachgasgebruik onder jongeren",
                                        text="Het Trimbos-instituut onderzoekt het gebruik."),
        "cocaine": factories.commitment(clerk, title="Preventieaanpak",
                                        text="Een gerichte aanpak voor gebruikers van cocaïne."),
        "persona": factories.commitment(clerk, title="Persona onderzoek",
                                        text="Uitkomsten in het voorjaar; ook over lachgas."),
        "unrelated": factories.commitment(clerk, title="LADIS",
                                          text="Wetswijziging Wkkgz voor de registers."),
    }


def found(query):
    filterset = CommitmentFilter(QueryDict(f"q={query}"), queryset=Commitment.objects.all())
    return [c.title for c in filterset.qs]


@pytest.mark.parametrize("query, expected", [
    ("lachgas jongeren", ["Onderzoek naar lachgasgebruik onder jongeren"]),
    ("cocaine", ["Preventieaanpak"]),
    ("COCAÏNE", ["Preventieaanpak"]),
    ("trimbos", ["Onderzoek naar lachgasgebruik onder jongeren"]),
    ("wkkgz registers", ["LADIS"]),
    ("gasgebruik", []),  # inside a word is not the start of a word
    ("lachgas fiets", []),  # every word must match
])
def test_dutch_search(query, expected, corpus):
    assert found(query) == expected


def test_best_matches_first(corpus):
    """A word in the title counts double: the title match comes before the text match."""
    assert found("lachgas") == ["Onderzoek naar lachgasgebruik onder jongeren",
                                "Persona onderzoek"]


def test_search_by_number(corpus):
    number = corpus["persona"].number
    assert found(number) == ["Persona onderzoek"]


def test_search_text_follows_edits(corpus):
    commitment = corpus["unrelated"]
    commitment.title = "Registratie van drugsincidenten"
    commitment.save()
    assert found("drugsincident") == ["Registratie van drugsincidenten"]
    assert found("ladis") == []


def test_markup_like_input_is_just_words(corpus):
    assert found('"lachgas* OR 1=1; <script>') == []
    assert query_words('"lachgas* OR 1=1') == ["lachgas", "or", "1"]


def test_normalize():
    assert normalize("Cocaïne, café & ‘Ĳsland’ — 24 077") == " cocaine cafe ijsland 24 077"


def test_motion_search_by_dossier_number_and_words(clerk):
    factories.motion(clerk, number="453", title="Motie over drugsvrije schoolpleinen")
    factories.motion(clerk, number="454", title="Motie over festivals")
    filterset = MotionFilter(QueryDict("q=24 077 schoolplein"), queryset=Motion.objects.all())
    assert [m.number for m in filterset.qs] == ["453"]

"""The Kamer's status words, both ways (commitments.vocabulary): what a letter writes for a status
is a word the imports read back as that status."""

import pytest

from commitments.models import Status
from commitments.vocabulary import (
    EERSTE_KAMER_WORDS,
    KAMER_WORDS,
    TWEEDE_KAMER_WORDS,
    kamer_agrees,
    kamer_status,
)


@pytest.mark.parametrize("words", [TWEEDE_KAMER_WORDS, EERSTE_KAMER_WORDS],
                         ids=["Tweede Kamer", "Eerste Kamer"])
@pytest.mark.parametrize("status", list(Status))
def test_each_status_written_reads_back_as_the_same(words, status):
    assert kamer_agrees(words[status], status)


def test_in_progress_is_ours_alone():
    assert TWEEDE_KAMER_WORDS[Status.IN_PROGRESS] == "Openstaand"
    assert kamer_status("Openstaand") == Status.OPEN


def test_every_word_the_message_lists_is_read():
    for word in KAMER_WORDS.split(", "):
        assert kamer_status(word) is not None, word
    assert kamer_status("  deels   AFGEDAAN ") == Status.PARTLY_DONE
    assert kamer_status("Uitgevoerd") is None

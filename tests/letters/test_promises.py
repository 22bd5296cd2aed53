"""Finalising a letter shows the promises it makes (promises_in_letter) and puts them in the
review of proposed commitments, linked to the letter's Document (issue 14); a letter finalised
before that the griffie offers by hand."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import CommitmentProposal, ProposalStatus
from letters.services import letter_approve, letter_finalise, letter_submit

PROMISE = "Ik zal uw Kamer voor het kerstreces informeren over de uitkomsten van het onderzoek."


@pytest.fixture
def promising(draft, letter_writer, letter_writer2):
    section = draft.sections.first()
    section.body = f"{section.body}\n\n{PROMISE}"
    section.save()
    letter_submit(letter=draft, by=letter_writer)
    return letter_approve(letter=draft, by=letter_writer2)


def test_the_finalise_page_lists_the_promises(client_for, letter_writer, promising):
    page = client_for(letter_writer).get(reverse("letters:finalise", args=[promising.pk]))
    html = page.content.decode()
    assert "Wat deze brief belooft" in html and PROMISE in html
    assert "‘voor het kerstreces’, gezegd op" in html
    assert "Bij het vaststellen komt deze zin als voorgestelde toezegging in de beoordeling" in html
    assert not CommitmentProposal.objects.exists()  # shown, not yet offered


def test_finalising_puts_the_promises_in_the_review(client_for, letter_writer, clerk, promising,
                                                    fake_pdf):
    response = client_for(letter_writer).post(reverse("letters:finalise", args=[promising.pk]),
                                              {"version": promising.version})
    assert response.status_code == 302
    promising.refresh_from_db()
    assert promising.is_final
    proposal = CommitmentProposal.objects.get(text=PROMISE)
    assert (proposal.source, proposal.made_in, proposal.said_on, proposal.status) == (
        CommitmentProposal.Source.LETTER, promising.document, promising.date,
        ProposalStatus.OPEN)
    assert "‘voor het kerstreces’" in proposal.period_explanation()
    record = proposal.history.get()
    assert record.history_user == letter_writer
    assert record.history_change_reason.startswith(
        f"Voorgesteld uit de brief ‘{promising.subject}’")
    review = client_for(clerk).get(reverse("commitments:proposals")).content.decode()
    assert PROMISE in review


def test_the_griffie_offers_a_final_letters_promises_for_review(client_for, clerk, letter_writer,
                                                               promising, fake_pdf):
    final = letter_finalise(letter=promising, by=letter_writer)
    CommitmentProposal.objects.all().delete()  # as for a letter finalised before issue 14
    client = client_for(clerk)
    assert "Beloften van deze brief beoordelen" in client.get(final.get_absolute_url()) \
        .content.decode()
    response = client.post(reverse("letters:promises", args=[final.pk]))
    assert response["Location"] == reverse("commitments:proposals")
    proposal = CommitmentProposal.objects.get(text=PROMISE)
    assert (proposal.made_in, proposal.said_on, proposal.status) == (
        final.document, final.date, ProposalStatus.OPEN)
    assert proposal.history.get().history_change_reason.startswith("Voorgesteld uit de brief")
    client.post(reverse("letters:promises", args=[final.pk]))  # again: nothing twice
    assert CommitmentProposal.objects.filter(text=PROMISE).count() == 1


def test_a_draft_offers_no_promises(client_for, clerk, draft):
    client_for(clerk).post(reverse("letters:promises", args=[draft.pk]))
    assert not CommitmentProposal.objects.exists()


def test_offering_is_for_the_griffie_and_post_only(client_for, advisor, letter_writer, clerk,
                                                   draft):
    url = reverse("letters:promises", args=[draft.pk])
    assert client_for(advisor).post(url).status_code == 403
    assert client_for(letter_writer).post(url).status_code == 403
    assert client_for(clerk).get(url).status_code == 405


def test_said_on_is_the_letters_date(promising):
    from letters.promises import letter_promises

    (found,) = [p for p in letter_promises(promising) if p.text == PROMISE]
    assert found.period.end == datetime.date(2021, 12, 16)  # the kerstreces of 2021: 17 Dec


def test_quoted_promises_and_item_titles_are_not_the_letters_promises(draft, letter_writer):
    # A composed item quotes the promise it reports on, said years before: that promise is in
    # the register already, and its "na het Kerstreces" was said then, not on the letter's date.
    from letters.promises import letter_promises

    item = draft.items.exclude(section=None).first()
    item.progress_text = (
        "In de brief van 18 december 2020 (Kamerstuk 24 077, nr. 468) schreef mijn "
        "ambtsvoorganger: ‘Ik ga na het Kerstreces met het Trimbos-instituut in gesprek over de "
        "auto’s van de onderzoekers.’ Deze toezegging staat nog open. " + PROMISE)
    item.save()
    found = letter_promises(draft)
    assert [p.text for p in found] == [PROMISE]

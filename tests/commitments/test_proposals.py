"""The review of commitments found in debate reports (issue 14): upload a real VLOS report, then
accept (editing first), merge or reject each proposal; every step with history."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from commitments.models import Commitment, CommitmentProposal, ProposalStatus
from register.models import Office, Person
from tests import factories

VLOS = Path(__file__).resolve().parents[1] / "data" / "vlos"  # real reports of July 2025
# Staat van de Economie, 2 July 2025: six items, Karremans (Economische Zaken).
ECONOMY = "verslag_f001a349-4315-43f6-a818-54b711d8e588_d7068c60-1780-41c9-8636-3900dd3305cd.xml"
# A committee debate in which the chair reads out no commitments.
NONE_READ = "verslag_dc665b38-00f1-4efe-a39a-1245ddd7e2ef_1378fd61-cf82-4208-a700-021382f839b0.xml"


def report(name=ECONOMY):
    return SimpleUploadedFile(name, (VLOS / name).read_bytes(), content_type="text/xml")


def upload(client, name=ECONOMY):
    return client.post(reverse("commitments:proposal-upload"), {"report": report(name)})


@pytest.fixture
def karremans(db):
    person = Person.objects.create(surname="Karremans", initials="V.P.G.")
    Office.objects.create(person=person, title="Minister van Economische Zaken",
                          ministry=factories.ministry("EZ"))
    return person


@pytest.fixture
def offered(client_for, clerk, karremans):
    upload(client_for(clerk))
    return list(CommitmentProposal.objects.all())


def test_clerk_uploads_a_report_and_sees_its_proposals(client_for, clerk):
    client = client_for(clerk)
    response = upload(client)
    proposals = CommitmentProposal.objects.all()
    assert response.status_code == 302 and response["Location"] == reverse(
        "commitments:proposals") + f"#voorstel-{proposals[0].pk}"
    assert len(proposals) == 6 and {p.status for p in proposals} == {ProposalStatus.OPEN}
    first = proposals[0]
    assert first.said_on == datetime.date(2025, 7, 2)
    assert first.source_title == "Staat van de Economie"
    assert first.history.get().history_change_reason.startswith(
        "Voorgesteld uit het verslag ‘Staat van de Economie’ van 2 juli 2025")
    page = client.get(reverse("commitments:proposals")).content.decode()
    assert "6 voorstellen te beoordelen" in page and "Karremans, minister van Economische Zaken" \
        in page
    assert not Commitment.objects.exists()  # nothing becomes a commitment without a person


def test_a_new_report_opens_the_list_at_its_first_proposal(client_for, clerk):
    """The list is oldest first: a report of an older debate's proposals still open, the new
    ones are below them — the page opens at the first new one, not at the top."""
    client = client_for(clerk)
    older = CommitmentProposal.objects.create(
        source="report", source_id="older", source_title="Ouder debat", position="1",
        said_on=datetime.date(2020, 1, 1), text="Ik stuur een brief.")
    response = upload(client)
    first = CommitmentProposal.objects.exclude(pk=older.pk).first()
    assert response["Location"].endswith(f"#voorstel-{first.pk}")
    assert first.said_on > older.said_on
    page = client.get(response["Location"]).content.decode()
    assert page.index("Ik stuur een brief.") < page.index(f'id="voorstel-{first.pk}"')
    assert upload(client)["Location"] == reverse("commitments:proposals")  # nothing new


@pytest.mark.parametrize("name, message", [
    (ECONOMY, "6 toezeggingen uit het verslag staan klaar om te beoordelen."),
    # The MIVD debate of 2 July 2025: one commitment read out.
    ("verslag_29d8cf68-423e-4ae9-b4f0-7e908c7f5311_fb28c35e-af8d-49ee-8905-ad41eb41e4de.xml",
     "1 toezegging uit het verslag staat klaar om te beoordelen."),
])
def test_the_message_counts_in_words_not_with_a_parenthesised_plural(client_for, clerk, name,
                                                                      message):
    response = client_for(clerk).post(reverse("commitments:proposal-upload"),
                                      {"report": report(name)}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [message]


def test_the_same_report_twice_offers_nothing_new(client_for, clerk):
    client = client_for(clerk)
    upload(client)
    response = upload(client)
    assert CommitmentProposal.objects.count() == 6
    assert "al eerder ingelezen" in client.get(response["Location"]).content.decode()


def test_a_report_without_commitments_says_so(client_for, clerk):
    client = client_for(clerk)
    response = upload(client, NONE_READ)
    assert not CommitmentProposal.objects.exists()
    assert "geen toezeggingen" in client.get(response["Location"]).content.decode()


def test_a_file_that_is_no_report_is_refused_with_a_message(client_for, clerk):
    bad = SimpleUploadedFile("x.xml", b"<niet-af", content_type="text/xml")
    response = client_for(clerk).post(reverse("commitments:proposal-upload"), {"report": bad})
    assert response.status_code == 200
    assert "geen leesbaar VLOS-verslag" in response.content.decode()
    assert not CommitmentProposal.objects.exists()


def test_a_report_with_a_doctype_in_utf16_is_refused_and_nothing_is_offered(client_for, clerk):
    """A DTD declares entities (a billion laughs, a file of the server): refused in whatever
    encoding the report comes, also in UTF-16, which a search of the bytes did not see."""
    text = (VLOS / ECONOMY).read_text(encoding="utf-8-sig").replace(
        'encoding="UTF-8" standalone="no"?>',
        'encoding="UTF-16"?><!DOCTYPE vlosCoreDocument [<!ENTITY a "aaaaaaaaaa">]>', 1)
    hostile = SimpleUploadedFile("verslag.xml", text.encode("utf-16"), content_type="text/xml")
    response = client_for(clerk).post(reverse("commitments:proposal-upload"),
                                      {"report": hostile})
    assert response.status_code == 200
    assert "Dit verslag bevat een DOCTYPE" in response.content.decode()
    assert not CommitmentProposal.objects.exists()


def test_a_person_the_register_does_not_know_is_added_on_the_accept_form(client_for, clerk,
                                                                        offered):
    # A report names a minister or member not yet in the register: the form offers to add
    # them in place, as the commitment's own form does (leaving the page lost the edits).
    page = client_for(clerk).get(reverse("commitments:proposal-accept", args=[offered[0].pk]))
    html = page.content.decode()
    create = reverse("person-create")
    assert html.count(f'data-create-url="{create}"') == 2
    assert 'data-create-label="+ nieuwe bewindspersoon"' in html
    assert 'data-create-label="+ nieuw Kamerlid"' in html
    assert page.context["form"].fields["owner"].label_from_instance(clerk) == \
        clerk.get_full_name()


def test_accept_after_editing_creates_the_commitment_with_history(client_for, clerk, offered):
    client = client_for(clerk)
    proposal = offered[0]
    page = client.get(reverse("commitments:proposal-accept", args=[proposal.pk]))
    form = page.context["form"]
    assert form.initial["bewindspersoon"].surname == "Karremans"  # the office matched
    assert form.initial["made_on"] == datetime.date(2025, 7, 2)
    data = {"title": "Voortgang R&D-actieplan", "text": proposal.text,
            "bewindspersoon": form.initial["bewindspersoon"].pk,
            "ministry": form.initial["ministry"], "made_on": "2025-07-02",
            "deadline_text": "voor het kerstreces"}
    response = client.post(reverse("commitments:proposal-accept", args=[proposal.pk]), data)
    assert response.status_code == 302
    commitment = Commitment.objects.get(title="Voortgang R&D-actieplan")
    assert commitment.deadline_end == datetime.date(2025, 12, 18)
    record = commitment.history.get()
    assert record.history_user == clerk
    assert record.history_change_reason.startswith(
        "Toezegging geregistreerd uit het verslag ‘Staat van de Economie’ van 2 juli 2025")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.commitment) == (ProposalStatus.ACCEPTED, commitment)
    assert proposal.history.first().history_change_reason == \
        f"Overgenomen als toezegging {commitment.number}"
    # Accepting twice is refused: one proposal, one commitment.
    again = client.post(reverse("commitments:proposal-accept", args=[proposal.pk]), data)
    assert again.status_code == 302 and Commitment.objects.count() == 1


def test_merge_notes_the_proposal_on_the_existing_commitment(client_for, clerk, offered):
    existing = factories.commitment(clerk, title="R&D-actieplan")
    proposal = offered[1]
    response = client_for(clerk).post(reverse("commitments:proposal-merge", args=[proposal.pk]),
                                      {"number": existing.number.lower()})
    assert response.status_code == 302
    existing.refresh_from_db()
    assert proposal.text in existing.notes
    assert existing.history.first().history_change_reason.startswith(
        "Voorstel uit het verslag ‘Staat van de Economie’")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.commitment) == (ProposalStatus.MERGED, existing)


def test_merge_with_an_unknown_number_is_explained(client_for, clerk, offered):
    client = client_for(clerk)
    response = client.post(reverse("commitments:proposal-merge", args=[offered[1].pk]),
                           {"number": "TZ-9999"})
    # At the proposal's own field, with what was typed (a redirect lost it, the message at the
    # top of a long list).
    assert response.status_code == 200
    html = response.content.decode()
    article = html.split(f'id="voorstel-{offered[1].pk}"', 1)[1].split("</article>", 1)[0]
    assert "Geen toezegging met nummer ‘TZ-9999’." in article
    assert 'name="number" required maxlength="30" placeholder="TZ-…" value="TZ-9999" ' \
           'aria-invalid="true"' in article
    assert html.count("Geen toezegging met nummer") == 1
    offered[1].refresh_from_db()
    assert offered[1].status == ProposalStatus.OPEN


def test_reject_needs_a_reason_and_records_it(client_for, clerk, offered):
    client = client_for(clerk)
    url = reverse("commitments:proposal-reject", args=[offered[2].pk])
    refused = client.post(url, {"reason": " "})
    assert refused.status_code == 200
    assert "Dit veld is verplicht." in refused.content.decode().split(
        f'id="voorstel-{offered[2].pk}"', 1)[1].split("</article>", 1)[0]
    offered[2].refresh_from_db()
    assert offered[2].status == ProposalStatus.OPEN
    client.post(url, {"reason": "Geen toezegging, een antwoord."})
    offered[2].refresh_from_db()
    assert (offered[2].status, offered[2].reason) == (ProposalStatus.REJECTED,
                                                      "Geen toezegging, een antwoord.")
    assert offered[2].history.first().history_change_reason == \
        "Afgewezen: Geen toezegging, een antwoord."


@pytest.mark.parametrize("name", ["proposal-merge", "proposal-reject", "proposal-upload"])
def test_mutating_views_refuse_get(client_for, clerk, offered, name):
    args = [] if name == "proposal-upload" else [offered[0].pk]
    assert client_for(clerk).get(reverse(f"commitments:{name}", args=args)).status_code == 405


@pytest.mark.parametrize("who", ["advisor", "letter_writer", "norole"])
def test_other_roles_cannot_review(client_for, who, request, offered):
    client = client_for(request.getfixturevalue(who))
    pk = offered[0].pk
    assert client.get(reverse("commitments:proposals")).status_code == 403
    assert client.get(reverse("commitments:proposal-accept", args=[pk])).status_code == 403
    assert client.post(reverse("commitments:proposal-reject", args=[pk]),
                       {"reason": "x"}).status_code == 403
    assert upload(client).status_code == 403
    assert CommitmentProposal.objects.get(pk=pk).status == ProposalStatus.OPEN


def test_anonymous_is_sent_to_login(offered):
    response = Client().get(reverse("commitments:proposals"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_review_list_costs_the_same_for_many_proposals(client_for, clerk, offered,
                                                           django_assert_max_num_queries):
    client = client_for(clerk)
    for proposal in offered[:3]:
        client.post(reverse("commitments:proposal-reject", args=[proposal.pk]), {"reason": "x"})
    with django_assert_max_num_queries(12):
        page = client.get(reverse("commitments:proposals"))
    assert page.status_code == 200


def test_the_source_is_named_in_the_readers_language(client_for, clerk, offered, settings):
    client = client_for(clerk)
    dutch = client.get(reverse("commitments:proposals")).content.decode()
    assert "het verslag ‘Staat van de Economie’ van 2 juli 2025 (" in dutch
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    try:
        english = client.get(reverse("commitments:proposals")).content.decode()
        accept = client.get(reverse("commitments:proposal-accept", args=[offered[0].pk]))
    finally:
        translation.deactivate()  # the request activated English in the test's thread
    assert "the report ‘Staat van de Economie’ of 2 July 2025 (" in english
    assert "het verslag" not in english
    assert "the report ‘Staat van de Economie’ of 2 July 2025 (" in accept.content.decode()
    # The history keeps naming it in Dutch.
    assert offered[0].history.get().history_change_reason.startswith(
        "Voorgesteld uit het verslag ‘Staat van de Economie’ van 2 juli 2025")

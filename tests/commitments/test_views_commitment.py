import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from commitments.models import Commitment
from register.models import Debate, Document, Party
from tests import factories


@pytest.fixture
def commitment(clerk):
    return factories.commitment(clerk, deadline_text="in het voorjaar van 2021")


def form_data(commitment, **changes):
    data = {"title": commitment.title, "text": commitment.text,
            "bewindspersoon": commitment.bewindspersoon_id, "ministry": commitment.ministry_id,
            "made_on": commitment.made_on.isoformat(), "deadline_text": commitment.deadline_text,
            "dossier": commitment.dossier_id, "version": commitment.version,
            "topic_list": "lachgas, NPS", "reason": ""}
    return {**data, **changes}


def test_clerk_registers_a_commitment(client_for, clerk, commitment):
    data = form_data(commitment, title="Nieuwe toezegging", version="")
    response = client_for(clerk).post(reverse("commitments:create"), data)
    created = Commitment.objects.get(title="Nieuwe toezegging")
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert sorted(topic.name for topic in created.topics.all()) == ["lachgas", "nps"]
    record = created.history.get()
    assert (record.history_user, record.history_change_reason) == (clerk,
                                                                   "Toezegging geregistreerd")


def test_invalid_form_shows_errors_and_saves_nothing(client_for, clerk, commitment):
    data = form_data(commitment, title="", made_on="31-02-2021", version="")
    response = client_for(clerk).post(reverse("commitments:create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"title", "made_on"}
    assert Commitment.objects.count() == 1


def test_advisor_cannot_register(client_for, advisor, commitment):
    response = client_for(advisor).post(reverse("commitments:create"), form_data(commitment))
    assert response.status_code == 403
    assert Commitment.objects.count() == 1


def test_edit_saves_with_reason_and_recomputes_deadline(client_for, clerk, commitment):
    data = form_data(commitment, deadline_text="in de tweede helft van 2021",
                     reason="Termijn verschoven in het debat")
    response = client_for(clerk).post(reverse("commitments:edit", args=[commitment.pk]), data)
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.deadline_end == datetime.date(2021, 12, 31)
    latest = commitment.history.latest()
    assert latest.history_change_reason == "Termijn verschoven in het debat"
    assert latest.history_user == clerk


@pytest.mark.parametrize("words, end", [
    ("naar verwachting 1 maart 2021", datetime.date(2021, 3, 1)),
    ("streefdatum: eind februari 2021", datetime.date(2021, 2, 28)),
    ("1 maart 2021", datetime.date(2021, 3, 1)),
])
def test_a_deadline_typed_after_it_passed_keeps_its_date_and_is_overdue(client_for, clerk,
                                                                        commitment, words, end):
    """A clerk registering late types the date that was said: that date, so overdue at once
    (not "geen termijn", which would keep it off every overdue list)."""
    data = form_data(commitment, made_on="2021-04-02", deadline_text=words,
                     reason="Later geregistreerd")
    response = client_for(clerk).post(reverse("commitments:edit", args=[commitment.pk]), data)
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.deadline_end == end
    assert commitment.is_overdue(today=datetime.date(2021, 4, 2))
    assert commitment.history.latest().deadline_end == end


def test_status_form_is_shown_to_the_clerk(client_for, clerk, commitment):
    response = client_for(clerk).get(reverse("commitments:change-status", args=[commitment.pk]))
    assert response.status_code == 200
    assert "Reden" in response.content.decode()


def test_advisor_cannot_reach_the_status_form_and_is_told_so(client_for, advisor, commitment):
    response = client_for(advisor).get(reverse("commitments:change-status", args=[commitment.pk]))
    assert response.status_code == 403
    assert "geen toegang" in response.content.decode()


def test_letter_staff_cannot_change_status(client_for, letter_writer, commitment):
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(letter_writer).post(url, {"new": "in_progress", "reason": "x",
                                                    "version": commitment.version})
    assert response.status_code == 403
    assert Commitment.objects.get().status == "open"


def test_anonymous_is_sent_to_login(client, commitment):
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client.post(url, {"new": "in_progress", "reason": "x", "version": 1})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_clerk_changes_status_with_reason(client_for, clerk, commitment):
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {"new": "in_progress", "reason": "Trimbos is gestart",
                                            "version": commitment.version})
    assert response.status_code == 302
    latest = Commitment.objects.get().history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (
        "in_progress", clerk, "Trimbos is gestart")


def test_done_without_document_shows_the_message(client_for, clerk, commitment):
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {"new": "done", "reason": "klaar",
                                            "version": commitment.version})
    assert response.status_code == 200
    assert "Bij ‘Afgedaan’ hoort het document" in response.content.decode()
    assert response.context["form"].errors["document_reference"]
    assert Commitment.objects.get().status == "open"


def test_done_with_a_typed_reference_creates_the_document_once(client_for, clerk, commitment):
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {
        "new": "done", "reason": "Afgedaan met de brief", "version": commitment.version,
        "document_reference": "Kamerstuk 24 077, nr. 470"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "done"
    assert commitment.delivered_by.ident == "kst-24077-470"
    assert commitment.delivered_by.history.get().history_user == clerk
    assert Document.objects.filter(ident="kst-24077-470").count() == 1


def test_a_document_for_a_status_that_keeps_none_is_refused_not_dropped(client_for, clerk,
                                                                        commitment):
    # "In uitvoering" keeps no document: typed, it was dropped without a word (and created).
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {
        "new": "in_progress", "reason": "gestart", "version": commitment.version,
        "document_reference": "Kst. 24 077, nr. 480"})
    assert response.status_code == 200
    assert response.context["form"].errors["document_reference"] == [
        "Een document hoort alleen bij ‘Afgedaan’ of ‘Deels afgedaan’; bij ‘In uitvoering’ "
        "wordt het niet vastgelegd. Maak het documentveld leeg of kies een andere status."]
    assert 'value="Kst. 24 077, nr. 480"' in response.content.decode()
    assert Commitment.objects.get().status == "open"
    assert not Document.objects.filter(ident="kst-24077-480").exists()


def test_unrecognised_reference_is_explained(client_for, clerk, commitment):
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {"new": "done", "reason": "x",
                                            "version": commitment.version,
                                            "document_reference": "de brief van vorige week"})
    assert "Geen verwijzing herkend" in response.content.decode()
    assert Commitment.objects.get().status == "open"


def test_refused_transition_message_is_shown(client_for, clerk, commitment):
    commitment.change_status("lapsed", by=clerk, reason="ingehaald")
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {"new": "done", "reason": "x",
                                            "version": commitment.version,
                                            "document_reference": "Kamerstuk 24 077, nr. 470"})
    assert response.status_code == 200
    assert "Een toezegging met status ‘Vervallen’ kan niet naar ‘Afgedaan’." \
        in response.content.decode()
    assert Commitment.objects.get().status == "lapsed"
    assert not Document.objects.filter(ident="kst-24077-470").exists()


def test_status_on_a_date_from_the_history(client_for, advisor, demo):
    commitment = Commitment.objects.get(title__startswith="In gesprek met de spoedeisende")
    url = reverse("commitments:as-of", args=[commitment.pk])
    before = client_for(advisor).get(url, {"on": "2020-07-01"})
    assert before.context["snapshot"].status == "in_progress"
    after = client_for(advisor).get(url, {"on": "2021-07-01"})
    assert after.context["snapshot"].status == "done"
    # The last change before that day is the history's date, not the moment the demo was loaded.
    assert after.context["last_change"].history_date.date() == datetime.date(2020, 12, 18)
    assert "18 december 2020" in after.content.decode()
    too_early = client_for(advisor).get(url, {"on": "2019-01-01"})
    assert too_early.context["snapshot"] is None
    assert "nog niet geregistreerd" in too_early.content.decode()


def test_detail_shows_timeline_with_who_when_why_and_old_to_new(client_for, advisor, demo):
    commitment = Commitment.objects.get(title__startswith="In gesprek met de spoedeisende")
    response = client_for(advisor).get(commitment.get_absolute_url())
    page = response.content.decode()
    assert "Afgedaan met de voortgangsbrief van 18 december 2020" in page
    assert "Gerda Griffier" in page
    changes = response.context["timeline"][0].changes
    assert ("Status", "In uitvoering", "Afgedaan") in [(c.label.capitalize(), c.old, c.new)
                                                      for c in changes]
    assert "Kamerstuk 24 077, nr. 468" in page


def test_detail_query_count_does_not_grow_with_history(client_for, advisor, clerk,
                                                       django_assert_max_num_queries):
    commitment = factories.commitment(clerk, deadline_text="in maart 2021")
    client = client_for(advisor)
    with django_assert_max_num_queries(20) as short:
        client.get(commitment.get_absolute_url())
    for step in range(15):
        commitment.change_status("in_progress" if step % 2 == 0 else "open", by=clerk,
                                 reason=f"stap {step}")
        commitment.deadline_text = f"{step + 1} maart 2021"
        commitment.save()
    with django_assert_max_num_queries(len(short.captured_queries)):
        client.get(commitment.get_absolute_url())


def test_conflicting_edits_two_clients(clerk, commitment):
    """Two clerks open the same commitment; the second save is refused and keeps its input."""
    from tests.conftest import make_user

    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(make_user("griffie2", "griffie"))
    url = reverse("commitments:edit", args=[commitment.pk])
    version = first.get(url).context["form"]["version"].value()
    assert second.get(url).context["form"]["version"].value() == version

    saved = first.post(url, form_data(commitment, title="Titel van de eerste", version=version))
    assert saved.status_code == 302
    refused = second.post(url, form_data(commitment, title="Titel van de tweede",
                                         deadline_text="eind 2021", version=version))
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Iemand anders heeft dit record intussen gewijzigd" in page
    assert "Titel van de eerste" in page  # what the other person changed
    form = refused.context["form"]
    assert form["title"].value() == "Titel van de tweede"  # nothing typed is lost
    assert form["deadline_text"].value() == "eind 2021"
    assert Commitment.objects.get().title == "Titel van de eerste"

    again = second.post(url, form_data(commitment, title="Titel van de tweede",
                                       version=form["version"].value()))
    assert again.status_code == 302
    assert Commitment.objects.get().title == "Titel van de tweede"


def test_conflicting_status_changes_two_clients(clerk, commitment):
    from tests.conftest import make_user

    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(make_user("griffie2", "griffie"))
    url = reverse("commitments:change-status", args=[commitment.pk])
    version = commitment.version
    assert first.post(url, {"new": "in_progress", "reason": "een",
                            "version": version}).status_code == 302
    refused = second.post(url, {"new": "lapsed", "reason": "twee", "version": version})
    assert refused.status_code == 200
    assert "Iemand anders" in refused.content.decode()
    assert refused.context["form"]["reason"].value() == "twee"
    assert Commitment.objects.get().status == "in_progress"


def test_stale_status_change_shows_the_conflict_not_an_invalid_choice(clerk, commitment):
    from tests.conftest import make_user

    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(make_user("griffie2", "griffie"))
    url = reverse("commitments:change-status", args=[commitment.pk])
    version = commitment.version
    first.post(url, {"new": "in_progress", "reason": "een", "version": version})
    refused = second.post(url, {"new": "in_progress", "reason": "twee", "version": version})
    page = refused.content.decode()
    assert "Iemand anders heeft dit record intussen gewijzigd" in page
    assert "Selecteer een geldige keuze" not in page
    assert Commitment.objects.get().history.count() == 2


def test_detail_links_the_letter_that_delivered_it(client_for, advisor, demo):
    commitment = Commitment.objects.get(title__startswith="In gesprek met de spoedeisende")
    page = client_for(advisor).get(commitment.get_absolute_url()).content.decode()
    assert f'href="/brieven/{demo["letter"].pk}/"' in page
    assert "doet af" in page


def test_partly_done_states_what_remains(client_for, clerk, commitment):
    url = reverse("commitments:change-status", args=[commitment.pk])
    data = {"new": "partly_done", "reason": "Deel geleverd", "version": commitment.version,
            "document_reference": "Kamerstuk 24 077, nr. 468"}
    refused = client_for(clerk).post(url, data)
    assert "Vermeld wat nog resteert" in refused.content.decode()
    assert refused.context["form"].errors["remaining"]  # the model's rule, at its field
    assert Commitment.objects.get().status == "open"
    assert not Document.objects.filter(ident="kst-24077-468").exists()  # rolled back
    saved = client_for(clerk).post(url, {**data, "remaining": "Het tweede rapport volgt."})
    assert saved.status_code == 302
    assert Commitment.objects.get().remaining == "Het tweede rapport volgt."


def test_a_commitment_to_a_party_delivered_without_document_reads_cleanly(client_for, clerk,
                                                                           advisor):
    """As the Kamer's Toezegging records give it: made to a party (no member), done on a date
    without a document. The page said "Toegezegd aan (PVV)" and "Nagekomen —, 8 januari 2025"
    (issue 17, item 11)."""
    commitment = factories.commitment(clerk, to_party=Party.objects.create(abbreviation="PVV"),
                                      status="done", delivered_on=datetime.date(2025, 1, 8))
    page = client_for(advisor).get(commitment.get_absolute_url()).content.decode()
    assert "<dd>PVV</dd>" in page
    assert "8 januari 2025 <span class=\"muted\">(geen document vastgelegd)</span>" in page
    assert "—, " not in page
    as_of = client_for(advisor).get(reverse("commitments:as-of", args=[commitment.pk]),
                                    {"on": "2025-02-01"}).content.decode()
    assert "—, " not in as_of


def test_a_commitment_made_in_the_future_is_refused(client_for, clerk, commitment):
    """A mistyped year (2062) would number the commitment TZ-VWS-2062-… and date its deadline
    decades ahead."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = form_data(commitment, title="Nieuw", made_on=tomorrow.isoformat(), version="")
    response = client_for(clerk).post(reverse("commitments:create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["made_on"] == ["Deze datum ligt in de toekomst."]
    assert not Commitment.objects.filter(title="Nieuw").exists()


def test_a_commitment_made_before_its_debate_is_refused(client_for, clerk, commitment):
    debate = Debate.objects.create(kind=Debate.Kind.VAO, title="Drugsbeleid",
                                   date=datetime.date(2021, 2, 10))
    data = form_data(commitment, debate=debate.pk, reason="Debat gekoppeld")
    response = client_for(clerk).post(reverse("commitments:edit", args=[commitment.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["made_on"] == [
        "Deze datum ligt vóór het debat (10 februari 2021)."]
    assert commitment.history.count() == 1


def test_an_older_record_edited_otherwise_keeps_its_dates(client_for, clerk, commitment):
    """Only a date or debate the clerk types is checked: changing the owner of a record the
    Kamer's data gave with an odd date still saves."""
    debate = Debate.objects.create(kind=Debate.Kind.VAO, title="Drugsbeleid",
                                   date=datetime.date(2021, 2, 10))
    Commitment.objects.filter(pk=commitment.pk).update(debate=debate)
    commitment.refresh_from_db()
    data = form_data(commitment, debate=debate.pk, owner=clerk.pk, reason="Eigenaar")
    response = client_for(clerk).post(reverse("commitments:edit", args=[commitment.pk]), data)
    assert response.status_code == 302


@pytest.mark.parametrize("words, note", [
    ("gisteren", "uit de woorden valt geen termijn af te leiden"),
    ("voor het kerstreces", "geschat: de recesdata zijn nog niet bekend"),
])
def test_detail_says_when_the_words_give_no_or_an_estimated_deadline(client_for, advisor, clerk,
                                                                    words, note):
    """The edit screen's preview says so as the words are typed; the record's page too."""
    commitment = factories.commitment(clerk, deadline_text=words,
                                      made_on=datetime.date(2031, 12, 1))
    response = client_for(advisor).get(commitment.get_absolute_url())
    assert note in response.content.decode()


def test_a_delivery_dated_in_the_future_is_refused(client_for, clerk, commitment):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    url = reverse("commitments:change-status", args=[commitment.pk])
    response = client_for(clerk).post(url, {
        "new": "done", "reason": "Afgedaan met de brief", "version": commitment.version,
        "document_reference": "Kamerstuk 24 077, nr. 470", "on": tomorrow.isoformat()})
    assert response.status_code == 200
    assert response.context["form"].errors["on"] == ["Deze datum ligt in de toekomst."]
    assert Commitment.objects.get().status == "open"

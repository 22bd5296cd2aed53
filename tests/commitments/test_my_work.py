"""Mijn werk: my open commitments and motions, what is overdue; where owners land."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from register.models import EmailChoice
from tests import factories

TODAY = timezone.localdate()


@pytest.fixture
def mine(clerk, advisor):
    late = factories.commitment(clerk, title="Rapport te laat", owner=advisor,
                                deadline_override_end=TODAY - datetime.timedelta(days=3))
    later = factories.commitment(clerk, title="Brief in de zomer", owner=advisor,
                                 deadline_override_end=TODAY + datetime.timedelta(days=90))
    done = factories.commitment(clerk, title="Al afgedaan", owner=advisor)
    done.change_status("done", by=clerk, reason="Brief", document=factories.document())
    factories.commitment(clerk, title="Van een ander", owner=clerk)
    motion = factories.motion(clerk, title="Schoolpleinen", owner=advisor)
    motion.record_vote("adopted", by=clerk, reason="Stemmingen", on=TODAY)
    factories.motion(clerk, title="Nog niet gestemd", owner=advisor)
    return late, later, motion


def test_my_work_lists_my_open_items_and_what_is_overdue(client_for, advisor, mine,
                                                         django_assert_max_num_queries):
    client = client_for(advisor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("commitments:my-work"))
    work = response.context["work"]
    late, later, motion = mine
    assert work.commitments == [late, later]
    assert work.overdue == [late]
    assert work.motions == [motion]
    page = response.content.decode()
    assert "Rapport te laat" in page and "Schoolpleinen" in page
    assert "Van een ander" not in page and "Al afgedaan" not in page
    assert "Nog niet gestemd" not in page


def test_queries_do_not_grow_with_the_items(client_for, clerk, advisor, mine,
                                            django_assert_max_num_queries):
    for number in range(20):
        factories.commitment(clerk, title=f"Extra {number}", owner=advisor,
                             bewindspersoon=factories.bewindspersoon(f"Persoon{number}"))
        factories.motion(clerk, owner=advisor).record_vote("adopted", by=clerk, reason="x",
                                                          on=TODAY)
    client = client_for(advisor)
    with django_assert_max_num_queries(12):
        client.get(reverse("commitments:my-work"))


def test_someone_with_nothing_gets_a_short_page(client_for, letter_writer):
    page = client_for(letter_writer).get(reverse("commitments:my-work")).content.decode()
    assert "Er staat niets op uw naam" in page


def test_owners_land_on_my_work_the_others_on_the_dashboard(client_for, advisor, clerk, mine):
    assert client_for(advisor).get(reverse("commitments:landing"))["Location"] == \
        reverse("commitments:my-work")
    # The clerk owns "Van een ander".
    assert client_for(clerk).get(reverse("commitments:landing"))["Location"] == \
        reverse("commitments:my-work")


def test_without_work_the_landing_is_the_dashboard(client_for, letter_writer):
    assert client_for(letter_writer).get(reverse("commitments:landing"))["Location"] == \
        reverse("commitments:dashboard")


def test_the_dashboard_names_my_overdue_items(client_for, advisor, mine):
    page = client_for(advisor).get(reverse("commitments:dashboard")).content.decode()
    assert "1 toezegging van u is te laat" in page


def test_no_access_without_a_role(client_for, norole):
    assert client_for(norole).get(reverse("commitments:my-work")).status_code == 403


def test_email_choice_is_saved_and_the_digest_respects_it(client_for, advisor, mine):
    client = client_for(advisor)
    assert client.get(reverse("email-settings")).status_code == 200
    response = client.post(reverse("email-settings"), {"letters": "on"})
    assert response.status_code == 302
    choice = EmailChoice.objects.get(user=advisor)
    assert (choice.digest, choice.letters) == (False, True)
    call_command("send_deadline_digest", user="griffie")
    assert mail.outbox == []
    client.post(reverse("email-settings"), {"digest": "on", "letters": "on"})
    call_command("send_deadline_digest", user="griffie")
    assert [message.to for message in mail.outbox] == [[advisor.email]]
    assert "/mijn-werk/" in mail.outbox[0].body


def test_email_settings_need_a_role(client_for, norole):
    assert client_for(norole).post(reverse("email-settings"), {}).status_code == 403
    assert not EmailChoice.objects.exists()

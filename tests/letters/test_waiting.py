"""Letters that wait for someone: on My work, on the dashboard, and by e-mail (if they want it)."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from commitments.my_work import waiting_for
from letters.models import ProgressLetter
from letters.services import letter_approve, letter_send_back, letter_submit
from register.models import EmailChoice


@pytest.fixture
def offered(draft, letter_writer, letter_writer2, superuser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        letter_submit(letter=draft, by=letter_writer)
    return draft


def test_offering_mails_who_may_approve_and_not_the_author(offered, letter_writer2, superuser):
    assert [message.to for message in mail.outbox] == [[letter_writer2.email]]
    message = mail.outbox[0]
    assert "ter goedkeuring" in message.subject
    assert offered.get_absolute_url() in message.body
    assert "Bea Brieven" in message.body


def test_an_approver_who_turned_it_off_gets_no_mail(draft, letter_writer, letter_writer2,
                                                     django_capture_on_commit_callbacks):
    EmailChoice.objects.create(user=letter_writer2, letters=False)
    with django_capture_on_commit_callbacks(execute=True):
        letter_submit(letter=draft, by=letter_writer)
    assert mail.outbox == []
    # The page still shows it.
    assert [item.action for item in waiting_for(letter_writer2)] == ["Goedkeuren"]


def test_the_letter_waits_for_the_approver_not_for_the_author(offered, letter_writer,
                                                              letter_writer2, advisor):
    assert [(item.action, item.url) for item in waiting_for(letter_writer2)] == [
        ("Goedkeuren", offered.get_absolute_url())]
    assert waiting_for(letter_writer) == []
    assert waiting_for(advisor) == []


def test_once_approved_it_waits_no_more(offered, letter_writer2):
    letter_approve(letter=offered, by=letter_writer2)
    assert waiting_for(letter_writer2) == []


def test_sent_back_it_waits_for_its_author_with_the_comment(
        offered, letter_writer, letter_writer2, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        letter_send_back(letter=offered, by=letter_writer2, comment="Tabel 2 klopt niet")
    assert [message.to for message in mail.outbox] == [[letter_writer.email]]
    assert "Tabel 2 klopt niet" in mail.outbox[0].body
    waiting = waiting_for(letter_writer)
    assert [(item.action, item.note) for item in waiting] == [
        ("Herzien", "teruggestuurd: Tabel 2 klopt niet")]
    assert waiting_for(letter_writer2) == []


def test_my_work_and_the_dashboard_show_what_waits(client_for, offered, letter_writer2):
    client = client_for(letter_writer2)
    page = client.get(reverse("commitments:my-work")).content.decode()
    assert "Goedkeuren" in page and offered.get_absolute_url() in page
    dashboard = client.get(reverse("commitments:dashboard")).content.decode()
    assert "Wacht op u" in dashboard and offered.get_absolute_url() in dashboard


def test_the_approver_lands_on_my_work(client, offered, letter_writer2):
    response = client.post(reverse("login"), {"username": "brieven2", "password": "pw"})
    assert response["Location"] == reverse("commitments:landing")
    assert client.get(response["Location"])["Location"] == reverse("commitments:my-work")


def test_a_subject_with_a_line_break_is_mailed_on_one_line(draft, letter_writer, letter_writer2,
                                                           django_capture_on_commit_callbacks):
    """The subject is typed in a form, which keeps a line break a crafted request sends; in a
    mail header Django refuses it (no Bcc: is added) with an error that undid nothing but
    answered the submit with a server error and sent no mail."""
    ProgressLetter.objects.filter(pk=draft.pk).update(
        subject="Voortgang\r\nBcc: buiten@evil.example")
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        letter_submit(letter=draft, by=letter_writer)
    (message,) = mail.outbox
    assert message.subject == ("Kamerregister: brief ter goedkeuring — "
                               "Voortgang Bcc: buiten@evil.example")
    assert message.recipients() == [letter_writer2.email]


def test_a_mail_server_down_does_not_undo_the_step(draft, letter_writer, letter_writer2,
                                                   django_capture_on_commit_callbacks,
                                                   monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("letters.waiting.send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        letter_submit(letter=draft, by=letter_writer)
    draft.refresh_from_db()
    assert draft.status == "for_approval"
    assert "not sent" in caplog.text


def test_a_sent_back_letter_waits_for_its_author_on_the_dashboard_and_my_work(
        client_for, offered, letter_writer, letter_writer2):
    letter_send_back(letter=offered, by=letter_writer2, comment="Tabel 2 klopt niet")
    client = client_for(letter_writer)
    for name in ("commitments:my-work", "commitments:dashboard"):
        page = client.get(reverse(name)).content.decode()
        assert "Herzien" in page and offered.get_absolute_url() in page
        assert "Tabel 2 klopt niet" in page


def test_an_admin_edit_after_submission_waits_for_the_author_and_mails_them(
        offered, letter_writer, superuser, client_for, django_capture_on_commit_callbacks):
    """An edit in the admin sends the letter back to draft: nobody would know it must be
    offered again, so it waits for its author as a letter sent back."""
    from tests.register.test_admin_history import form_data

    mail.outbox.clear()
    client = client_for(superuser)
    change = f"/beheer/letters/progressletter/{offered.pk}/change/"
    data = form_data(client.get(change))
    data.update({"subject": "Andere titel", "change_reason": "Titel"})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(change, data).status_code == 302
    waiting = waiting_for(letter_writer)
    assert [item.action for item in waiting] == ["Herzien"]
    assert "bied de brief opnieuw ter goedkeuring aan" in waiting[0].note
    assert [message.to for message in mail.outbox] == [[letter_writer.email]]


def test_my_work_dates_what_waits_in_dutch_words(client_for, offered, letter_writer2):
    """"(7 Dec 2026)" stood beside "(7 december 2026)" (issue 17, item 11)."""
    page = client_for(letter_writer2).get(reverse("commitments:my-work")).content.decode()
    submitted = timezone.localtime(offered.submitted_at)
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    assert f"({submitted.day} {months[submitted.month - 1]} {submitted.year})" in page
    assert not re.search(r"\([0-9]{1,2} [A-Z][a-z]{2} [0-9]{4}\)", page)

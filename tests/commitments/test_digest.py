import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from commitments.models import DeadlineReminder
from tests import factories


@pytest.fixture
def owned(clerk, advisor):
    today = timezone.localdate()
    late = factories.commitment(clerk, title="Te laat", owner=advisor,
                                deadline_override_end=today - datetime.timedelta(days=3))
    soon = factories.commitment(clerk, title="Binnenkort", owner=advisor,
                                deadline_override_end=today + datetime.timedelta(days=14))
    factories.commitment(clerk, title="Later", owner=advisor,
                         deadline_override_end=today + datetime.timedelta(days=15))
    factories.commitment(clerk, title="Niemands", deadline_override_end=today)
    return late, soon


def test_digest_mails_each_owner_their_overdue_and_due_soon_items(owned, advisor):
    call_command("send_deadline_digest", user="griffie")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [advisor.email]
    assert "Te laat" in message.body and "Binnenkort" in message.body
    assert "Later" not in message.body
    assert message.subject == "Kamerregister: 1 te laat, 1 binnen 14 dagen"


def test_digest_never_sends_an_item_twice_a_day(owned, clerk, advisor):
    call_command("send_deadline_digest", user="griffie")
    call_command("send_deadline_digest", user="griffie")
    assert len(mail.outbox) == 1
    newcomer = factories.commitment(clerk, title="Nieuw", owner=advisor,
                                    deadline_override_end=timezone.localdate())
    call_command("send_deadline_digest", user="griffie")
    assert len(mail.outbox) == 2
    assert "Nieuw" in mail.outbox[1].body and "Te laat" not in mail.outbox[1].body
    assert DeadlineReminder.objects.filter(commitment=newcomer).count() == 1


def test_dry_run_shows_and_sends_nothing(owned, capsys, advisor):
    call_command("send_deadline_digest", "--dry-run", user="griffie")
    assert "would send to beleid@example.nl" in capsys.readouterr().out
    assert mail.outbox == [] and not DeadlineReminder.objects.exists()


def test_delivered_items_are_not_reminded(owned, clerk):
    for commitment in owned:
        commitment.change_status("done", by=clerk, reason="x", document=factories.document())
    call_command("send_deadline_digest", user="griffie")
    assert mail.outbox == []


def test_an_owner_without_an_e_mail_address_is_named(owned, capsys, advisor):
    advisor.email = ""
    advisor.save()
    call_command("send_deadline_digest", user="griffie")
    assert mail.outbox == []
    assert "beleid has no e-mail address" in capsys.readouterr().err

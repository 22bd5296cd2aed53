"""The deadline digest: each owner's overdue commitments and those due in the next two weeks,
with what else waits for them (commitments.my_work); not to owners who turned it off."""

import datetime
from collections import defaultdict

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string

from commitments.models import OPEN_STATUSES, Commitment, DeadlineReminder
from commitments.my_work import waiting_for
from register.models import EmailChoice

DUE_WITHIN = datetime.timedelta(days=14)


def digest_items(today):
    """{owner: [commitments]} not yet sent to that owner today."""
    already_sent = DeadlineReminder.objects.filter(sent_on=today, commitment=OuterRef("pk"),
                                                   user=OuterRef("owner"))
    commitments = Commitment.objects.filter(
        status__in=OPEN_STATUSES, owner__isnull=False, owner__is_active=True,
        deadline_end__lte=today + DUE_WITHIN,
    ).exclude(Exists(already_sent)).select_related("owner", "bewindspersoon").prefetch_related(
        "bewindspersoon__offices").order_by("deadline_end", "number")
    by_owner = defaultdict(list)
    for commitment in commitments:
        by_owner[commitment.owner].append(commitment)
    return by_owner


def send_digest(*, today, base_url, dry_run=False):
    """Send one e-mail per owner.

    Returns [(owner, commitments)] sent (or that would be), and the same for owners without an
    e-mail address, whom the command names so that someone fills the address in.
    """
    sent, unreachable = [], []
    items = digest_items(today)
    wanting = set(EmailChoice.wanting(list(items), "digest"))
    for owner, commitments in items.items():
        if not owner.email:
            unreachable.append((owner, commitments))
            continue
        if owner not in wanting:  # turned off in Mijn e-mails
            continue
        if not dry_run and not log_reminders(owner, commitments, today):
            continue
        overdue = [c for c in commitments if c.deadline_end < today]
        soon = [c for c in commitments if c.deadline_end >= today]
        context = {"owner": owner, "overdue": overdue, "soon": soon, "today": today,
                   "waiting": waiting_for(owner), "base_url": base_url.rstrip("/")}
        if not dry_run:
            send_mail(
                subject=f"Kamerregister: {len(overdue)} te laat, {len(soon)} binnen 14 dagen",
                message=render_to_string("commitments/digest_email.txt", context),
                from_email=None, recipient_list=[owner.email],
            )
        sent.append((owner, commitments))
    return sent, unreachable


def log_reminders(owner, commitments, today):
    """Record today's reminders first: a second run today finds them and sends nothing."""
    try:
        with transaction.atomic():
            DeadlineReminder.objects.bulk_create(
                [DeadlineReminder(commitment=c, user=owner, sent_on=today) for c in commitments])
    except IntegrityError:
        return False  # a concurrent run sent them already
    return True

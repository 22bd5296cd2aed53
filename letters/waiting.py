"""The letters that wait for a user, for My work and the dashboard (commitments.my_work), and the
e-mail that tells them: a letter offered for approval goes to who may approve it, a letter sent
back to its author. Who may take a step is asked of letters.permissions, nowhere else.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from commitments.my_work import Waiting
from letters.models import LetterStatus, ProgressLetter
from letters.permissions import APPROVE, may_approve, may_edit
from letters.prose import one_line
from register.models import EmailChoice

logger = logging.getLogger(__name__)


def letters_waiting(user):
    """Letters offered for approval that this user may approve, and their own drafts sent back
    with a comment (to revise). One query for each."""
    waiting = []
    if user.has_perm(APPROVE):
        offered = ProgressLetter.objects.filter(status=LetterStatus.FOR_APPROVAL) \
            .exclude(author=user).select_related("author").order_by("submitted_at", "pk")
        waiting += [Waiting(str(letter), _("Goedkeuren"), letter.get_absolute_url(),
                            _("aangeboden door %(name)s")
                            % {"name": letter.author.get_full_name() or letter.author.username},
                            letter.submitted_at)
                    for letter in offered if may_approve(user, letter)]
    sent_back = ProgressLetter.objects.filter(status=LetterStatus.DRAFT, author=user) \
        .exclude(review_comment="").order_by("-updated_at", "-pk")
    waiting += [Waiting(str(letter), _("Herzien"), letter.get_absolute_url(),
                        _("teruggestuurd: %(comment)s") % {"comment": letter.review_comment},
                        letter.updated_at)
                for letter in sent_back if may_edit(user, letter)]
    return waiting


def approvers(letter):
    """The active users who may approve `letter` now (by group or their own permission)."""
    app_label, codename = APPROVE.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    users = get_user_model().objects.filter(
        Q(groups__permissions__in=permission) | Q(user_permissions__in=permission),
        is_active=True).distinct().order_by("pk")
    return [user for user in users if may_approve(user, letter)]


def notify_offered(letter):
    """After the submission commits: e-mail each possible approver who wants it."""
    transaction.on_commit(lambda: send(letter, EmailChoice.wanting(approvers(letter), "letters"),
                                       "offered"))


def notify_sent_back(letter):
    """After the send-back commits: e-mail the author, if they want it."""
    transaction.on_commit(lambda: send(letter, EmailChoice.wanting([letter.author], "letters"),
                                       "sent_back"))


SUBJECTS = {"offered": "Kamerregister: brief ter goedkeuring — %(letter)s",
            "sent_back": "Kamerregister: brief teruggestuurd — %(letter)s"}


def send(letter, recipients, event):
    """The step is taken and committed whatever the mail server does: a failure is logged, and
    the letter waits on My work all the same."""
    base_url = getattr(settings, "BASE_URL", "").rstrip("/")
    for user in recipients:
        try:
            # One line: a mail header holds no line break, which a crafted form may type.
            send_mail(subject=SUBJECTS[event] % {"letter": one_line(letter.subject)},
                      message=render_to_string("letters/waiting_email.txt", {
                          "letter": letter, "user": user, "event": event,
                          "base_url": base_url}),
                      from_email=None, recipient_list=[user.email])
        except (OSError, smtplib.SMTPException):
            logger.exception("letter e-mail (%s) to %s not sent", event, user.username)

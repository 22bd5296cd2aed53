"""Changing many commitments or motions at once: an owner, a directorate, a topic or a status.

Each record is changed as if on its own: its own rules (the status change is the model's
change_status), its own transaction and history row, and only if it is still the version the
user saw (a record changed since is reported, never overwritten). One record refused does not
stop the others; the result says which were changed, which refused and why.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from commitments.models import Commitment, Motion
from register.concurrency import StaleEdit
from register.history import dutch_reason, save_with_history
from register.ids import typed_id
from register.models import Topic

MAX_RECORDS = 2000

ACTIONS = {
    "owner": gettext_noop("Eigenaar: %(value)s"),
    "directorate": gettext_noop("Directie: %(value)s"),
    "topic": gettext_noop("Onderwerp toegevoegd: %(value)s"),
}


@dataclass(frozen=True)
class Change:
    """What to do to each record: `action` ("owner", "directorate", "topic", "status"), the new
    value (a user, a directorate, a topic name, a status code), the reason, and for a status
    the delivering document."""

    action: str
    value: object
    reason: str = ""
    document: object = None

    def history_reason(self):
        if self.action == "status":
            return self.reason
        text = dutch_reason(ACTIONS[self.action], value=self.value_label())
        return f"{text} ({self.reason})" if self.reason else text

    def value_label(self):
        if self.action == "owner":
            return self.value.get_full_name() or self.value.username
        return str(self.value)


@dataclass
class Outcome:
    changed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)  # already so
    refused: list = field(default_factory=list)  # (record, message)
    stale: list = field(default_factory=list)  # changed by someone else since it was shown


def parse_items(values):
    """{pk: version} from "pk:version" strings; anything else is left out."""
    items = {}
    for value in values:
        pk, _sep, version = map(typed_id, str(value).partition(":"))
        if pk is not None and version is not None:
            items[pk] = version
    return items


def records(model, items):
    """The selected records in list order (at most MAX_RECORDS), with what the check and the
    result pages show of each: a motion is named by its dossier."""
    return list(model.objects.filter(pk__in=list(items)[:MAX_RECORDS]).select_related(
        "owner", "directorate", "dossier").prefetch_related("topics"))


def already(record, change):
    if change.action == "owner":
        return record.owner_id == change.value.pk
    if change.action == "directorate":
        return record.directorate_id == change.value.pk
    if change.action == "topic":
        return change.value.lower() in {topic.name.lower() for topic in record.topics.all()}
    return current_status(record) == change.value


def current_status(record):
    return record.status if isinstance(record, Commitment) else record.execution_status


def check(record, change):
    """Whether `change` may be made to `record` (on what it holds now): the model's rule for a
    status, nothing else for an assignment. Raises ValidationError."""
    if change.action != "status":
        return
    if isinstance(record, Commitment):
        record.check_transition(change.value, document=change.document)
    else:
        record.check_execution(change.value, document=change.document)


def preview(selected, items, change):
    """What confirming would do, from the records as they are now: nothing is saved."""
    outcome = Outcome()
    for record in selected:
        if record.version != items[record.pk]:
            outcome.stale.append(record)
        elif already(record, change):
            outcome.unchanged.append(record)
        else:
            try:
                check(record, change)
            except ValidationError as error:
                outcome.refused.append((record, " ".join(error.messages)))
            else:
                outcome.changed.append(record)
    return outcome


def apply(selected, items, change, *, by):
    """Make `change` to each record that is still the version shown, each in its own
    transaction with its own history row."""
    outcome = Outcome()
    for record in selected:
        try:
            with transaction.atomic():
                done = apply_one(record, items[record.pk], change, by=by)
        except StaleEdit:
            outcome.stale.append(record)
        except ValidationError as error:
            outcome.refused.append((record, " ".join(error.messages)))
        else:
            (outcome.changed if done else outcome.unchanged).append(record)
    return outcome


def apply_one(record, version, change, *, by):
    """Change one record; False when it already was so."""
    if change.action == "status":
        current = record.locked_copy(version)
        if already(current, change):
            return False
        current.change_status(change.value, by=by, reason=change.reason,
                              document=change.document, expected_version=version)
        return True
    current = record.locked_copy(version)
    if already(current, change):
        return False
    if change.action == "topic":
        current.topics.add(*Topic.from_names([change.value]))
    else:
        setattr(current, change.action, change.value)
    save_with_history(current, by=by, reason=change.history_reason())
    return True


def model_for(kind):
    return {"commitments": Commitment, "motions": Motion}[kind]


def refusal_summary(outcome):
    """One line: how many changed, unchanged, refused and changed since."""
    return _("%(changed)s gewijzigd, %(unchanged)s al zo, %(refused)s geweigerd, %(stale)s "
             "intussen door een ander gewijzigd") % {
        "changed": len(outcome.changed), "unchanged": len(outcome.unchanged),
        "refused": len(outcome.refused), "stale": len(outcome.stale)}

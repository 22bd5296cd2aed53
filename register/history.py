"""History for every tracked model: who, when, why, and whether a person or an import made it."""

from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record


class ChangeSource(models.TextChoices):
    PERSON = "person", _("persoon")
    IMPORT = "import", _("import")


class HistoryBase(models.Model):
    """Abstract base of every historical model: an import must tell "changed by us" apart."""

    change_source = models.CharField(
        _("bron"), max_length=10, choices=ChangeSource.choices, default=ChangeSource.PERSON
    )

    class Meta:
        abstract = True


def tracked_history(**kwargs):
    return HistoricalRecords(bases=[HistoryBase], **kwargs)


@receiver(pre_create_historical_record)
def set_change_source(sender, instance, history_instance, **kwargs):
    history_instance.change_source = getattr(instance, "_change_source", ChangeSource.PERSON)


def save_with_history(obj, *, by, reason, source=ChangeSource.PERSON, **save_kwargs):
    """Save `obj` so that its history row names the user, the reason and the source.

    Commands and imports have no request, so the user is always passed explicitly. The
    attributes are removed afterwards: a later save of the same instance must not reuse them.
    """
    obj._history_user = by
    obj._change_reason = reason
    obj._change_source = source
    try:
        obj.save(**save_kwargs)
    finally:
        for attr in ("_history_user", "_change_reason", "_change_source"):
            obj.__dict__.pop(attr, None)
    return obj

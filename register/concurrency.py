"""No lost updates: every tracked record carries a version; a save from a stale copy is refused."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


class StaleEdit(ValidationError):
    """Someone else saved the record after this edit started; `current` is what they saved."""

    def __init__(self, current, expected_version):
        self.current = current
        self.expected_version = expected_version
        super().__init__(
            _("Iemand anders heeft dit record intussen gewijzigd (versie %(current)s, u begon "
              "bij versie %(expected)s). Uw invoer is bewaard; bekijk de wijzigingen en sla "
              "opnieuw op.") % {"current": current.version, "expected": expected_version},
            code="stale",
        )


class Versioned(models.Model):
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version", "updated_at"}
        super().save(*args, **kwargs)

    def locked_copy(self, expected_version=None):
        """A fresh copy of this row, locked until the transaction ends.

        Changes are applied to the fresh copy, never to a possibly stale `self`, so a field
        someone else changed meanwhile is not written back. On SQLite the lock is the database
        write lock, taken at the start of the transaction (transaction_mode IMMEDIATE).
        """
        current = type(self)._default_manager.select_for_update().get(pk=self.pk)
        if expected_version is not None and current.version != int(expected_version):
            raise StaleEdit(current, int(expected_version))
        return current


def changes_since(record, version):
    """The timeline entries saved after `version`: what another person changed meanwhile."""
    from register.history import timeline

    return [entry for entry in timeline(record) if entry.record.version > version]


def keep_typed_values(form, stale):
    """Show a conflict: the user's input stays in the form, now based on the current version.

    Returns what the other person changed, for the page to show above the form.
    """
    data = form.data.copy()
    data["version"] = str(stale.current.version)
    form.data = data
    form.add_error(None, stale)
    return changes_since(stale.current, stale.expected_version)

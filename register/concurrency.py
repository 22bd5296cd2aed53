"""No lost updates: every tracked record carries a version; a save from a stale copy is refused,
and the edit screens merge it three ways (issue 12).

An edit form remembers what it was loaded with: `base`, a hidden field holding the values as the
browser would post them. When the save is refused because someone else saved meanwhile, the
form is merged: a field only the other person changed takes their value, a field only you changed
keeps yours, and a field you both changed is shown side by side (`Conflict.choices`) and must be
chosen before the form saves again (`resolve_choices`). The form then carries the other person's
version and values as its new base, so a third save in between is merged the same way.
"""

import datetime
import json
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from register.ids import typed_id

PENDING = "merge-pending"
CHOICE = "merge-choice-"


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


class BaseField(forms.CharField):
    """The values an edit form was loaded with (JSON): the base of the three-way merge."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)


def remember_base(carrier, forms_):
    """Give `carrier`'s base field the values of `forms_` as loaded (worked out when the page is
    rendered, once every form has its initial values)."""
    carrier.fields["base"].initial = lambda: json.dumps(values(forms_), sort_keys=True)


def changes_since(record, version):
    """The timeline entries saved after `version`: what another person changed meanwhile."""
    from register.history import timeline

    return [entry for entry in timeline(record) if entry.record.version > version]


@dataclass
class Choice:
    """A field both people changed, as each of them sees it."""

    name: str
    label: str
    theirs: str
    mine: str


@dataclass
class Conflict:
    """What the conflict section of an edit page shows."""

    entries: list = field(default_factory=list)  # what the other person changed (timeline)
    choices: list[Choice] = field(default_factory=list)
    error: str = ""
    merged: bool = False  # the form holds the other person's changes too

    @property
    def pending(self):
        return json.dumps([choice.name for choice in self.choices])


def keep_typed_values(form, stale):
    """Show a conflict on a form that is no edit of the record (a status change): the user's
    input stays in the form, now based on the current version."""
    data = form.data.copy()
    data[form.add_prefix("version")] = str(stale.current.version)
    form.data = data
    form.add_error(None, stale)
    return Conflict(entries=changes_since(stale.current, stale.expected_version))


def merge(carrier, forms_, stale, fresh, *, formset=()):
    """Merge an edit refused by `stale` three ways (see the module's docstring).

    `carrier` holds the version and the base; `forms_` are the forms with the record's fields
    (the carrier itself, or a formset's forms); `fresh` the same forms unbound, built from what
    the other person saved; `formset` the formsets whose forms these are. Returns the Conflict
    to show; the forms now hold the merge.
    """
    data = carrier.data
    try:
        base = json.loads(data.get(carrier.add_prefix("base")) or "")
    except ValueError:
        base = None
    if not isinstance(base, dict):  # a page from before bases existed: keep what was typed
        return keep_typed_values(carrier, stale)
    theirs, mine = paired_values(forms_, fresh), values(forms_, posted=True)
    data, both = data.copy(), []
    for name, their_value in theirs.items():
        if name not in base or same(their_value, base[name]):
            continue  # only I changed it, or nobody did
        if same(mine.get(name), base[name]) or same(mine.get(name), their_value):
            set_value(data, name, their_value)
        else:
            both.append(name)
    data[carrier.add_prefix("version")] = str(stale.current.version)
    data[carrier.add_prefix("base")] = json.dumps(theirs, sort_keys=True)
    data[PENDING] = json.dumps(both)
    rebind(data, carrier, forms_, formset)
    carrier.add_error(None, stale)
    return Conflict(entries=changes_since(stale.current, stale.expected_version),
                    choices=describe(both, forms_, theirs, data), merged=True)


def untouched(carrier, forms_, fresh):
    """Whether the saves since this edit began left every field of `forms_` as it was loaded
    (`fresh`: the same forms, unbound, as saved now): then this edit may be saved over them,
    nothing of theirs is lost. A record of the forms gone meanwhile counts as touched.

    For an editor of a part of a record whose version is the whole's (one section of a letter):
    another part's change is no conflict."""
    try:
        base = json.loads(carrier.data.get(carrier.add_prefix("base")) or "")
    except ValueError:
        return False
    if not isinstance(base, dict):
        return False
    theirs = paired_values(forms_, fresh)
    return set(theirs) == set(base) and all(same(value, base[name])
                                            for name, value in theirs.items())


def resolve_choices(carrier, forms_, *, formset=()):
    """Before a form saved after a conflict is validated: apply the choices made for the fields
    both people changed (the other person's value is the base the page carries). Returns a
    Conflict when a choice is missing: then the form must not be saved."""
    data = carrier.data
    try:
        pending = json.loads(data.get(PENDING) or "[]")
        base = json.loads(data.get(carrier.add_prefix("base")) or "{}")
    except ValueError:
        return None
    if not (pending and isinstance(pending, list) and isinstance(base, dict)):
        return None
    data, missing = data.copy(), []
    for name in pending:
        choice = data.get(CHOICE + str(name))
        if choice == "theirs" and name in base:
            set_value(data, name, base[name])
        elif choice != "mine":
            missing.append(name)
    if not missing:
        data.pop(PENDING, None)
    rebind(data, carrier, forms_, formset)
    if not missing:
        return None
    error = gettext_lazy("Kies bij elk veld dat u allebei wijzigde welke waarde blijft: die van "
                         "de ander of de uwe.")
    return Conflict(choices=describe(missing, forms_, base, data), error=str(error), merged=True)


def rebind(data, carrier, forms_, formsets):
    for form in (carrier, *forms_):
        form.data = data
    for formset in formsets or ():
        formset.data = data
        formset.management_form.data = data


# --- The values, as a browser posts them ------------------------------------------------------


def merged_fields(form):
    """The bound fields a person edits (not the version, the base, or hidden bookkeeping)."""
    return [bound for bound in form.visible_fields() if bound.name != "base"]


def values(forms_, *, posted=False):
    """{html name: value} of the forms' fields: as loaded, or as posted."""
    found = {}
    for form in forms_:
        for bound in merged_fields(form):
            found[bound.html_name] = posted_value(bound) if posted else loaded_value(bound)
    return found


def paired_values(forms_, fresh):
    """The fresh forms' loaded values under the names of the posted forms: a formset's forms
    are paired by the record they edit, a single form with its fresh twin."""
    fresh = list(fresh)
    if len(forms_) == 1 and len(fresh) == 1:
        pairs = [(forms_[0], fresh[0])]
    else:
        by_record = {record_key(form): form for form in fresh if form.instance.pk}
        pairs = [(form, by_record[record_key(form)]) for form in forms_
                 if form.instance.pk and record_key(form) in by_record]
    found = {}
    for form, twin in pairs:
        for bound in merged_fields(twin):
            found[form.add_prefix(bound.name)] = loaded_value(bound)
    return found


def record_key(form):
    return type(form.instance), form.instance.pk


def is_multiple(widget):
    return getattr(widget, "allow_multiple_selected", False)


def loaded_value(bound):
    """What the browser would post for this field of an unbound form, as it is rendered."""
    widget, value = bound.field.widget, bound.value()
    if isinstance(widget, forms.CheckboxInput):
        return "on" if value else ""
    if is_multiple(widget):
        return sorted(str(item) for item in value or [])
    shown = widget.format_value(value)
    if isinstance(shown, list):
        shown = shown[0] if shown else ""
    return "" if shown is None else str(shown)


def posted_value(bound):
    widget = bound.field.widget
    value = widget.value_from_datadict(bound.form.data, bound.form.files, bound.html_name)
    if isinstance(widget, forms.CheckboxInput):
        return "on" if value else ""
    if is_multiple(widget):
        return sorted(str(item) for item in value or [])
    return "" if value is None else str(value)


def normal(value):
    if isinstance(value, list):
        return tuple(sorted(map(str, value)))
    return str(value or "").replace("\r\n", "\n").strip()


def same(one, other):
    return normal(one) == normal(other)


def set_value(data, name, value):
    if isinstance(value, list):
        data.setlist(name, value)
    else:
        data[name] = value


# --- Shown side by side ----------------------------------------------------------------------


def describe(names, forms_, theirs, data):
    bound = {b.html_name: b for form in forms_ for b in merged_fields(form)}
    choices = []
    for name in names:
        if name not in bound:
            continue
        field_ = bound[name]
        label = str(field_.label)
        if field_.form.prefix:  # a formset's form: say which record it is
            label = f"{label} ({field_.form.instance})"
        mine = data.getlist(name) if is_multiple(field_.field.widget) else posted_value(field_)
        choices.append(Choice(name, label, shown(field_, theirs.get(name)), shown(field_, mine)))
    return choices


def shown(bound, value):
    """A posted value as the form shows it: a choice's label, a date in Dutch words."""
    field_ = bound.field
    if value in (None, "", []):
        return "—"
    if isinstance(field_.widget, forms.CheckboxInput):
        return _("ja") if value else _("nee")
    items = value if isinstance(value, list) else [value]
    if isinstance(field_, forms.ModelChoiceField):
        found = field_.queryset.filter(pk__in=[item for item in items
                                               if typed_id(item) is not None])
        labels = {str(obj.pk): field_.label_from_instance(obj) for obj in found}
        return ", ".join(labels.get(str(item), str(item)) for item in items)
    if isinstance(field_, forms.ChoiceField):
        labels = {str(key): str(label) for key, label in field_.choices}
        return ", ".join(labels.get(str(item), str(item)) for item in items)
    if isinstance(field_, forms.DateField):
        try:
            return date_format(datetime.date.fromisoformat(str(value)), "j F Y")
        except ValueError:
            return str(value)
    return str(value)

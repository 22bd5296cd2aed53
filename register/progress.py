"""Keeping up an item's progress text (voortgang: where it stands, as a letter says it): one
small form, saved with a history row and the no-lost-update check (register/concurrency.py).
Commitments, motions and law-track stages offer it; their views check who may (griffie and
beleid)."""

from django import forms
from django.db import transaction
from django.forms import modelform_factory
from django.utils.translation import gettext_noop

from register.concurrency import BaseField, remember_base
from register.editing import edit_view
from register.forms import VersionField
from register.history import save_with_history


class ProgressForm(forms.ModelForm):
    version = VersionField()
    base = BaseField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        remember_base(self, [self])


def progress_form(model):
    return modelform_factory(model, form=ProgressForm, fields=["progress"], widgets={
        "progress": forms.Textarea(attrs={"rows": 6, "lang": "nl", "spellcheck": "true"})})


def progress_save(*, form, by):
    """Save the progress text of a valid ProgressForm; StaleEdit when the record changed since
    the form was opened."""
    with transaction.atomic():
        current = form.instance.locked_copy(form.cleaned_data["version"])
        current.progress = form.cleaned_data["progress"]
        return save_with_history(current, by=by, reason=gettext_noop("Voortgang bijgewerkt"))


def progress_view(request, record):
    """GET: the form; POST: save, or show the conflict merged three ways (register.editing)."""
    return edit_view(request, record, progress_form(type(record)), progress_save,
                     "register/progress_form.html")

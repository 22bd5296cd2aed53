"""The admin keeps the register's rules: every change has a reason and no edit overwrites another,
and history is only read.

The clerks' own screens do the same through their forms; this is for the few who use /beheer/.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from simple_history.admin import SimpleHistoryAdmin

CREATED_IN_ADMIN = gettext_noop("Aangemaakt in Beheer")
DELETED_IN_ADMIN = gettext_noop("Verwijderd in Beheer")


class HistoryAdminForm(forms.ModelForm):
    change_reason = forms.CharField(
        label=_("Reden van wijziging"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Komt in de geschiedenis, met uw naam en de datum."))
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["change_reason"].required = False
        self.fields["seen_version"].initial = getattr(self.instance, "version", None)

    def clean(self):
        cleaned = super().clean()
        seen, current = cleaned.get("seen_version"), getattr(self.instance, "version", None)
        if self.instance.pk and seen is not None and current is not None and seen != current:
            raise ValidationError(
                _("Iemand anders heeft dit record intussen gewijzigd (versie %(current)s, u begon "
                  "bij versie %(seen)s). Open het opnieuw en breng uw wijziging dan aan."),
                params={"current": current, "seen": seen}, code="stale")
        return cleaned


class HistoryAdmin(SimpleHistoryAdmin):
    form = HistoryAdminForm

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A past version, shown read-only.

        django-simple-history saves this form on POST — with view permission only, past every
        rule of the model's own screens — and SIMPLE_HISTORY_REVERT_DISABLED merely hides the
        button. History is never written back, by anyone: every method but reading is refused.
        """
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        request.viewing_history = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_readonly_fields(self, request, obj=None):
        if getattr(request, "viewing_history", False):
            meta = self.model._meta
            return [f.name for f in [*meta.concrete_fields, *meta.many_to_many]
                    if f.editable and not f.primary_key]
        return super().get_readonly_fields(request, obj)

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if getattr(request, "viewing_history", False):
            return [name for name in fields if name not in ("change_reason", "seen_version")]
        return fields

    def reason(self, form):
        return form.cleaned_data.get("change_reason") or CREATED_IN_ADMIN

    def save_model(self, request, obj, form, change):
        obj._change_reason = self.reason(form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            inline_form.instance._change_reason = self.reason(form)
        super().save_formset(request, form, formset, change)

    def delete_model(self, request, obj):
        obj._change_reason = DELETED_IN_ADMIN
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:  # one by one, so each history row gets the reason
            self.delete_model(request, obj)

import json
import time

from django import forms
from django.db.models.signals import post_delete, post_save
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _

from register.ids import typed_id
from register.models import Debate
from register.periods import explain_period

# The filter selects' choices, escaped, per query: they change when someone edits a dossier, a
# person or a party, not per request. A save in this process clears them at once; other app
# servers see the change within CHOICES_TTL seconds (the filter itself always checks the
# database, so a value not yet offered still filters correctly).
CHOICES_TTL = 30
_choices = {}


def forget_choices(sender=None, **kwargs):
    # Choices come from the register's reference data and the users; a commitment's save,
    # the common case, leaves them as they are.
    if sender is None or sender._meta.app_label in ("register", "auth"):
        _choices.clear()


post_save.connect(forget_choices, dispatch_uid="fastselect-choices-save")
post_delete.connect(forget_choices, dispatch_uid="fastselect-choices-delete")


class FastSelect(forms.Select):
    """A <select> rendered in Python rather than one template per <option>.

    The filter forms offer hundreds of dossiers and people; Django's template-based widget
    rendering, and building a model instance per option on every request, cost more than the
    whole list query (see docs/PERFORMANCE.md). Every value and label is escaped here.
    """

    def __init__(self, attrs=None, choices=(), cache_key=None):
        super().__init__(attrs, choices)
        # Names the choices among those cached; without it, the query's SQL does (slower).
        self.cache_key = cache_key

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in (value if isinstance(value, list | tuple) else [value])
                    if v is not None}
        options = "".join(
            f'<option value="{option_value}"'
            f'{" selected" if option_value in selected else ""}>{label}</option>'
            for option_value, label in self.escaped_choices())
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # noqa: S308

    def escaped_choices(self):
        if not isinstance(self.choices, ModelChoiceIterator):
            return list(self.flat_choices())
        queryset = self.choices.queryset
        key = (self.cache_key or (queryset.model._meta.label, str(queryset.query)),
               self.choices.field.to_field_name, self.choices.field.empty_label, get_language())
        cached = _choices.get(key)
        if cached is None or cached[0] < time.monotonic() - CHOICES_TTL:
            cached = _choices[key] = (time.monotonic(), list(self.flat_choices()))
        return cached[1]

    def flat_choices(self):
        """(value, label) pairs, escaped; values as the strings the browser sends back."""
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):  # an optgroup: flattened, lists here have none
                yield from ((escape(v), escape(lbl)) for v, lbl in label)
            else:
                value = "" if option_value is None else getattr(option_value, "value",
                                                                option_value)
                yield escape(str(value)), escape(label)


def period_preview_text(words, said_on=None, ministry_id=None, *, none=False):
    """What the deadline words mean, in Dutch; nothing for no words. Without the date they were
    said (a form not yet filled in), they count from today; with the ministry, "voor de
    begrotingsbehandeling" ends before its own budget debate when the register holds it.
    `none`: the clerk said the words name no deadline; what they would give stays shown."""
    if not words or not str(words).strip():
        return _("Geen termijn (handmatig).") if none else ""
    explanation = explain_period(
        str(words), said_on or timezone.localdate(), budget_debate=(
            lambda year: Debate.budget_debate_day(ministry_id, year)) if ministry_id else None)
    if none:
        return _("Geen termijn (handmatig); afgeleid uit de woorden: %(explanation)s") % {
            "explanation": explanation}
    return explanation


class PeriodWordsMixin:
    """Deadline words with the period they name shown beside them (DESIGN.md: every form with
    deadline words shows the derived period, or why there is none, before anything is saved).

    As the clerk types, htmx asks `register:period-preview` for the explanation, sending the words
    and the date they were said (the form's date field `said_on_name`, or the fixed `said_on`).
    Without JavaScript a "Termijn tonen" button sends the form back unsaved with the explanation
    (PeriodWordsForm). The form sets `said_on` and `said_on_name` on its copy of the widget.
    """

    said_on = None
    said_on_name = ""
    ministry_id = None
    ministry_name = ""
    none = False  # the form's "Geen termijn" checkbox (`none_name`) is ticked
    none_name = ""

    def render(self, name, value, attrs=None, renderer=None):
        target = f"{(attrs or {}).get('id') or name}-period"
        described = " ".join(filter(None, [(attrs or {}).get("aria-describedby"), target]))
        said_on_name = self.said_on_name
        values = {"words_name": name, "said_on_name": said_on_name,
                  "ministry_name": self.ministry_name, "none_name": self.none_name}
        if not said_on_name and self.said_on:
            values["said_on"] = self.said_on.isoformat()
        others = [other for other in (said_on_name, self.ministry_name, self.none_name) if other]
        live = {
            "hx-get": reverse("period-preview"), "hx-target": f"#{target}",
            "hx-trigger": "input changed delay:300ms" + "".join(
                f", change from:[name='{other}']" for other in others),
            "hx-include": ", ".join(f"[name='{other}']" for other in others) or "this",
            "hx-vals": json.dumps(values), "hx-sync": "this:replace",
            "aria-describedby": described,
        }
        field = super().render(name, value, {**(attrs or {}), **live}, renderer)
        explanation = period_preview_text(value, self.said_on, self.ministry_id, none=self.none)
        return format_html(
            '{}<p class="period-preview" id="{}" aria-live="polite">{}</p>'
            '<noscript><button type="submit" name="period_preview" value="{}" formnovalidate '
            'class="button">{}</button></noscript>',
            field, target, explanation, name, _("Termijn tonen"))


class PeriodWordsInput(PeriodWordsMixin, forms.TextInput):
    pass


class PeriodWordsTextarea(PeriodWordsMixin, forms.Textarea):
    pass


class SearchSelect(forms.Select):
    """A select the browser makes searchable (static/js/search-select.js, with tom-select).

    With a `kind` of register/choices.py, only the chosen option is sent with the page and the
    others are found on the server as the user types: a select of thousands of documents or
    150 members is not usable, nor worth sending. Without one, it searches its own options.
    """

    def __init__(self, kind=None, attrs=None, choices=(), create=None):
        super().__init__(attrs, choices)
        self.kind = kind
        # (URL name, button text): "+ nieuw debat" creates one inline (inline-create.js).
        self.create = create

    def get_context(self, name, value, attrs):
        url = reverse("choices", args=[self.kind]) if self.kind else ""
        if self.create:
            attrs = {**(attrs or {}), "data-create-url": reverse(self.create[0]),
                     "data-create-label": str(self.create[1])}
        attrs = {**(attrs or {}), "data-search": url,
                 "data-no-results": gettext("Niets gevonden"),
                 "data-type-more": gettext("Typ een deel van de naam"),
                 "data-search-failed": gettext("Zoeken lukt nu niet; probeer het zo opnieuw"),
                 "data-placeholder": gettext("Typ om te zoeken")}
        return super().get_context(name, value, attrs)

    def optgroups(self, name, value, attrs=None):
        if not self.kind or not isinstance(self.choices, ModelChoiceIterator):
            return super().optgroups(name, value, attrs)
        field = self.choices.field
        key = field.to_field_name or "pk"
        # A foreign key's field names the primary key "id": posted ids are typed by hand too.
        by_id = key in ("pk", field.queryset.model._meta.pk.name)
        chosen = [v for v in value
                  if v not in ("", None) and (not by_id or typed_id(v) is not None)]
        options = [("", field.empty_label)] if field.empty_label is not None else []
        options += [self.choices.choice(record)
                    for record in field.queryset.filter(**{f"{key}__in": chosen})]
        everything, self.choices = self.choices, options
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = everything


class SearchSelectMultiple(SearchSelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        return forms.SelectMultiple().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return False

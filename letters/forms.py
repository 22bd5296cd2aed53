"""Forms of the letter screens: composing, editing (letter, sections, items), the advisors'
progress texts, and the small forms of the approval steps."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from letters.models import LetterItem, LetterKind, LetterSection, ProgressLetter
from letters.services import new_expected_problem
from register.concurrency import BaseField
from register.dates import next_reference_date
from register.forms import PeriodWordsForm, VersionField
from register.models import Dossier, Person
from register.widgets import PeriodWordsInput

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MARKUP = {"rows": 8, "class": "markup", "spellcheck": "true", "lang": "nl"}


def reference_dates(today, before=3):
    """The rappel reference dates to choose from: the next one and the `before` ones before it."""
    dates = [next_reference_date(today)]
    while len(dates) <= before:
        previous = dates[-1]
        dates.append(datetime.date(previous.year, 1, 1) if previous.month == 7
                     else datetime.date(previous.year - 1, 7, 1))
    return dates


class ComposeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort brief"), choices=LetterKind.choices,
                             initial=LetterKind.PROGRESS, widget=forms.RadioSelect)
    dossier = forms.ModelChoiceField(
        queryset=Dossier.objects.all(), to_field_name="number", required=False,
        label=_("Dossier"), help_text=_("Voor een voortgangsbrief: de toezeggingen, moties en "
                                        "wetgevingstrajecten van dit dossier."))
    reference_date = forms.TypedChoiceField(
        label=_("Peildatum (rappel)"), required=False, coerce=datetime.date.fromisoformat,
        empty_value=None,
        help_text=_("Voor een antwoord op het rappel: de openstaande en deels afgedane "
                    "toezeggingen waarvan de termijn vóór deze datum afliep."))

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        today = today or timezone.localdate()
        dates = reference_dates(today)
        self.fields["reference_date"].choices = [(d.isoformat(), date_format(d, "j F Y"))
                                                  for d in dates]
        # The rappel the dashboard shows next (register.dates.next_reference_date).
        self.fields["reference_date"].initial = dates[0].isoformat()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == LetterKind.PROGRESS and not cleaned.get("dossier"):
            self.add_error("dossier", _("Kies het dossier van de voortgangsbrief."))
        if cleaned.get("kind") == LetterKind.RAPPEL and not cleaned.get("reference_date"):
            self.add_error("reference_date", _("Kies de peildatum van het rappel."))
        return cleaned


class LetterForm(forms.ModelForm):
    version = VersionField()
    base = BaseField()
    kamerstuk = forms.RegexField(
        label=_("Kamerstuknummer (als al bekend)"), required=False, max_length=4,
        regex=r"^[0-9]{1,4}$", error_messages={"invalid": _("Een getal, bijvoorbeeld 468.")})
    reason = forms.CharField(
        label=_("Toelichting bij deze wijziging"), required=False, max_length=500,
        help_text=_("Komt in de geschiedenis van de brief."))

    class Meta:
        model = ProgressLetter
        fields = ["subject", "kenmerk", "date", "addressee", "ministry", "directorate", "signatory",
                  "signatory_office", "signatory_name", "uw_brief", "bijlagen", "opening",
                  "closing", "annex"]
        widgets = {"date": DATE, "opening": forms.Textarea(attrs=MARKUP),
                   "closing": forms.Textarea(attrs={**MARKUP, "rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["signatory"].queryset = Person.objects.filter(offices__isnull=False) \
            .distinct().prefetch_related("offices")
        self.fields["opening"].help_text = _("Na “Geachte voorzitter,”. Zie de uitleg van de "
                                             "opmaak onderaan.")
        if self.instance.kind != LetterKind.PROGRESS or not self.instance.dossier_id:
            del self.fields["annex"]
            del self.fields["kamerstuk"]
        else:
            document = self.instance.document
            self.fields["kamerstuk"].initial = document.number if document else ""
            self.fields["kamerstuk"].help_text = _(
                "Alleen als de Kamer de brief al heeft gepubliceerd: het nummer binnen dossier "
                "%(dossier)s. Bij vaststellen wordt de brief dan aan dat Kamerstuk gekoppeld.") % {
                "dossier": self.instance.dossier.display_number}

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("signatory")
        day = cleaned.get("date") or timezone.localdate()
        if person and {"signatory", "date"} & set(self.changed_data) and not person.office_on(day):
            # The signature is the office held on the letter's date (DESIGN.md "Letters").
            self.add_error("signatory", _(
                "%(name)s was op %(date)s geen bewindspersoon: kies wie de functie toen "
                "bekleedde.") % {"name": person.full_name, "date": date_format(day, "j F Y")})
        if person and "signatory" in self.changed_data:
            office = person.office_on(day)
            if office and not cleaned.get("signatory_office"):
                cleaned["signatory_office"] = f"De {office.title},"
            if not cleaned.get("signatory_name"):
                with translation.override("nl"):  # the letter is Dutch whatever the screens
                    cleaned["signatory_name"] = person.full_name
        return cleaned


class SectionForm(forms.ModelForm):
    """A section's title and text, edited on their own (the section editor); the letter's version
    and the values as loaded travel along (register.concurrency)."""

    version = VersionField()
    base = BaseField()

    class Meta:
        model = LetterSection
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs=MARKUP)}


class NewExpectedCheck:
    """A rappel answer's new expected date checked when the item is saved, by the rule that
    checks it when the letter is offered: the writer hears it at once, with the words kept."""

    def clean_new_expected(self):
        words = self.cleaned_data["new_expected"]
        problem = new_expected_problem(words, self.letter)
        if problem:
            raise ValidationError(problem, code="new_expected")
        return words


class ItemForm(NewExpectedCheck, PeriodWordsForm, forms.ModelForm):
    """An item in the section editor: its progress text and "doet af", or a rappel answer's
    explanation and new expected date. Its place (section, order) is changed by the buttons."""

    period_words = {"new_expected": None}  # counted from the letter's date

    class Meta:
        model = LetterItem
        fields = ["progress_text", "delivers", "explanation", "new_expected"]
        widgets = {"progress_text": forms.Textarea(attrs={**MARKUP, "rows": 5}),
                   "explanation": forms.Textarea(attrs={**MARKUP, "rows": 4}),
                   "new_expected": PeriodWordsInput}

    def __init__(self, *args, letter, **kwargs):
        self.letter, self.period_said_on = letter, letter.date
        super().__init__(*args, **kwargs)
        drop = ("progress_text",) if letter.kind == LetterKind.RAPPEL else ("explanation",
                                                                           "new_expected")
        for name in drop:
            del self.fields[name]
        if self.instance.law_track_id:
            # A law track is reported on, never delivered.
            del self.fields["delivers"]


class LetterItemsBase(BaseInlineFormSet):
    """Items of one letter (of one section, with `queryset`), with their subjects."""

    def __init__(self, *args, **kwargs):
        kwargs["form_kwargs"] = {"letter": kwargs["instance"]}
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().select_related("commitment", "motion__dossier",
                                                     "law_track", "section")

    def clean(self):
        """Only the letter's own items: items are added with "toevoegen", never here. A form
        naming another letter's item (or none) gets a fresh, empty instance from the formset,
        which the database would refuse (a hand-made request, or an item removed by someone
        else meanwhile). An item moved to another section meanwhile is still edited by the
        section form it was shown in (letters.views.section_forms)."""
        super().clean()
        if any(form.instance.pk is None for form in self.forms):
            raise ValidationError(_("Een onderdeel in het formulier hoort niet bij deze brief; "
                                    "open de brief opnieuw."), code="foreign_item")


ItemFormSet = inlineformset_factory(ProgressLetter, LetterItem, form=ItemForm,
                                    formset=LetterItemsBase, extra=0, can_delete=True)


class TextForm(NewExpectedCheck, PeriodWordsForm, forms.ModelForm):
    period_words = ItemForm.period_words
    """What an advisor may write: the progress text, or a rappel answer's explanation and date."""

    class Meta:
        model = LetterItem
        fields = ["progress_text", "explanation", "new_expected"]
        widgets = ItemForm.Meta.widgets

    def __init__(self, *args, letter, **kwargs):
        self.letter, self.period_said_on = letter, letter.date
        super().__init__(*args, **kwargs)
        drop = ("progress_text",) if letter.kind == LetterKind.RAPPEL else ("explanation",
                                                                           "new_expected")
        for name in drop:
            del self.fields[name]


TextFormSet = inlineformset_factory(ProgressLetter, LetterItem, form=TextForm,
                                    formset=LetterItemsBase, extra=0, can_delete=False)


class NewSectionForm(forms.Form):
    title = forms.CharField(label=_("Titel van de nieuwe sectie"), max_length=300)


class AddItemForm(forms.Form):
    text = forms.CharField(
        label=_("Toezegging, motie of traject toevoegen"), max_length=200,
        help_text=_("Het nummer van een toezegging (TZ-VWS-2020-001, TZ202412-116 of T01970), een "
                    "motie (Kamerstuk 24 077, nr. 453) of de korte naam van een "
                    "wetgevingstraject."))
    section = forms.ModelChoiceField(queryset=LetterSection.objects.none(), required=False,
                                     label=_("In sectie"), empty_label=None)

    def __init__(self, *args, letter, **kwargs):
        super().__init__(*args, **kwargs)
        if letter.kind == LetterKind.RAPPEL:
            del self.fields["section"]
        else:
            self.fields["section"].queryset = letter.sections.all()
            self.fields["section"].required = True


class VersionForm(forms.Form):
    """The version the user saw when pressing a button: an action on a changed letter is refused."""

    version = VersionField()


class TextsVersionForm(VersionForm):
    """The advisors' texts screen: the version, and the texts as loaded (the merge's base)."""

    base = BaseField()


class ApproveForm(VersionForm):
    """The approver approves the content seen: its fingerprint (letters.content.content_sha256)."""

    content = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)


class SendBackForm(VersionForm):
    comment = forms.CharField(label=_("Waarom gaat de brief terug?"), max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class KamerstukForm(forms.Form):
    number = forms.CharField(label=_("Kamerstuknummer"), max_length=10,
                             help_text=_("Het nummer binnen het dossier, bijvoorbeeld 468."))

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if not number:
            raise ValidationError(_("Vul het nummer in."))
        return number

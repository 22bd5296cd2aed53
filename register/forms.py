from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from register.models import Debate, Document, EmailChoice, Ministry, Party, Person, Topic
from register.people import NAME_FIELDS, namesakes
from register.references import kamer_document_number, reference_from_input
from register.widgets import SearchSelect


class VersionField(forms.IntegerField):
    """The version the user started editing from; a save from an older one is a conflict."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(min_value=1, **kwargs)


class DocumentInputMixin(forms.Form):
    """Pick an existing document, or type a reference ("Kamerstuk 24 077, nr. 468")."""

    document = forms.ModelChoiceField(
        queryset=Document.objects.none(), required=False, label=_("Document"),
        widget=SearchSelect(),
        help_text=_("Kies een document van dit dossier, of typ hieronder een verwijzing."),
    )
    document_reference = forms.CharField(
        required=False, max_length=200, label=_("Of typ een verwijzing"),
        help_text=_("Bijvoorbeeld: ‘Kamerstuk 24 077, nr. 468’, ‘Kst 24077 nr 468’, "
                    "‘kst-24077-468’ of het adres van het stuk op officielebekendmakingen.nl. "
                    "Kent het register het stuk nog niet, dan wordt het aangemaakt."),
    )

    def limit_documents(self, dossier):
        """The dossier's documents, as the help text says; without a dossier the most recent
        ones (a select of all would be huge). Any other paper can be typed as a reference."""
        documents = Document.objects.select_related("dossier")
        if dossier:
            self.fields["document"].queryset = documents.filter(dossier=dossier)
        else:
            recent = Document.objects.order_by("-pk").values("pk")[:50]
            self.fields["document"].queryset = documents.filter(pk__in=recent)
            self.fields["document"].help_text = _("Kies een van de laatst geregistreerde "
                                                  "documenten, of typ hieronder een verwijzing.")

    def clean_document_reference(self):
        """The typed reference; or the Document itself when the clerk pasted its address on
        tweedekamer.nl (or its number there), which names only the Kamer's document number:
        documents synced from the Kamer's open data keep it (`tk_document_number`; before it
        was kept, as their kenmerk when they had no Kamerstuk number)."""
        text = self.cleaned_data["document_reference"].strip()
        if not text:
            return None
        number = kamer_document_number(text)
        if number:
            known = list(Document.objects.filter(
                Q(tk_document_number__iexact=number) | Q(kenmerk__iexact=number))[:2])
            if len(known) == 1:
                return known[0]
        try:
            return reference_from_input(text)
        except ValueError as error:
            raise ValidationError(str(error), code="reference") from None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("document") and cleaned.get("document_reference"):
            raise ValidationError(_("Kies een document óf typ een verwijzing, niet allebei."))
        if isinstance(cleaned.get("document_reference"), Document):
            cleaned["document"], cleaned["document_reference"] = cleaned["document_reference"], None
        return cleaned

    def resolve_document(self, *, by, reason):
        reference = self.cleaned_data.get("document_reference")
        if reference:
            document, _created = Document.objects.from_reference(reference, by=by, reason=reason)
            return document
        return self.cleaned_data.get("document")


class TopicsField(forms.CharField):
    """Free tags typed as "lachgas, NPS, preventie"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Onderwerpen"))
        kwargs.setdefault("help_text", _("Gescheiden door komma's, bijvoorbeeld: lachgas, NPS, "
                                         "preventie."))
        super().__init__(max_length=500, **kwargs)

    def to_python(self, value):
        return [name.strip() for name in (value or "").split(",") if name.strip()]

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(str(item) for item in value)
        return value


def shown_only_for(field, choice, values):
    """Show `field` only while the field named `choice` holds one of `values` (the delivery date
    of ‘Afgedaan’): static/js/shown-only-for.js hides and disables it otherwise. Without
    JavaScript it stays, and the model refuses a value where it does not belong."""
    field.widget.attrs.update({"data-shown-by": choice,
                               "data-shown-for": " ".join(str(value) for value in values)})


def topic_names(instance):
    return ", ".join(topic.name for topic in instance.topics.all()) if instance.pk else ""


def save_topics(instance, names):
    instance.topics.set(Topic.from_names(names))


def active_users():
    """The users who may own a record, in the order of their names."""
    return get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name",
                                                                    "username")


class UserChoiceField(forms.ModelChoiceField):
    """A user by full name ("Bart Beleid"), not by login name; the login name when no name is
    recorded."""

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class PersonChoiceField(forms.ModelChoiceField):
    """A person by name and number: two records of one person have (nearly) the same name."""

    def __init__(self, **kwargs):
        # Searchable among its options: with the Kamer's records there are hundreds of people.
        super().__init__(queryset=Person.objects.prefetch_related("offices"),
                         widget=SearchSelect(), **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.full_name} (#{obj.pk})"


class PersonMergeForm(forms.Form):
    """Two records of one person: the one kept and the one merged into it."""

    keep = PersonChoiceField(label=_("Houden"))
    other = PersonChoiceField(label=_("Samenvoegen in de eerste (verdwijnt)"))
    reason = forms.CharField(label=_("Reden"), max_length=2000, required=False,
                             help_text=_("Bijvoorbeeld: dezelfde persoon, met en zonder accent "
                                         "gespeld."))

    def clean(self):
        cleaned = super().clean()
        keep, other = cleaned.get("keep"), cleaned.get("other")
        if keep and other and keep.pk == other.pk:
            raise ValidationError(_("Kies twee verschillende personen."), code="same")
        return cleaned


class EmailChoiceForm(forms.ModelForm):
    class Meta:
        model = EmailChoice
        fields = ["digest", "letters"]


class PeriodWordsForm:
    """A form whose deadline or planning words show their period (register.widgets.PeriodWords…).

    `period_words` maps each such field to the date field it counts from; a form without one sets
    `period_said_on` (a letter's date). "Termijn tonen" (the button that shows the period without
    JavaScript) sends the form back unsaved, with everything typed kept.
    """

    period_words: dict[str, str | None] = {}
    period_said_on = None
    period_ministry = ""  # the ministry field, whose own budget debate the words may name
    period_none = ""  # the checkbox by which the clerk says the words name no deadline

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, said_on in self.period_words.items():
            if name in self.fields:
                widget = self.fields[name].widget
                widget.said_on_name = self.add_prefix(said_on) if said_on in self.fields else ""
                widget.said_on = self.said_on_for(said_on)
                if self.period_ministry in self.fields:
                    widget.ministry_name = self.add_prefix(self.period_ministry)
                    ministry = self.value_of(self.period_ministry)
                    widget.ministry_id = getattr(ministry, "pk", ministry)
                if self.period_none in self.fields:
                    widget.none_name = self.add_prefix(self.period_none)
                    widget.none = bool(self.value_of(self.period_none))

    def said_on_for(self, name):
        if name not in self.fields:
            return self.period_said_on
        return self.value_of(name)

    def value_of(self, name):
        """The field's value as typed (None when it is not valid), else its initial value."""
        field = self.fields[name]
        if self.is_bound:
            try:
                return field.clean(field.widget.value_from_datadict(
                    self.data, self.files, self.add_prefix(name)))
            except ValidationError:
                return None
        value = self.get_initial_for_field(field, name)
        return value() if callable(value) else value

    def preview_asked(self):
        shown = self.data.get("period_preview")
        return bool(shown) and shown in {self.add_prefix(name) for name in self.period_words}

    def clean(self):
        cleaned = super().clean()
        if self.preview_asked():
            # Said without naming the button: it is "Opslaan", "Vastleggen" or "Overnemen".
            raise ValidationError(_("Nog niet opgeslagen: de afgeleide termijn staat bij het "
                                    "veld. Klopt die, sla het formulier dan op."), code="preview")
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.preview_asked():
            # Only the period was asked for: fields not yet filled in are no error yet (they are
            # said on "Opslaan"); the form stays unsaved with this notice alone.
            notice = [error for error in self.non_field_errors().as_data()
                      if error.code == "preview"]
            self._errors = ErrorDict({NON_FIELD_ERRORS: self.error_class(
                notice, error_class="nonfield", renderer=self.renderer)})


class DebateForm(forms.ModelForm):
    """Today's debate, recorded where the commitment or motion is (issue 17: no detour through
    the admin)."""

    class Meta:
        model = Debate
        fields = ["kind", "title", "date", "committee", "dossier"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class PersonForm(forms.Form):
    """A new member of parliament (with party) or bewindspersoon (with office)."""

    initials = forms.CharField(label=_("Initialen"), max_length=20, required=False,
                               help_text=_("Bijvoorbeeld: C.J."))
    first_name = forms.CharField(label=_("Voornaam"), max_length=50, required=False)
    prefix = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False,
                             help_text=_("Bijvoorbeeld: van der"))
    surname = forms.CharField(label=_("Achternaam"), max_length=100)
    party = forms.ModelChoiceField(label=_("Fractie (voor een Kamerlid)"), required=False,
                                   queryset=Party.objects.all())
    office = forms.CharField(label=_("Functie (voor een bewindspersoon)"), max_length=200,
                             required=False,
                             help_text=_("Bijvoorbeeld: Staatssecretaris van Volksgezondheid, "
                                         "Welzijn en Sport."))
    ministry = forms.ModelChoiceField(label=_("Ministerie van de functie"), required=False,
                                      queryset=Ministry.objects.all())
    since = forms.DateField(label=_("Sinds"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                            help_text=_("Begin van het lidmaatschap of de functie, als bekend."))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("party") and not cleaned.get("office", "").strip():
            raise ValidationError(_("Geef de fractie van een Kamerlid of de functie van een "
                                    "bewindspersoon."), code="role")
        if cleaned.get("ministry") and not cleaned.get("office", "").strip():
            self.add_error("office", _("Bij een ministerie hoort een functie."))
        if cleaned.get("surname"):
            same = namesakes(**{name: cleaned.get(name, "") for name in NAME_FIELDS})
            if same:
                raise ValidationError(
                    _("%(name)s staat al in het register (#%(pk)s): kies die in de lijst.")
                    % {"name": same[0].full_name, "pk": same[0].pk}, code="exists")
        return cleaned

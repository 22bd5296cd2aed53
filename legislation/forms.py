import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commitments.forms import DATE, EditReasonMixin
from commitments.models import Commitment, Motion
from legislation.models import LawTrack, Stage
from legislation.shifting import later_stages_to_shift
from legislation.stage_templates import StageKind
from register.forms import (
    DocumentInputMixin,
    PeriodWordsForm,
    TopicsField,
    UserChoiceField,
    VersionField,
    active_users,
    topic_names,
)
from register.models import Document
from register.periods import parse_period
from register.references import BASE_URL
from register.widgets import PeriodWordsInput, SearchSelect

REASON_WIDGET = forms.Textarea(attrs={"rows": 3})


def reason_field(label=None, help_text=None):
    return forms.CharField(label=label or _("Reden"), widget=REASON_WIDGET, max_length=2000,
                           help_text=help_text or _("Komt in de geschiedenis van het traject."))


class LawTrackForm(EditReasonMixin, forms.ModelForm):
    topic_list = TopicsField()
    include_optional = forms.BooleanField(
        label=_("Optionele fasen opnemen"), required=False, initial=True,
        help_text=_("Bij een ministeriële regeling: de internetconsultatie."))

    class Meta:
        model = LawTrack
        fields = ["title", "short_name", "instrument", "ministry", "co_ministries",
                  "directorate", "owner", "dossier", "reporting_dossier", "description",
                  "commitments", "motions"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "dossier": SearchSelect("dossiers"),
                   "reporting_dossier": SearchSelect("dossiers"),
                   "co_ministries": forms.CheckboxSelectMultiple}
        field_classes = {"owner": UserChoiceField}

    field_order = ["title", "short_name", "instrument", "include_optional", "ministry",
                   "co_ministries", "directorate", "owner", "dossier", "reporting_dossier",
                   "description", "topic_list", "commitments", "motions", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic_list"].initial = topic_names(self.instance)
        self.fields["version"].initial = self.instance.version
        self.fields["version"].required = bool(self.instance.pk)
        self.fields["owner"].queryset = active_users()
        self.fields["commitments"].queryset = Commitment.objects.order_by("number")
        self.fields["commitments"].widget.attrs["size"] = 8
        self.fields["motions"].queryset = Motion.objects.select_related("dossier")
        self.fields["motions"].widget.attrs["size"] = 5
        for name in ("commitments", "motions"):
            self.fields[name].help_text = _("De toezeggingen en moties over dit traject; houd Ctrl "
                                            "of Cmd ingedrukt om er meer te kiezen.")
        self.fields["reason"].help_text = _("Komt in de geschiedenis; gekoppelde en ontkoppelde "
                                            "toezeggingen en moties worden erbij vermeld.")
        if self.instance.pk:
            # The instrument chose the stages when the track was created; later differences
            # are made by adding or skipping stages.
            self.fields["instrument"].disabled = True
            self.fields["instrument"].help_text = _(
                "Bepaalde de fasen bij het aanmaken; wijk af door fasen toe te voegen of over "
                "te slaan.")
            del self.fields["include_optional"]
        else:
            del self.fields["reason"]
            self.fields["instrument"].help_text = _(
                "Bepaalt de fasen waarmee het traject begint.")

    def clean(self):
        cleaned = super().clean()
        ministry, co = cleaned.get("ministry"), cleaned.get("co_ministries")
        if ministry and co and ministry in co:
            self.add_error("co_ministries", _("Het eerstverantwoordelijke ministerie staat hier "
                                              "dubbel."))
        return cleaned


class StagePlanForm(PeriodWordsForm, forms.Form):
    version = VersionField()
    period_words = {"planned_text": "stated_on"}
    planned_text = forms.CharField(
        label=_("Planning in woorden"), max_length=300, widget=PeriodWordsInput,
        help_text=_("Zoals gezegd of geschreven, bijvoorbeeld: naar verwachting na het "
                    "zomerreces."))
    stated_on = forms.DateField(
        label=_("Gegeven op"), widget=DATE,
        help_text=_("De datum van de brief of het overleg met deze planning; woorden als "
                    "‘komend voorjaar’ tellen vanaf deze datum."))
    no_period = forms.BooleanField(
        label=_("Deze planning noemt geen termijn"), required=False,
        help_text=_("Alleen nodig als uit de woorden geen periode valt af te leiden, zoals bij "
                    "‘zo spoedig mogelijk’."))
    reason = reason_field(help_text=_("Waarom deze (nieuwe) planning; komt in de geschiedenis."))

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record
        self.fields["version"].initial = record.version
        self.fields["planned_text"].initial = record.planned_text
        self.fields["stated_on"].initial = timezone.localdate()
        self.offers = self.shift_offers() if self.is_bound else []

    def shift_offers(self):
        """The later stages the posted plan passes, each with a field for its new words
        (pre-filled with the suggestion: empty leaves that stage as it is)."""
        try:
            stated_on = self.fields["stated_on"].clean(self.data.get("stated_on"))
        except ValidationError:
            return []
        offers = later_stages_to_shift(self.record, self.data.get("planned_text", "").strip(),
                                       stated_on)
        if offers and "later" not in self.data:
            self.data = self.data.copy()
        for stage, words in offers:
            name = f"shift_{stage.pk}"
            self.fields[name] = forms.CharField(
                label=stage.display_name, required=False, max_length=300,
                help_text=_("Nu gepland: %(plan)s. Leeg: deze fase niet verschuiven.")
                % {"plan": stage.planned_text})
            if "later" not in self.data:
                self.data[name] = words
        return offers

    def clean(self):
        cleaned = super().clean()
        text, stated_on = cleaned.get("planned_text"), cleaned.get("stated_on")
        if text and stated_on and not cleaned.get("no_period") \
                and parse_period(text, stated_on) is None:
            self.add_error("planned_text", _(
                "Uit ‘%(text)s’ valt geen periode af te leiden. Schrijf bijvoorbeeld ‘na het "
                "zomerreces’ of ‘eind volgend jaar’, of vink aan dat de planning geen termijn "
                "noemt.") % {"text": text})
        cleaned["shifts"] = []
        if self.offers and self.data.get("later") not in ("shift", "keep"):
            raise ValidationError(_(
                "De nieuwe planning ligt na die van latere fasen: %(stages)s. Verschuif die "
                "fasen mee (elk wordt herpland met dezelfde reden), of plan alleen deze fase.")
                % {"stages": ", ".join(str(stage.display_name) for stage, _words in self.offers)},
                code="later_stages")
        if self.data.get("later") == "shift":
            cleaned["shifts"] = [(stage, cleaned.get(f"shift_{stage.pk}", "").strip())
                                 for stage, _words in self.offers
                                 if cleaned.get(f"shift_{stage.pk}", "").strip()]
        return cleaned


class StageStartForm(forms.Form):
    version = VersionField()
    on = forms.DateField(label=_("Begonnen op"), widget=DATE)
    reason = reason_field()

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = record.version
        self.fields["on"].initial = record.actual_start or timezone.localdate()


class StageCompleteForm(forms.Form):
    version = VersionField()
    started_on = forms.DateField(label=_("Begonnen op"), widget=DATE, required=False,
                                 help_text=_("Leeg laten als het begin niet bekend is."))
    on = forms.DateField(label=_("Afgerond op"), widget=DATE)
    reason = reason_field(help_text=_("Bijvoorbeeld het document of besluit waarmee de fase "
                                      "afliep; komt in de geschiedenis."))

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = record.version
        self.fields["started_on"].initial = record.actual_start
        self.fields["on"].initial = record.actual_end or timezone.localdate()


def document_label(document):
    title = f" — {document.title}" if document.title and document.title != str(document) else ""
    return f"{document}{title}"[:120]


# "Staatsblad 2021, 150", "Stb. 2021, 150", "Stcrt. 2020, nr. 12345".
OFFICIAL_PUBLICATION = re.compile(
    r"(?:(?P<stb>staatsblad|stb\.?)|staatscourant|stcrt\.?)\s*(?P<year>(?:19|20)[0-9]{2})"
    r"\s*,?\s*(?:nr\.?\s*)?(?P<number>[0-9]{1,6})", re.IGNORECASE)


def official_publication(title):
    """The title as written officially and the URL of a Staatsblad or Staatscourant, or None."""
    match = OFFICIAL_PUBLICATION.fullmatch(title)
    if not match:
        return None
    name, code = ("Staatsblad", "stb") if match["stb"] else ("Staatscourant", "stcrt")
    year, number = match["year"], match["number"]
    return f"{name} {year}, {number}", f"{BASE_URL}{code}-{year}-{number}"


class WebAddressField(forms.URLField):
    """Only http(s): the address becomes a link on the track page, never a javascript: one."""

    default_validators = [URLValidator(schemes=["http", "https"])]
    default_error_messages = {"invalid": _("Geef een webadres dat begint met https:// of "
                                           "http://, bijvoorbeeld "
                                           "https://www.internetconsultatie.nl/lachgas.")}


class StageEditForm(DocumentInputMixin, forms.ModelForm):
    version = VersionField()
    web_title = forms.CharField(
        label=_("Of een document dat geen Kamerstuk is: titel"), max_length=300, required=False,
        help_text=_("Bijvoorbeeld: Internetconsultatie Besluit lachgas, Advies Raad van State "
                    "W13.20.0123/III, Staatsblad 2021, 150."))
    web_url = WebAddressField(
        label=_("Webadres van dat document"), max_length=300, required=False,
        assume_scheme="https",
        help_text=_("Mag leeg blijven bij Staatsblad en Staatscourant: dan wordt het adres op "
                    "officielebekendmakingen.nl ingevuld."))
    reason = reason_field()

    class Meta:
        model = Stage
        fields = ["name", "kind", "skipped", "note", "documents"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    field_order = ["name", "kind", "skipped", "note", "documents", "document_reference",
                   "web_title", "web_url", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        track = self.instance.track
        self.limit_documents(track.dossier or track.reporting_dossier)
        # The dossier's and recent documents to choose from, plus those already linked.
        choices = self.fields.pop("document").queryset
        self.fields["documents"].queryset = Document.objects.select_related("dossier").filter(
            Q(pk__in=choices.values("pk")) | Q(pk__in=self.instance.documents.values("pk")))
        self.fields["documents"].widget.attrs["size"] = 8
        self.fields["documents"].label_from_instance = document_label
        self.fields["documents"].help_text = _(
            "Consultatiepagina, advies, Kamerstukken, Staatsblad. Houd Ctrl of Cmd ingedrukt om "
            "er meer te kiezen.")
        self.fields["document_reference"].label = _("Nog een document, met zijn verwijzing")
        self.fields["version"].initial = self.instance.version
        self.fields["skipped"].help_text = _("Een overgeslagen fase telt niet mee voor de stand "
                                             "en de vertraging.")

    def clean(self):
        cleaned = super().clean()
        title, url = " ".join(cleaned.get("web_title", "").split()), cleaned.get("web_url")
        publication = official_publication(title)
        if publication:
            title, official_url = publication
            url = url or official_url
        if title and not url and "web_url" not in self.errors:
            self.add_error("web_url", _("Geef het webadres van ‘%(title)s’.") % {"title": title})
        elif url and not title:
            self.add_error("web_title", _("Geef de titel van het document op dit webadres."))
        cleaned["web_title"], cleaned["web_url"] = title, url
        return cleaned

    def new_documents(self, *, by, reason):
        """The documents typed in the form, created if new: a reference, a web page, or both."""
        typed = [self.resolve_document(by=by, reason=reason)]
        if self.cleaned_data["web_title"]:
            typed.append(Document.objects.from_web(self.cleaned_data["web_title"],
                                                   self.cleaned_data["web_url"],
                                                   by=by, reason=reason)[0])
        return [document for document in typed if document]


class StageAddForm(PeriodWordsForm, forms.ModelForm):
    period_words = {"planned_text": "stated_on"}
    position = forms.ChoiceField(label=_("Plaats"))
    planned_text = forms.CharField(label=_("Planning in woorden"), max_length=300,
                                   required=False, widget=PeriodWordsInput,
                                   help_text=_("Mag leeg blijven; plan de fase dan later."))
    stated_on = forms.DateField(label=_("Planning gegeven op"), widget=DATE, required=False)
    reason = reason_field()

    class Meta:
        model = Stage
        fields = ["name", "kind", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    field_order = ["name", "kind", "position", "planned_text", "stated_on", "note", "reason"]

    def __init__(self, *args, track, **kwargs):
        super().__init__(*args, **kwargs)
        stages = track.ordered_stages
        self.stages = {str(stage.pk): stage for stage in stages}
        self.fields["position"].choices = [("", _("Aan het begin"))] + [
            (str(stage.pk), _("Na %(number)d. %(name)s") % {"number": number,
                                                             "name": stage.display_name})
            for number, stage in enumerate(stages, start=1)]
        self.fields["position"].required = False
        self.fields["position"].initial = str(stages[-1].pk) if stages else ""
        self.fields["kind"].initial = StageKind.OTHER
        self.fields["kind"].help_text = _("Bepaalt welke stand het traject heeft zolang deze "
                                          "fase loopt; ‘Overige fase’ volgt de fase ervoor.")
        self.fields["stated_on"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("planned_text") and not cleaned.get("stated_on"):
            self.add_error("stated_on", _("Geef de datum waarop deze planning is gegeven."))
        cleaned["after"] = self.stages.get(cleaned.get("position") or "")
        return cleaned


class WithdrawForm(forms.Form):
    version = VersionField()
    reason = reason_field()

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = record.version
        if not record.withdrawn:
            self.fields["reason"].label = _("Reden van intrekking")
            self.fields["reason"].help_text = _("Staat bij het traject en in de geschiedenis.")

import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from commitments.models import (
    DEADLINE_NONE_WITH_DATES,
    DELIVERED,
    REPORTED,
    Commitment,
    CommitmentRelation,
    Execution,
    Motion,
    Status,
    VoteOutcome,
)
from register.concurrency import BaseField, remember_base
from register.forms import (
    DocumentInputMixin,
    PeriodWordsForm,
    TopicsField,
    UserChoiceField,
    VersionField,
    shown_only_for,
    topic_names,
)
from register.models import (
    Debate,
    Directorate,
    Document,
    Person,
    SavedView,
    validate_dossier_number,
)
from register.widgets import (
    PeriodWordsInput,
    PeriodWordsTextarea,
    SearchSelect,
    SearchSelectMultiple,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# Reference data created next to the select that needs it (register/reference_views.py).
NEW_DEBATE = ("debate-create", _("+ nieuw debat"))
NEW_MEMBER = ("person-create", _("+ nieuw Kamerlid"))
NEW_BEWINDSPERSOON = ("person-create", _("+ nieuwe bewindspersoon"))


class EditReasonMixin(forms.Form):
    version = VersionField(required=False)
    base = BaseField()
    reason = forms.CharField(
        label=_("Toelichting bij deze wijziging"), required=False, max_length=500,
        help_text=_("Komt in de geschiedenis; bijvoorbeeld waarom de termijn is aangepast."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        remember_base(self, [self])


FUTURE_DATE = _("Deze datum ligt in de toekomst.")


def refuse_future(day):
    """A date typed for what happened (made, voted, delivered) is not after today: a mistyped
    year would date it, and number or list it, decades off."""
    if day and day > timezone.localdate():
        raise ValidationError(FUTURE_DATE, code="future")
    return day


class CommitmentForm(PeriodWordsForm, EditReasonMixin, forms.ModelForm):
    topic_list = TopicsField()
    period_words = {"deadline_text": "made_on"}
    period_ministry = "ministry"
    period_none = "deadline_none"

    class Meta:
        model = Commitment
        fields = ["title", "text", "bewindspersoon", "ministry", "made_on", "debate", "made_in",
                  "to_member", "to_party", "committee", "dossier", "deadline_text",
                  "deadline_override_start", "deadline_override_end", "deadline_none",
                  "directorate", "owner",
                  "tk_number", "tk_status", "ek_number", "ek_status", "notes"]
        field_classes = {"owner": UserChoiceField}
        # Examples said as examples: a bare "TZ202412-116" under a field reads as its value.
        help_texts = {"tk_number": _("Bijvoorbeeld: TZ202412-116."),
                      "ek_number": _("Bijvoorbeeld: T01970.")}
        widgets = {"made_on": DATE, "deadline_override_start": DATE, "deadline_override_end": DATE,
                   "bewindspersoon": SearchSelect(create=NEW_BEWINDSPERSOON),
                   "debate": SearchSelect("debatten", create=NEW_DEBATE),
                   "made_in": SearchSelect("documenten"),
                   "to_member": SearchSelect("leden", create=NEW_MEMBER),
                   "dossier": SearchSelect("dossiers"),
                   "text": forms.Textarea(attrs={"rows": 5}), "deadline_text": PeriodWordsInput,
                   "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic_list"].initial = topic_names(self.instance)
        self.fields["version"].initial = self.instance.version
        self.fields["version"].required = bool(self.instance.pk)
        self.fields["debate"].queryset = Debate.objects.select_related("committee")
        self.fields["made_in"].queryset = self.fields["made_in"].queryset.select_related(
            "dossier")
        self.fields["bewindspersoon"].queryset = Person.objects.bewindspersonen()
        self.fields["to_member"].queryset = Person.objects.members()
        if self.instance.pk:
            # The parsed period stays visible next to the override fields.
            # As the conflict section and the timeline show dates: in words, not ISO.
            period = (self.instance.deadline_parsed_start, self.instance.deadline_parsed_end)
            if period[0]:
                self.fields["deadline_text"].help_text = _(
                    "Afgeleid: %(start)s – %(end)s.") % {"start": date_format(period[0], "j F Y"),
                                                         "end": date_format(period[1], "j F Y")}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("deadline_override_start"), cleaned.get("deadline_override_end")
        if start and end and end < start:
            self.add_error("deadline_override_end",
                           _("Het einde van de termijn ligt vóór het begin."))
        # At the checkbox, not above the form (the model's check would be a form-wide error).
        if cleaned.get("deadline_none") and (start or end):
            self.add_error("deadline_none", DEADLINE_NONE_WITH_DATES)
        self.check_made_on(cleaned.get("made_on"), cleaned.get("debate"))
        return cleaned

    def check_made_on(self, made_on, debate):
        """A mistyped date (2062, or a debate's date a year off) gives a wrong number and a
        wrong deadline: refused when typed, not when an older record is edited otherwise."""
        if not made_on or not {"made_on", "debate"} & set(self.changed_data):
            return
        if made_on > timezone.localdate():
            self.add_error("made_on", FUTURE_DATE)
        elif debate and made_on < debate.date:
            self.add_error("made_on", _("Deze datum ligt vóór het debat (%(date)s).")
                           % {"date": date_format(debate.date, "j F Y")})


class MotionForm(PeriodWordsForm, EditReasonMixin, forms.ModelForm):
    topic_list = TopicsField()
    # "verzoekt de regering ... voor de zomer": the clerk sees what the clause asks for when.
    period_words = {"text": "filed_on"}
    # A multiple select sends its choices in page order, not in the order they were picked,
    # so the first submitter has a field of its own.
    first_submitter = forms.ModelChoiceField(
        queryset=Person.objects.members(), required=False,
        widget=SearchSelect("leden", create=NEW_MEMBER),
        label=_("Eerste indiener"))
    co_submitters = forms.ModelMultipleChoiceField(
        queryset=Person.objects.members(), required=False,
        widget=SearchSelectMultiple("leden"), label=_("Mede-indieners"))

    class Meta:
        model = Motion
        fields = ["dossier", "number", "title", "text", "debate", "filed_on", "appreciation",
                  "directorate", "owner", "tk_document_number", "notes"]
        field_classes = {"owner": UserChoiceField}
        help_texts = {"tk_document_number": _("Bijvoorbeeld: 2023D03544.")}
        widgets = {"filed_on": DATE, "text": PeriodWordsTextarea(attrs={"rows": 8}),
                   "dossier": SearchSelect("dossiers"),
                   "debate": SearchSelect("debatten", create=NEW_DEBATE),
                   "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A motion has no deadline: its history note is about the text or the vote.
        self.fields["reason"].help_text = _("Komt in de geschiedenis; bijvoorbeeld waarom de "
                                            "tekst of de indieners zijn aangepast.")
        # Only an import leaves the dossier out (to be completed); a person names it.
        self.fields["dossier"].required = True
        self.fields["topic_list"].initial = topic_names(self.instance)
        self.fields["version"].initial = self.instance.version
        self.fields["version"].required = bool(self.instance.pk)
        if self.instance.pk:
            people = [row.person_id for row in self.instance.submitter_rows.all()]
            self.fields["first_submitter"].initial = people[0] if people else None
            self.fields["co_submitters"].initial = people[1:]

    def clean(self):
        cleaned = super().clean()
        first, others = cleaned.get("first_submitter"), list(cleaned.get("co_submitters") or [])
        if others and not first:
            self.add_error("first_submitter", _("Kies ook de eerste indiener."))
        cleaned["submitter_list"] = [first, *(person for person in others if person != first)] \
            if first else []
        return cleaned


FIELD_ORDER = ["new", "outcome", "reason", "document", "document_reference", "on", "remaining"]


class StatusFormBase(DocumentInputMixin, forms.Form):
    version = VersionField()
    reason = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}),
                             max_length=2000)
    on = forms.DateField(label=_("Datum"), required=False, widget=DATE)
    remaining = forms.CharField(label=_("Wat resteert nog"), required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))
    field_order = FIELD_ORDER
    # What the model's check says is missing or out of place, shown at the field to fill in
    # (the rules themselves are the model's: Commitment.check_transition, Motion.check_execution).
    error_fields = {"document": "document_reference", "remaining": "remaining",
                    "delivered_on": "on", "reported_on": "on"}
    delivering = ()  # the statuses that record the date

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record
        self.fields["version"].initial = record.version
        self.limit_documents(record.dossier)
        shown_only_for(self.fields["on"], "new", self.delivering)

    def clean_on(self):
        return refuse_future(self.cleaned_data["on"])


class TransitionField(forms.ChoiceField):
    """Offers the allowed changes, but lets any known value through to the model, whose rules
    refuse a change that is not allowed with a message naming both statuses (a stale page or
    a hand-made request may post one)."""

    def __init__(self, *, known, **kwargs):
        super().__init__(**kwargs)
        self.known = known

    def valid_value(self, value):
        return value in self.known


class CommitmentStatusForm(StatusFormBase):
    new = TransitionField(known=Status.values, label=_("Nieuwe status"), widget=forms.RadioSelect)
    delivering = DELIVERED

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        self.fields["on"].help_text = _("Alleen bij ‘Afgedaan’ of ‘Deels afgedaan’: de datum van "
                                        "nakoming; leeg: de datum van het document of vandaag.")
        self.fields["new"].choices = [(s.value, s.label) for s in record.allowed_statuses()]


class MotionStatusForm(StatusFormBase):
    new = TransitionField(known=Execution.values, label=_("Uitvoering"),
                          widget=forms.RadioSelect)
    delivering = REPORTED

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, **kwargs)
        self.fields["on"].help_text = _("Alleen bij ‘Uitgevoerd’ of ‘Deels uitgevoerd’: de datum "
                                        "van de melding; leeg: de datum van het document of "
                                        "vandaag.")
        self.fields["new"].choices = [(s.value, s.label) for s in record.allowed_executions()]


class VoteForm(forms.Form):
    version = VersionField()
    outcome = TransitionField(known=VoteOutcome.values, label=_("Uitslag"),
                              widget=forms.RadioSelect)
    on = forms.DateField(label=_("Datum"), widget=DATE)
    field_order = FIELD_ORDER
    reason = forms.CharField(label=_("Reden of bron"), max_length=2000,
                             help_text=_("Bijvoorbeeld: stemmingen van 17 december 2019."))

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = record.version
        self.fields["outcome"].choices = [(o.value, o.label) for o in record.allowed_outcomes()]

    def clean_on(self):
        return refuse_future(self.cleaned_data["on"])


class CorrectionFormBase(DocumentInputMixin, forms.Form):
    """A clerk's correction: the values that should have been recorded, with a reason (the model's
    `correct` checks them)."""

    version = VersionField()
    reason = forms.CharField(label=_("Reden van de correctie"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Wat was er fout vastgelegd? Komt in de geschiedenis, "
                                         "gemarkeerd als correctie."))
    error_fields = {"document": "document_reference", "vote_date": "on", "date": "on"}

    def __init__(self, *args, record, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = record.version
        self.limit_documents(record.dossier)
        if document:  # the document recorded now stays selectable, whatever its dossier
            self.fields["document"].queryset |= Document.objects.filter(pk=document.pk)
            self.fields["document"].initial = document.pk


class CommitmentCorrectionForm(CorrectionFormBase):
    status = forms.ChoiceField(label=_("Juiste status"), choices=Status.choices)
    on = forms.DateField(label=_("Nagekomen op"), required=False, widget=DATE,
                         help_text=_("Leeg: de datum van het document."))
    field_order = ["status", "document", "document_reference", "on", "reason"]
    error_fields = {**CorrectionFormBase.error_fields, "delivered_on": "on"}

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, document=record.delivered_by, **kwargs)
        self.fields["status"].initial = record.status
        self.fields["on"].initial = record.delivered_on
        shown_only_for(self.fields["on"], "status", DELIVERED)


class MotionCorrectionForm(CorrectionFormBase):
    outcome = forms.ChoiceField(label=_("Juiste uitslag"), choices=VoteOutcome.choices)
    on = forms.DateField(label=_("Datum uitslag"), required=False, widget=DATE)
    execution = forms.ChoiceField(label=_("Juiste uitvoering"), required=False,
                                  choices=[("", "—"), *Execution.choices],
                                  help_text=_("Alleen bij een aangenomen motie."))
    reported_on = forms.DateField(label=_("Uitvoering gemeld op"), required=False, widget=DATE,
                                  help_text=_("Leeg: de datum van het document."))
    field_order = ["outcome", "on", "execution", "document", "document_reference",
                   "reported_on", "reason"]
    error_fields = {**CorrectionFormBase.error_fields, "reported_on": "reported_on"}

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, record=record, document=record.reported_by, **kwargs)
        self.fields["outcome"].initial = record.vote_outcome
        self.fields["on"].initial = record.voted_on
        self.fields["execution"].initial = record.execution_status
        self.fields["reported_on"].initial = record.reported_on
        self.fields["document"].label = _("Uitvoering gemeld in")
        shown_only_for(self.fields["reported_on"], "execution", REPORTED)


class BulkChangeForm(DocumentInputMixin, forms.Form):
    """One change for many records (commitments.bulk): the action, its value and a reason."""

    items = forms.CharField(widget=forms.HiddenInput)  # "pk:version" of each record shown
    query = forms.CharField(widget=forms.HiddenInput, required=False)  # the list's filter
    action = forms.ChoiceField(label=_("Wat wijzigt"), widget=forms.RadioSelect, choices=[
        ("owner", _("Eigenaar toewijzen")), ("directorate", _("Directie toewijzen")),
        ("topic", _("Onderwerp toevoegen")), ("status", _("Status wijzigen"))])
    owner = forms.ModelChoiceField(
        label=_("Eigenaar"), required=False,
        queryset=get_user_model().objects.filter(is_active=True).order_by("first_name",
                                                                          "last_name"))
    directorate = forms.ModelChoiceField(label=_("Directie"), required=False,
                                         queryset=Directorate.objects.all())
    topic = forms.CharField(label=_("Onderwerp"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Nieuwe status"), required=False)
    reason = forms.CharField(label=_("Reden"), required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Verplicht bij een statuswijziging; komt bij elk record "
                                         "in de geschiedenis."))
    field_order = ["action", "owner", "directorate", "topic", "status", "document",
                   "document_reference", "reason"]

    def __init__(self, *args, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].label_from_instance = lambda user: user.get_full_name() \
            or user.username
        self.fields["status"].choices = [("", "—"), *statuses]
        self.fields["document"].help_text = _("Alleen bij afgedaan of uitgevoerd: het document "
                                              "dat het aan de Kamer meldde.")
        self.limit_documents(None)

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action and not cleaned.get(action):
            self.add_error(action, _("Kies of vul in wat het wordt."))
        if action == "status" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Geef een reden voor deze wijziging."))
        return cleaned


class AsOfForm(forms.Form):
    on = forms.DateField(label=_("Stand op datum"), widget=DATE)

    def clean_on(self):
        value = self.cleaned_data["on"]
        if value.year < 1900:
            raise ValidationError(_("Kies een datum na 1900."))
        return value



class SavedViewForm(forms.ModelForm):
    class Meta:
        model = SavedView
        fields = ["kind", "name", "query", "group"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.owner = user
        # Share only with a group the user belongs to.
        self.fields["group"].queryset = user.groups.all()

    def clean(self):
        cleaned = super().clean()
        duplicate = SavedView.objects.filter(owner=self.instance.owner, kind=cleaned.get("kind"),
                                             name=cleaned.get("name"))
        if duplicate.exists():
            self.add_error("name", _("U heeft al een selectie met deze naam."))
        return cleaned

    def clean_query(self):
        query = self.cleaned_data["query"]
        return "&".join(part for part in query.split("&") if not part.startswith("page="))


class DossierCompletionForm(forms.Form):
    """The dossier of the motions the Kamer's records gave without it, by the title the Kamer
    gave their dossier."""

    title = forms.CharField(widget=forms.HiddenInput, max_length=300)
    dossier = forms.CharField(label=_("Dossiernummer"), max_length=30,
                              help_text=_("Bijvoorbeeld 36 410 of 35 570 XVI."))

    def clean_dossier(self):
        number = dossier_from_input(self.cleaned_data["dossier"])
        validate_dossier_number(number)
        return number


def dossier_from_input(text):
    """A dossier number as people type it ("36 410", "35 570 XVI", "35570-XVI") as stored."""
    match = re.fullmatch(r"\s*([0-9]{1,3})\s?([0-9]{3})(?:\s*[- ]\s*|\s*)([0-9A-Za-z]{1,10})?\s*",
                         text)
    if not match:
        return text.strip()
    number = match[1] + match[2]
    return f"{number}-{match[3].upper()}" if match[3] else number


class ProposalUploadForm(forms.Form):
    report = forms.FileField(
        label=_("Verslag (VLOS-XML)"),
        help_text=_("Het verslag van een commissiedebat zoals de Tweede Kamer het publiceert "
                    "(open data, Verslag); de toezeggingen die de voorzitter voorleest worden "
                    "voorgesteld."))

    def clean_report(self):
        report = self.cleaned_data["report"]
        if report.size > REPORT_MAX_BYTES:
            raise ValidationError(_("Het bestand is groter dan %(mb)d MB; een verslag is "
                                    "kleiner.") % {"mb": REPORT_MAX_BYTES // 2**20})
        return report.read()


REPORT_MAX_BYTES = 20 * 2**20  # the largest real report here is under 2 MB


class ProposalAcceptForm(PeriodWordsForm, forms.ModelForm):
    """The proposal as a commitment, edited by the clerk before it is accepted."""

    period_words = {"deadline_text": "made_on"}
    period_ministry = "ministry"

    class Meta:
        model = Commitment
        fields = ["title", "text", "bewindspersoon", "ministry", "made_on", "to_member",
                  "committee", "dossier", "deadline_text", "owner"]
        # As on the commitment's own form: a minister or member a report names but the register
        # does not know yet is added here ("+ nieuwe bewindspersoon"), not on another page.
        widgets = {"made_on": DATE, "text": forms.Textarea(attrs={"rows": 5}),
                   "deadline_text": PeriodWordsInput,
                   "bewindspersoon": SearchSelect(create=NEW_BEWINDSPERSOON),
                   "to_member": SearchSelect("leden", create=NEW_MEMBER),
                   "dossier": SearchSelect("dossiers")}
        field_classes = {"owner": UserChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bewindspersoon"].queryset = Person.objects.bewindspersonen()
        self.fields["to_member"].queryset = Person.objects.members()


class ProposalMergeForm(forms.Form):
    number = forms.CharField(label=_("Nummer van de bestaande toezegging"), max_length=30)

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        try:
            return Commitment.objects.get(number__iexact=number)
        except Commitment.DoesNotExist:
            raise ValidationError(_("Geen toezegging met nummer ‘%(number)s’.")
                                  % {"number": number}) from None


class ProposalRejectForm(forms.Form):
    reason = forms.CharField(label=_("Reden van afwijzing"), max_length=500,
                             help_text=_("Bijvoorbeeld: geen toezegging, maar een antwoord."))


class RelationForm(forms.Form):
    """How this commitment relates to another, named by its number (TZ-VWS-2020-001)."""

    kind = forms.ChoiceField(label=_("Soort"), choices=CommitmentRelation.Kind.choices)
    target = forms.CharField(label=_("Andere toezegging (nummer)"), max_length=30,
                             help_text=_("Bijvoorbeeld: TZ-VWS-2020-001."))

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source

    def clean_target(self):
        number = self.cleaned_data["target"].strip().upper()
        target = Commitment.objects.filter(number=number).first()
        if target is None:
            raise ValidationError(_("Er is geen toezegging met nummer %(number)s.")
                                  % {"number": number}, code="unknown")
        return target

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("target") and cleaned.get("kind"):
            relation = CommitmentRelation(source=self.source, kind=cleaned["kind"],
                                          target=cleaned["target"])
            relation.validate_constraints()
            cleaned["relation"] = relation
        return cleaned

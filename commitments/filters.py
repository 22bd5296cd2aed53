"""The filters of the commitments and motions lists; the keys are the URL's (DESIGN.md)."""

import datetime

import django_filters
import django_filters.fields
from django import forms
from django.db.models import Case, Count, F, IntegerField, Q, When
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from commitments.models import (
    Appreciation,
    Commitment,
    Execution,
    Motion,
    Status,
    VoteOutcome,
    is_overdue,
)
from register.dates import month_bounds, next_reference_date, quarter_bounds
from register.forms import UserChoiceField, active_users
from register.models import Committee, Debate, Directorate, Dossier, Ministry, Party, Person, Topic
from register.search import search
from register.widgets import FastSelect

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DUE_CHOICES = [("month", _("deze maand")), ("quarter", _("dit kwartaal")),
               ("rappel", _("vóór de volgende rappeldatum Eerste Kamer")),
               ("90d", _("komende 90 dagen"))]
PER_PAGE = [25, 50, 100]
# The filters with many choices (people, dossiers, debates): typed to find one.
SEARCHABLE = {"dossier", "debate", "bewindspersoon", "to_member", "submitter", "owner", "topic",
              "committee", "party", "to_party"}


def due_window(due, today):
    """The deadline window of a `due` choice: from today to the end of the period."""
    if due == "month":
        return today, month_bounds(today)[1]
    if due == "quarter":
        return today, quarter_bounds(today)[1]
    if due == "rappel":
        return today, next_reference_date(today) - datetime.timedelta(days=1)
    return today, today + datetime.timedelta(days=90)


def in_window(end, window):
    """Whether a deadline end lies in a due window (what filter_due selects)."""
    return end is not None and window[0] <= end <= window[1]


def start_of_day(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class UserFilterField(django_filters.fields.ModelChoiceField):
    label_from_instance = UserChoiceField.label_from_instance


class BewindspersoonField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_with_office(obj)


def person_with_office(person):
    """"P. Blokhuis (Staatssecretaris van VWS)": found by name or by office; a person known
    only by office is named once."""
    offices = sorted(person.offices.all(), key=lambda o: o.start or datetime.date.min)
    office = str(offices[-1]) if offices else ""
    return f"{person.full_name} ({office})" if office and office != person.full_name \
        else person.full_name


class BewindspersoonFilter(django_filters.ModelChoiceFilter):
    field_class = BewindspersoonField


class UserFilter(django_filters.ModelChoiceFilter):
    """Users shown by full name, kept in the URL by login name."""

    field_class = UserFilterField


class FilterForm(forms.Form):
    """Refuses impossible ranges instead of showing a silently empty or wider list."""

    DATE_PAIRS = [("made_from", "made_to"), ("due_from", "due_to"),
                  ("delivered_from", "delivered_to")]

    def clean(self):
        cleaned = super().clean()
        for start, end in self.DATE_PAIRS:
            if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
                self.add_error(end, _("Deze datum ligt vóór de begindatum."))
        return cleaned


class ListFilterSet(django_filters.FilterSet):
    """Shared by both lists: search, dates, dossier, debate, topic, owner, sort.

    Invalid input never widens the list: `qs` is empty and the form carries the message.
    """

    q = django_filters.CharFilter(label=_("Zoeken"), method="filter_q", max_length=200)
    made_from = django_filters.DateFilter(label=_("Gedaan vanaf"), widget=DATE,
                                          lookup_expr="gte")
    made_to = django_filters.DateFilter(label=_("Gedaan tot en met"), widget=DATE,
                                        lookup_expr="lte")
    changed_since = django_filters.DateFilter(label=_("Gewijzigd sinds"), method="filter_changed",
                                              widget=DATE)
    dossier = django_filters.ModelChoiceFilter(
        queryset=Dossier.objects.all(), to_field_name="number", label=_("Dossier"),
        null_label=_("(zonder dossier)"))
    debate = django_filters.ModelChoiceFilter(
        queryset=Debate.objects.select_related("committee"), label=_("Debat"))
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(), field_name="topics", to_field_name="name",
        label=_("Onderwerp"))
    owner = UserFilter(
        queryset=active_users(), to_field_name="username", label=_("Eigenaar"),
        null_label=_("(geen eigenaar)"))
    directorate = django_filters.ModelChoiceFilter(
        queryset=Directorate.objects.all(), to_field_name="abbreviation", label=_("Directie"))
    fts_table = None
    made_field = None
    default_sort = None
    sorts = {}

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.filters["made_from"].field_name = self.filters["made_to"].field_name = self.made_field

    @property
    def form(self):
        form = super().form
        if not getattr(form, "fast_selects", False):
            for name, field in form.fields.items():
                if type(field.widget) is forms.Select:
                    choices = field.choices  # with the prefetches the labels need
                    if hasattr(field, "queryset"):
                        # Checking the chosen value needs one row, not its prefetches.
                        field.queryset = field.queryset.prefetch_related(None)
                    # Searchable in the browser among its own options (search-select.js).
                    attrs = {**field.widget.attrs, "data-search": "",
                             "data-placeholder": gettext("alle (typ om te zoeken)"),
                             "data-no-results": gettext("Niets gevonden")} \
                        if name in SEARCHABLE else field.widget.attrs
                    field.widget = FastSelect(attrs=attrs,
                                              cache_key=f"{type(self).__name__}.{name}")
                    field.widget.choices = choices
            form.fast_selects = True
        return form

    def get_form_class(self):
        # It depends only on the declared filters, so it is built once per list, not per request
        # (each form still gets its own deep copy of the fields).
        filterset = type(self)
        if "_form_class" not in filterset.__dict__:
            filterset._form_class = super().get_form_class()
        return filterset._form_class

    @property
    def qs(self):
        if not hasattr(self, "_ordered_qs"):
            valid = self.is_valid()
            self._ordered_qs = self.ordered(super().qs) if valid else self.queryset.none()
        return self._ordered_qs

    def filter_q(self, queryset, name, value):
        return search(queryset, value, fts_table=self.fts_table)

    def filter_changed(self, queryset, name, value):
        return queryset.filter(updated_at__gte=start_of_day(value))

    def filter_nothing(self, queryset, name, value):
        return queryset

    def ordered(self, queryset):
        """The sort the user chose, ties broken by pk; by relevance first when searching."""
        sort = self.form.cleaned_data.get("sort") or self.default_sort
        field = self.sorts[sort.lstrip("-")]
        expression = F(field) if isinstance(field, str) else field
        # Records without a value (no deadline) go last both ways, on both databases.
        order = [expression.desc(nulls_last=True) if sort.startswith("-")
                 else expression.asc(nulls_last=True), "pk"]
        if self.form.cleaned_data.get("q"):
            order.insert(0, "-search_rank")
        return queryset.order_by(*order)

    def active_filters(self, query):
        """The filters in use besides the search words and the sort: (label, value shown,
        `query` without that filter), for an empty list to offer dropping each."""
        active = []
        for name, value in self.form.cleaned_data.items():
            if name in ("q", "sort") or value in (None, "", [], ()):
                continue
            rest = query.copy()
            rest.pop(name, None)
            rest.pop("page", None)
            active.append((self.form[name].label, self.shown(name, value), rest.urlencode()))
        return active

    def shown(self, name, value):
        """A filter's value as its choice reads ("Openstaand", "ChristenUnie", "31 mrt. 2021")."""
        field = self.form.fields[name]
        if value == getattr(self.filters[name], "null_value", None):
            return str(self.filters[name].extra.get("null_label") or value)
        if isinstance(value, datetime.date):
            return date_format(value, "j F Y")
        choices = {str(key): label for key, label in getattr(field, "choices", [])}
        values = value if isinstance(value, list) else [value]
        return ", ".join(str(choices.get(str(item), item)) for item in values)

    def without(self, *keys):
        """The list filtered by everything but `keys`, from this (valid) filter's own values."""
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if name not in keys:
                queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()


class CommitmentFilter(ListFilterSet):
    # distinct=False: no join, and DISTINCT over the text columns would cost a full sort.
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, label=_("Status"), widget=forms.CheckboxSelectMultiple,
        distinct=False)
    overdue = django_filters.ChoiceFilter(
        choices=[("1", _("alleen te late"))], label=_("Te laat"), method="filter_overdue",
        empty_label=_("alle"))
    due = django_filters.ChoiceFilter(choices=DUE_CHOICES, label=_("Termijn loopt af"),
                                      method="filter_due", empty_label=_("wanneer dan ook"))
    due_from = django_filters.DateFilter(field_name="deadline_end", lookup_expr="gte",
                                         label=_("Termijn eindigt vanaf"), widget=DATE)
    due_to = django_filters.DateFilter(field_name="deadline_end", lookup_expr="lte",
                                       label=_("Termijn eindigt uiterlijk"), widget=DATE)
    rappel = django_filters.ChoiceFilter(
        choices=[("1", _("op de volgende rappellijst"))], label=_("Rappel Eerste Kamer"),
        method="filter_rappel", empty_label=_("alle"))
    delivered_from = django_filters.DateFilter(field_name="delivered_on", lookup_expr="gte",
                                               label=_("Nagekomen vanaf"), widget=DATE)
    delivered_to = django_filters.DateFilter(field_name="delivered_on", lookup_expr="lte",
                                             label=_("Nagekomen tot en met"), widget=DATE)
    bewindspersoon = BewindspersoonFilter(
        queryset=Person.objects.bewindspersonen()
        .prefetch_related("offices"), label=_("Bewindspersoon"))
    ministry = django_filters.ModelChoiceFilter(
        queryset=Ministry.objects.all(), to_field_name="abbreviation", label=_("Ministerie"))
    to_member = django_filters.ModelChoiceFilter(
        queryset=Person.objects.members()
        .prefetch_related("offices"), label=_("Toegezegd aan (lid)"))
    to_party = django_filters.ModelChoiceFilter(
        queryset=Party.objects.all(), to_field_name="abbreviation", label=_("Fractie"))
    committee = django_filters.ModelChoiceFilter(
        queryset=Committee.objects.all(), to_field_name="abbreviation", label=_("Commissie"))
    sort = django_filters.ChoiceFilter(
        label=_("Sorteren"), method="filter_nothing", empty_label=None, choices=[
            ("deadline", _("termijn (vroegste eerst)")),
            ("-deadline", _("termijn (laatste eerst)")),
            ("-made", _("datum toezegging (nieuwste eerst)")), ("made", _("datum toezegging")),
            ("-changed", _("laatst gewijzigd")), ("status", _("status"))])
    made_field = "made_on"
    default_sort = "deadline"
    sorts = {"deadline": "deadline_end", "made": "made_on", "changed": "updated_at",
             "status": "status"}
    fts_table = "commitment_fts"

    class Meta:
        model = Commitment
        fields = []
        form = FilterForm

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(today=self.today) if value == "1" else queryset

    def filter_due(self, queryset, name, value):
        start, end = due_window(value, self.today)
        return queryset.filter(deadline_end__gte=start, deadline_end__lte=end)

    def filter_rappel(self, queryset, name, value):
        """What the dashboard lists for the next rappel (the rule is the queryset's)."""
        return queryset.on_rappel(next_reference_date(self.today)) if value == "1" else queryset

    def counts(self):
        """Counts next to the main choices, each given every other active filter (the status
        counts follow "te laat" and the deadline window, and so on), and the list's own length
        ("total"), from one grouped query.

        Status, overdue and due depend only on the status and the deadline's end, so the rows
        the other filters leave are counted per (status, deadline end) — a few hundred groups,
        which the index on those two columns gives without reading the rows — and the groups
        are summed here: cheaper than a dozen conditional counts over every row, and the list's
        length needs no COUNT query of its own.
        """
        groups = (self.without("status", "overdue", "due").prefetch_related(None)
                  .values_list("status", "deadline_end").annotate(rows=Count("*")))
        windows = {due: due_window(due, self.today) for due, _label in DUE_CHOICES}
        counts = dict.fromkeys([f"status_{status}" for status in Status] + ["overdue", "total"]
                               + [f"due_{due}" for due in windows], 0)
        for status, end, rows in groups:
            passes = self.passes(status, end, windows)
            if passes["overdue"] and passes["due"]:
                counts[f"status_{status}"] = counts.get(f"status_{status}", 0) + rows
            if passes["status"] and passes["due"] and is_overdue(status, end, self.today):
                counts["overdue"] += rows
            if passes["status"] and passes["overdue"]:
                for due, window in windows.items():
                    counts[f"due_{due}"] += rows if in_window(end, window) else 0
            counts["total"] += rows if all(passes.values()) else 0
        return counts

    def passes(self, status, end, windows):
        """Whether rows of this status and deadline end pass each of the status, overdue and due
        filters: filter_overdue and filter_due for one group of `counts`."""
        data = self.form.cleaned_data
        return {"status": not data.get("status") or status in data["status"],
                "overdue": data.get("overdue") != "1" or is_overdue(status, end, self.today),
                "due": not data.get("due") or in_window(end, windows[data["due"]])}

    def total_from(self, counts):
        """The list's length: counted with the counts, so the paginator needs no query."""
        return counts["total"]


class MotionFilter(ListFilterSet):
    vote_outcome = django_filters.MultipleChoiceFilter(
        choices=VoteOutcome.choices, label=_("Uitslag"), widget=forms.CheckboxSelectMultiple,
        distinct=False)
    execution_status = django_filters.MultipleChoiceFilter(
        choices=Execution.choices, label=_("Uitvoering"), widget=forms.CheckboxSelectMultiple,
        distinct=False)
    appreciation = django_filters.ChoiceFilter(choices=Appreciation.choices,
                                               label=_("Kabinetsappreciatie"))
    submitter = django_filters.ModelChoiceFilter(
        queryset=Person.objects.members()
        .prefetch_related("offices"), field_name="submitters", label=_("Indiener"))
    party = django_filters.ModelChoiceFilter(
        queryset=Party.objects.all(), to_field_name="abbreviation",
        field_name="submitter_rows__party", label=_("Fractie"), distinct=True)
    # A motion always belongs to a dossier, and is filed rather than made.
    dossier = django_filters.ModelChoiceFilter(
        queryset=Dossier.objects.all(), to_field_name="number", label=_("Dossier"))
    made_from = django_filters.DateFilter(label=_("Ingediend vanaf"), widget=DATE,
                                          lookup_expr="gte")
    made_to = django_filters.DateFilter(label=_("Ingediend tot en met"), widget=DATE,
                                        lookup_expr="lte")
    sort = django_filters.ChoiceFilter(
        label=_("Sorteren"), method="filter_nothing", empty_label=None, choices=[
            ("-filed", _("ingediend (nieuwste eerst)")), ("filed", _("ingediend")),
            ("-changed", _("laatst gewijzigd")), ("number", _("nummer")),
            ("status", _("uitvoering"))])
    made_field = "filed_on"
    default_sort = "-filed"
    # Execution in the order of the workflow; motions that are not executed (no execution
    # status) have no value, so they go last.
    sorts = {"filed": "filed_on", "changed": "updated_at", "number": "number",
             "status": Case(*[When(execution_status=status, then=index)
                              for index, status in enumerate(Execution)],
                            output_field=IntegerField())}

    class Meta:
        model = Motion
        fields = []
        form = FilterForm

    def counts(self):
        """Counts next to the outcome and execution choices (one query).

        Each count applies every filter but its own: an outcome's count follows the chosen
        executions, and an execution's count the chosen outcomes.
        """
        data = self.form.cleaned_data
        outcomes, executions = data.get("vote_outcome"), data.get("execution_status")
        chosen_outcomes = Q(vote_outcome__in=outcomes) if outcomes else Q()
        chosen_executions = Q(execution_status__in=executions) if executions else Q()
        aggregates = {f"vote_outcome_{outcome}": Count(
            "pk", filter=Q(vote_outcome=outcome) & chosen_executions) for outcome in VoteOutcome}
        aggregates.update({f"execution_status_{status}": Count(
            "pk", filter=Q(execution_status=status) & chosen_outcomes) for status in Execution})
        return self.without("vote_outcome", "execution_status").aggregate(**aggregates)

    def total_from(self, counts):
        """The list's length: every motion has exactly one outcome, so the counts add up."""
        outcomes = self.form.cleaned_data.get("vote_outcome") or VoteOutcome.values
        return sum(counts[f"vote_outcome_{outcome}"] for outcome in outcomes)


def checked_filterset(request, filter_class, queryset):
    """(filterset, None), or (None, a 400 naming what is wrong) for a filter that does not hold.

    For the exports and the feeds, which have no page to show the message on: a broken link
    gets the reason, never a silently wider or empty file.
    """
    filterset = filter_class(request.GET, queryset=queryset)
    if not filterset.is_valid():
        errors = "; ".join(f"{name}: {' '.join(messages)}"
                           for name, messages in filterset.errors.items())
        return None, HttpResponseBadRequest(gettext("Dit filter klopt niet: %(errors)s")
                                            % {"errors": errors}, content_type="text/plain")
    return filterset, None

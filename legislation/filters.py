"""The filters of the list of law tracks; the keys are the URL's query string."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from legislation.models import LawTrack
from legislation.stage_templates import Instrument, State
from register.models import Ministry


class LawTrackFilter(django_filters.FilterSet):
    """Invalid input never widens the list: the view shows no tracks and the form's message."""

    instrument = django_filters.ChoiceFilter(label=_("Instrument"), choices=Instrument.choices,
                                             empty_label=_("alle"))
    ministry = django_filters.ModelChoiceFilter(
        label=_("Ministerie"), queryset=Ministry.objects.all(), to_field_name="abbreviation",
        method="filter_ministry", empty_label=_("alle"))
    state = django_filters.ChoiceFilter(label=_("Stand"), choices=State.choices,
                                        empty_label=_("alle"))
    late = django_filters.BooleanFilter(label=_("Alleen vertraagde trajecten"),
                                        widget=forms.CheckboxInput, method="filter_late")

    class Meta:
        model = LawTrack
        fields = ["instrument", "ministry", "state", "late"]

    def filter_ministry(self, queryset, name, value):
        return queryset.for_ministry(value) if value else queryset

    def filter_late(self, queryset, name, value):
        return queryset.late(timezone.localdate()) if value else queryset

"""Feeds for Outlook and feed readers: deadlines as iCalendar, status changes as Atom.

Calendar clients cannot log in, so the credential is the personal token in the URL
(register.models.FeedToken); an unknown or revoked token is a 404, as if the feed never existed.
The feed takes the same query string as the list, so a filtered list can be subscribed to.
"""

import datetime

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.db.models import Case, F, Value, When, Window
from django.db.models.functions import Lag
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from icalendar import Alarm, Calendar, Event

from commitments.filters import CommitmentFilter, checked_filterset
from commitments.models import Commitment, Status
from register.models import FeedToken

MAX_CHANGES = 100
ALARM_BEFORE = datetime.timedelta(days=7)


def feed_user(token):
    user = FeedToken.user_for(token)
    if user is None or not user.has_perm("commitments.view_commitment"):
        raise Http404
    return user


def feed_filterset(request, token):
    """The list the feed's query string names, for the token's holder: (filterset, None), or
    (None, a 400 naming what is wrong with the filter); an unknown token is a 404."""
    feed_user(token)
    return checked_filterset(request, CommitmentFilter, Commitment.objects.for_list())


@login_not_required
@require_GET
def deadlines_ics(request, token):
    filterset, refused = feed_filterset(request, token)
    if refused:
        return refused
    calendar = Calendar()
    calendar.add("prodid", "-//Kamerregister//Termijnen//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_name(request, filterset))
    commitments = filterset.qs.filter(deadline_end__isnull=False)
    if not request.GET.getlist("status"):
        # What is still to be done, unless the selection names statuses itself: a delivered
        # commitment's deadline is no longer an appointment.
        commitments = commitments.open()
    for commitment in commitments:
        calendar.add_component(deadline_event(request, commitment))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="termijnen.ics"'
    return response


def calendar_name(request, filterset):
    """The selection's name ("naam", as a saved selection's link gives it), else its filters in
    words: each subscribed selection is a calendar of its own name in Outlook."""
    name = " ".join(request.GET.get("naam", "").split())[:100]
    if not name:
        words = " ".join(request.GET.get("q", "").split())[:100]
        parts = [(filterset.form["q"].label, words)] if words else []
        name = "; ".join(f"{label}: {value}" for label, value, *_rest
                         in parts + filterset.active_filters(request.GET))
    return _("Kamerregister: %(name)s") % {"name": name or _("termijnen van toezeggingen")}


def deadline_event(request, commitment):
    """An all-day event on the last day of the deadline period, with a reminder a week before
    while the commitment is open."""
    event = Event()
    event.add("uid", f"{commitment.number}@kamerregister")
    event.add("summary", _("Termijn %(number)s: %(title)s") % {"number": commitment.number,
                                                                "title": commitment.title})
    event.add("dtstart", commitment.deadline_end)
    event.add("dtend", commitment.deadline_end + datetime.timedelta(days=1))
    event.add("dtstamp", commitment.updated_at)
    event.add("description", "\n".join([
        f"{commitment.get_status_display()} — {commitment.bewindspersoon.full_name}",
        _("Termijn: %(words)s") % {"words": commitment.deadline_text or _("geen")},
        commitment.text,
    ]))
    event.add("url", request.build_absolute_uri(commitment.get_absolute_url()))
    if commitment.status == Status.DONE:
        event.add("status", "CANCELLED")
    if commitment.is_open:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Over een week: termijn %(number)s")
                  % {"number": commitment.number})
        alarm.add("trigger", -ALARM_BEFORE)
        event.add_component(alarm)
    return event


class TextAtomFeed(Atom1Feed):
    """Atom with the summary as text. Django writes it as `type="html"`, which a feed reader
    renders as markup: a title or reason typed as `<img src=x onerror=…>` would run there."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class StatusChangesFeed(Feed):
    feed_type = TextAtomFeed
    title = gettext_lazy("Kamerregister: statuswijzigingen van toezeggingen")
    subtitle = gettext_lazy("Wie wijzigde welke status, wanneer en waarom.")

    def get_object(self, request, queryset):
        self.request = request
        return queryset

    def link(self, queryset):
        return reverse("commitments:list")

    def items(self, queryset):
        """The latest history rows whose status differs from the commitment's row before; a
        correction (is_correction) is no change of status and is left out. The condition sits
        inside the window's annotation so that the correction rows still count as the row
        before the next change."""
        previous = Case(When(is_correction=True, then=Value(None)),
                        default=Window(Lag("status"), partition_by=[F("id")],
                                       order_by=[F("history_date").asc(), F("history_id").asc()]))
        rows = Commitment.history.model.objects.filter(id__in=queryset.values("pk")).annotate(
            previous_status=previous).select_related("history_user")
        return list(rows.filter(previous_status__isnull=False)
                    .exclude(previous_status=F("status"))
                    .order_by("-history_date", "-history_id")[:MAX_CHANGES])

    def item_title(self, row):
        labels = dict(Status.choices)
        return f"{row.number}: {labels[row.previous_status]} → {labels[row.status]}"

    def item_description(self, row):
        who = row.history_user.get_full_name() if row.history_user else _("onbekend")
        return f"{row.title}. {row.history_change_reason or ''} ({who})"

    def item_link(self, row):
        return reverse("commitments:detail", args=[row.id])

    def item_guid(self, row):
        return f"{row.number}-{row.history_id}"

    def item_pubdate(self, row):
        return row.history_date

    def item_updateddate(self, row):
        return row.history_date

    def item_author_name(self, row):
        return row.history_user.get_full_name() if row.history_user else None


@login_not_required
@require_GET
def status_changes_atom(request, token):
    filterset, refused = feed_filterset(request, token)
    return refused or StatusChangesFeed()(request, queryset=filterset.qs)


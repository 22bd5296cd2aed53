import datetime

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from register import health
from register.choices import KINDS, matching
from register.forms import EmailChoiceForm, PersonMergeForm
from register.ids import typed_id
from register.models import EmailChoice, FeedToken
from register.people import likely_duplicates, person_merge, reference_counts
from register.widgets import period_preview_text


class LoginView(auth_views.LoginView):
    """Django's login, except that coming from the site's bare address ("/", where every
    anonymous visit to it is sent from) leads where a login leads (LOGIN_REDIRECT_URL: My
    work for owners), not to the dashboard that "/" happens to show."""

    def get_redirect_url(self):
        url = super().get_redirect_url()
        return "" if url == "/" else url


@login_not_required
@never_cache
def healthz(request):
    """200 when the database answers; the load balancer takes the server out otherwise. The
    lines after "ok" say what the registered checks found (the last sync with the Kamer)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means "not healthy", whatever the backend says
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    lines = ["ok"] + [check()[1] for check in health.CHECKS.values()]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@login_not_required
@never_cache
def healthz_check(request, name):
    """One registered check, for monitoring: 200 when healthy, 503 when not."""
    if name not in health.CHECKS:
        raise Http404
    healthy, line = health.CHECKS[name]()
    return HttpResponse(line + "\n", status=200 if healthy else 503, content_type="text/plain")


def confirm(request, *, title, text, button, cancel):
    """The page that asks before something is undone for good: the same POST again, confirmed."""
    return render(request, "register/confirm.html", {
        "title": title, "text": text, "button": button, "cancel": resolve_url(cancel),
        "fields": [(key, value) for key in request.POST if key not in ("csrfmiddlewaretoken",
                                                                       "confirmed")
                   for value in request.POST.getlist(key)]})


@permission_required("commitments.view_commitment", raise_exception=True)
def feed_settings(request):
    """The user's personal feed addresses, with renew and revoke."""
    return render(request, "register/feeds.html", {"token": FeedToken.active_for(request.user)})


@permission_required("commitments.view_commitment", raise_exception=True)
def email_settings(request):
    """Which e-mails the user wants: the daily digest, the letters that wait for them."""
    form = EmailChoiceForm(request.POST or None, instance=EmailChoice.for_user(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uw keuze is bewaard."))
        return redirect("email-settings")
    return render(request, "register/email_settings.html", {"form": form})


@require_POST
@permission_required("commitments.view_commitment", raise_exception=True)
def feed_token_renew(request):
    first = FeedToken.active_for(request.user) is None
    FeedToken.renew(request.user)
    if first:
        messages.success(request, _("Uw feedadressen zijn gemaakt."))
    else:
        messages.success(request, _("U heeft een nieuwe feedsleutel; de oude adressen werken "
                                    "niet meer."))
    return redirect("feed-settings")


@require_POST
@permission_required("commitments.view_commitment", raise_exception=True)
def feed_token_revoke(request):
    if request.POST.get("confirmed") != "1":
        return confirm(request, title=_("Feedsleutel intrekken?"),
                       text=_("Uw agenda en feedlezer krijgen dan niets meer van Kamerregister; "
                              "een nieuwe sleutel geeft nieuwe adressen."),
                       button=_("Sleutel intrekken"), cancel="feed-settings")
    FeedToken.revoke(request.user)
    messages.success(request, _("Uw feedsleutel is ingetrokken; uw feeds werken niet meer."))
    return redirect("feed-settings")


@require_GET
def choices(request, kind):
    """{"results": [{"value", "text"}], "more"}: the records of `kind` matching ?q=, for a
    searchable select (register/choices.py); ?dossier= keeps to one dossier's papers."""
    found = KINDS.get(kind)
    if found is None:
        raise Http404
    if not request.user.has_perm(found.permission):
        raise PermissionDenied
    results, more = matching(found, request.GET.get("q", "")[:200],
                             dossier=typed_id(request.GET.get("dossier", "")))
    return JsonResponse({"results": [{"value": str(pk), "text": text} for pk, text in results],
                         "more": more})


@permission_required("register.merge_person", raise_exception=True)
def person_merge_view(request):
    """Two records of one person: choose (or follow a suggestion), see what moves, merge.

    GET with ?keep=&other= shows what the merge would move; the merge itself is a POST."""
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = PersonMergeForm(data)
    preview = None
    if form.is_valid():
        keep, other = form.cleaned_data["keep"], form.cleaned_data["other"]
        if request.method == "POST":
            try:
                person_merge(keep=keep, other=other, by=request.user,
                             reason=form.cleaned_data["reason"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("%(other)s (#%(other_id)s) is samengevoegd met "
                                            "%(keep)s (#%(keep_id)s).")
                                 % {"other": other.full_name, "other_id": other.pk,
                                    "keep": keep.full_name, "keep_id": keep.pk})
                return redirect("person-merge")
        preview = {"keep": keep, "other": other, "moves": reference_counts(other)}
    return render(request, "register/person_merge.html", {
        "form": form, "preview": preview, "groups": likely_duplicates()})


@permission_required("commitments.view_commitment", raise_exception=True)
def period_preview(request):
    """The period that deadline words name, as a fragment for the form's live preview
    (register.widgets.PeriodWordsMixin): every role may parse words; no record is read."""
    words = request.GET.get(request.GET.get("words_name", ""), "")
    said_on = request.GET.get(request.GET.get("said_on_name", "")) \
        or request.GET.get("said_on", "")
    try:
        said_on = datetime.date.fromisoformat(said_on) if said_on else None
    except ValueError:
        said_on = None
    ministry = typed_id(request.GET.get(request.GET.get("ministry_name") or "-", ""))
    # An unticked checkbox sends nothing; a ticked one "on".
    none = bool(request.GET.get(request.GET.get("none_name") or "-"))
    return HttpResponse(escape(period_preview_text(words[:2000], said_on, ministry, none=none)))

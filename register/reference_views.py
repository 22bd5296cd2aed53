"""Reference data from the app's own forms (issue 17, item 4): a debate or a person created
where a clerk needs one — inline, next to the select (static/js/inline-create.js), or as a page
of its own that returns to where the clerk came from."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from register.forms import DebateForm, PersonForm
from register.history import save_with_history
from register.models import Debate, Office, PartyMembership, Person


def reference_create(request, *, form_class, title, create):
    """GET: the form (a fragment for the inline dialog with ?inline=1); POST: create it with
    history and answer the new choice as JSON (inline) or go back to ?next=."""
    inline = request.GET.get("inline") == "1"
    # Inline, the form sits in the page of another form: its own names and ids.
    form = form_class(request.POST or None, prefix="nieuw" if inline else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            record = create(form.cleaned_data, request.user)
        label = getattr(record, "full_name", None) or str(record)
        if inline:
            return JsonResponse({"value": str(record.pk), "text": label}, status=201)
        messages.success(request, _("‘%(name)s’ is vastgelegd.") % {"name": label})
        return redirect(back(request))
    template = "register/reference_form_inline.html" if inline else "register/reference_form.html"
    return render(request, template, {"form": form, "title": title, "back": back(request)},
                  status=400 if request.method == "POST" else 200)


def back(request):
    """Where the clerk came from (?next=), for the save and for "Annuleren" alike: an address of
    this site only, never another site's or a javascript: link that a crafted link could set."""
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return reverse("commitments:dashboard")


def create_debate(data, by):
    return save_with_history(Debate(**{name: data[name] for name in DebateForm.Meta.fields}),
                             by=by, reason=gettext_noop("Debat vastgelegd"))


def create_person(data, by):
    person = save_with_history(Person(**{name: data[name].strip() for name in
                                         ("initials", "first_name", "prefix", "surname")}),
                               by=by, reason=gettext_noop("Persoon vastgelegd"))
    if data["party"]:
        save_with_history(PartyMembership(person=person, party=data["party"], start=data["since"]),
                          by=by, reason=gettext_noop("Persoon vastgelegd"))
    if data["office"].strip():
        save_with_history(Office(person=person, title=data["office"].strip(),
                                 ministry=data["ministry"], start=data["since"]),
                          by=by, reason=gettext_noop("Persoon vastgelegd"))
    return person


@permission_required("register.add_debate", raise_exception=True)
def debate_create(request):
    return reference_create(request, form_class=DebateForm, title=_("Nieuw debat"),
                            create=create_debate)


@permission_required("register.add_person", raise_exception=True)
def person_create(request):
    return reference_create(request, form_class=PersonForm, title=_("Nieuwe persoon"),
                            create=create_person)

"""Saving a record from a form, one way on every screen: the registration and edit screens, the
status and vote forms, the law-track actions and the letters' steps.

The form is validated, then `save()` does the work; the model or service it calls checks the
rules and raises. Someone else's save in between (StaleEdit) becomes a conflict: an edit screen
merges it three ways (register.concurrency.merge), another form keeps what was typed and shows
what changed (keep_typed_values). A refusal (ValidationError) is shown on the form: next to the
field its code names (the form's `error_fields`, e.g. {"document": "document_reference"}), or
above it. After a save the user is told so and goes back to the record.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from register.concurrency import StaleEdit, keep_typed_values, merge, resolve_choices


def save_from_form(request, form, save, *, success, then, others=(), conflict=None):
    """Validate `form` (and `others`, e.g. formsets) and call `save()`.

    Returns (response, conflict): a redirect to `then` with the `success` message after a save;
    else None, and the Conflict to show with the form (None when there is none). `conflict(stale)`
    makes the Conflict of a stale save; by default the typed values are kept
    (keep_typed_values).
    """
    if not all([form.is_valid(), *(other.is_valid() for other in others)]):
        return None, None
    try:
        save()
    except StaleEdit as stale:
        return None, (conflict or (lambda stale: keep_typed_values(form, stale)))(stale)
    except ValidationError as error:
        show_refusal(form, error)
        return None, None
    messages.success(request, success)
    return redirect(then), None


def show_refusal(form, error):
    """Each message of `error` next to the field its code names, or above the form."""
    if hasattr(error, "error_dict"):  # already by field
        form.add_error(None, error)
        return
    fields = getattr(form, "error_fields", {})
    for message in error.error_list:
        field = fields.get(message.code)
        form.add_error(field if field in form.fields else None, message)


def form_errors(form):
    """All the form's messages, for a page that shows them as a message instead of the form."""
    return " ".join(message for errors in form.errors.values() for message in errors)


def create_view(request, form_class, save, template, *, success):
    """The registration screen of a new record: `save(form=…, by=…)` it and go to it, told so by
    `success(record)`."""
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record = save(form=form, by=request.user)
        messages.success(request, success(record))
        return redirect(record)
    return render(request, template, {"form": form})


def edit_view(request, record, form_class, save, template):
    """The edit screen of `record`: `save(form=…, by=…)` it, or show the conflict merged three
    ways (the other person's changes taken over, the user's kept, what both changed to be
    chosen before the form saves)."""
    form = form_class(request.POST or None, instance=record)
    response = conflict = None
    if request.method == "POST":
        conflict = resolve_choices(form, [form])
        if conflict is None:
            response, conflict = save_from_form(
                request, form, lambda: save(form=form, by=request.user),
                success=_("De wijzigingen zijn opgeslagen."), then=record,
                conflict=lambda stale: merge(form, [form], stale,
                                             [form_class(instance=stale.current)]))
    return response or render(request, template,
                              {"form": form, "record": record, "conflict": conflict})

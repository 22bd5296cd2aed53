from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ counts|get_item:"status_open" }}: a dictionary entry by a computed key."""
    return mapping.get(key) if mapping else None


@register.filter
def reason(text):
    """A history reason in the reader's language when the register wrote it without parameters
    ("Goedgekeurd", see register.history.dutch_reason); typed reasons stay as typed."""
    return gettext(text) if text else text


@register.simple_tag
def filter_field(field):
    """{% filter_field form.dossier %}: a list filter with its label and errors.

    The list pages show twenty of these; one Python call each is cheaper than an included
    template each (docs/PERFORMANCE.md). format_html escapes the label and the messages.
    """
    errors = format_html_join("", '<p class="errorlist">{}</p>', ((e,) for e in field.errors))
    return format_html('<div class="field"><label for="{}">{}</label>{}{}</div>',
                       field.id_for_label, field.label, field, errors)


@register.filter
def user_name(user):
    """A user by full name ("Bart Beleid"), by user name when no name is recorded."""
    if not user:
        return ""
    return user.get_full_name() or user.get_username()


@register.simple_tag
def owner_line(directorate, owner):
    """"DGV, Bart Beleid", "DGV", "Bart Beleid" or "—": who owns a record."""
    parts = [str(part) for part in (directorate, user_name(owner)) if part]
    return ", ".join(parts) or "—"

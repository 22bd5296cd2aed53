from django import template

from commitments.models import Status

register = template.Library()


@register.simple_tag
def commitment_status_labels():
    """{% commitment_status_labels as labels %}: translated once per table, not once per row."""
    return {value: str(label) for value, label in Status.choices}

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ counts|get_item:"status_open" }}: a dictionary entry by a computed key."""
    return mapping.get(key) if mapping else None

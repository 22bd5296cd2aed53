from django import template

from letters import models
from letters.markup import tie as tie_words

register = template.Library()


@register.filter
def tie(text):
    """No-break spaces where a letter's line must not break: "nr. 453", "24 077", "26 november"
    (letters.markup.tie). The result is escaped as usual."""
    return tie_words(str(text or ""))


@register.filter
def item_ident(item):
    """How a letter's item is named: TZ-VWS-2020-001, Kamerstuk 24 077, nr. 453, a short name."""
    return models.item_ident(item)

from django import template

from letters.markup import tie as tie_words

register = template.Library()


@register.filter
def tie(text):
    """No-break spaces where a letter's line must not break: "nr. 453", "24 077", "26 november"
    (letters.markup.tie). The result is escaped as usual."""
    return tie_words(str(text or ""))

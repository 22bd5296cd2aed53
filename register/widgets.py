from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class FastSelect(forms.Select):
    """A <select> rendered in Python rather than one template per <option>.

    The filter forms offer hundreds of dossiers and people; Django's template-based widget
    rendering spent more time on them than the whole list query (see docs/PERFORMANCE.md).
    Every value and label is escaped here.
    """

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in (value if isinstance(value, list | tuple) else [value])
                    if v is not None}
        options = "".join(
            f'<option value="{escape(option_value)}"'
            f'{" selected" if str(option_value) in selected else ""}>{escape(label)}</option>'
            for option_value, label in self.flat_choices())
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")  # noqa: S308

    def flat_choices(self):
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):  # an optgroup: flattened, lists here have none
                yield from label
            else:
                yield ("" if option_value is None else getattr(option_value, "value", option_value),
                       label)

"""What a browser would post from a form on a page: the test client posts dictionaries, so the
edit-conflict tests read the form back from the HTML as a person's browser would send it."""

from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.done = form_id, False, False
        self.values = {}
        self.select = self.textarea = None
        self.options = []

    def add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done:
            self.inside = ("action" not in attrs if self.form_id is None
                           else attrs.get("id") == self.form_id)
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.add(name, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, ""
        elif tag == "select" and name:
            self.select, self.multiple, self.options = name, "multiple" in attrs, []
        elif tag == "option" and self.select:
            self.options.append((attrs.get("value", ""), "selected" in attrs))

    def handle_data(self, data):
        if self.textarea:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "textarea" and self.textarea:
            self.add(self.textarea, self.text.removeprefix("\n"))
            self.textarea = None
        elif tag == "select" and self.select:
            chosen = [value for value, selected in self.options if selected]
            if not chosen and not self.multiple and self.options:
                chosen = [self.options[0][0]]
            for value in chosen:
                self.add(self.select, value)
            self.select = None


def form_values(html, form_id=None):
    """{name: value, or a list of values for a multiple select}, csrf token left out. The form
    is the one with `form_id`, else the first without an action (the page's own form)."""
    parser = _Form(form_id)
    parser.feed(html)
    values = {name: found if len(found) > 1 else found[0]
              for name, found in parser.values.items()}
    values.pop("csrfmiddlewaretoken", None)
    return values

"""User text is text: a hostile string in every free-text field, rendered everywhere.

The payload goes into every editable text field of every record of the demo (and of a draft
letter composed from it), then every page of the access table, the exports, both feeds and the
letter PDF are fetched. Markup in the payload must never come out as markup, and the template
syntax in it must never be evaluated.
"""

import io
import subprocess

import openpyxl
import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from tests.test_access import ACCESS, draft_letter, feed_token

PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7*7 }}{% now "Y" %}'
MEDIUM = '"><img src=x onerror=alert(2)>'
SHORT = "<u>"  # for fields too short for more; our templates never write <u>
RAW_MARKUP = ["<script>alert(1)", "<img src=x onerror", "<u>"]
# Keys, codes and derived columns: not free text, or used to build URLs and numbers.
SKIP_FIELDS = {"number", "ident", "url", "token", "query", "search_text", "search_title",
               "pdf_sha256", "tk_id", "password", "username", "content", "mapping", "address"}
SKIP_MODELS = {"FeedToken", "DeadlineReminder"}


def free_text_fields(model):
    return [field for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField) and field.editable
            and not field.choices and field.name not in SKIP_FIELDS
            and not isinstance(field, models.URLField | models.EmailField)]


def payload_for(field, pk):
    """The longest payload that fits, with the pk so unique fields stay unique; a short field
    (Document.year, 7 characters) takes the short payload alone once the pk has four digits, as
    on PostgreSQL, whose sequences are not reset between tests."""
    for value in [f"{payload} {pk}" for payload in (PAYLOAD, MEDIUM, SHORT)] + [SHORT]:
        if not field.max_length or len(value) <= field.max_length:
            return value
    raise AssertionError(f"{field} is too short for any payload")


def poison():
    """The payload in every free-text field of every record (unique fields get the pk)."""
    poisoned = 0
    for label in ("register", "commitments", "legislation"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical") or model.__name__ in SKIP_MODELS:
                continue
            for field in free_text_fields(model):
                for pk in model._default_manager.values_list("pk", flat=True):
                    value = payload_for(field, pk)
                    # The base manager: past the freeze of a final letter, on purpose.
                    model._base_manager.filter(pk=pk).update(**{field.name: value})
                    poisoned += 1
    return poisoned


@pytest.fixture
def poisoned(demo, superuser, advisor, client_for):
    draft_letter(demo)
    assert poison() > 100
    return client_for(superuser)


def test_every_page_shows_the_payload_as_text(poisoned, demo):
    checked = 0
    for name, (kwargs, expected) in ACCESS.items():
        if expected["superuser"] != 200 or name in ("commitments:feed-ics",
                                                    "commitments:feed-atom"):
            continue
        response = poisoned.get(reverse(name, kwargs=kwargs(demo) if kwargs else None))
        if "html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        for markup in RAW_MARKUP:
            assert markup not in page, f"{name}: unescaped {markup!r}"
        assert "49" not in page.split("{{ 7*7 }}")[0][-3:], name
        checked += 1
    assert checked > 20


def test_the_payload_is_visible_on_the_detail_page(poisoned, demo):
    commitment = demo["commitments"][0]
    page = poisoned.get(commitment.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "{{ 7*7 }}" in page and '{% now "Y" %}'.replace('"', "&quot;") in page


def test_search_input_is_reflected_as_text(poisoned):
    page = poisoned.get(reverse("commitments:list"), {"q": PAYLOAD}).content.decode()
    for markup in RAW_MARKUP:
        assert markup not in page


def test_exports_hold_the_payload_as_plain_text(poisoned):
    workbook = openpyxl.load_workbook(io.BytesIO(
        poisoned.get(reverse("commitments:export-xlsx")).content))
    titles = [row[5] for row in list(workbook.active.values)[1:]]
    assert all(title.startswith("<script>alert(1)</script>") for title in titles)
    assert all(f"{PAYLOAD} " in row[7] for row in list(workbook.active.values)[1:])  # person
    content = b"".join(poisoned.get(reverse("commitments:export-csv")).streaming_content)
    assert "<script>alert(1)</script>" in content.decode("utf-8")


def test_feeds_escape_the_payload(poisoned, demo, client, clerk):
    from commitments.models import Commitment

    open_one = Commitment.objects.filter(status="open").first()
    open_one.change_status("in_progress", by=clerk, reason=PAYLOAD)  # a history row with it
    token = feed_token(demo)["token"]
    atom = client.get(reverse("commitments:feed-atom", args=[token])).content.decode()
    assert "<script>" not in atom and "&lt;script&gt;" in atom
    calendar = client.get(reverse("commitments:feed-ics", args=[token])).content.decode()
    assert "alert(1)" in calendar  # plain text in a calendar, which renders no markup


def test_the_letter_pdf_prints_the_payload_as_text(poisoned, demo, tmp_path):
    letter = demo["draft_letter"]
    response = poisoned.get(reverse("letters:pdf", args=[letter.pk]))
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "letter.pdf"
    path.write_bytes(b"".join(response.streaming_content) if response.streaming
                     else response.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "<script>alert(1)</script>" in text
    assert "{{ 7*7 }}" in text


def test_the_letter_preview_shows_the_payload_as_text(poisoned, demo):
    page = poisoned.get(reverse("letters:detail", args=[demo["draft_letter"].pk]))
    content = page.content.decode()
    for markup in RAW_MARKUP:
        assert markup not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content

"""A request body over MAX_REQUEST_BYTES is refused before anything reads it
(register.middleware.RequestSizeMiddleware): Django writes an uploaded file of any size to disk
before a view can refuse it, and the CSRF check reads every POST, also an anonymous one."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from commitments.forms import REPORT_MAX_BYTES
from commitments.models import CommitmentProposal


def test_an_anonymous_post_over_the_limit_is_refused_unread(client, settings, db):
    settings.MAX_REQUEST_BYTES = 2**20
    response = client.post(reverse("login"), {
        "username": "griffie", "password": "pw",
        "file": SimpleUploadedFile("groot.bin", b"x" * (2**20 + 1))})
    assert response.status_code == 413
    assert "Dit verzoek is groter dan 1 MB en is niet gelezen" in response.content.decode()


def test_an_upload_over_the_limit_is_refused_and_nothing_is_kept(client_for, clerk, settings):
    settings.MAX_REQUEST_BYTES = 2**20
    response = client_for(clerk).post(reverse("commitments:proposal-upload"), {
        "report": SimpleUploadedFile("verslag.xml", b"<x/>" + b" " * 2**20)})
    assert response.status_code == 413
    assert not CommitmentProposal.objects.exists()


def test_a_file_a_little_over_the_screens_limit_gets_the_forms_message(client_for, clerk):
    response = client_for(clerk).post(reverse("commitments:proposal-upload"), {
        "report": SimpleUploadedFile("verslag.xml", b" " * (REPORT_MAX_BYTES + 1))})
    assert response.status_code == 200
    assert "Het bestand is groter dan 20 MB" in response.content.decode()


@pytest.mark.parametrize("length", ["", "abc", "-5"])
def test_a_missing_or_odd_length_is_left_to_django(client, db, length):
    response = client.get(reverse("login"), CONTENT_LENGTH=length)
    assert response.status_code == 200


def test_the_refusal_follows_the_users_language(client, settings, db):
    settings.MAX_REQUEST_BYTES = 1000
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    try:
        response = client.post(reverse("login"), {"username": "x" * 2000})
    finally:
        translation.deactivate()  # the request activated English in the test's thread
    assert response.status_code == 413
    assert "This request is larger than" in response.content.decode()

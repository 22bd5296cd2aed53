"""CSRF is enforced on every POST: a client with CSRF checks on is refused everywhere."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.test_access import ACCESS


@pytest.fixture
def csrf_client(superuser):
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    return client


def test_every_post_without_token_is_refused(csrf_client, demo, advisor):
    accepted = []
    for name, (kwargs, _expected) in ACCESS.items():
        url = reverse(name, kwargs=kwargs(demo) if kwargs else None)
        response = csrf_client.post(url, {"reason": "x"})
        if response.status_code != 403 or b"CSRF" not in response.content:
            accepted.append(f"{url}: {response.status_code}")
    assert not accepted, "\n".join(accepted)


def test_a_post_with_the_token_gets_through(csrf_client, demo):
    page = csrf_client.get(reverse("feed-settings"))
    token = page.cookies["csrftoken"].value
    response = csrf_client.post(reverse("feed-renew"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302

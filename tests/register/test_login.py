import pytest
from django.urls import reverse

from register.models import LoginFailure


def attempt(client, password, username="griffie", address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=address)


def test_login_and_logout(client, clerk):
    response = attempt(client, "pw")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.post(reverse("logout")).status_code == 302


@pytest.mark.parametrize("settings_limit", [5])
def test_login_is_throttled_after_repeated_failures(client, clerk, settings, settings_limit):
    settings.LOGIN_FAILURE_LIMIT = settings_limit
    for _attempt in range(settings_limit):
        assert attempt(client, "wrong").status_code == 200
    refused = attempt(client, "pw")  # even the right password, for a while
    assert refused.status_code == 200
    assert "Te veel mislukte pogingen" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_throttling_counts_per_address_too(client, clerk, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for name in ("a", "b", "c"):
        attempt(client, "wrong", username=name, address="10.9.9.9")
    assert "Te veel" in attempt(client, "pw", address="10.9.9.9").content.decode()
    assert attempt(client, "pw", address="10.0.0.2").status_code == 302


def test_behind_a_load_balancer_the_forwarded_address_counts(client, clerk, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_HOPS = 1
    balancer = "10.0.0.5"

    def through_balancer(username, password, client_ip, forged=""):
        return client.post(reverse("login"), {"username": username, "password": password},
                           REMOTE_ADDR=balancer,
                           HTTP_X_FORWARDED_FOR=", ".join(filter(None, [forged, client_ip])))

    for name in ("a", "b", "c"):
        through_balancer(name, "wrong", "192.0.2.7", forged="198.51.100.1")
    assert "Te veel" in through_balancer("griffie", "pw", "192.0.2.7").content.decode()
    # Another user behind the same balancer is not locked out by the first one's failures.
    assert LoginFailure.objects.filter(address="192.0.2.7").count() == 3
    assert through_balancer("griffie", "pw", "192.0.2.8").status_code == 302


def test_without_trusted_proxies_the_forwarded_header_is_ignored(client, clerk, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    for forged in ("1.1.1.1", "2.2.2.2"):
        client.post(reverse("login"), {"username": "x", "password": "wrong"},
                    REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=forged)
    assert set(LoginFailure.objects.values_list("address", flat=True)) == {"10.9.9.9"}


def test_failures_outside_the_window_do_not_count(client, clerk, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    attempt(client, "wrong")
    attempt(client, "wrong")
    LoginFailure.objects.update(at="2000-01-01T00:00:00Z")
    assert attempt(client, "pw").status_code == 302


def test_security_headers(client, db):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"

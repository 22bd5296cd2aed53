"""Logging in, and the one throttle in front of every way to log in (issue 12, items 2 and 3).

The policy (docs/OPERATIONS.md "Logins"): failures are counted per (user name, client address)
and per address. Five failures for one name from one address lock that name at that address for
15 minutes; a user is never locked out by failures from other addresses. From 10 failures from
one address (any names) each further try from it must wait, longer each time; at 30 the address
is blocked for an hour. An administrator lifts a block with a command or in /beheer/.
"""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

LOGIN, ADMIN_LOGIN = "/accounts/login/", "/beheer/login/"


def attempt(client, password, username="griffie", address="10.0.0.1", path=LOGIN):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return "_auth_user_id" in client.session


def refused(response):
    return response.status_code == 429 and "Te veel mislukte pogingen" in response.content.decode()


def age(**delta):
    """Let time pass for the failures recorded so far."""
    from axes.models import AccessAttempt

    for row in AccessAttempt.objects.all():
        row.attempt_time -= datetime.timedelta(**delta)
        row.save(update_fields=["attempt_time"])


def fail_from(client, address, count, *, names=None, wait=True):
    """`count` failures from `address`, each after any wait the throttle asks for."""
    for n in range(count):
        if wait:
            age(seconds=61)  # past any slow-down
        response = attempt(client, "wrong", username=names[n] if names else f"iemand{n}",
                           address=address)
        assert response.status_code in (200, 429)


def test_login_and_logout(client, clerk):
    response = attempt(client, "pw")
    # Owners start on My work, the others on the dashboard (commitments.views.landing).
    assert response.status_code == 302 and response["Location"] == "/start/"
    assert client.post(reverse("logout")).status_code == 302


def test_five_failures_lock_that_name_at_that_address(client, clerk):
    for _n in range(4):
        assert attempt(client, "wrong").status_code == 200
    assert refused(attempt(client, "wrong"))  # the fifth says so at once
    response = attempt(client, "pw")  # even the right password, for a while
    assert refused(response) and not logged_in(client)
    page = response.content.decode()
    assert "vanaf dit adres" in page and "15 minuten" in page


def test_the_admin_login_is_throttled_like_the_apps(client, superuser):
    for _n in range(3):
        attempt(client, "wrong", username="admin")
    for _n in range(2):
        attempt(client, "wrong", username="admin", path=ADMIN_LOGIN)
    response = attempt(client, "pw", username="admin", path=ADMIN_LOGIN)
    assert refused(response) and not logged_in(client)
    assert refused(attempt(client, "pw", username="admin"))


def test_failures_on_the_admin_login_count_for_the_apps_login(client, superuser):
    for _n in range(4):
        assert attempt(client, "wrong", username="admin", path=ADMIN_LOGIN).status_code == 200
    assert refused(attempt(client, "wrong", username="admin", path=ADMIN_LOGIN))
    assert refused(attempt(client, "pw", username="admin"))
    assert not logged_in(client)


def test_a_user_is_never_locked_out_by_failures_from_other_addresses(client, superuser):
    for address in ("192.0.2.1", "192.0.2.2"):
        for _n in range(5):
            attempt(client, "wrong", username="admin", address=address)
    assert attempt(client, "pw", username="admin", address="10.0.0.2").status_code == 302
    assert logged_in(client)


def test_many_failures_from_one_address_slow_it_down(client, clerk):
    fail_from(client, "198.51.100.7", 10)
    response = attempt(client, "pw", address="198.51.100.7")  # no wait: refused
    assert refused(response) and "Wacht" in response.content.decode()
    assert attempt(client, "pw", address="10.0.0.2").status_code == 302  # others go on
    client.post(reverse("logout"))
    age(seconds=2)
    assert attempt(client, "pw", address="198.51.100.7").status_code == 302


def test_the_wait_grows_with_each_failure(client, clerk):
    fail_from(client, "198.51.100.7", 13)
    age(seconds=4)  # enough after 10 failures, not after 13
    assert refused(attempt(client, "pw", address="198.51.100.7"))
    age(seconds=4)
    assert attempt(client, "pw", address="198.51.100.7").status_code == 302


def test_then_the_address_is_blocked_for_everyone_there_but_nobody_else(client, clerk,
                                                                        superuser):
    fail_from(client, "198.51.100.7", 30)
    age(minutes=5)
    response = attempt(client, "pw", address="198.51.100.7")
    assert refused(response) and "geblokkeerd" in response.content.decode()
    assert refused(attempt(client, "pw", username="admin", address="198.51.100.7"))
    assert attempt(client, "pw", address="10.0.0.2").status_code == 302
    client.post(reverse("logout"))
    age(minutes=56)
    assert attempt(client, "pw", address="198.51.100.7").status_code == 302


def test_refused_tries_do_not_count(client, clerk):
    for _n in range(5):
        attempt(client, "wrong")
    for _n in range(20):
        assert refused(attempt(client, "wrong"))
    age(minutes=16)
    assert attempt(client, "pw").status_code == 302


def test_a_successful_login_clears_that_names_failures_at_that_address(client, clerk):
    for _n in range(4):
        attempt(client, "wrong")
    assert attempt(client, "pw").status_code == 302
    client.post(reverse("logout"))
    for _n in range(4):
        assert attempt(client, "wrong").status_code == 200
    assert attempt(client, "pw").status_code == 302


def test_failures_outside_the_window_do_not_count(client, clerk):
    for _n in range(5):
        attempt(client, "wrong")
    age(minutes=16)
    assert attempt(client, "pw").status_code == 302


@pytest.mark.parametrize("command", [
    ["axes_reset_ip", "198.51.100.7"], ["axes_reset_ip_username", "198.51.100.7", "griffie"],
    ["axes_reset"]])
def test_an_administrator_unblocks_with_a_command(client, clerk, command):
    for _n in range(5):
        attempt(client, "wrong", address="198.51.100.7")
    assert refused(attempt(client, "pw", address="198.51.100.7"))
    call_command(*command)
    assert attempt(client, "pw", address="198.51.100.7").status_code == 302


def test_an_administrator_unblocks_an_address_in_the_admin(client, client_for, clerk, superuser):
    from axes.models import AccessAttempt

    fail_from(client, "198.51.100.7", 30)
    assert refused(attempt(client, "pw", address="198.51.100.7"))
    admin = client_for(superuser)
    listing = admin.get("/beheer/axes/accessattempt/").content.decode()
    assert "198.51.100.7" in listing and "Geblokkeerd" in listing
    one = AccessAttempt.objects.filter(ip_address="198.51.100.7").first()
    response = admin.post("/beheer/axes/accessattempt/", {
        "action": "unblock_addresses", "_selected_action": [one.pk]}, REMOTE_ADDR="10.0.0.3")
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(ip_address="198.51.100.7").exists()
    admin.post(reverse("logout"))
    assert attempt(client, "pw", address="198.51.100.7").status_code == 302


def test_behind_a_load_balancer_the_forwarded_address_counts(client, clerk, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    balancer = "10.0.0.5"

    def through_balancer(username, password, client_ip, forged=""):
        return client.post(LOGIN, {"username": username, "password": password},
                           REMOTE_ADDR=balancer,
                           HTTP_X_FORWARDED_FOR=", ".join(filter(None, [forged, client_ip])))

    for n in range(5):
        through_balancer("griffie", "wrong", "192.0.2.7", forged=f"198.51.100.{n}")
    assert refused(through_balancer("griffie", "pw", "192.0.2.7"))
    # The same user behind the same balancer, from another client address, logs in.
    assert through_balancer("griffie", "pw", "192.0.2.8").status_code == 302


def test_without_trusted_proxies_the_forwarded_header_is_ignored(client, clerk):
    for n in range(5):
        client.post(LOGIN, {"username": "griffie", "password": "wrong"},
                    REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR=f"1.1.1.{n}")
    assert refused(attempt(client, "pw", address="10.9.9.9"))


def test_a_forged_address_that_is_no_address_is_not_stored(client, clerk, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    response = client.post(LOGIN, {"username": "griffie", "password": "wrong"},
                           REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="niet-een-adres")
    assert response.status_code == 200


def test_the_lockout_page_is_dutch_and_offers_the_way_back(client, clerk):
    for _n in range(5):
        attempt(client, "wrong")
    page = attempt(client, "pw").content.decode()
    assert "Probeer het over 15 minuten opnieuw" in page and "beheerder" in page
    assert f'href="{LOGIN}"' in page


def test_security_headers(client, db):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_from_the_bare_address_a_login_leads_where_any_login_does(client, clerk):
    """Opening the site at its address sends to the login with next=/; after it an owner
    starts on My work (commitments.views.landing), not on the dashboard "/" shows."""
    response = attempt(client, "pw", path=LOGIN + "?next=/")
    assert response.status_code == 302 and response["Location"] == "/start/"


def test_any_other_page_asked_for_is_where_the_login_leads(client, clerk):
    response = attempt(client, "pw", path=LOGIN + "?next=/toezeggingen/")
    assert response["Location"] == "/toezeggingen/"

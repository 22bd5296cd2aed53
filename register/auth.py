"""The login throttle: django-axes, with our policy (docs/OPERATIONS.md "Logins").

axes sits in front of every way to log in — its authentication backend refuses before the
password is checked, so the app's login and the admin's (/beheer/login/) share one count — and
records each failure in the database, so the count holds across several app servers. Its
handler is ours because the policy has limits per kind of count that axes' single
AXES_FAILURE_LIMIT cannot express:

- per (user name, client address): LOGIN_FAILURE_LIMIT failures lock that name *at that address*
  for LOGIN_FAILURE_WINDOW_MINUTES after the last one; failures from other addresses never lock
  a user out;
- per address (any names): from LOGIN_ADDRESS_SLOWDOWN_AFTER failures each further try must wait,
  twice as long each time (at most a minute), and at LOGIN_ADDRESS_BLOCK_AFTER the address is
  blocked for LOGIN_ADDRESS_BLOCK_MINUTES after its last failure.

Tries refused by the throttle are not counted (they would only extend it). An administrator
lifts a lock with `manage.py axes_reset_ip ADDRESS` (or axes_reset_ip_username, axes_reset) or
in /beheer/ (Axes → access attempts, the action "Adres deblokkeren").
"""

import datetime
import ipaddress
import math
from dataclasses import dataclass

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils.translation import gettext as _

MAX_WAIT = datetime.timedelta(minutes=1)


def client_address(request):
    """The address the client connected from, also behind TRUSTED_PROXY_HOPS load balancers.

    Each proxy appends the address it saw to X-Forwarded-For, so the client's is the one the
    outermost trusted proxy appended; anything further left the client may have forged. What is
    no address at all is not used.
    """
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR") or ""
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [part.strip() for part in
                     request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            address = forwarded[-min(hops, len(forwarded))]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def login_name(request, credentials):
    """The user name as counted: "Admin" and "admin " are one name to the throttle."""
    if credentials:
        name = credentials.get("username")
    else:
        name = getattr(request, "POST", {}).get("username")
    return (name or "").strip().lower()[:150]


@dataclass(frozen=True)
class Lockout:
    kind: str  # "name" (this name at this address), "slow" (wait), "address" (blocked)
    until: datetime.datetime


def lockout_for(address, name, now):
    """Why and until when `name` may not try from `address` now, or None (two queries)."""
    if address is None:
        return None
    block_window = datetime.timedelta(minutes=settings.LOGIN_ADDRESS_BLOCK_MINUTES)
    at_address = AccessAttempt.objects.filter(ip_address=address,
                                              attempt_time__gte=now - block_window)
    total = at_address.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    failures, last = total["failures"] or 0, total["last"]
    if failures >= settings.LOGIN_ADDRESS_BLOCK_AFTER:
        return Lockout("address", last + block_window)
    if failures >= settings.LOGIN_ADDRESS_SLOWDOWN_AFTER:
        steps = failures - settings.LOGIN_ADDRESS_SLOWDOWN_AFTER
        wait = min(datetime.timedelta(seconds=2 ** min(steps, 10)), MAX_WAIT)
        if now < last + wait:
            return Lockout("slow", last + wait)
    failures, last = name_failures(address, name, now)
    if failures >= settings.LOGIN_FAILURE_LIMIT:
        return Lockout("name", last + datetime.timedelta(
            minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES))
    return None


def name_failures(address, name, now):
    """The failures of `name` at `address` in the window, and when the last one was."""
    window = datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    total = AccessAttempt.objects.filter(ip_address=address, username=name,
                                         attempt_time__gte=now - window).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time"))
    return total["failures"] or 0, total["last"]


class LoginThrottle(AxesDatabaseHandler):
    """axes' database handler with the policy above (settings.AXES_HANDLER)."""

    def lockout(self, request, credentials=None):
        return lockout_for(request.axes_ip_address, get_client_username(request, credentials),
                           request.axes_attempt_time)

    def is_locked(self, request, credentials=None):
        return self.lockout(request, credentials) is not None

    def get_failures(self, request, credentials=None):
        """The failures of this name at this address, which axes compares with
        AXES_FAILURE_LIMIT (= LOGIN_FAILURE_LIMIT) after each failure."""
        return name_failures(request.axes_ip_address, get_client_username(request, credentials),
                             request.axes_attempt_time)[0]

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        """axes records the failure and locks by get_failures; the address's limits may lock
        too, and then this failure is already answered with the lockout page."""
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not request.axes_locked_out \
                and self.is_locked(request, credentials):
            request.axes_locked_out, request.axes_credentials = True, credentials

    def user_logged_in(self, sender, request, user, **kwargs):
        """A successful login clears the failures of that name at that address — not those of
        the address: an attacker with one account must not reset the address's count."""
        super().user_logged_in(sender, request, user, **kwargs)
        name = login_name(request, {"username": user.get_username()})
        AccessAttempt.objects.filter(ip_address=request.axes_ip_address, username=name).delete()


def locked_out(request, original_response=None, credentials=None):
    """The page for a refused login (settings.AXES_LOCKOUT_CALLABLE), on both login screens."""
    now = request.axes_attempt_time
    lockout = lockout_for(request.axes_ip_address,
                          get_client_username(request, credentials or request.axes_credentials),
                          now)
    until = lockout.until if lockout else now
    seconds = max(1, math.ceil((until - now).total_seconds()))
    minutes = max(1, math.ceil(seconds / 60))
    if lockout and lockout.kind == "slow":
        message = _("Te veel mislukte pogingen om in te loggen vanaf dit adres. Wacht "
                    "%(seconds)s seconden en probeer het dan opnieuw.") % {"seconds": seconds}
    elif lockout and lockout.kind == "address":
        message = _("Te veel mislukte pogingen om in te loggen vanaf dit adres: het is "
                    "geblokkeerd. Probeer het over %(minutes)s minuten opnieuw, of vraag een "
                    "beheerder de blokkade op te heffen.") % {"minutes": minutes}
    else:
        message = _("Te veel mislukte pogingen om met deze gebruikersnaam in te loggen vanaf "
                    "dit adres. Probeer het over %(minutes)s minuten opnieuw, of vraag een "
                    "beheerder de blokkade op te heffen.") % {"minutes": minutes}
    return render(request, "registration/locked_out.html",
                  {"message": message, "login_url": request.path}, status=429)

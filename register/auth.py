"""Login with throttling: after repeated failures the form refuses to try, per name and address.

The failures are rows in the database, not a per-process cache, so the limit holds across
several app servers behind a load balancer.
"""

import datetime

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from register.models import LoginFailure


def client_address(request):
    """The address the client connected from, also behind TRUSTED_PROXY_HOPS load balancers.

    Each proxy appends the address it saw to X-Forwarded-For, so the client's is the one the
    outermost trusted proxy appended; anything further left the client may have forged.
    """
    if request is None:
        return ""
    address = request.META.get("REMOTE_ADDR") or ""
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [part.strip() for part in
                     request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            address = forwarded[-min(hops, len(forwarded))]
    return address[:45]


def too_many_failures(username, address):
    since = timezone.now() - datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    failures = LoginFailure.objects.filter(at__gte=since).filter(
        Q(username__iexact=username) | Q(address=address) if address else
        Q(username__iexact=username))
    return failures.count() >= settings.LOGIN_FAILURE_LIMIT


@receiver(user_login_failed)
def record_failure(sender, credentials, request=None, **kwargs):
    LoginFailure.objects.create(username=(credentials.get("username") or "")[:150],
                                address=client_address(request))


class ThrottledAuthenticationForm(AuthenticationForm):
    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if too_many_failures(username, client_address(self.request)):
            raise ValidationError(
                _("Te veel mislukte pogingen om in te loggen. Probeer het over %(minutes)s "
                  "minuten opnieuw.") % {"minutes": settings.LOGIN_FAILURE_WINDOW_MINUTES},
                code="throttled")
        return super().clean()


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm

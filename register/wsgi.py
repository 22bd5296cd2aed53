import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "register.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402 (after the application has set Django up)

if not (settings.SECRET_KEY_FROM_ENVIRONMENT or settings.DEBUG or settings.DEMO_MODE):
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG and DEMO_MODE are off.")

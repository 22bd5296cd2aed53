from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _


class LanguageMiddleware:
    """Dutch unless the user chose English with the language switch (a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language, so most ministry
    laptops, set to English, would get an English interface; Dutch is the default here.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class SecurityHeadersMiddleware:
    """A Content-Security-Policy without inline script, and a few more headers.

    Django's SecurityMiddleware sets HSTS, nosniff and the referrer policy; clickjacking is
    covered by X-Frame-Options (XFrameOptionsMiddleware) and frame-ancestors here. htmx runs
    with its inline indicator styles off (htmx-config meta tag), so 'self' suffices for styles.
    """

    POLICY = "; ".join([
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
        "form-action 'self'", "frame-ancestors 'none'",
    ])

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.POLICY)
        response.headers.setdefault("Permissions-Policy",
                                    "camera=(), microphone=(), geolocation=(), payment=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class RequestSizeMiddleware:
    """Refuse a request body larger than MAX_REQUEST_BYTES before anything reads it.

    Django caps a form's fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not its files: an upload of
    any size is written to a temporary file before a view can look at its size, and the CSRF
    check reads the body of every POST, also an anonymous one. The largest file a screen takes
    is 20 MB; the limit leaves room for that and the form around it, so an upload a little too
    large still gets the form's own message. It follows the user's language (after
    LanguageMiddleware).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body without a valid length either
        limit = settings.MAX_REQUEST_BYTES
        if length > limit:
            return HttpResponse(
                _("Dit verzoek is groter dan %(mb)s MB en is niet gelezen. Een bestand mag "
                  "hoogstens 20 MB zijn; splits het.") % {"mb": limit // 2**20} + "\n",
                status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

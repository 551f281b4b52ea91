from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class IndonesianFirstLocaleMiddleware(LocaleMiddleware):
    """Pages speak Bahasa Indonesia until the user picks English (the language cookie).

    Browsers send their own Accept-Language, which would turn most pages English; only API
    clients choose their language that way.
    """

    def process_request(self, request):
        if request.path.startswith("/api/"):
            return super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if chosen not in dict(settings.LANGUAGES):
            chosen = settings.LANGUAGE_CODE
        translation.activate(chosen)
        request.LANGUAGE_CODE = translation.get_language()
        return None

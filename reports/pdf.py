"""The chapter as a PDF: WeasyPrint renders a Django template in the thesis format."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from .chapter import Chapter


class RenderTimeout(Exception):
    pass


def static_file_for(url: str) -> Path | None:
    """The app's own static file a URL names, or None: only those may enter a report."""
    parsed = urlparse(url)
    if parsed.scheme == "file":
        path = Path(parsed.path).resolve()
        roots = [Path(r).resolve() for r in [*settings.STATICFILES_DIRS, settings.STATIC_ROOT] if r]
        return path if any(root in path.parents for root in roots) else None
    static_prefix = settings.STATIC_URL.lstrip("/")
    if parsed.scheme == "" and parsed.path.lstrip("/").startswith(static_prefix):
        found = finders.find(parsed.path.lstrip("/")[len(static_prefix) :])
        return Path(found) if found else None
    return None


def static_only_fetcher():
    """A WeasyPrint fetcher that refuses everything but the app's static files, so rendering
    never reaches the network or the rest of the disk."""
    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_file_for(url)
            if path is None:
                raise ValueError(f"Blocked while rendering a report: {url}")
            return super().fetch(path.as_uri(), headers)

    return StaticOnlyFetcher()


@contextmanager
def time_limit(seconds: int):
    """Stops a render that runs too long. Signals only work in the main thread; elsewhere
    (threaded servers) the Celery task's own time limit is the guard."""
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expire(signum, frame):
        raise RenderTimeout(f"Report rendering took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def chapter_html(chapter: Chapter, *, for_pdf: bool = True) -> str:
    with translation.override(chapter.language):
        return render_to_string("reports/chapter.html", {"chapter": chapter, "for_pdf": for_pdf})


def html_to_pdf(html: str, *, seconds: int | None = None) -> bytes:
    """Any report's HTML as a PDF: static files only, within the render time limit."""
    from weasyprint import HTML

    with time_limit(seconds if seconds is not None else settings.REPORT_RENDER_SECONDS):
        pdf: bytes = HTML(string=html, url_fetcher=static_only_fetcher(), base_url=".").write_pdf()
    return pdf


def render_pdf(chapter: Chapter, *, seconds: int | None = None) -> bytes:
    return html_to_pdf(chapter_html(chapter), seconds=seconds)

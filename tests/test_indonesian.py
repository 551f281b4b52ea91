"""A Pokja member reading in Indonesian meets no English: every page, the error pages, the
history of a rating and the brokerage roles."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import override_settings

from tests.test_page_titles import page_names, url_for

pytestmark = pytest.mark.django_db

# English words of the interface that have an Indonesian translation: finding one on a page in
# Indonesian means a string escaped translation.
FORBIDDEN = re.compile(
    r"\b(Save|Cancel|Delete|Submit|Edit|Sign out|Sign in|Download|Upload|Search|Not found|"
    r"Page not found|Server error|Back to|Add|Remove|Preview|Loading|Next|Previous|"
    r"value|source_type|source_detail|coordinator|itinerant|gatekeeper|representative|liaison)\b"
)


class VisibleText(HTMLParser):
    """The text a reader sees: not scripts, styles, attributes, nor text marked as English."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "svg") or (tag != "html" and dict(attrs).get("lang") == "en"):
            self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def english_words(html: str) -> list[str]:
    reader = VisibleText()
    reader.feed(html)
    return sorted(set(FORBIDDEN.findall(" ".join(reader.parts))))


@pytest.mark.parametrize("name", page_names())
def test_every_page_reads_in_indonesian(client, demo_world, name):
    response = client.get(url_for(name, demo_world), HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 200, name
    assert english_words(response.content.decode()) == [], name


def test_the_error_pages_are_indonesian_in_the_site_layout(client, demo_world):
    missing = client.get("/cases/999999/")
    assert missing.status_code == 404
    page = missing.content.decode()
    assert "Halaman tidak ditemukan" in page and 'class="topbar"' in page
    assert english_words(page) == []
    with override_settings(DEBUG=False):
        from django.template.loader import render_to_string

        server = render_to_string("500.html")
    assert "Kesalahan server" in server and english_words(server) == []


def test_history_names_fields_in_words(client, demo_world):
    from assessments.models import Rating

    rating = Rating.objects.get(pk=demo_world["rating_pk"])
    response = client.get(f"/cases/{rating.case_id}/ratings/{rating.pk}/history/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Jenis sumber" in page and "source_type" not in page


def test_the_check_would_see_english(client, demo_world):
    """The same page in English trips the check: it is not blind."""
    client.cookies["django_language"] = "en"
    page = client.get(url_for("case-detail", demo_world), HTTP_ACCEPT_LANGUAGE="en")
    assert english_words(page.content.decode())


def test_drf_generic_messages_are_indonesian(researcher):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(researcher)
    body = {"place": {"place": "x"}, "format": "pdf", "language": "id"}
    refused = api.post("/api/v1/jobs/", body, format="json")
    assert refused.status_code == 400
    assert refused.json() == {"place": ["Bukan teks yang sah."]}  # flat, and in Indonesian
    wrong = api.post("/api/v1/jobs/", {"place": "99.99", "format": "pdf"}, format="json")
    assert wrong.json() == {"place": ["99.99 bukan kode wilayah Kemendagri."]}

"""Every page's <title> is plain text: a browser tab, a bookmark and a screen reader read it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

# Routes that only take a POST (they answer GET with 405) or return something else than a page.
NOT_PAGES = {
    "informant-link",
    "rating-template",  # a workbook, not a page
    "rate-indicator",
    "rate-variable-all",
    "rater-self-create",  # POST only; its page is rate-variable
    "recommendation-add",
    "recommendation-delete",
    "tie-delete",
    "case-row-delete",
    "place-search",
    "report-job-download",
    "report-job-retry",
    "set_language",
    "logout",
    "landing",
    "dashboard-pdf",
    "dashboard-xlsx",
}


class TitleReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.titles: list[str] = []
        self.tags_inside: list[str] = []
        self.svg_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        # An inline chart's <title> names the chart, not the page.
        if tag == "svg":
            self.svg_depth += 1
        if tag == "title" and not self.svg_depth:
            self.inside = True
            self.titles.append("")
        elif self.inside:
            self.tags_inside.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.svg_depth -= 1
        if tag == "title":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.titles[-1] += data


def page_names() -> list[str]:
    """The names of every page route outside the API and the admin."""
    names = []

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                route = str(pattern.pattern)
                if route.startswith(("api/", "admin/")):
                    continue
                walk(pattern.url_patterns, prefix + route)
            elif (
                isinstance(pattern, URLPattern)
                and pattern.name
                and not str(pattern.pattern).startswith("api/")
            ):
                names.append(pattern.name)

    walk(get_resolver().url_patterns)
    return sorted(set(names) - NOT_PAGES)


def url_for(name: str, world: dict) -> str:
    kwargs = {
        "case-detail": {"pk": world["pk"]},
        "case-edit": {"pk": world["pk"]},
        "case-raters": {"pk": world["pk"]},
        "case-rounds": {"pk": world["pk"]},
        "rating-import": {"pk": world["pk"]},
        "tie-import": {"pk": world["pk"]},
        "output-edit": {"pk": world["pk"], "output_pk": world["output_pk"]},
        "informant-quotes": {"pk": world["pk"]},
        "case-conclusions": {"pk": world["pk"]},
        "case-stakeholders": {"pk": world["pk"]},
        "rate-variable": {"pk": world["pk"], "code": world["code"]},
        "dashboard-indicator": {"code": "FTF1"},
        "rating-history": {"pk": world["pk"], "rating_pk": world["rating_pk"]},
        "conclusion-history": {"pk": world["pk"], "conclusion_pk": world["conclusion_pk"]},
        "framework-edit": {"pk": world["framework_pk"]},
        "report-job": {"pk": world["job_pk"]},
        "informant": {"token": world["token"]},
        "password_reset_confirm": {"uidb64": "MQ", "token": "kedaluwarsa"},
    }.get(name, {})
    return reverse(name, kwargs=kwargs)


def test_every_page_is_checked():
    # A new page route needs its arguments above (or a place in NOT_PAGES).
    assert "case-detail" in page_names()
    assert len(page_names()) >= 18


@pytest.mark.parametrize("name", page_names())
def test_the_title_of_every_page_is_plain_text(client, demo_world, name):
    response = client.get(url_for(name, demo_world))
    assert response.status_code == 200, name
    reader = TitleReader()
    reader.feed(response.content.decode())
    assert len(reader.titles) == 1, name
    title = " ".join(reader.titles[0].split())
    assert reader.tags_inside == [], f"{name}: tags inside <title>"
    raw = re.search(r"<head>.*?<title>(.*?)</title>", response.content.decode(), re.S)
    assert raw and "<" not in raw.group(1), f"{name}: markup inside <title>"
    assert title and "<" not in title and len(title) < 200, f"{name}: {title!r}"

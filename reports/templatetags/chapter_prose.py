"""The chapter's text in HTML: escaped, its foreign terms in italics (reports.prose)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from reports import prose as prose_rules

register = template.Library()


@register.filter
def prose(text: str, language: str) -> SafeString:
    return prose_rules.as_html(str(text), language)

"""The chapter's wording rules, kept in one place: foreign terms in italics, one citation style,
lists joined the way each language joins them, and sentences that end once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.utils import formats
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from assessments.models import Rater, Rating

# Terms a thesis sets in italics, per language of the chapter. Extend them with the setting
# REPORT_FOREIGN_TERMS = {"id": [...], "en": [...]}.
FOREIGN_TERMS: dict[str, tuple[str, ...]] = {
    "id": (
        "collaborative governance",
        "face-to-face dialogue",
        "face to face dialogue",
        "trust building",
        "commitment to process",
        "commitment to the process",
        "shared understanding",
        "intermediate outcomes",
        "intermediate outcome",
        "small wins",
        "miscommunication",
        "stakeholders",
        "stakeholder",
        "action plan",
        "output",
        "outcome",
        "broker",
        "channeling",
        "event",
        "lesson learned",
        "lessons learned",
        "corporate social responsibility",
        "sociogram",
    ),
    "en": ("gotong royong", "musrenbang", "swadaya", "deliniasi"),
}

Run = tuple[str, bool]  # text, italic


def foreign_terms(language: str) -> tuple[str, ...]:
    extra = getattr(settings, "REPORT_FOREIGN_TERMS", {}).get(language, ())
    return (*FOREIGN_TERMS.get(language, ()), *extra)


@lru_cache(maxsize=8)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def runs(text: str, language: str) -> list[Run]:
    """`text` cut into runs, the foreign terms of `language` italic."""
    pattern = _pattern(foreign_terms(language))
    if pattern is None or not text:
        return [(text, False)] if text else []
    result: list[Run] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            result.append((text[position : match.start()], False))
        result.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        result.append((text[position:], False))
    return result


def as_html(text: str, language: str) -> SafeString:
    """The text escaped, its foreign terms in <em>."""
    return mark_safe(  # every run is escaped here
        "".join(
            f"<em>{escape(part)}</em>" if italic else escape(part)
            for part, italic in runs(text, language)
        )
    )


def sentence(text: str) -> str:
    """One sentence: stripped, capitalised, ending in exactly one full stop."""
    text = " ".join(text.split()).rstrip(" ;,")
    if not text:
        return ""
    if text[-1] not in ".!?":
        text += "."
    return text[0].upper() + text[1:]


def paragraph(*sentences: str) -> str:
    return " ".join(s for s in (sentence(part) for part in sentences) if s)


def joined(items: Iterable[str]) -> str:
    """ "a, b dan c" / "a, b and c"."""
    words = [item for item in items if item]
    if len(words) <= 1:
        return "".join(words)
    return _("%(items)s and %(last)s") % {"items": ", ".join(words[:-1]), "last": words[-1]}


def lower_first(text: str) -> str:
    """A name inside a sentence: lower-cased unless it starts with an acronym (BKM, LKM)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def cite(rating: Rating) -> str:
    """The citation of a rating's evidence, without parentheses: a document by its title or
    author–year, an informant by role and date, never by name."""
    detail = rating.source_detail.strip()
    when = formats.date_format(rating.date, "j F Y") if rating.date else ""
    if rating.source_type == Rating.SourceType.DOKUMEN:
        return detail or _("document")
    kind = rating.get_source_type_display() if rating.source_type else ""
    who = ""
    if rating.rater.kind == Rater.Kind.INFORMANT:
        role = rating.rater.role.strip()
        who = _("informant, %(role)s") % {"role": role} if role else _("informant")
    elif rating.source_type in (Rating.SourceType.WAWANCARA, Rating.SourceType.KUESIONER):
        who = detail  # whom the researcher asked, e.g. "Koordinator Kota KOTAKU"
        detail = ""
    return ", ".join(part for part in (who, kind, detail, when) if part)


def quoted(text: str) -> str:
    """A quote in one pair of curly quotes, whatever the researcher typed around it."""
    return "“" + text.strip().strip("\"“”'").strip() + "”"

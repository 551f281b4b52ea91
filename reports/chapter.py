"""BAB V KESIMPULAN DAN SARAN: the chapter's content, composed once for the PDF and the DOCX.

5.1 follows what the case holds (scores, the actor network, partnerships, factors, outputs,
the change since the previous round); 5.2 lists the researcher's recommendations and invents
none. Tables and figures are numbered in the order the text refers to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from assessments import selectors as assessment_selectors
from assessments.models import Case, Place, Rating, Visitor
from assessments.scoring import CaseScore, RoundComparison, format_number, level_label
from assessments.templatetags.scores import radar
from stakeholders.models import Tie

from .chapter_blocks import (
    Block,
    Exhibit,
    Numbering,
    network_blocks,
    output_blocks,
    partnership_blocks,
)
from .chapter_scores import (
    VariableSection,
    method_note,
    overall_paragraph,
    quotable_ratings,
    rounds_paragraph,
    scores_introduction,
    variable_section,
    verdict_phrase,
)
from .prose import joined, paragraph

__all__ = ["Block", "Chapter", "Exhibit", "VariableSection", "build_chapter", "verdict_phrase"]


@dataclass
class RecommendationGroup:
    heading: str
    items: list[str]


@dataclass
class Chapter:
    case: Case
    language: str
    score: CaseScore
    title: str
    subtitle: str
    conclusions: list[Block]
    recommendation_groups: list[RecommendationGroup]
    no_recommendations: str
    further_research: str
    appendix: list[Block]
    comparison: RoundComparison | None = None
    rounds_paragraph: str = ""
    overall: str = ""
    method_note: list[str] = field(default_factory=list)

    @property
    def variables(self) -> list[VariableSection]:
        return [s for block in self.conclusions for s in block.sections]

    @property
    def figures(self) -> list[Block]:
        return [b for b in [*self.conclusions, *self.appendix] if b.kind == "figure"]

    @property
    def tables(self) -> list[Block]:
        return [b for b in [*self.conclusions, *self.appendix] if b.kind == "table"]


def _place_phrase(place: Place) -> str:
    """ "Kelurahan Kampung Bugis, Kecamatan Tanjung Pinang Kota, Kota Tanjung Pinang"."""
    names = []
    current: Place | None = place
    while current is not None and current.level >= Place.Level.KABUPATEN_KOTA:
        name = current.name
        prefix = current.kind or (_("District") if current.level == Place.Level.KECAMATAN else "")
        if prefix and not name.lower().startswith(prefix.lower()):
            name = f"{prefix[:1].upper()}{prefix[1:]} {name}"
        names.append(name)
        current = current.parent
    return ", ".join(names)


def _opening(case: Case) -> str:
    period = (
        _("in %(year)s") % {"year": case.year_start}
        if case.year_start == case.year_end
        else _("in %(start)s–%(end)s") % {"start": case.year_start, "end": case.year_end}
    )
    text = _(
        "This chapter concludes the study of the %(program)s program at %(place)s, %(period)s"
    ) % {
        "program": case.program.name,
        "place": _place_phrase(case.place),
        "period": period,
    }
    if case.method.strip():
        text += ", " + _("carried out with a %(method)s method") % {"method": case.method.strip()}
    return paragraph(text)


def _score_blocks(case: Case, score: CaseScore, numbering: Numbering) -> list[Block]:
    narratives = {
        (c.variable.code if c.variable else None): c.narrative for c in case.conclusions.all()
    }
    if not any(v.assessed for v in score.variables):
        # Not scored: the researcher's own conclusion, where there is one, stands by itself.
        overall = narratives.get(None, "").strip()
        return [Block("paragraph", paragraph(overall))] if overall else []
    ratings = quotable_ratings(case)
    figure = numbering.next("figure", _("Variable scores of the collaboration process"))
    sections = [
        variable_section(number, verdict, narratives.get(verdict.spec.code, ""), ratings)
        for number, verdict in enumerate((v for v in score.variables if v.assessed), start=1)
    ]
    return [
        Block("paragraph", scores_introduction(case, score, figure.label)),
        Block("variables", sections=sections),
        Block(
            "paragraph", overall_paragraph(score, narratives.get(None, "").strip()), css="overall"
        ),
        Block("figure", exhibit=figure, svg=render_to_string("common/_radar.svg", radar(score))),
    ]


def _round_blocks(
    case: Case, reader: Visitor, numbering: Numbering
) -> tuple[list[Block], Any, str]:
    rounds = assessment_selectors.case_rounds_view(reader, case)
    comparison = rounds.comparison
    if comparison is None or rounds.then is None:
        return [], None, ""
    table = numbering.next(
        "table",
        _("Round %(then)s against round %(now)s")
        % {"then": comparison.then_label, "now": comparison.now_label},
    )
    text = rounds_paragraph(comparison, rounds.then.title, table.label)
    rows = [
        [f"{c.code} {c.name}".strip(), c.then.shown, c.now.shown, f"{c.arrow} {c.trend.label}"]
        for c in [*comparison.variables, comparison.overall]
    ]
    return (
        [
            Block("paragraph", text),
            Block(
                "table",
                exhibit=table,
                headers=[_("Variable"), comparison.then_label, comparison.now_label, _("Change")],
                rows=rows,
            ),
        ],
        comparison,
        text,
    )


def _recommendations(case: Case) -> list[RecommendationGroup]:
    groups: dict[str, list[str]] = {}
    for recommendation in case.recommendations.all():
        # Whom it addresses: the researcher's words, else the actors named for it.
        whom = recommendation.addressed_to.strip() or joined(
            a.actor.name for a in recommendation.addressees.all()
        )
        groups.setdefault(whom, []).append(paragraph(recommendation.text))
    if list(groups) == [""]:
        return [RecommendationGroup("", groups[""])]
    return [
        RecommendationGroup(
            _("Recommendations for %(whom)s") % {"whom": whom}
            if whom
            else _("General recommendations"),
            items,
        )
        for whom, items in groups.items()
    ]


def _appendix(case: Case, score: CaseScore, note: list[str]) -> list[Block]:
    """LAMPIRAN: the indicator scores and the method note, for a scored case; for one that is
    not, only the researcher's method note, or nothing."""
    if not any(v.assessed for v in score.variables):
        if not case.method_note.strip():
            return []
        return [
            Block("heading", _("Appendix 1. Method note")),
            Block("paragraph", paragraph(case.method_note)),
        ]
    blocks = [Block("heading", _("Appendix 1. Indicator scores"))]
    rows = [
        [
            verdict.spec.code,
            f"{indicator.spec.code} {indicator.spec.name}",
            format_number(indicator.score) if indicator.score is not None else "—",
            level_label(indicator.level),
        ]
        for verdict in score.variables
        for indicator in verdict.indicators
    ]
    rows += [
        [
            verdict.spec.code,
            verdict.spec.name,
            format_number(verdict.score) if verdict.score is not None else "—",
            verdict.label,
        ]
        for verdict in score.variables
    ]
    blocks.append(
        Block(
            "table",
            headers=[_("Variable"), _("Indicator"), _("Score"), _("Level")],
            rows=rows,
            numeric=(2,),
        )
    )
    blocks.append(Block("heading", _("Appendix 2. Method note")))
    blocks += [Block("paragraph", line) for line in note]
    return blocks


def build_chapter(
    case: Case, language: str = "id", *, reader: Visitor | None = None, appendix: bool = True
) -> Chapter:
    """Everything the chapter shows, in `language`, loaded in a fixed number of queries. The
    earlier round it compares with is one `reader` (by default the case's owner) may open;
    the appendix (LAMPIRAN) is left out on request."""
    with translation.override(language):
        case = (
            Case.objects.select_related("program", "place__parent__parent__parent", "framework")
            .prefetch_related(
                Prefetch(
                    "ratings",
                    queryset=Rating.objects.select_related("indicator", "rater").order_by(
                        "rater__kind", "rater__name"
                    ),
                ),
                "conclusions__variable",
                "recommendations__addressees__actor",
                "outputs",
                "slum_areas",
                "partnerships__partners",
                "factors",
                Prefetch("ties", queryset=Tie.objects.only("id", "case_id", "level")),
            )
            .get(pk=case.pk)
        )
        score = assessment_selectors.case_score_get(case)
        numbering = Numbering()
        conclusions = [Block("paragraph", _opening(case))]
        conclusions += _score_blocks(case, score, numbering)
        round_blocks, comparison, round_text = _round_blocks(case, reader or case.owner, numbering)
        conclusions += round_blocks
        conclusions += network_blocks(case, numbering)
        conclusions += partnership_blocks(case, list(case.factors.all()), numbering)
        conclusions += output_blocks(case, numbering)
        if len(conclusions) == 1:
            conclusions.append(
                Block(
                    "paragraph",
                    paragraph(
                        _(
                            "The case holds no assessment, actor network, partnership or program "
                            "output yet, so no conclusion can be drawn"
                        )
                    ),
                )
            )
        groups = _recommendations(case)
        note = method_note(case, score)
        chapter = Chapter(
            case=case,
            language=language,
            score=score,
            title=_("CHAPTER V"),
            subtitle=_("CONCLUSIONS AND RECOMMENDATIONS"),
            conclusions=conclusions,
            recommendation_groups=groups,
            no_recommendations=""
            if groups
            else paragraph(
                _("The researcher has not written any recommendation for this case yet")
            ),
            further_research=paragraph(case.further_research)
            if case.further_research.strip()
            else "",
            appendix=_appendix(case, score, note) if appendix else [],
            comparison=comparison,
            rounds_paragraph=round_text,
            overall=next((b.text for b in conclusions if b.css == "overall"), ""),
            method_note=note,
        )
    return chapter

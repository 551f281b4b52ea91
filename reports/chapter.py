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
from common.numbers import format_rupiah, indonesian_number
from stakeholders.models import Factor, Level, Tie

from . import chapter_findings as findings
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
from .prose import paragraph

__all__ = ["Block", "Chapter", "Exhibit", "VariableSection", "build_chapter", "verdict_phrase"]


@dataclass
class Exhibit:
    """A numbered table or figure: "Tabel 5.1 …", referred to in the text as "Tabel 5.1"."""

    label: str
    caption: str

    @property
    def title(self) -> str:
        return f"{self.label} {self.caption}"


@dataclass
class Block:
    """One piece of the chapter, in reading order: a paragraph, the numbered variables, a
    figure (SVG) or a table."""

    kind: str
    text: str = ""
    sections: list[VariableSection] = field(default_factory=list)
    exhibit: Exhibit | None = None
    svg: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    numeric: tuple[int, ...] = ()
    css: str = ""


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


class _Numbering:
    def __init__(self, chapter_number: int = 5) -> None:
        self.chapter_number = chapter_number
        self.counts = {"table": 0, "figure": 0}

    def next(self, kind: str, caption: str) -> Exhibit:
        self.counts[kind] += 1
        word = _("Table") if kind == "table" else _("Figure")
        return Exhibit(f"{word} {self.chapter_number}.{self.counts[kind]}", caption)


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


def _score_blocks(case: Case, score: CaseScore, numbering: _Numbering) -> list[Block]:
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


def _network_blocks(case: Case, numbering: _Numbering) -> list[Block]:
    from stakeholders import network as network_core
    from stakeholders import selectors as stakeholder_selectors

    levels = {tie.level for tie in case.ties.all()}
    blocks = []
    for level in (Level.INDIVIDUAL, Level.INSTITUTION):
        if level not in levels:
            continue
        analysed = stakeholder_selectors.case_network(case, level=level)
        caption = (
            _("Sociogram of the ties between individuals")
            if level == Level.INDIVIDUAL
            else _("Sociogram of the ties between institutions")
        )
        figure = numbering.next("figure", caption)
        svg = render_to_string(
            "stakeholders/_sociogram.html",
            {
                "sociogram": network_core.sociogram_layout(analysed),
                "network": analysed,
                "svg_id": f"sociogram-{level}",
            },
        )
        blocks.append(Block("paragraph", findings.network_paragraph(analysed, level, figure.label)))
        blocks.append(Block("figure", exhibit=figure, svg=svg))
    return blocks


def _partnership_blocks(case: Case, factors: list[Factor], numbering: _Numbering) -> list[Block]:
    partnerships = list(case.partnerships.all())
    blocks = []
    if partnerships:
        table = numbering.next(
            "table", _("Partnerships between government, private sector and community")
        )
        aims = [f for f in factors if f.kind == Factor.Kind.TUJUAN]
        blocks.append(
            Block("paragraph", findings.partnerships_paragraph(partnerships, aims, table.label))
        )
        blocks.append(
            Block(
                "table",
                exhibit=table,
                headers=[
                    _("Form"),
                    _("Description"),
                    _("Partners"),
                    _("Process"),
                    _("Status"),
                    _("Continued"),
                ],
                rows=[
                    [
                        p.get_form_display(),
                        p.description
                        + (
                            f" ({format_rupiah(p.value_rupiah)})"
                            if p.value_rupiah is not None
                            else ""
                        ),
                        ", ".join(a.name for a in p.partners.all()),
                        p.get_process_display(),
                        p.get_status_display(),
                        _("yes") if p.continued else _("no"),
                    ]
                    for p in partnerships
                ],
            )
        )
    others = [f for f in factors if f.kind != Factor.Kind.TUJUAN]
    if others:
        blocks.append(Block("paragraph", findings.factors_paragraph(others)))
    return blocks


def _output_blocks(case: Case, numbering: _Numbering) -> list[Block]:
    outputs, areas = list(case.outputs.all()), list(case.slum_areas.all())
    if not outputs and not areas:
        return []
    table = numbering.next("table", _("Program outputs"))
    rows = [
        [
            o.location,
            o.activity,
            f"{findings.volume(o.volume)} {o.unit}".strip() if o.volume is not None else "",
            o.get_funding_source_display(),
            format_rupiah(o.amount_rupiah) if o.amount_rupiah is not None else "",
        ]
        for o in outputs
    ]
    rows += [
        [
            area.location,
            _("slum area") + (f" ({area.decree})" if area.decree else ""),
            f"{indonesian_number(area.area_before_ha)} Ha ({area.year_before})"
            + (
                f" → {indonesian_number(area.area_after_ha)} Ha ({area.year_after})"
                if area.area_after_ha is not None
                else ""
            ),
            "",
            "",
        ]
        for area in areas
    ]
    return [
        Block("paragraph", findings.outputs_paragraph(outputs, areas, table.label)),
        Block(
            "table",
            exhibit=table,
            headers=[_("Location (RT/RW)"), _("Activity"), _("Volume"), _("Funding"), _("Amount")],
            rows=rows,
            numeric=(2, 4),
            css="outputs",
        ),
    ]


def _round_blocks(
    case: Case, reader: Visitor, numbering: _Numbering
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
        groups.setdefault(recommendation.addressed_to.strip(), []).append(
            paragraph(recommendation.text)
        )
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


def _appendix(case: Case, score: CaseScore) -> list[Block]:
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
    blocks += [Block("paragraph", line) for line in method_note(case, score)]
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
                "recommendations",
                "outputs",
                "slum_areas",
                "partnerships__partners",
                "factors",
                Prefetch("ties", queryset=Tie.objects.only("id", "case_id", "level")),
            )
            .get(pk=case.pk)
        )
        score = assessment_selectors.case_score_get(case)
        numbering = _Numbering()
        conclusions = [Block("paragraph", _opening(case))]
        conclusions += _score_blocks(case, score, numbering)
        round_blocks, comparison, round_text = _round_blocks(case, reader or case.owner, numbering)
        conclusions += round_blocks
        conclusions += _network_blocks(case, numbering)
        conclusions += _partnership_blocks(case, list(case.factors.all()), numbering)
        conclusions += _output_blocks(case, numbering)
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
            appendix=_appendix(case, score) if appendix else [],
            comparison=comparison,
            rounds_paragraph=round_text,
            overall=next((b.text for b in conclusions if b.css == "overall"), ""),
            method_note=method_note(case, score),
        )
    return chapter

"""BAB V KESIMPULAN DAN SARAN: the chapter's content, composed once for the PDF and the DOCX.

Everything here reads the scoring core's results; nothing computes a verdict of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from assessments import selectors as assessment_selectors
from assessments.models import Case, Rater, Rating, Visitor
from assessments.scoring import (
    CaseScore,
    Level,
    RoundComparison,
    Trend,
    VariableVerdict,
    format_number,
    level_label,
)


def verdict_phrase(level: Level | None) -> str:
    """The verdict the way the theses write it."""
    if level is None:
        return _("has not been assessed yet")
    return {
        "belum_terlaksana": _("has not yet been implemented"),
        "kurang_baik": _("has been implemented, but poorly"),
        "baik_belum_optimal": _("has run well, but not yet optimally"),
        "optimal": _("has run optimally"),
    }.get(level.code, level.label)


@dataclass
class Evidence:
    indicator: str
    quote: str
    attribution: str


@dataclass
class VariableSection:
    number: int
    code: str
    name: str
    name_en: str
    verdict_label: str
    verdict_code: str
    body: str
    evidence: list[Evidence]
    closing: str


@dataclass
class IndicatorRow:
    variable: str
    code: str
    name: str
    score: str
    level: str


@dataclass
class Chapter:
    case: Case
    language: str
    score: CaseScore
    opening: str
    variables: list[VariableSection]
    overall: str
    recommendations: list[tuple[str, str]]
    indicator_rows: list[IndicatorRow]
    method_note: list[str]
    partnerships: list[Any] = field(default_factory=list)
    outputs: list[Any] = field(default_factory=list)
    slum_areas: list[Any] = field(default_factory=list)
    sociogram: dict[str, Any] | None = None
    network: Any = None
    # Since the previous round of the place, when there is one: a paragraph for 5.1 and the
    # appendix table of both rounds.
    rounds_paragraph: str = ""
    comparison: RoundComparison | None = None

    @property
    def round_rows(self) -> list[list[str]]:
        """The appendix table of both rounds: variable, then, now, change."""
        if self.comparison is None:
            return []
        changes = [*self.comparison.variables, self.comparison.overall]
        return [
            [
                f"{c.code} {c.name}".strip(),
                c.then.shown,
                c.now.shown,
                f"{c.arrow} {c.trend.label}",
            ]
            for c in changes
        ]


def rounds_paragraph(comparison: RoundComparison, then_title: str) -> str:
    """ "Dibandingkan putaran 2016 (…), dialog tatap muka naik dari … menjadi …; …." """
    compared = [
        f"{change.name.lower()} {change.words}"
        for change in comparison.variables
        if change.trend != Trend.NOT_COMPARABLE
    ]
    if not compared:
        text = _(
            "No variable can be compared with round %(round)s (%(title)s) yet: one of the two "
            "rounds has not assessed it."
        ) % {"round": comparison.then_label, "title": then_title}
    else:
        text = _("Compared with round %(round)s (%(title)s), %(changes)s.") % {
            "round": comparison.then_label,
            "title": then_title,
            "changes": "; ".join(compared),
        }
        overall = comparison.overall
        if overall.trend != Trend.NOT_COMPARABLE:
            text += " " + _("Overall, collaboration is %(words)s.") % {"words": overall.words}
    cautions = list(comparison.notes) + [
        f"{change.name}: {'; '.join(change.notes)}"
        for change in comparison.variables
        if change.notes
    ]
    if cautions:
        text += " " + _("To be read with: %(notes)s.") % {"notes": "; ".join(cautions)}
    if comparison.not_comparable:
        text += " " + _("Not comparable: %(items)s.") % {
            "items": "; ".join(comparison.not_comparable)
        }
    return text


def _attribution(rating: Rating) -> str:
    who = rating.rater.name
    if rating.rater.kind == Rater.Kind.INFORMANT:
        # By role, never by name.
        role = rating.rater.role.strip()
        who = _("informant, %(role)s") % {"role": role} if role else _("informant")
    parts = [who]
    if rating.source_type:
        parts.append(rating.get_source_type_display())
    if rating.source_detail:
        parts.append(rating.source_detail)
    return ", ".join(parts)


def _carrying_indicators(verdict: VariableVerdict, score: CaseScore) -> set[str]:
    """The indicators whose own score lies in the band of the variable's final verdict; when
    none does (an average of mixed levels), every rated indicator carried it."""
    level = verdict.level
    rated = [i for i in verdict.indicators if i.rated]
    if level is None:
        return set()
    same = {i.spec.code for i in rated if i.level is not None and i.level.value == level.value}
    return same or {i.spec.code for i in rated}


def _variable_section(
    number: int,
    verdict: VariableVerdict,
    score: CaseScore,
    narrative: str,
    ratings: dict[str, list[Rating]],
) -> VariableSection:
    level = verdict.level
    carrying = _carrying_indicators(verdict, score)
    evidence = []
    for indicator in verdict.indicators:
        if indicator.spec.code not in carrying:
            continue
        quoted = [r for r in ratings.get(indicator.spec.code, []) if r.evidence.strip()]
        for rating in quoted[:2]:
            evidence.append(
                Evidence(indicator.spec.name, rating.evidence.strip(), _attribution(rating))
            )
        if not quoted:
            evidence.append(Evidence(indicator.spec.name, "", ""))
    if narrative.strip():
        body = narrative.strip()
    elif level is None:
        body = _("No indicator of this variable has been rated yet.")
    else:
        body = f"{verdict.explanation}."
    label = verdict.label
    closing = _("Thus %(name)s %(phrase)s (%(label)s).") % {
        "name": verdict.spec.name.lower(),
        "phrase": verdict_phrase(level),
        "label": label,
    }
    if verdict.override:
        closing += " " + _(
            "The researcher set this verdict in place of the computed one "
            "(%(computed)s): %(reason)s"
        ) % {
            "computed": verdict.computed_label,
            "reason": verdict.override.reason,
        }
    return VariableSection(
        number=number,
        code=verdict.spec.code,
        name=verdict.spec.name,
        name_en=verdict.spec.name_en,
        verdict_label=label,
        verdict_code=level.code if level else "",
        body=body,
        evidence=evidence,
        closing=closing,
    )


def _method_note(case: Case, score: CaseScore) -> list[str]:
    framework = case.framework
    bands = ", ".join(f"{b.describe()} = {b.level.label}" for b in score.framework.bands)
    agreement = score.agreement
    alpha = format_number(agreement.alpha, 3) if agreement.alpha is not None else "—"
    return [
        _("Framework: %(name)s. %(citation)s")
        % {"name": framework.name, "citation": framework.citation},
        _(
            "Indicator score: %(method)s of the raters' levels; variable score: weighted mean of "
            "the rated indicators; overall verdict: %(overall)s."
        )
        % {
            "method": framework.get_indicator_aggregation_display(),
            "overall": framework.get_overall_method_display(),
        },
        _("Bands (%(banding)s): %(bands)s.")
        % {"banding": framework.get_banding_display(), "bands": bands},
        _(
            "Agreement between raters (ordinal Krippendorff's alpha): %(alpha)s, %(reading)s; "
            "%(raters)d raters over %(units)d shared indicators."
        )
        % {
            "alpha": alpha,
            "reading": agreement.reading_label,
            "raters": agreement.raters,
            "units": agreement.units,
        },
        _robustness_note(score),
    ]


def _robustness_note(score: CaseScore) -> str:
    """Which verdicts another shipped rule would change, and to what."""
    verdicts = [(v.spec.name, v.robustness) for v in score.variables]
    verdicts.append((_("the overall verdict"), score.overall.robustness))
    depending = [
        _("%(name)s (%(alternatives)s)")
        % {
            "name": name,
            "alternatives": "; ".join(
                f"{rule.label}: {level_label(level)}" for rule, level in check.alternatives
            ),
        }
        for name, check in verdicts
        if check is not None and check.reading == "depends_on_rule"
    ]
    if not any(check is not None and check.assessed for _name, check in verdicts):
        return _("Robustness: no verdict has been reached yet to test under other rules.")
    if not depending:
        return _(
            "Robustness: every verdict stays the same under the other shipped rules (median "
            "or mean of the raters; interval class or percentage of the ideal score; median, "
            "mean or lowest level overall)."
        )
    return _(
        "Robustness: under the other shipped rules these verdicts would change: %(list)s. "
        "The others stay the same."
    ) % {"list": "; ".join(depending)}


def build_chapter(case: Case, language: str = "id", *, reader: Visitor | None = None) -> Chapter:
    """Everything the chapter shows, in `language`, loaded in a fixed number of queries. The
    earlier round it compares with is one `reader` (by default the case's owner) may open."""
    from stakeholders import network as network_core
    from stakeholders import selectors as stakeholder_selectors

    with translation.override(language):
        case = (
            Case.objects.select_related("program", "place", "framework")
            .prefetch_related(
                Prefetch(
                    "ratings",
                    queryset=Rating.objects.select_related("indicator", "rater").order_by(
                        "rater__kind", "rater__name"
                    ),
                ),
                "conclusions__variable",
                Prefetch("recommendations"),
                "outputs",
                "slum_areas",
                "partnerships__partners",
            )
            .get(pk=case.pk)
        )
        score = assessment_selectors.case_score_get(case)
        ratings: dict[str, list[Rating]] = {}
        for rating in case.ratings.all():
            if rating.rater.kind == Rater.Kind.INFORMANT and not rating.quotable:
                continue  # an informant's words only once a researcher marked them quotable
            ratings.setdefault(rating.indicator.code, []).append(rating)
        narratives = {
            (c.variable.code if c.variable else None): c.narrative for c in case.conclusions.all()
        }
        opening = _(
            "This chapter concludes the study of %(title)s in the %(program)s program at "
            "%(place)s, %(period)s, analysed with the framework %(framework)s."
        ) % {
            "title": case.title,
            "program": case.program.name,
            "place": case.place.path,
            "period": case.period,
            "framework": case.framework.name,
        }
        sections = [
            _variable_section(
                number, verdict, score, narratives.get(verdict.spec.code, ""), ratings
            )
            for number, verdict in enumerate(score.variables, start=1)
        ]
        overall_level = score.overall.level
        overall = narratives.get(None, "").strip()
        if overall_level is None and score.overall.rated:
            # Short of the variables it needs, the chapter draws no overall conclusion either.
            overall_closing = _("An overall conclusion cannot be drawn yet: %(explanation)s") % {
                "explanation": score.overall.explanation
            }
        else:
            overall_closing = _(
                "Overall, collaboration in this case %(phrase)s (%(label)s). %(explanation)s."
            ) % {
                "phrase": verdict_phrase(overall_level),
                "label": score.overall.label,
                "explanation": score.overall.explanation,
            }
        overall = f"{overall} {overall_closing}".strip()
        recommendations = [(r.text, r.addressed_to) for r in case.recommendations.all()] or [
            (
                _("Strengthen %(name)s, the weakest variable, with the actors who take part in it.")
                % {
                    "name": min(
                        (v for v in score.variables if v.level),
                        key=lambda v: v.level.value if v.level else 0,
                        default=score.variables[0],
                    ).spec.name.lower()
                },
                "",
            )
        ]
        rows = [
            IndicatorRow(
                variable=verdict.spec.code,
                code=indicator.spec.code,
                name=indicator.spec.name,
                score=format_number(indicator.score) if indicator.score is not None else "—",
                level=level_label(indicator.level),
            )
            for verdict in score.variables
            for indicator in verdict.indicators
        ]
        analysed = stakeholder_selectors.case_network(case, level="institution")
        rounds = assessment_selectors.case_rounds_view(reader or case.owner, case)
        chapter = Chapter(
            case=case,
            language=language,
            score=score,
            opening=opening,
            variables=sections,
            overall=overall,
            recommendations=recommendations,
            indicator_rows=rows,
            method_note=_method_note(case, score),
            partnerships=list(case.partnerships.all()),
            outputs=list(case.outputs.all()),
            slum_areas=list(case.slum_areas.all()),
            sociogram=network_core.sociogram_layout(analysed) if analysed.edges else None,
            network=analysed,
            comparison=rounds.comparison,
            rounds_paragraph=rounds_paragraph(rounds.comparison, rounds.then.title)
            if rounds.comparison and rounds.then
            else "",
        )
    return chapter

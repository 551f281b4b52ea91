"""What 5.1 says of a scored case: a paragraph per assessed variable, the overall conclusion in
words, the change since the previous round, and the method note of the appendix. Everything
reads the scoring core's results; nothing computes a verdict of its own."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from assessments.models import Case, Rater, Rating
from assessments.scoring import (
    CaseScore,
    Level,
    OverallMethod,
    OverallVerdict,
    RoundComparison,
    Trend,
    VariableVerdict,
    format_number,
    level_label,
)

from .prose import cite, joined, lower_first, paragraph, quoted


def verdict_phrase(level: Level | None) -> str:
    """The verdict the way the theses write it."""
    if level is None:
        return _("has not been assessed yet")
    return {
        "belum_terlaksana": _("has not yet been implemented"),
        "kurang_baik": _("has been implemented, but poorly"),
        "baik_belum_optimal": _("has run well, but not yet optimally"),
        "optimal": _("has run optimally"),
    }.get(level.code, _("is at the level %(label)s") % {"label": level.label})


@dataclass
class Evidence:
    indicator: str
    quote: str
    citation: str


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


def _carrying_indicators(verdict: VariableVerdict) -> list[str]:
    """The indicators whose own score lies in the band of the variable's final verdict; when
    none does (an average of mixed levels), every rated indicator carried it."""
    level = verdict.level
    rated = [i for i in verdict.indicators if i.rated]
    if level is None:
        return []
    same = [i.spec.code for i in rated if i.level is not None and i.level.value == level.value]
    return same or [i.spec.code for i in rated]


def override_sentence(verdict: VariableVerdict | OverallVerdict) -> str:
    assert verdict.override is not None
    return _(
        "The researcher set this conclusion in place of the computed one (%(computed)s): %(reason)s"
    ) % {"computed": verdict.computed_label.lower(), "reason": verdict.override.reason}


def variable_section(
    number: int, verdict: VariableVerdict, narrative: str, ratings: dict[str, list[Rating]]
) -> VariableSection:
    level = verdict.level
    carrying = _carrying_indicators(verdict)
    by_code = {i.spec.code: i for i in verdict.indicators}
    evidence = [
        Evidence(by_code[code].spec.name, quoted(rating.evidence), cite(rating))
        for code in carrying
        for rating in [r for r in ratings.get(code, []) if r.evidence.strip()][:2]
    ]
    name = lower_first(verdict.spec.name)
    rated, total = verdict.coverage
    sentences = [narrative.strip()] if narrative.strip() else []
    if verdict.score is not None and verdict.scale is not None:
        scored = _("Its score is %(score)s on the scale %(low)d–%(high)d") % {
            "score": format_number(verdict.score),
            "low": verdict.scale.minimum,
            "high": verdict.scale.maximum,
        }
        if rated < total:
            scored += ", " + _(
                "from %(rated)d of its %(total)d indicators; the others are not rated yet"
            ) % {
                "rated": rated,
                "total": total,
            }
        sentences.append(scored)
    if carrying:
        sentences.append(
            _("The conclusion rests above all on %(indicators)s")
            % {"indicators": joined(lower_first(by_code[c].spec.name) for c in carrying)}
        )
    closing = _("Thus %(name)s %(phrase)s") % {"name": name, "phrase": verdict_phrase(level)}
    if verdict.override:
        closing = paragraph(
            closing,
            override_sentence(verdict),
        )
    return VariableSection(
        number=number,
        code=verdict.spec.code,
        name=verdict.spec.name,
        name_en=verdict.spec.name_en,
        verdict_label=verdict.label,
        verdict_code=level.code if level else "",
        body=paragraph(*sentences),
        evidence=evidence,
        closing=paragraph(closing),
    )


def quotable_ratings(case: Case) -> dict[str, list[Rating]]:
    ratings: dict[str, list[Rating]] = {}
    for rating in case.ratings.all():
        if rating.rater.kind == Rater.Kind.INFORMANT and not rating.quotable:
            continue  # an informant's words only once a researcher marked them quotable
        ratings.setdefault(rating.indicator.code, []).append(rating)
    return ratings


def scores_introduction(case: Case, score: CaseScore, figure: str) -> str:
    assessed = [v for v in score.variables if v.assessed]
    text = _(
        "The collaboration process is analysed with the framework %(framework)s; %(assessed)d of "
        "its %(total)d variables are assessed, and their scores are drawn in %(figure)s"
    ) % {
        "framework": case.framework.name,
        "assessed": len(assessed),
        "total": len(score.variables),
        "figure": figure,
    }
    missing = [lower_first(v.spec.name) for v in score.variables if not v.assessed]
    if missing:
        return paragraph(text, _("Not assessed yet: %(names)s") % {"names": joined(missing)})
    return paragraph(text)


OVERALL_METHODS = {
    OverallMethod.MEDIAN: gettext_noop("It is the middle (median) level of the assessed variables"),
    OverallMethod.MEAN: gettext_noop("It follows the mean score of the assessed variables"),
    OverallMethod.MINIMUM: gettext_noop("It follows the weakest assessed variable"),
}


def overall_paragraph(score: CaseScore, narrative: str) -> str:
    overall = score.overall
    if overall.level is None and overall.rated:
        closing = _(
            "An overall conclusion cannot be drawn yet: only %(rated)d of %(total)d variables "
            "are assessed, and the framework needs %(needed)d"
        ) % {"rated": overall.rated, "total": overall.total, "needed": overall.needed}
        return paragraph(narrative, closing)
    if overall.level is None:
        return paragraph(narrative)
    counts = Counter(v.level.value for v in score.variables if v.level is not None)
    levels = {v.level.value: v.level for v in score.variables if v.level is not None}
    spread = joined(
        _("%(count)d of %(total)d variables %(phrase)s")
        % {"count": n, "total": overall.rated, "phrase": verdict_phrase(levels[value])}
        for value, n in sorted(counts.items(), reverse=True)
    )
    sentences = [
        narrative,
        _("Overall, collaboration in this case %(phrase)s")
        % {"phrase": verdict_phrase(overall.level)},
        spread,
    ]
    if overall.override:
        sentences.append(override_sentence(overall))
    else:
        sentences.append(_(OVERALL_METHODS[overall.method]))
    return paragraph(*sentences)


def rounds_paragraph(comparison: RoundComparison, then_title: str, table: str) -> str:
    """ "Dibandingkan putaran 2016 (…), dialog tatap muka naik dari … menjadi …; …." """
    compared = [
        f"{lower_first(change.name)} {change.words}"
        for change in comparison.variables
        if change.trend != Trend.NOT_COMPARABLE
    ]
    values = {"round": comparison.then_label, "title": then_title, "table": table}
    if not compared:
        text = (
            _(
                "No variable can be compared with round %(round)s (%(title)s) yet: one of the two "
                "rounds has not assessed it"
            )
            % values
        )
    else:
        text = _("Compared with round %(round)s (%(title)s, %(table)s), %(changes)s") % {
            **values,
            "changes": "; ".join(compared),
        }
    sentences = [text]
    overall = comparison.overall
    if compared and overall.trend != Trend.NOT_COMPARABLE:
        sentences.append(_("Overall, collaboration is %(words)s") % {"words": overall.words})
    cautions = list(comparison.notes) + [
        f"{change.name}: {'; '.join(change.notes)}"
        for change in comparison.variables
        if change.notes
    ]
    if cautions:
        sentences.append(_("To be read with: %(notes)s") % {"notes": "; ".join(cautions)})
    if comparison.not_comparable:
        sentences.append(
            _("Not comparable: %(items)s") % {"items": "; ".join(comparison.not_comparable)}
        )
    return paragraph(*sentences)


def method_note(case: Case, score: CaseScore) -> list[str]:
    framework = case.framework
    bands = ", ".join(f"{b.describe()} = {b.level.label}" for b in score.framework.bands)
    agreement = score.agreement
    alpha = format_number(agreement.alpha, 3) if agreement.alpha is not None else "—"
    lines = [
        paragraph(_("Framework: %(name)s") % {"name": framework.name}, framework.citation),
        paragraph(
            _(
                "Indicator score: %(method)s of the raters' levels; variable score: weighted mean "
                "of the rated indicators; overall verdict: %(overall)s"
            )
            % {
                "method": framework.get_indicator_aggregation_display(),
                "overall": framework.get_overall_method_display(),
            }
        ),
        paragraph(
            _("Bands (%(banding)s): %(bands)s")
            % {"banding": framework.get_banding_display(), "bands": bands}
        ),
        *(
            paragraph(f"{v.spec.code} {v.spec.name}: {v.explanation}")
            for v in score.variables
            if v.assessed
        ),
        paragraph(_("Overall: %(explanation)s") % {"explanation": score.overall.explanation}),
        paragraph(
            _(
                "Agreement between raters (ordinal Krippendorff's alpha): %(alpha)s, %(reading)s; "
                "%(raters)d raters over %(units)d shared indicators"
            )
            % {
                "alpha": alpha,
                "reading": agreement.reading_label,
                "raters": agreement.raters,
                "units": agreement.units,
            }
        ),
        robustness_note(score),
    ]
    if case.method_note.strip():
        lines.insert(0, paragraph(case.method_note))
    return lines


def robustness_note(score: CaseScore) -> str:
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
        return paragraph(_("Robustness: no verdict has been reached yet to test under other rules"))
    if not depending:
        return paragraph(
            _(
                "Robustness: every verdict stays the same under the other shipped rules (median "
                "or mean of the raters; interval class or percentage of the ideal score; median, "
                "mean or lowest level overall)"
            )
        )
    return paragraph(
        _(
            "Robustness: under the other shipped rules these verdicts would change: %(list)s. "
            "The others stay the same"
        )
        % {"list": "; ".join(depending)}
    )

"""What changed between two rounds of one place: per variable and indicator, matched by code,
the score and verdict then and now, the direction, and what makes the two less comparable
(another framework or scale, fewer indicators rated, fewer raters). Plain values in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

from common.numbers import format_number

from .scale import Level, level_label

# Scores are compared as they are shown, to two decimals: "2,50 → 2,50" is never "naik".
SHOWN_PLACES = 2


class Trend(StrEnum):
    UP = "up"
    DOWN = "down"
    SAME = "same"
    NOT_COMPARABLE = "not_comparable"

    @property
    def arrow(self) -> str:
        return {"up": "↑", "down": "↓", "same": "→", "not_comparable": "–"}[self.value]

    @property
    def label(self) -> str:
        return {
            "up": _("up"),
            "down": _("down"),
            "same": _("unchanged"),
            "not_comparable": _("not comparable"),
        }[self.value]


@dataclass(frozen=True, slots=True)
class Reading:
    """A variable's, an indicator's or the overall stored result in one round."""

    score: float | None
    level: Level | None
    # Indicators (or variables) rated of all; for an indicator, the raters who rated it.
    rated: int = 0
    total: int = 0
    raters: int = 0

    @property
    def shown(self) -> str:
        if self.score is None:
            return level_label(self.level)
        return f"{format_number(self.score, SHOWN_PLACES)} ({level_label(self.level)})"


@dataclass(frozen=True, slots=True)
class Measured:
    code: str
    name: str
    reading: Reading
    # An indicator's variable code; "" for a variable.
    parent: str = ""


@dataclass(frozen=True, slots=True)
class RoundSnapshot:
    """One round as stored: its variables and indicators in the framework's order."""

    label: str
    framework_id: int
    framework_name: str
    scale_values: tuple[int, ...]
    variables: tuple[Measured, ...]
    indicators: tuple[Measured, ...]
    overall: Reading
    # Coders who rated at least one indicator.
    coders: int = 0


@dataclass(frozen=True, slots=True)
class Change:
    code: str
    name: str
    then: Reading
    now: Reading
    then_label: str
    comparable_scale: bool = True
    notes: tuple[str, ...] = ()
    indicators: tuple[Change, ...] = ()

    @property
    def delta(self) -> float | None:
        if self.then.score is None or self.now.score is None or not self.comparable_scale:
            return None
        return round(
            round(self.now.score, SHOWN_PLACES) - round(self.then.score, SHOWN_PLACES),
            SHOWN_PLACES,
        )

    @property
    def trend(self) -> Trend:
        delta = self.delta
        if delta is None and self.comparable_scale and self._levels_only:
            # An overall verdict by median or minimum has a level and no score.
            assert self.then.level is not None and self.now.level is not None
            delta = float(self.now.level.value - self.then.level.value)
        if delta is None:
            return Trend.NOT_COMPARABLE
        if delta > 0:
            return Trend.UP
        return Trend.DOWN if delta < 0 else Trend.SAME

    @property
    def _levels_only(self) -> bool:
        then, now = self.then, self.now
        return then.score is None and now.score is None and None not in (then.level, now.level)

    @property
    def arrow(self) -> str:
        return self.trend.arrow

    @property
    def words(self) -> str:
        values = {"then": self.then.shown, "now": self.now.shown, "round": self.then_label}
        trend = self.trend
        if trend == Trend.UP:
            return _("up from %(then)s to %(now)s") % values
        if trend == Trend.DOWN:
            return _("down from %(then)s to %(now)s") % values
        if trend == Trend.SAME:
            return _("unchanged at %(now)s") % values
        if not self.comparable_scale:
            return _("%(then)s then, %(now)s now, on different scales") % values
        if self.then.level is None and self.now.level is None:
            return _("not assessed in either round")
        if self.then.level is None:
            return _("not assessed in round %(round)s; now %(now)s") % values
        return _("%(then)s in round %(round)s; not assessed now") % values


@dataclass(frozen=True, slots=True)
class RoundComparison:
    then_label: str
    now_label: str
    variables: tuple[Change, ...]
    overall: Change
    # Variables and indicators in only one of the two rounds' frameworks, in words.
    not_comparable: tuple[str, ...]
    # What the whole comparison should be read with (another framework, scale, raters).
    notes: tuple[str, ...]


def _coverage_note(then: Reading, now: Reading, label: str, what: str) -> tuple[str, ...]:
    if (then.rated, then.total) == (now.rated, now.total) or then.score is None:
        return ()
    return (
        _(
            "%(rated)d of %(total)d %(what)s rated now, "
            "%(then_rated)d of %(then_total)d in %(round)s"
        )
        % {
            "rated": now.rated,
            "total": now.total,
            "what": what,
            "then_rated": then.rated,
            "then_total": then.total,
            "round": label,
        },
    )


def _raters_note(then: Reading, now: Reading, label: str) -> tuple[str, ...]:
    if then.raters == now.raters or then.score is None or now.score is None:
        return ()
    return (
        _("%(now)d raters now, %(then)d in %(round)s")
        % {"now": now.raters, "then": then.raters, "round": label},
    )


def _only_in(items: dict[str, Measured], others: dict[str, Measured], label: str) -> list[str]:
    return [
        _("%(code)s %(name)s: only in %(round)s") % {"code": m.code, "name": m.name, "round": label}
        for code, m in items.items()
        if code not in others
    ]


def compare_rounds(then: RoundSnapshot, now: RoundSnapshot) -> RoundComparison:
    """`now` against `then`, variable by variable and indicator by indicator, matched by code."""
    scale_ok = then.scale_values == now.scale_values
    label = then.label
    notes: list[str] = []
    if then.framework_id != now.framework_id:
        notes.append(
            _(
                "The rounds use different frameworks (%(then)s; %(now)s): variables and "
                "indicators are compared by their codes."
            )
            % {"then": then.framework_name, "now": now.framework_name}
        )
    if not scale_ok:
        notes.append(_("The rounds rate on different scales: their scores are not comparable."))
    if then.coders != now.coders:
        notes.append(
            _("%(now)d researchers rated this round, %(then)d rated %(round)s.")
            % {"now": now.coders, "then": then.coders, "round": label}
        )
    then_vars = {m.code: m for m in then.variables}
    now_vars = {m.code: m for m in now.variables}
    then_inds = {(m.parent, m.code): m for m in then.indicators}
    changes = []
    for code, current in now_vars.items():
        before = then_vars.get(code)
        if before is None:
            continue
        indicator_changes = tuple(
            Change(
                m.code,
                m.name,
                then_inds[(code, m.code)].reading,
                m.reading,
                label,
                scale_ok,
                _raters_note(then_inds[(code, m.code)].reading, m.reading, label),
            )
            for m in now.indicators
            if m.parent == code and (code, m.code) in then_inds
        )
        changes.append(
            Change(
                code,
                current.name,
                before.reading,
                current.reading,
                label,
                scale_ok,
                _coverage_note(before.reading, current.reading, label, _("indicators")),
                indicator_changes,
            )
        )
    not_comparable = _only_in(now_vars, then_vars, now.label) + _only_in(
        then_vars, now_vars, then.label
    )
    shared = set(then_vars) & set(now_vars)
    now_inds = {(m.parent, m.code): m for m in now.indicators}
    for items, others, round_label in (
        (now_inds, then_inds, now.label),
        (then_inds, now_inds, label),
    ):
        not_comparable += [
            _("%(code)s %(name)s: only in %(round)s")
            % {"code": m.code, "name": m.name, "round": round_label}
            for key, m in items.items()
            if key[0] in shared and key not in others
        ]
    overall = Change(
        "",
        _("Overall"),
        then.overall,
        now.overall,
        label,
        scale_ok,
        _coverage_note(then.overall, now.overall, label, _("variables")),
    )
    return RoundComparison(
        label, now.label, tuple(changes), overall, tuple(not_comparable), tuple(notes)
    )

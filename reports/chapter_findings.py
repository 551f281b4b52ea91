"""What 5.1 says of a case's actors, partnerships, factors and outputs: each paragraph tells
what the stored rows hold, counted and named, and nothing they do not hold."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from common.numbers import format_rupiah, indonesian_number
from stakeholders.models import Factor, Level, Partnership, ProgramOutput, SlumArea, Tie
from stakeholders.network import Network

from .prose import joined, lower_first, paragraph


def volume(value: Decimal) -> str:
    """2.762,38 m, but 38 unit: a whole count is written without decimals."""
    return indonesian_number(value, 0 if value == value.to_integral_value() else 2)


def _level_phrase(level: str) -> str:
    return _("Among individuals") if level == Level.INDIVIDUAL else _("Among institutions")


def network_paragraph(network: Network, level: str, figure: str) -> str:
    """One level of the actor network: how many ties, their direction, form and strength,
    who dominates whom, and who bridges the others."""
    edges = network.edges
    names = {node.id: node.name for node in network.nodes}
    direction = Counter(e.direction for e in edges)
    form = Counter(e.form for e in edges)
    strength = Counter(e.strength for e in edges)
    total = len(edges)
    actors = len({n for e in edges for n in (e.source, e.target)})
    parts = [
        _("%(level)s, %(ties)s connect %(actors)d actors (%(figure)s)")
        % {
            "level": _level_phrase(level),
            "ties": ngettext("%(n)d tie", "%(n)d ties", total) % {"n": total},
            "actors": actors,
            "figure": figure,
        }
    ]
    symmetric, asymmetric = direction[Tie.Direction.SIMETRIS], direction[Tie.Direction.ASIMETRIS]
    if asymmetric == 0:
        parts.append(_("every tie is symmetric: the actors relate as equals"))
    elif symmetric == 0:
        parts.append(_("every tie is asymmetric: one actor dominates the other"))
    else:
        parts.append(
            _("%(symmetric)d ties are symmetric (equal) and %(asymmetric)d asymmetric")
            % {"symmetric": symmetric, "asymmetric": asymmetric}
        )
    if not form[Tie.Form.KERJA]:
        parts.append(_("every tie is one of kinship or acquaintance"))
    elif not form[Tie.Form.KEKERABATAN]:
        parts.append(_("every tie is a tie of work"))
    else:
        parts.append(
            _("by form, %(kinship)d are ties of kinship or acquaintance and %(work)d ties of work")
            % {"kinship": form[Tie.Form.KEKERABATAN], "work": form[Tie.Form.KERJA]}
        )
    weak = [e for e in edges if e.strength == Tie.Strength.LEMAH]
    weak_kinship = sum(1 for e in weak if e.form == Tie.Form.KEKERABATAN)
    if not weak:
        strength_text = _("every tie is strong: the actors cooperate")
    elif not strength[Tie.Strength.KUAT]:
        strength_text = _("every tie is weak: the actors only know each other")
    else:
        strength_text = _(
            "%(strong)d ties are strong (the actors cooperate) and %(weak)d weak (they only "
            "know each other)"
        ) % {"strong": strength[Tie.Strength.KUAT], "weak": len(weak)}
    if weak:
        strength_text += "; " + _(
            "%(kinship)d of the weak ties are ties of kinship and %(work)d ties of work"
        ) % {"kinship": weak_kinship, "work": len(weak) - weak_kinship}
    parts.append(strength_text)
    dominated: dict[int, list[int]] = defaultdict(list)
    for edge in edges:
        if edge.domination is not None:
            dominated[edge.domination[0]].append(edge.domination[1])
    if dominated:
        clauses = [
            _("%(actor)s dominates %(others)s")
            % {"actor": names[a], "others": joined(names[b] for b in others)}
            for a, others in dominated.items()
        ]
        mutual = any(a in dominated.get(b, []) for a, bs in dominated.items() for b in bs)
        text = _("In the asymmetric ties, %(clauses)s") % {"clauses": "; ".join(clauses)}
        if mutual:
            text += ", " + _("so that some actors dominate each other")
        parts.append(text)
    brokers = sorted(
        (m.betweenness, names[node]) for node, m in network.metrics.items() if m.betweenness > 0
    )
    if brokers:
        betweenness, broker = brokers[-1]
        parts.append(
            _(
                "%(actor)s bridges the most actors (betweenness %(value)s): the shortest paths "
                "between the others pass through this actor most often"
            )
            % {"actor": broker, "value": indonesian_number(betweenness, 2)}
        )
    first, *rest = parts
    return paragraph(f"{first}: {rest[0]}" if rest else first, *rest[1:])


PROCESS_PHRASES: dict[str, str] = {
    Partnership.Process.SKPD: gettext_noop("proposed through an SKPD (musrenbang)"),
    Partnership.Process.PERUSAHAAN: gettext_noop("proposed to a company"),
    Partnership.Process.LANGSUNG: gettext_noop("agreed directly"),
}


def partnerships_paragraph(
    partnerships: Sequence[Partnership], aims: Sequence[Factor], table: str
) -> str:
    forms = Counter(p.get_form_display() for p in partnerships)
    if len(partnerships) == 1:
        opening = _("The case records one partnership (%(table)s)") % {"table": table}
    else:
        opening = _("The case records %(count)d partnerships in %(forms)s (%(table)s)") % {
            "count": len(partnerships),
            "forms": ngettext("%(n)d form", "%(n)d forms", len(forms)) % {"n": len(forms)},
            "table": table,
        }
    sentences = [opening]
    for partnership in partnerships:
        partners = joined(a.name for a in partnership.partners.all())
        description = lower_first(partnership.description.strip().rstrip("."))
        text = f"{partnership.get_form_display()}: {description}"
        if partners:
            text += " " + _("(partners: %(partners)s)") % {"partners": partners}
        if partnership.process:
            text += ", " + _(PROCESS_PHRASES[partnership.process])
        text += ", " + _("status %(status)s") % {"status": partnership.get_status_display()}
        sentences.append(text)
    lasted = [p for p in partnerships if p.continued]
    if len(partnerships) == 1:
        sentences.append(
            _("It continued after the program")
            if lasted
            else _("It is not recorded as continuing after the program")
        )
    elif lasted:
        sentences.append(
            _("%(lasted)d of the %(count)d partnerships continued after the program: %(which)s")
            % {
                "lasted": len(lasted),
                "count": len(partnerships),
                "which": joined(lower_first(p.get_form_display()) for p in lasted),
            }
        )
    else:
        sentences.append(_("None of the partnerships is recorded as continuing after the program"))
    if aims:
        sentences.append(
            _("The partnerships aim %(aims)s") % {"aims": joined(lower_first(a.text) for a in aims)}
        )
    return paragraph(*sentences)


FACTOR_PHRASES = {
    Factor.Kind.PENUNJANG: gettext_noop("The supporting factors are %(items)s"),
    Factor.Kind.KENDALA: gettext_noop("The constraints are %(items)s"),
    Factor.Kind.UPAYA: gettext_noop("The efforts made to sustain it are %(items)s"),
}


def factors_paragraph(factors: Sequence[Factor]) -> str:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for factor in factors:
        by_kind[factor.kind].append(lower_first(factor.text.strip().rstrip(".")))
    return paragraph(
        *(
            _(phrase) % {"items": joined(by_kind[kind])}
            for kind, phrase in FACTOR_PHRASES.items()
            if by_kind[kind]
        )
    )


def outputs_paragraph(
    outputs: Sequence[ProgramOutput], areas: Sequence[SlumArea], table: str
) -> str:
    sentences = []
    if outputs:
        volumes: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        for output in outputs:
            volumes[(lower_first(output.activity), output.unit)] += output.volume or 0
        activities = [
            f"{activity} {volume(amount)} {unit}".strip() if amount else activity
            for (activity, unit), amount in volumes.items()
        ]
        amounts = [o.amount_rupiah for o in outputs if o.amount_rupiah is not None]
        funding = sorted({o.get_funding_source_display() for o in outputs if o.funding_source})
        text = _("The program delivered %(activities)s (%(table)s)") % {
            "activities": joined(activities),
            "table": table,
        }
        if amounts:
            text += ", " + _("worth %(amount)s in all") % {"amount": format_rupiah(sum(amounts))}
        if funding:
            text += ", " + _("funded by %(sources)s") % {"sources": joined(funding)}
        sentences.append(text)
    for area in areas:
        values: dict[str, Any] = {
            "place": area.location,
            "before": indonesian_number(area.area_before_ha),
            "year_before": area.year_before,
        }
        if area.area_after_ha is None:
            sentences.append(
                _("The slum area of %(place)s was %(before)s Ha in %(year_before)s") % values
            )
            continue
        values.update(after=indonesian_number(area.area_after_ha), year_after=area.year_after)
        if area.area_after_ha < area.area_before_ha:
            phrase = _(
                "The slum area of %(place)s shrank from %(before)s Ha in %(year_before)s to "
                "%(after)s Ha in %(year_after)s"
            )
        elif area.area_after_ha > area.area_before_ha:
            phrase = _(
                "The slum area of %(place)s grew from %(before)s Ha in %(year_before)s to "
                "%(after)s Ha in %(year_after)s"
            )
        else:
            phrase = _(
                "The slum area of %(place)s stayed at %(before)s Ha from %(year_before)s to "
                "%(year_after)s"
            )
        sentences.append(phrase % values)
    return paragraph(*sentences)

"""The parts of BAB V that show a case's stakeholders: the actor network with a sociogram per
level, the partnerships and their factors, the program outputs and the slum area, each a
paragraph in words and its numbered table or figure."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from assessments.models import Case
from common.numbers import format_rupiah, indonesian_number
from stakeholders.models import Factor, Level

from . import chapter_findings as findings
from .chapter_scores import VariableSection


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


class Numbering:
    def __init__(self, chapter_number: int = 5) -> None:
        self.chapter_number = chapter_number
        self.counts = {"table": 0, "figure": 0}

    def next(self, kind: str, caption: str) -> Exhibit:
        self.counts[kind] += 1
        word = _("Table") if kind == "table" else _("Figure")
        return Exhibit(f"{word} {self.chapter_number}.{self.counts[kind]}", caption)


def network_blocks(case: Case, numbering: Numbering) -> list[Block]:
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


def partnership_blocks(case: Case, factors: list[Factor], numbering: Numbering) -> list[Block]:
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


def output_blocks(case: Case, numbering: Numbering) -> list[Block]:
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

"""The chapter as DOCX: real headings and numbered paragraphs a thesis writer can paste."""

from __future__ import annotations

import io

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from common.numbers import format_rupiah, indonesian_number
from common.spreadsheets import xml_safe

from .chapter import Chapter


def _restart_numbering(document, paragraphs) -> None:
    """Word's "List Number" continues across the document; Saran starts again at 1."""
    style = document.styles["List Number"]
    num_id = style.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.numbering_definitions._numbering
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    fresh = numbering.add_num(abstract_id)
    fresh.add_lvlOverride(ilvl=0).add_startOverride(1)
    for paragraph in paragraphs:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = fresh.numId


def _thesis_format(document) -> None:
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21)
        section.left_margin, section.top_margin = Cm(4), Cm(4)
        section.right_margin, section.bottom_margin = Cm(3), Cm(3)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.paragraph_format.line_spacing = 1.5
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        heading = document.styles[name]
        heading.font.name = "Times New Roman"
        heading.font.size = Pt(14 if name == "Heading 1" else 12)
        heading.font.bold = True
        heading.font.color.rgb = None


def _table(document, headers: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = xml_safe(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = xml_safe(text)


def render_docx(chapter: Chapter) -> bytes:
    english = chapter.language == "en"
    with translation.override(chapter.language):
        document = Document()
        _thesis_format(document)
        title = document.add_heading("BAB V", level=1)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        subtitle = document.add_heading(
            "CONCLUSIONS AND RECOMMENDATIONS" if english else "KESIMPULAN DAN SARAN", level=1
        )
        subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_heading("5.1 " + ("Conclusions" if english else "Kesimpulan"), level=2)
        document.add_paragraph(xml_safe(chapter.opening))
        for section in chapter.variables:
            paragraph = document.add_paragraph(style="List Number")
            paragraph.add_run(xml_safe(section.name)).bold = True
            if section.name_en and not english:
                paragraph.add_run(" (")
                paragraph.add_run(xml_safe(section.name_en)).italic = True
                paragraph.add_run(")")
            paragraph.add_run(xml_safe(f". {section.body}"))
            for item in section.evidence:
                if item.quote:
                    line = f"{item.indicator}: {item.quote}"
                    line += f" ({item.attribution})" if item.attribution else ""
                else:
                    line = item.indicator
                paragraph.add_run(xml_safe("\n– " + line)).font.size = Pt(11)
            paragraph.add_run(xml_safe("\n" + section.closing))
        document.add_paragraph(xml_safe(chapter.overall))
        if chapter.rounds_paragraph:
            document.add_paragraph(xml_safe(chapter.rounds_paragraph))
        document.add_heading("5.2 " + ("Recommendations" if english else "Saran"), level=2)
        saran = []
        for text, addressed in chapter.recommendations:
            line = text + (f" ({_('addressed to')}: {addressed})" if addressed else "")
            saran.append(document.add_paragraph(xml_safe(line), style="List Number"))
        _restart_numbering(document, saran)

        document.add_page_break()
        document.add_heading(_("Appendix"), level=2)
        document.add_paragraph(_("Indicator scores"))
        _table(
            document,
            [_("Variable"), _("Indicator"), _("Score"), _("Level")],
            [[r.variable, f"{r.code} {r.name}", r.score, r.level] for r in chapter.indicator_rows],
        )
        if chapter.comparison:
            document.add_paragraph(
                _("Round %(then)s against round %(now)s")
                % {"then": chapter.comparison.then_label, "now": chapter.comparison.now_label}
            )
            _table(
                document,
                [
                    _("Variable"),
                    chapter.comparison.then_label,
                    chapter.comparison.now_label,
                    _("Change"),
                ],
                chapter.round_rows,
            )
        if chapter.outputs:
            document.add_paragraph(_("Program outputs (evidence for intermediate outcomes)"))
            _table(
                document,
                [_("Location (RT/RW)"), _("Activity"), _("Volume"), _("Funding"), _("Amount")],
                [
                    [
                        o.location,
                        o.activity,
                        f"{indonesian_number(o.volume)} {o.unit}".strip(),
                        o.get_funding_source_display(),
                        format_rupiah(o.amount_rupiah),
                    ]
                    for o in chapter.outputs
                ],
            )
        if chapter.partnerships:
            document.add_paragraph(_("Partnerships (kemitraan)"))
            _table(
                document,
                [_("Form"), _("Description"), _("Partners"), _("Status")],
                [
                    [
                        p.get_form_display(),
                        p.description,
                        ", ".join(a.name for a in p.partners.all()),
                        p.get_status_display(),
                    ]
                    for p in chapter.partnerships
                ],
            )
        document.add_heading(_("Method note"), level=3)
        for line in chapter.method_note:
            document.add_paragraph(xml_safe(line))
        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()

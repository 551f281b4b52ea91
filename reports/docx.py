"""The chapter as DOCX: real headings and numbered paragraphs a thesis writer can paste."""

from __future__ import annotations

import io

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from common.spreadsheets import xml_safe

from . import prose
from .chapter import Block, Chapter


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
    caption = document.styles["Caption"]
    caption.font.name = "Times New Roman"
    caption.font.size = Pt(12)
    caption.font.bold, caption.font.italic = True, False
    caption.font.color.rgb = None


def _prose(paragraph, text: str, language: str, *, size: Pt | None = None) -> None:
    """The text as runs, its foreign terms italic (reports.prose)."""
    for part, italic in prose.runs(xml_safe(text), language):
        run = paragraph.add_run(part)
        run.italic = italic or None
        if size is not None:
            run.font.size = size


def _caption(document, text: str, language: str) -> None:
    caption = document.add_paragraph(style="Caption")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _prose(caption, text, language)


def _table(document, block: Block, language: str) -> None:
    if block.exhibit is not None:
        _caption(document, block.exhibit.title, language)  # a table's caption sits above it
    table = document.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
        cell.text = xml_safe(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in block.rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = xml_safe(text)


def _figure(document, block: Block, language: str) -> None:
    """The same SVG as the PDF's, rasterised for Word; its caption below it."""
    import cairosvg  # type: ignore[import-untyped]  # no stubs published

    png = cairosvg.svg2png(bytestring=block.svg.encode("utf-8"), output_width=1600)
    document.add_picture(io.BytesIO(png), width=Cm(12))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if block.exhibit is not None:
        _caption(document, block.exhibit.title, language)


def _variables(document, block: Block, language: str) -> list:
    english = language == "en"
    numbered = []
    for section in block.sections:
        paragraph = document.add_paragraph(style="List Number")
        paragraph.add_run(xml_safe(section.name)).bold = True
        if section.name_en and not english:
            paragraph.add_run(" (")
            paragraph.add_run(xml_safe(section.name_en)).italic = True
            paragraph.add_run(")")
        paragraph.add_run(". ")
        _prose(paragraph, section.body, language)
        for item in section.evidence:
            line = f"\n{item.indicator}: {item.quote}"
            line += f" ({item.citation})" if item.citation else ""
            _prose(paragraph, line, language, size=Pt(11))
        _prose(paragraph, "\n" + section.closing, language)
        numbered.append(paragraph)
    return numbered


def _blocks(document, blocks: list[Block], language: str) -> None:
    for block in blocks:
        if block.kind == "paragraph":
            _prose(document.add_paragraph(), block.text, language)
        elif block.kind == "heading":
            document.add_heading(xml_safe(block.text), level=3)
        elif block.kind == "variables":
            _variables(document, block, language)
        elif block.kind == "figure":
            _figure(document, block, language)
        elif block.kind == "table":
            _table(document, block, language)


def render_docx(chapter: Chapter) -> bytes:
    language = chapter.language
    with translation.override(language):
        document = Document()
        _thesis_format(document)
        for text in (chapter.title, chapter.subtitle):
            document.add_heading(text, level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
        document.add_heading("5.1 " + pgettext("chapter", "Conclusions"), level=2)
        _blocks(document, chapter.conclusions, language)
        document.add_heading("5.2 " + pgettext("chapter", "Recommendations"), level=2)
        if chapter.no_recommendations:
            _prose(document.add_paragraph(), chapter.no_recommendations, language)
        for group in chapter.recommendation_groups:
            if group.heading:
                document.add_heading(xml_safe(group.heading), level=3)
            items = []
            for text in group.items:
                items.append(document.add_paragraph(style="List Number"))
                _prose(items[-1], text, language)
            _restart_numbering(document, items)
        if chapter.further_research:
            document.add_heading(_("For further research"), level=3)
            _prose(document.add_paragraph(), chapter.further_research, language)
        if chapter.appendix:
            document.add_page_break()
            document.add_heading(_("APPENDIX"), level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
            _blocks(document, chapter.appendix, language)
        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()

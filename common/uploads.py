"""Reading a spreadsheet someone uploaded, without trusting it: a size cap, no macros, no
encrypted or legacy workbooks, no zip bombs, XML parsed through defusedxml (openpyxl uses it
when it is installed), and formulas read as the text they are, never run."""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import ApplicationError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and every password-protected .xlsx
ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass(frozen=True)
class Table:
    """One sheet's header and rows; `first_row` is the spreadsheet row number of rows[0]."""

    sheet: str
    header: list[str]
    rows: list[list[Any]]
    first_row: int = 2


def _check_workbook_zip(content: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise file_refused(_("The file is neither an XLSX workbook nor a CSV file.")) from None
    names = archive.namelist()
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise file_refused(_("Workbooks with macros (.xlsm) are refused: save it as .xlsx."))
    unpacked = sum(info.file_size for info in archive.infolist())
    packed = max(sum(info.compress_size for info in archive.infolist()), 1)
    if unpacked > settings.IMPORT_MAX_UNPACKED_BYTES or unpacked / packed > 200:
        raise file_refused(_("The workbook unpacks to far more than it holds; it is refused."))
    if "xl/workbook.xml" not in names:
        raise file_refused(_("The file is a zip archive, not an XLSX workbook."))


def _cell(value: Any) -> Any:
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date()
    return value


def read_tables(content: bytes, filename: str) -> list[Table]:
    """The sheets of an XLSX workbook, or the one table of a CSV file."""
    if len(content) > settings.IMPORT_MAX_BYTES:
        raise file_refused(
            _("The file is larger than %(limit)d kB.")
            % {"limit": settings.IMPORT_MAX_BYTES // 1024}
        )
    if not content.strip():
        raise file_refused(_("The file is empty."))
    if content.startswith(OLE_SIGNATURE):
        raise file_refused(
            _(
                "Encrypted or old-format (.xls) workbooks cannot be read: remove the password "
                "and save it as .xlsx."
            )
        )
    if content.startswith(ZIP_SIGNATURE):
        _check_workbook_zip(content)
        from openpyxl import load_workbook

        try:
            # data_only=False: a formula comes back as its text ("=1+2"), never computed.
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise file_refused(
                _("The workbook cannot be read: %(error)s") % {"error": error}
            ) from None
        tables = []
        for sheet in book.worksheets:
            rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            if rows:
                header = [str(v).strip() if v is not None else "" for v in rows[0]]
                tables.append(Table(sheet.title, header, rows[1:]))
        book.close()
        return tables
    if filename.lower().endswith((".xlsx", ".xlsm", ".xls")):
        raise file_refused(_("The file is not a readable XLSX workbook."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise file_refused(_("A CSV file must be saved as UTF-8.")) from None
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise file_refused(_("The file is empty."))
    header = [h.strip() for h in rows[0]]
    return [Table("CSV", header, [list(r) for r in rows[1:]])]


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class Plan:
    """What an import would do, row by row: each row "new", "changed" or "unchanged"."""

    rows: list[Any] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def summary(self) -> dict[str, int]:
        return {status: self.count(status) for status in ("new", "changed", "unchanged")}


def status_label(status: str) -> str:
    return {"new": _("new"), "changed": _("changed"), "unchanged": _("unchanged")}[status]


def refused(errors: list[CellError]) -> ApplicationError:
    """All the file's errors at once: a sentence for forms, every cell for the API and page."""
    return ApplicationError(
        {
            "file": [
                _("%(count)d problems in the file; nothing was saved.") % {"count": len(errors)}
            ]
        },
        detail={"file": [error.as_dict() for error in errors]},
    )


def file_refused(message: str) -> ApplicationError:
    return refused([CellError("", 0, "", message)])

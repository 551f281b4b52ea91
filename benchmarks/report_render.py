"""Renders each demo case's BAB V (PDF with its charts and sociograms, and DOCX) ten times and
prints seconds per report and per page.

Goal: at most 0.17 s per PDF page on the project machine (2 cores). Run with:
    .venv/bin/python benchmarks/report_render.py
It uses a throwaway SQLite database, so it never touches yours.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(runs: int = 10) -> None:
    database = Path(tempfile.mkdtemp()) / "benchmark.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kolaborasi.settings.local")
    import django

    django.setup()
    from django.core.management import call_command
    from pypdf import PdfReader

    call_command("migrate", verbosity=0)
    from assessments.models import Case
    from demo.loader import load_demo
    from reports.services import case_report

    load_demo(create_logins=False)
    for case in Case.objects.order_by("pk"):
        case_report(case=case, kind="pdf")  # warm up fonts and templates
        timings, pages = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            report = case_report(case=case, kind="pdf")
            timings.append(time.perf_counter() - start)
            pages = len(PdfReader(io.BytesIO(report.content)).pages)
        docx = []
        for _ in range(runs):
            start = time.perf_counter()
            case_report(case=case, kind="docx")
            docx.append(time.perf_counter() - start)
        per_report = statistics.mean(timings)
        print(f"{case.title[:60]}: {pages} pages")
        print(
            f"  PDF seconds per report: mean {per_report:.3f}, min {min(timings):.3f}, "
            f"max {max(timings):.3f}; per page {per_report / pages:.3f} (goal: at most 0.170)"
        )
        print(f"  DOCX seconds per report: mean {statistics.mean(docx):.3f}")


if __name__ == "__main__":
    main()

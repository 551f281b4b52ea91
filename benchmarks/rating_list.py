"""One list of 500 ratings through the API, with history and stored scores: first saves, then
changes of every one. A script that prints figures, not a timed test.
Run with (PostgreSQL, as in production):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kolaborasi_bench_1100 \\
        .venv/bin/python benchmarks/rating_list.py
Goal on the project machine: 500 ratings ≤ 1 s.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kolaborasi.settings.test")


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    from assessments import selectors, services
    from assessments.models import Case, Indicator, Rating, User

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    owner, _ = User.objects.get_or_create(username="bench-daftar", defaults={"role": "researcher"})
    case = services.case_create(
        owner=owner,
        title="[Benchmark] daftar penilaian",
        program=selectors.program_list().get(code="kotaku"),
        place=services.place_ensure(code="21.72.03.1005"),
        year_start=2020,
        year_end=2020,
    )
    try:
        indicators = list(Indicator.objects.filter(framework=case.framework).order_by("pk"))
        raters = [
            services.rater_create(case=case, name=f"Penilai {n:02d}")
            for n in range(-(-500 // len(indicators)))
        ]
        pairs = [(i, r) for r in raters for i in indicators][:500]
        client = APIClient()
        client.force_authenticate(owner)
        for label, value in (("500 first saves", 2), ("500 changes", 3)):
            body = [{"indicator": i.code, "rater": r.pk, "value": value} for i, r in pairs]
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.post(f"/api/v1/cases/{case.pk}/ratings/", body, format="json")
            elapsed = (time.perf_counter() - start) * 1000
            if os.environ.get("SHOW_QUERIES"):
                from collections import Counter

                shapes = Counter(q["sql"][:90] for q in queries.captured_queries)
                for shape, n in shapes.most_common(4):
                    print("   ", n, shape)
            assert response.status_code == 200, response.content[:500]
            print(f"  {label:20} {elapsed:8.0f} ms, {len(queries.captured_queries)} queries")
        history = Rating.history.filter(case_id=case.pk).count()
        print(f"  history rows kept    {history:8d}")
    finally:
        services.case_delete(case=Case.objects.get(pk=case.pk), user=owner)


if __name__ == "__main__":
    main()

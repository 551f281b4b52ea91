"""Dashboards, lists and writes at national scale, on the PostgreSQL server.

For each size (11,000 cases, then 1,100) it uses the database `kolaborasi_bench_<size>` on the
server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432), creating, migrating
and filling it with `generate_synthetic` the first time, and prints the median server time of
20 warm requests (in-process, so no network) for each page, and one full `rescore`.
Run with:
    .venv/bin/python benchmarks/dashboards.py [--sizes 11000 1100] [--runs 20]
Goals on the project machine (2 cores): national dashboard ≤ 100 ms, province and city
≤ 50 ms, scores list and home page ≤ 100 ms, a rating write with its stored scores ≤ 50 ms,
full rescore of 11,000 cases ≤ 60 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SERVER = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")


def ensure_database(name: str) -> bool:
    """Creates the database if it is missing; True when it was created."""
    import psycopg2

    connection = psycopg2.connect(f"{SERVER}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone():
            return False
        cursor.execute(f'CREATE DATABASE "{name}"')
    return True


def median_ms(call, runs: int) -> float:
    call()  # warm
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def measure(size: int, runs: int) -> dict[str, float]:
    """The figures of one database, filled to `size` synthetic cases if it has fewer."""
    from django.core.management import call_command
    from django.test import Client

    from assessments.models import Case, Indicator, Rater, User

    call_command("migrate", verbosity=0)
    synthetic = Case.objects.filter(owner__username="sintetis").count()
    if synthetic < size:
        with open(os.devnull, "w") as quiet:
            call_command("generate_synthetic", cases=size - synthetic, seed=7, stderr=quiet)
    viewer, _ = User.objects.get_or_create(username="bench-nasional", defaults={"role": "pokja"})
    client = Client()
    client.force_login(viewer)
    case = Case.objects.filter(owner__username="sintetis").earliest("pk")
    rater = Rater.objects.filter(case=case).earliest("pk")
    indicator = Indicator.objects.filter(framework=case.framework).earliest("pk")
    owner = case.owner
    writer = Client()
    writer.force_login(owner)
    values = iter(range(10**6))

    def rate() -> None:
        body = [{"indicator": indicator.code, "rater": rater.pk, "value": 1 + next(values) % 4}]
        response = writer.post(f"/api/v1/cases/{case.pk}/ratings/", body, "application/json")
        assert response.status_code == 200, response.content

    def get(url: str):
        def call() -> None:
            assert client.get(url).status_code == 200, url

        return call

    province = case.place_id[:2]
    city = case.place_id[:5]
    figures: dict[str, float] = {
        "national dashboard": median_ms(get("/dasbor/?place="), runs),
        "national dashboard API": median_ms(get("/api/v1/dashboard/?place="), runs),
        "national dashboard over rounds": median_ms(get("/dasbor/?place=&over=round"), runs),
        "province dashboard": median_ms(get(f"/dasbor/?place={province}"), runs),
        "city dashboard": median_ms(get(f"/dasbor/?place={city}"), runs),
        "scores list, first page of 100": median_ms(get("/api/v1/scores/?page_size=100"), runs),
        "home page of a national viewer": median_ms(get("/"), runs),
        "one rating write with its stored scores": median_ms(rate, runs),
    }
    # The last round of the longest chain: its page and its comparison read every round.
    later = Case.objects.filter(owner=owner, next_round__isnull=True, previous_round__isnull=False)
    last = later.order_by("-round_number", "pk").first()
    if last is not None:
        figures[f"case page of round {last.round_number}"] = median_ms(
            get(f"/cases/{last.pk}/"), runs
        )
        figures["comparison API"] = median_ms(get(f"/api/v1/cases/{last.pk}/comparison/"), runs)
    start = time.perf_counter()
    with open(os.devnull, "w") as quiet:
        call_command("rescore", stderr=quiet, stdout=quiet)
    figures["full rescore"] = (time.perf_counter() - start) * 1000
    figures["cases"] = Case.objects.count()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[11000, 1100])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one:
        # A child process: one database, one Django set-up.
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kolaborasi.settings.test")
        import django

        django.setup()
        from django.conf import settings

        settings.ALLOWED_HOSTS = ["testserver"]
        print(json.dumps(measure(options.one, options.runs)))
        return
    results = {}
    for size in options.sizes:
        name = f"kolaborasi_bench_{size}"
        ensure_database(name)
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--runs", str(options.runs)],
            env={**os.environ, "DATABASE_URL": f"{SERVER}/{name}"},
            capture_output=True,
            text=True,
            check=True,
        )
        results[size] = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"\n{results[size].pop('cases')} cases in {name}, median of {options.runs} warm runs:"
        )
        for label, ms in results[size].items():
            print(f"  {label:45} {ms:9.1f} ms")
    if len(results) > 1:
        big, small = max(results), min(results)
        print(f"\nfrom {small} to {big} cases, time grew by (goal: at most x2):")
        for label, ms in results[big].items():
            twin = next(
                (k for k in results[small] if k.split(" (")[0] == label.split(" (")[0]), None
            )
            if twin and results[small][twin]:
                print(f"  {label:45} x{ms / results[small][twin]:.2f}")


if __name__ == "__main__":
    main()

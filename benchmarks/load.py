"""Load: 50 concurrent users for 60 seconds over a realistic mix, against gunicorn on the
PostgreSQL bench database. A script that prints figures, not a timed test.

    .venv/bin/python benchmarks/load.py [--users 50] [--seconds 60] [--worker-class gthread]

It starts gunicorn itself (2 workers; gthread with 4 threads each, or sync) on the database of
BENCH_DATABASE_URL (default: kolaborasi_bench_11000, filled by benchmarks/dashboards.py), signs
the users in by making their sessions, and each user loops over: the national dashboard, the
home page, a case page, the scores list and the dashboard API (Pokja and researchers reading),
and a rating write on their own case. Prints requests, errors, p50/p95 and requests per second.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kolaborasi_bench_11000"
)
PORT = 8765
CSRF = "a" * 32  # a token the client picks, sent as cookie and header, as a browser would
MIX = [  # (weight, label)
    (30, "national dashboard"),
    (20, "home page"),
    (20, "case page"),
    (15, "scores list"),
    (10, "dashboard API"),
    (5, "rating write"),
]


def sessions(users: int) -> tuple[str, list[tuple[str, int, int]]]:
    """A Pokja viewer's session cookie, and per writer (session cookie, case, rater)."""
    os.environ["DATABASE_URL"] = DATABASE
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kolaborasi.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from assessments.models import Case, Rater, User

    def cookie(user: User) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"

    viewer, _ = User.objects.get_or_create(username="bench-nasional", defaults={"role": "pokja"})
    owner = User.objects.get(username="sintetis")
    writer = cookie(owner)
    cases = list(Case.objects.filter(owner=owner).order_by("pk")[:users])
    raters = {r.case_id: r.pk for r in Rater.objects.filter(case__in=cases).order_by("-pk")}
    return cookie(viewer), [(writer, case.pk, raters[case.pk]) for case in cases]


def request(url: str, cookie: str, body: bytes | None = None) -> int:
    headers = {"Cookie": cookie}
    if body is not None:
        headers.update({"Content-Type": "application/json", "X-CSRFToken": CSRF})
        headers["Cookie"] += f"; csrftoken={CSRF}"
    call = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(call, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--worker-class", choices=["gthread", "sync"], default="gthread")
    options = parser.parse_args()
    viewer, writers = sessions(options.users)
    threads = ["--threads", "4"] if options.worker_class == "gthread" else []
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "kolaborasi.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            "2",
            "-k",
            options.worker_class,
            *threads,
            "--timeout",
            "60",
        ],
        env={
            **os.environ,
            "DATABASE_URL": DATABASE,
            "DJANGO_SETTINGS_MODULE": "kolaborasi.settings.test",
            "ALLOWED_HOSTS": "127.0.0.1",
        },
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            try:
                request(f"{base}/accounts/login/", "")
                break
            except OSError:
                time.sleep(0.2)
        results: list[tuple[str, float, int]] = []
        lock = threading.Lock()
        deadline = time.monotonic() + options.seconds

        def user(number: int) -> None:
            rng = random.Random(number)
            writer, case, rater = writers[number % len(writers)]
            labels = [label for _, label in MIX]
            weights = [weight for weight, _ in MIX]
            while time.monotonic() < deadline:
                label = rng.choices(labels, weights)[0]
                start = time.perf_counter()
                try:
                    if label == "national dashboard":
                        status = request(f"{base}/dasbor/?place=", viewer)
                    elif label == "home page":
                        status = request(f"{base}/", viewer)
                    elif label == "case page":
                        status = request(f"{base}/cases/{case}/", viewer)
                    elif label == "scores list":
                        status = request(f"{base}/api/v1/scores/?page_size=50", viewer)
                    elif label == "dashboard API":
                        status = request(f"{base}/api/v1/dashboard/?place=", viewer)
                    else:
                        value = rng.randint(1, 4)
                        body = f'[{{"indicator": "FTF1", "rater": {rater}, "value": {value}}}]'
                        status = request(
                            f"{base}/api/v1/cases/{case}/ratings/", writer, body.encode()
                        )
                except OSError:
                    status = 0
                with lock:
                    results.append((label, time.perf_counter() - start, status))

        workers = [threading.Thread(target=user, args=(n,)) for n in range(options.users)]
        started = time.monotonic()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait()
    times = sorted(t for _, t, _ in results)
    errors = [r for r in results if not 200 <= r[2] < 400]
    print(f"{options.users} users, {options.seconds} s, gunicorn 2 x {options.worker_class}")
    print(f"  requests {len(results)}, errors {len(errors)}, {len(results) / elapsed:.1f} req/s")
    p50, p95 = statistics.median(times) * 1000, times[int(len(times) * 0.95)] * 1000
    print(f"  p50 {p50:.0f} ms, p95 {p95:.0f} ms")
    for _, label in MIX:
        mine = sorted(t for name, t, _ in results if name == label)
        if mine:
            print(
                f"  {label:20} {len(mine):6d}  p50 {statistics.median(mine) * 1000:6.0f} ms"
                f"  p95 {mine[int(len(mine) * 0.95)] * 1000:6.0f} ms"
            )
    if errors:
        print("  error statuses:", sorted({status for _, _, status in errors}))


if __name__ == "__main__":
    main()

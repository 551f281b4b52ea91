"""Batches of reports built by the Celery task: eagerly without a broker, and through the real
Redis broker with a worker when one is configured (CI's PostgreSQL run)."""

from __future__ import annotations

import io
import os
import time
import zipfile

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from assessments.models import Program, User
from demo.loader import load_demo
from kolaborasi.celery import app
from reports import services
from reports.models import Job
from tests.factories import UserFactory


@pytest.fixture
def demo_user(db):
    with override_settings(DEBUG=True):
        load_demo(create_logins=True)
    return User.objects.get(username="demo")


@pytest.fixture
def eager():
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


def zip_names(job: Job) -> list[str]:
    with job.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        return sorted(archive.namelist())


@pytest.mark.django_db
def test_a_batch_zips_every_report_of_the_program(
    demo_user, eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.report_batch_start(
            user=demo_user, program=Program.objects.get(code="kotaku")
        )
    job.refresh_from_db()
    assert (job.status, job.progress, job.total) == ("done", 2, 2)
    names = zip_names(job)
    assert len(names) == 2 and all(n.startswith("bab-v-") and n.endswith("-id.pdf") for n in names)
    finished = job.finished
    services.report_batch_build(str(job.pk))  # idempotent: a finished job stays as it is
    job.refresh_from_db()
    assert job.finished == finished


@pytest.mark.django_db
def test_a_batch_by_place_includes_everything_inside_it(
    demo_user, eager, django_capture_on_commit_callbacks
):
    from assessments.models import Place

    with django_capture_on_commit_callbacks(execute=True):
        job = services.report_batch_start(
            user=demo_user, place=Place.objects.get(code="33"), format="docx", language="en"
        )
    job.refresh_from_db()
    assert job.total == 2  # Kebondalem (Kendal) and Podosugih (Pekalongan), Jawa Tengah
    assert all(n.endswith("-en.docx") for n in zip_names(job))


@pytest.mark.django_db
def test_a_batch_needs_a_program_or_a_place(demo_user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.report_batch_start(user=demo_user)
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_jobs_api_and_pages(client, demo_user, eager, django_capture_on_commit_callbacks):
    client.force_login(demo_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/jobs/", {"program": "plpbk", "format": "pdf"}, content_type="application/json"
        )
    assert response.status_code == 202, response.content
    job_id = response.json()["id"]
    body = client.get(f"/api/v1/jobs/{job_id}/").json()
    assert (body["status"], body["progress"], body["total"]) == ("done", 2, 2)
    download = client.get(body["download"])
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert client.post("/api/v1/jobs/", {}, content_type="application/json").status_code == 400
    page = client.get(reverse("report-job", args=[job_id]), headers={"HX-Request": "true"})
    assert 'data-status="done"' in page.content.decode()
    client.force_login(UserFactory(username="lain"))
    assert client.get(f"/api/v1/jobs/{job_id}/").status_code == 404
    assert client.get(reverse("report-job-download", args=[job_id])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_batch_runs_on_the_real_broker_with_a_worker():
    if not os.environ.get("CELERY_BROKER_URL") or connection.vendor == "sqlite":
        pytest.skip("needs CELERY_BROKER_URL and a server database (CI's PostgreSQL run)")
    from celery.contrib.testing.worker import start_worker

    with override_settings(DEBUG=True):
        load_demo(create_logins=True)
    user = User.objects.get(username="demo")
    assert not app.conf.task_always_eager
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        job = services.report_batch_start(user=user, program=Program.objects.get(code="plpbk"))
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.status in ("done", "failed"):
                break
            time.sleep(0.5)
    assert (job.status, job.progress, job.total) == ("done", 2, 2), job.error
    assert len(zip_names(job)) == 2


@pytest.mark.django_db
def test_pokja_viewers_start_no_batch_on_the_page_nor_in_the_api(client):
    pokja = UserFactory(username="pokja-batch", role=User.Role.POKJA)
    client.force_login(pokja)
    page = client.get(reverse("report-batch"))
    assert page.status_code == 200 and 'name="format"' not in page.content.decode()
    assert client.post(reverse("report-batch"), {"program": "kotaku"}).status_code == 403
    assert client.post("/api/v1/jobs/", {"program": "kotaku"}).status_code == 403
    assert not Job.objects.exists()


@pytest.mark.django_db
def test_a_user_has_at_most_the_set_number_of_batches_waiting(client, settings):
    settings.REPORT_BATCHES_PER_USER = 1
    researcher = UserFactory(username="peneliti-batch")
    Job.objects.create(owner=researcher, program=Program.objects.get(code="kotaku"))
    client.force_login(researcher)
    response = client.post("/api/v1/jobs/", {"program": "kotaku"})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    page = client.post(
        reverse("report-batch"), {"program": "kotaku", "language": "id", "format": "pdf"}
    )
    assert page.status_code == 200 and Job.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_batch_is_started_again_from_the_page_and_the_api(
    demo_user, eager, client, django_capture_on_commit_callbacks
):
    program = Program.objects.get(code="kotaku")
    job = Job.objects.create(
        owner=demo_user, program=program, status=Job.Status.FAILED, error="Server mati"
    )
    client.force_login(demo_user)
    page = client.get(reverse("report-job", args=[job.pk])).content.decode()
    assert "Server mati" in page and reverse("report-job-retry", args=[job.pk]) in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/jobs/{job.pk}/retry/")
    assert response.status_code == 202
    job.refresh_from_db()
    assert (job.status, job.progress, job.error) == ("done", 2, "")
    # Only a failed one starts again.
    assert client.post(f"/api/v1/jobs/{job.pk}/retry/").status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED)
        assert client.post(reverse("report-job-retry", args=[job.pk])).status_code == 302
    job.refresh_from_db()
    assert job.status == "done"


def test_the_batch_page_picks_a_place_with_the_place_search(client, researcher):
    client.force_login(researcher)
    page = client.get(reverse("report-batch")).content.decode()
    assert 'id="place-search"' in page and 'type="hidden" name="place"' in page
    refused = client.post(
        reverse("report-batch"), {"place": "99.99", "language": "id", "format": "pdf"}
    )
    assert "Tidak ada wilayah dengan kode ini." in refused.content.decode()
    chosen = client.post(
        reverse("report-batch"), {"place": "21.72", "language": "id", "format": "xlsx"}
    )
    assert chosen.status_code in (200, 302)

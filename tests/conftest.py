from __future__ import annotations

import pytest
from django.utils import translation

from tests.factories import CaseFactory, RaterFactory, UserFactory


@pytest.fixture(autouse=True)
def _indonesian_by_default():
    with translation.override("id"):
        yield


@pytest.fixture
def researcher(db):
    return UserFactory(username="peneliti")


@pytest.fixture
def case(db, researcher):
    return CaseFactory(owner=researcher)


@pytest.fixture
def raters(case):
    return [RaterFactory(case=case, name="Peneliti A"), RaterFactory(case=case, name="Peneliti B")]


@pytest.fixture
def reference_data(transactional_db):
    """Programs, the scale and the shipped frameworks again: a transactional test starts from
    the flush of the one before, which took the migrations' reference rows with it."""
    from django.apps import apps

    from assessments.reference.frameworks import install_reference_data

    install_reference_data(apps.get_model)


@pytest.fixture
def demo_world(client):
    from django.test import override_settings

    from assessments import services
    from assessments.models import Case, Framework, Rater
    from demo.loader import load_demo
    from reports.models import Job

    """The demo (the Tanjungpinang case has outputs and slum areas, which once leaked into its
    title), signed in as its owner, with one of everything a page can show."""
    with override_settings(DEBUG=True):
        load_demo(create_logins=True)
    case = Case.objects.filter(outputs__isnull=False).distinct().first()
    owner = case.owner
    client.force_login(owner)
    informant = services.rater_create(case=case, name="Warga", kind=Rater.Kind.INFORMANT)
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=owner
    )
    job = Job.objects.create(owner=owner, program=case.program)
    return {
        "pk": case.pk,
        "code": case.framework.variables.order_by("order").first().code,
        "rating_pk": case.ratings.first().pk,
        "output_pk": case.outputs.first().pk,
        "conclusion_pk": case.conclusions.first().pk,
        "framework_pk": copy.pk,
        "job_pk": job.pk,
        "token": services.informant_link_issue(rater=informant),
    }

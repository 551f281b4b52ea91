from __future__ import annotations

import pytest

from assessments import selectors, services
from assessments.models import Case, Framework, Indicator, User
from tests.factories import CaseFactory, RaterFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("bukittinggi", "13.75"),
        ("Kota Bukittinggi", "13.75"),
        ("kampung bugis", "21.72.03.1005"),
        ("Kel. Kampung Bugis", "21.72.03.1005"),
        ("tanjungpinang", "21.72"),
    ],
)
def test_place_search_finds_the_right_place(query, code):
    assert selectors.place_search(query)[0].code == code


def test_place_search_filters_by_level():
    assert [p.code for p in selectors.place_search("bukittinggi", level=2)] == ["13.75"]


def test_place_search_without_a_query_lists_every_place_largest_first():
    places = selectors.place_search("  ..  ")
    assert places.count() > 90_000
    assert places.first().level == 1


@pytest.fixture
def world(db):
    owner = UserFactory(username="pemilik")
    collaborator = UserFactory(username="mitra")
    other = UserFactory(username="lain")
    pokja = UserFactory(username="pokja-tpi", role=User.Role.POKJA)
    pokja.places.add(services.place_ensure(code="21.72"))
    pokja_far = UserFactory(username="pokja-bkt", role=User.Role.POKJA)
    pokja_far.places.add(services.place_ensure(code="13.75"))
    admin = UserFactory(username="admin", role=User.Role.ADMIN)
    draft = CaseFactory(owner=owner, title="draf")
    draft.collaborators.add(collaborator)
    published = CaseFactory(owner=owner, title="terbit", status=Case.Status.PUBLISHED)
    return locals()


@pytest.mark.parametrize(
    ("who", "visible"),
    [
        ("owner", {"draf", "terbit"}),
        ("collaborator", {"draf", "terbit"}),
        ("other", {"terbit"}),
        ("pokja", {"terbit"}),
        ("pokja_far", set()),
        ("admin", {"draf", "terbit"}),
    ],
)
def test_case_visibility_by_role(world, who, visible):
    user = world[who]
    assert {c.title for c in selectors.case_list(user=user)} == visible


def test_anonymous_sees_no_case(world):
    from django.contrib.auth.models import AnonymousUser

    assert not selectors.case_list(user=AnonymousUser()).exists()


@pytest.mark.parametrize(
    ("who", "can"),
    [
        ("owner", True),
        ("collaborator", True),
        ("other", False),
        ("pokja", False),
        ("admin", True),
    ],
)
def test_who_may_edit(world, who, can):
    assert selectors.case_can_edit(world[who], world["draft"]) is can


def rate_everything(case, raters: int) -> None:
    people = [RaterFactory.create(case=case) for _ in range(raters)]
    for ind in Indicator.objects.filter(framework=case.framework):
        for n, rater in enumerate(people):
            services.rating_upsert(case=case, rater=rater, indicator=ind, value=1 + (n % 4))


def test_case_scores_cost_a_fixed_number_of_queries(django_assert_max_num_queries, researcher):
    small = [CaseFactory(owner=researcher) for _ in range(1)]
    rate_everything(small[0], 1)
    with django_assert_max_num_queries(6):
        selectors.case_scores_compute(small)
    big = [CaseFactory(owner=researcher) for _ in range(6)]
    full = CaseFactory(
        owner=researcher, framework=Framework.objects.get(code="ansell-gash-2008-full")
    )
    for case in [*big, full]:
        rate_everything(case, 4)
    with django_assert_max_num_queries(6):
        scores = selectors.case_scores_compute([*small, *big, full])
    assert len(scores) == 8
    assert scores[full.pk].variable("SC").coverage == (3, 3)

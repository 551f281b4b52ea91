from __future__ import annotations

import factory

from assessments import services
from assessments.models import Case, Framework, Program, Rater, User


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"peneliti{n}")
    # A name to be attributed by; tests of an account without one pass first_name="".
    first_name = factory.LazyAttribute(lambda user: f"Peneliti {user.username}")
    role = User.Role.RESEARCHER
    password = factory.django.Password("rahasia-123")


class CaseFactory(factory.django.DjangoModelFactory[Case]):
    class Meta:
        model = Case
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Studi kasus {n}")
    program = factory.LazyFunction(lambda: Program.objects.get(code="kotaku"))
    place = factory.LazyFunction(lambda: services.place_ensure(code="21.72.03.1005"))
    year_start = 2018
    year_end = 2018
    framework = factory.LazyFunction(lambda: Framework.objects.get(code="ansell-gash-2008"))
    owner = factory.SubFactory(UserFactory)
    status = Case.Status.DRAFT

    @factory.post_generation
    def results(case: Case, create: bool, extracted: object, **kwargs: object) -> None:
        # As case_create does: a case's scores are stored from the start.
        if create:
            services.case_results_store(cases=[case])


class RaterFactory(factory.django.DjangoModelFactory[Rater]):
    class Meta:
        model = Rater

    case = factory.SubFactory(CaseFactory)
    name = factory.Sequence(lambda n: f"Penilai {n}")
    kind = Rater.Kind.RESEARCHER

"""Loads the demo data through the same services every other entry point uses."""

from __future__ import annotations

from django.db import transaction

from assessments import services
from assessments.models import Case, Framework, Indicator, Program, Rater, User, Variable
from assessments.reference import install_reference_data

from . import tanjungpinang

DEMO_LOGINS = [("demo", "demo", User.Role.RESEARCHER), ("pokja", "pokja", User.Role.POKJA)]


def _demo_user(username: str, password: str, role: str, *, can_login: bool) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"role": role})
    if created:
        if can_login:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def load_demo(*, create_logins: bool) -> list[str]:
    """Returns what it did, a line each. Running it twice creates nothing new."""
    from django.apps import apps

    install_reference_data(apps.get_model)
    report: list[str] = []
    owner = _demo_user("demo", "demo", User.Role.RESEARCHER, can_login=create_logins)
    if create_logins:
        _demo_user("pokja", "pokja", User.Role.POKJA, can_login=True)
        report.append("Demo logins: demo / demo (peneliti), pokja / pokja (Pokja PKP)")
    case = _load_case(tanjungpinang, owner)
    report.append(f"Case {case.pk}: {case.title}")
    return report


def _load_case(data, owner: User) -> Case:
    spec = data.CASE
    framework = Framework.objects.get(code=spec["framework"])
    case = Case.objects.filter(owner=owner, title=spec["title"]).first()
    if case is None:
        case = services.case_create(
            owner=owner,
            title=spec["title"],
            program=Program.objects.get(code=spec["program"]),
            place=services.place_ensure(code=spec["place"]),
            year_start=spec["year_start"],
            year_end=spec["year_end"],
            framework=framework,
            rt_rw=spec["rt_rw"],
            method_note=spec["method_note"],
            summary=spec["summary"],
            status=spec["status"],
        )
    raters = {}
    for rater_data in data.RATERS:
        rater = Rater.objects.filter(case=case, name=rater_data["name"]).first()
        if rater is None:
            rater = services.rater_create(
                case=case,
                name=rater_data["name"],
                kind=rater_data["kind"],
                role=rater_data["role"],
                institution=rater_data["institution"],
                user=owner if rater_data["key"] == "author" else None,
            )
        raters[rater_data["key"]] = rater
    indicators = {i.code: i for i in Indicator.objects.filter(framework=framework)}
    for code, (author_value, second_value, source, detail, quote) in data.RATINGS.items():
        for key, value in (("author", author_value), ("second", second_value)):
            services.rating_upsert(
                case=case,
                rater=raters[key],
                indicator=indicators[code],
                value=value,
                evidence=f"“{quote}” ({data.SOURCE})" if key == "author" else "",
                source_type=source,
                source_detail=detail,
                user=owner,
            )
    variables = {v.code: v for v in Variable.objects.filter(framework=framework)}
    for code, narrative in data.CONCLUSIONS.items():
        services.conclusion_set(
            case=case,
            variable=variables[code] if code else None,
            narrative=narrative,
            user=owner,
        )
    existing = set(case.recommendations.values_list("text", flat=True))
    for code, text, addressed_to in data.RECOMMENDATIONS:
        if text not in existing:
            services.recommendation_create(
                case=case, text=text, variable=variables[code], addressed_to=addressed_to
            )
    return case

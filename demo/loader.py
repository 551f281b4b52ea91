"""Loads the demo data through the same services every other entry point uses."""

from __future__ import annotations

from django.db import transaction

from assessments import services
from assessments.models import Case, Framework, Indicator, Program, Rater, User, Variable
from assessments.reference import install_reference_data
from stakeholders import services as stakeholder_services
from stakeholders.models import Actor, ActorType, Tie
from stakeholders.reference import install_actor_types

from . import plpbk, tanjungpinang
from . import stakeholder_cases as sc

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
    install_actor_types(apps.get_model)
    report: list[str] = []
    owner = _demo_user("demo", "demo", User.Role.RESEARCHER, can_login=create_logins)
    if create_logins:
        _demo_user("pokja", "pokja", User.Role.POKJA, can_login=True)
        report.append("Demo logins: demo / demo (peneliti), pokja / pokja (Pokja PKP)")
    case = _load_case(tanjungpinang, owner)
    _load_outputs(case)
    report.append(f"Case {case.pk}: {case.title}")
    prabumulih = _load_prabumulih(owner)
    report.append(f"Case {prabumulih.pk}: {prabumulih.title}")
    for spec in plpbk.PLPBK_CASES:
        partnership_case = _load_plpbk(spec, owner)
        report.append(f"Case {partnership_case.pk}: {partnership_case.title}")
    return report


def _case_shell(spec: dict, owner: User) -> Case:
    """The demo case titled as in `spec`, created the first time."""
    case = Case.objects.filter(owner=owner, title=spec["title"]).first()
    if case is None:
        case = services.case_create(
            owner=owner,
            title=spec["title"],
            program=Program.objects.get(code=spec["program"]),
            place=services.place_ensure(code=spec["place"]),
            year_start=spec["year_start"],
            year_end=spec["year_end"],
            framework=Framework.objects.get(code=spec.get("framework", "ansell-gash-2008")),
            rt_rw=spec.get("rt_rw", ""),
            method=spec.get("method", ""),
            method_note=spec.get("method_note", ""),
            summary=spec.get("summary", ""),
            status=spec["status"],
        )
    return case


def _actor(name: str, kind: str, sector: str, type_code: str, short_label: str = ""):

    actor = Actor.objects.filter(name=name, kind=kind).first()
    return actor or stakeholder_services.actor_create(
        name=name,
        kind=kind,
        sector=sector,
        short_label=short_label,
        type=ActorType.objects.get(code=type_code),
    )


def _factors(case: Case, factors, partnership=None) -> None:

    existing = set(case.factors.values_list("text", flat=True))
    for kind, text, evidence, source in factors:
        if text not in existing:
            stakeholder_services.factor_create(
                case=case,
                kind=kind,
                text=text,
                evidence=evidence,
                partnership=partnership,
                source=source,
            )


def _conclude(case: Case, owner: User, narrative: str, recommendations) -> None:
    """The paper's own conclusion as the case's overall one, and its recommendations."""
    services.conclusion_set(case=case, variable=None, narrative=narrative, user=owner)
    existing = set(case.recommendations.values_list("text", flat=True))
    for text, addressed_to, source in recommendations:
        if text not in existing:
            services.recommendation_create(
                case=case, text=text, addressed_to=addressed_to, source=source
            )


def _load_prabumulih(owner: User) -> Case:

    case = _case_shell(sc.PRABUMULIH_CASE, owner)
    actors = {}
    for key, (name, label, kind, sector, type_code, role) in sc.PRABUMULIH_ACTORS.items():
        actors[key] = _actor(name, kind, sector, type_code, label)
        stakeholder_services.participation_set(
            case=case,
            actor=actors[key],
            role=role,
            stages=sc.ALL_STAGES,
            source=f"{sc.PRABUMULIH_CITATION}, "
            + ("Tabel 2; Skema 1.2" if kind == "institution" else "Tabel 1; skema interpersonal"),
        )
    for a, b, form, direction, dominant, strength, evidence in sc.PRABUMULIH_TIES:
        if not Tie.objects.filter(case=case, source=actors[a], target=actors[b]).exists():
            stakeholder_services.tie_create(
                case=case,
                source=actors[a],
                target=actors[b],
                form=form,
                direction=direction,
                strength=strength,
                dominant=actors[dominant] if dominant else None,
                evidence=f"{evidence} ({sc.PRABUMULIH_CITATION})",
            )
    _factors(case, sc.PRABUMULIH_FACTORS)
    _conclude(case, owner, sc.PRABUMULIH_CONCLUSION, sc.PRABUMULIH_RECOMMENDATIONS)
    return case


def _load_plpbk(spec: dict, owner: User) -> Case:

    case = _case_shell(spec, owner)
    actors = {}
    for key, (name, kind, sector, type_code, role) in spec["actors"].items():
        actors[key] = _actor(name, kind, sector, type_code)
        stakeholder_services.participation_set(
            case=case,
            actor=actors[key],
            role=role,
            stages=["keberlanjutan"],
            source=plpbk.PLPBK_ROLES_SOURCE,
        )
    existing = set(case.partnerships.values_list("description", flat=True))
    for form, description, partners, process, status, continued, source in spec["partnerships"]:
        if description not in existing:
            stakeholder_services.partnership_create(
                case=case,
                partners=[actors[k] for k in partners],
                form=form,
                description=description,
                process=process,
                status=status,
                continued=continued,
                source=source,
            )
    _factors(case, [*plpbk.PLPBK_SHARED_FACTORS, *spec["extra_factors"]])
    _conclude(case, owner, plpbk.PLPBK_CONCLUSION, plpbk.PLPBK_RECOMMENDATIONS)
    return case


def _load_outputs(case: Case) -> None:

    if not case.outputs.exists():
        for location, activity, volume, unit, source, amount, note in sc.TANJUNGPINANG_OUTPUTS:
            stakeholder_services.output_create(
                case=case,
                location=location,
                activity=activity,
                volume=volume,
                unit=unit,
                funding_source=source,
                amount_rupiah=amount,
                year=2018,
                source_note=note,
            )
    if not case.slum_areas.exists():
        stakeholder_services.slum_area_create(case=case, **sc.TANJUNGPINANG_SLUM_AREA)


def _load_case(data, owner: User) -> Case:
    case = _case_shell(data.CASE, owner)
    framework = case.framework
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
                user=owner,
            )
        raters[rater_data["key"]] = rater
    indicators = {i.code: i for i in Indicator.objects.filter(framework=framework)}
    for code, (value, section, quote) in data.RATINGS.items():
        # The authors' own words: a document, cited by author, year and section.
        services.rating_upsert(
            case=case,
            rater=raters["coder"],
            indicator=indicators[code],
            value=value,
            evidence=quote,
            source_type="dokumen",
            source_detail=f"{data.CITATION}, {section}",
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
    for code, text, addressed_to, source in data.RECOMMENDATIONS:
        if text not in existing:
            services.recommendation_create(
                case=case,
                text=text,
                variable=variables[code] if code else None,
                addressed_to=addressed_to,
                source=source,
            )
    for name, kind, sector, type_code, role, note, source in data.ACTORS.values():
        stakeholder_services.participation_set(
            case=case,
            actor=_actor(name, kind, sector, type_code),
            role=role,
            note=note,
            source=source,
        )
    return case

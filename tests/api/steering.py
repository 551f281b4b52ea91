"""What the schemathesis runs aim at: objects of the fuzzing owner's (a case with ratings, actors,
a tie, a participation, a framework copy, a finished and a failed batch), and for every other
generated request a valid body and path, so that each operation gets past 400 and 404 at least
once. The other half stays as generated."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile

from assessments import services
from assessments.models import Framework, Indicator, Program, Recommendation
from reports.models import Job
from stakeholders import services as stakeholder_services
from stakeholders.models import Factor, Participation, Partnership, ProgramOutput, SlumArea, Tie
from tests.factories import CaseFactory, RaterFactory, UserFactory

PASSWORD = "rahasia-123"  # UserFactory's
_serial = itertools.count(1)


@dataclass
class Owned:
    """The fuzzing owner's objects, by name."""

    username: str
    ids: dict[str, int | str] = field(default_factory=dict)


def owned_objects() -> Owned:
    owner = UserFactory.create(username="fuzzer")
    case = CaseFactory.create(owner=owner)
    spare_case = CaseFactory.create(owner=owner, title="Kasus untuk dihapus")
    # Its next round is started here, so the main case never gets one (which would tie its
    # place and years to the round after it).
    round_case = CaseFactory.create(owner=owner, title="Kasus dengan putaran berikutnya")
    rater = RaterFactory.create(case=case)
    for indicator in Indicator.objects.filter(framework=case.framework)[:6]:
        services.rating_upsert(case=case, rater=rater, indicator=indicator, value=3)
    services.conclusion_set(
        case=case, variable=case.framework.variables.get(code="FTF"), narrative="Dialog rutin."
    )
    actors = [
        stakeholder_services.actor_create(
            name=name, kind="institution", sector=sector, created_by=owner
        )
        for name, sector in (
            ("BKM Uji", "masyarakat"),
            ("Dinas Uji", "pemerintah"),
            ("Cadangan", "swasta"),
        )
    ]
    for stage in ("persiapan", "perencanaan"):
        stakeholder_services.tie_create(
            case=case,
            source=actors[0],
            target=actors[1],
            form="kerja",
            direction="simetris",
            strength="kuat",
            stage=stage,
        )
    for actor in actors[:2]:
        stakeholder_services.participation_set(case=case, actor=actor, role="pelaksana")
    for description in ("Jalan lingkungan", "Drainase"):
        stakeholder_services.partnership_create(
            case=case, partners=actors[:2], form="fisik", description=description
        )
    services.recommendation_create(case=case, text="Libatkan BKM sejak perencanaan.")
    copy = services.framework_copy(
        framework=Framework.objects.get(code="ansell-gash-2008"), owner=owner
    )
    kotaku = Program.objects.get(code="kotaku")
    done = Job.objects.create(owner=owner, program=kotaku, status=Job.Status.DONE, total=1)
    done.file.save(done.archive_name, ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    failed = Job.objects.create(owner=owner, program=kotaku, status=Job.Status.FAILED)
    return Owned(
        username=owner.username,
        ids={
            "case": case.pk, "spare_case": spare_case.pk, "round_case": round_case.pk,
            "rater": rater.pk,
            "actor": actors[0].pk, "other_actor": actors[1].pk, "spare_actor": actors[2].pk,
            "framework": case.framework_id, "copy": copy.pk,
            "done_job": str(done.pk), "failed_job": str(failed.pk),
        },
    )  # fmt: skip


def _paths(ids: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    """Path parameters by (method, path); DELETE aims at spares so the rest stays reachable."""
    return {
        ("DELETE", "/api/v1/cases/{id}/"): {"id": ids["spare_case"]},
        ("POST", "/api/v1/cases/{case_pk}/next-round/"): {"case_pk": ids["round_case"]},
        ("DELETE", "/api/v1/actors/{id}/"): {"id": ids["spare_actor"]},
        ("POST", "/api/v1/frameworks/{id}/variables/"): {"id": ids["copy"]},
        ("PUT", "/api/v1/frameworks/{id}/rule/"): {"id": ids["copy"]},
        ("POST", "/api/v1/frameworks/{id}/rule/preview/"): {"id": ids["copy"]},
        ("GET", "/api/v1/jobs/{id}/"): {"id": ids["done_job"]},
        ("GET", "/api/v1/jobs/{id}/download/"): {"id": ids["done_job"]},
        ("POST", "/api/v1/jobs/{id}/retry/"): {"id": ids["failed_job"]},
    }  # fmt: skip


# A case's own rows: a detail path aims at the newest one there is when the request is made.
CASE_ROWS = {
    "ties": Tie, "participations": Participation, "partnerships": Partnership,
    "factors": Factor, "outputs": ProgramOutput, "slum-areas": SlumArea,
    "recommendations": Recommendation,
}  # fmt: skip
CASE_ROW_PATH = re.compile(r"^/api/v1/cases/\{case_pk\}/([a-z-]+)/\{id\}/$")


def _newest_row(path: str, case_id: Any) -> int | None:
    match = CASE_ROW_PATH.match(path)
    if not match or match.group(1) not in CASE_ROWS:
        return None
    rows = CASE_ROWS[match.group(1)].objects.filter(case_id=case_id)  # type: ignore[attr-defined]
    return rows.order_by("-pk").values_list("pk", flat=True).first()


def _newest_recommendation(case_id: Any) -> int | None:
    rows = Recommendation.objects.filter(case_id=case_id).order_by("-pk")
    return rows.values_list("pk", flat=True).first()


def _taking_part(case_id: Any) -> list[int]:
    """The actors of the case now: the fuzzing also removes participations."""
    return list(Participation.objects.filter(case_id=case_id).values_list("actor_id", flat=True))


def _rating_csv(ids: dict[str, Any]) -> bytes:
    """A one-row ratings file for the owner's rater, the shape the import reads."""
    from assessments.models import Rater

    name = Rater.objects.get(pk=ids["rater"]).name
    return f"Kode indikator,Penilai,Tingkat\nFTF1,{name},2\n".encode()


def _edge_csv(ids: dict[str, Any]) -> bytes:
    """A one-tie edge list between the owner's two actors."""
    from stakeholders.models import Actor

    source, target = (Actor.objects.get(pk=ids[k]).name for k in ("actor", "other_actor"))
    return f"From,To,Form,Direction,Strength\n{source},{target},kerja,simetris,kuat\n".encode()


def _bodies(ids: dict[str, Any], username: str) -> dict[tuple[str, str], Any]:
    """A valid body for the operations whose required fields random data never gets right."""
    serial = next(_serial)
    case = {
        "title": f"Kasus uji {serial}", "program": "kotaku", "place": "21.72",
        "year_start": 2018, "year_end": 2019,
    }  # fmt: skip
    return {
        ("POST", "/api/v1/auth/token/"): {"username": username, "password": PASSWORD},
        ("POST", "/api/v1/cases/"): case,
        ("PUT", "/api/v1/cases/{id}/"): case,
        ("PUT", "/api/v1/cases/{case_pk}/conclusions/{variable_code}/"): {"narrative": "Uji."},
        ("POST", "/api/v1/cases/{case_pk}/next-round/"): {"year_start": 2022, "year_end": 2022},
        ("POST", "/api/v1/cases/{case_pk}/participations/"): {
            "actor": ids["actor"], "role": "pendamping", "stages": ["persiapan"]
        },
        ("POST", "/api/v1/cases/{case_pk}/ties/"): {
            "source": ids["actor"], "target": ids["other_actor"], "form": "kekerabatan",
            "direction": "asimetris", "dominant": ids["actor"], "strength": "lemah",
        },
        ("POST", "/api/v1/cases/{case_pk}/recommendations/"): {"text": "Perkuat forum warga."},
        ("PUT", "/api/v1/cases/{case_pk}/recommendations/{recommendation_pk}/addressees/"): {
            "actors": _taking_part(ids["case"])
        },
        # The actor stays an institution: an individual could not be tied to the other one.
        ("PUT", "/api/v1/actors/{id}/"): {"name": "BKM Uji", "kind": "institution",
                                         "sector": "masyarakat"},
        ("PATCH", "/api/v1/actors/{id}/"): {"kind": "institution"},
        ("POST", "/api/v1/cases/{case_pk}/ratings/import/"): {"file": _rating_csv(ids)},
        ("POST", "/api/v1/cases/{case_pk}/ties/import/"): {"file": _edge_csv(ids)},
        ("POST", "/api/v1/cases/{case_pk}/ratings/"): [
            {"indicator": "FTF1", "rater": ids["rater"], "value": 2}
        ],
        ("POST", "/api/v1/cases/{case_pk}/slum-areas/"): {
            "location": f"RT 0{serial % 9 + 1}", "area_before_ha": 18.92, "year_before": 2014,
            "area_after_ha": 4.66, "year_after": 2018,
        },
        ("POST", "/api/v1/cases/{case_pk}/partnerships/"): {
            "partners": [ids["actor"], ids["other_actor"]], "form": "uang",
            "description": "Dana CSR", "process": "perusahaan", "status": "disetujui",
        },
        ("POST", "/api/v1/frameworks/{id}/variables/"): {
            "code": f"UJI{serial}", "name": "Variabel uji",
            "indicators": [{"code": f"UJI{serial}A", "name": "Indikator uji"}],
        },
        ("POST", "/api/v1/jobs/"): {"program": "kotaku", "language": "id", "format": "pdf"},
        ("PUT", "/api/v1/frameworks/{id}/rule/"): {"banding": "percentage", "panel_weight": 2},
        ("POST", "/api/v1/frameworks/{id}/rule/preview/"): {"overall_method": "minimum"},
    }  # fmt: skip


# Requests seen per (method, path) since the last reset.
STEERED: Counter[tuple[str, str]] = Counter()


def steering_reset() -> None:
    STEERED.clear()


def steered(owned: Owned) -> Any:
    """A `map_case` hook: every other generated request to an operation is aimed at the
    owner's objects. Alternating, not a coin from the request: Hypothesis often generates the
    same request many times over, and a coin from its content would then never turn. A
    stateful sequence calls `steering_reset` first, so that a replay is steered the same."""
    seen = STEERED

    def map_case(ctx: Any, case: Any) -> Any:
        key = (case.method.upper(), case.path)
        seen[key] += 1
        ids = owned.ids
        if key == ("DELETE", "/api/v1/cases/{id}/") and case.path_parameters.get("id") in (
            ids["case"],
            ids["round_case"],
        ):
            # A generated id can be the main case's (ids are small): the rest needs it.
            case.path_parameters["id"] = ids["spare_case"]
        if seen[key] % 2:
            return case
        if case.path_parameters:
            defaults = {"case_pk": ids["case"], "id": ids["case"], "variable_code": "FTF"}
            if case.path.startswith("/api/v1/frameworks/"):
                defaults["id"] = ids["framework"]
            if case.path.startswith("/api/v1/actors/"):
                defaults["id"] = ids["actor"]
            for name in case.path_parameters:
                if name in defaults:
                    case.path_parameters[name] = defaults[name]
            case.path_parameters.update(_paths(ids).get(key, {}))
            recommendation = _newest_recommendation(ids["case"])
            if "recommendation_pk" in case.path_parameters and recommendation is not None:
                case.path_parameters["recommendation_pk"] = recommendation
            newest = _newest_row(case.path, ids["case"])
            if newest is not None:
                case.path_parameters["id"] = newest
        body = _bodies(ids, owned.username).get(key)
        if body is not None:
            case.body = body
        return case

    return map_case

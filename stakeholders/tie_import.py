"""Ties from an edge list (CSV, or the first sheet of an XLSX), in the shape Kumu and Gephi
export: from, to, form, direction, strength, stage. An XLSX may add a sheet "Aktor" of new
actors (name, kind, sector, short label). Every row is checked first; then one transaction
saves the new and changed ties through the same rules as the form, or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import Case, User
from common.uploads import (
    CellError,
    Plan,
    Table,
    file_refused,
    read_tables,
    refused,
    status_label,
)

from . import services
from .models import Actor, Level, Sector, Stage, Tie

EDGE_COLUMNS = (
    ("source", gettext_lazy("From"), ("from", "source", "dari")),
    ("target", gettext_lazy("To"), ("to", "target", "ke")),
    ("form", gettext_lazy("Form"), ("form", "bentuk", "type")),
    ("direction", gettext_lazy("Direction"), ("direction", "arah")),
    ("strength", gettext_lazy("Strength"), ("strength", "kekuatan", "ikatan")),
    ("stage", gettext_lazy("Program stage"), ("stage", "tahap")),
    ("dominant", gettext_lazy("Dominant actor"), ("dominant", "dominan")),
    ("evidence", gettext_lazy("Evidence"), ("evidence", "bukti")),
)
ACTOR_COLUMNS = (
    ("name", gettext_lazy("Name"), ("name", "nama", "label")),
    ("kind", gettext_lazy("Kind"), ("kind", "tingkat")),
    ("sector", gettext_lazy("Sector"), ("sector", "sektor")),
    ("short_label", gettext_lazy("Short label"), ("short label", "singkatan")),
)
ACTOR_SHEETS = ("aktor", "actors", "elements")
# Kumu's and Gephi's words for a direction, beside the app's own.
DIRECTIONS = {
    "simetris": Tie.Direction.SIMETRIS,
    "mutual": Tie.Direction.SIMETRIS,
    "undirected": Tie.Direction.SIMETRIS,
    "asimetris": Tie.Direction.ASIMETRIS,
    "directed": Tie.Direction.ASIMETRIS,
}
STRENGTHS = {"kuat": Tie.Strength.KUAT, "strong": Tie.Strength.KUAT}
STRENGTHS |= {"lemah": Tie.Strength.LEMAH, "weak": Tie.Strength.LEMAH}
FORMS = {"kekerabatan": Tie.Form.KEKERABATAN, "kinship": Tie.Form.KEKERABATAN}
FORMS |= {"kerja": Tie.Form.KERJA, "work": Tie.Form.KERJA}


@dataclass
class TieRow:
    row: int
    source: str
    target: str
    status: str
    values: dict[str, Any] = field(default_factory=dict)
    existing: Tie | None = None

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def cells(self) -> list[object]:
        v = self.values
        return [f"{self.source} — {self.target}", f"{v['form']}, {v['direction']}, {v['strength']}"]


@dataclass
class TiePlan(Plan):
    rows: list[TieRow] = field(default_factory=list)
    new_actors: list[dict[str, str]] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return [_("Tie"), _("Form, direction, strength")]


def _key(text: Any) -> str:
    return " ".join(str(text or "").lower().split())


def _positions(table: Table, columns) -> dict[str, int]:
    aliases = {}
    for key, heading, words in columns:
        for word in (*words, str(heading)):
            aliases[_key(word)] = key
    positions: dict[str, int] = {}
    for index, heading in enumerate(table.header):
        key = aliases.get(_key(heading))
        if key is not None:
            positions.setdefault(key, index)
    return positions


def _value(row: list[Any], positions: dict[str, int], key: str) -> str:
    index = positions.get(key)
    if index is None or index >= len(row) or row[index] is None:
        return ""
    return str(row[index]).strip()


def _new_actors(table: Table | None, errors: list[CellError]) -> dict[str, dict[str, str]]:
    if table is None:
        return {}
    positions = _positions(table, ACTOR_COLUMNS)
    headings = {key: str(heading) for key, heading, _w in ACTOR_COLUMNS}
    kinds = {_key(label): code for code, label in Level.choices} | {c: c for c in Level.values}
    sectors = {_key(label): code for code, label in Sector.choices} | {c: c for c in Sector.values}
    actors = {}
    for offset, row in enumerate(table.rows):
        number = table.first_row + offset
        name = _value(row, positions, "name")
        if not name:
            continue
        kind = kinds.get(_key(_value(row, positions, "kind")))
        sector = sectors.get(_key(_value(row, positions, "sector")))
        if kind is None:
            errors.append(
                CellError(
                    table.sheet, number, headings["kind"], _("Choose individual or institution.")
                )
            )
        if sector is None:
            errors.append(CellError(table.sheet, number, headings["sector"], _("Unknown sector.")))
        if kind and sector:
            actors[_key(name)] = {
                "name": name,
                "kind": kind,
                "sector": sector,
                "short_label": _value(row, positions, "short_label")[:20],
            }
    return actors


def _actor_index(case: Case, names: set[str]) -> dict[str, Actor]:
    """Actors by lower-cased name: the case's own first (also by short label, as the papers
    label them), then any actor of that name."""
    index: dict[str, Actor] = {}
    for actor in Actor.objects.filter(participations__case=case).order_by("pk"):
        index.setdefault(_key(actor.name), actor)
        if actor.short_label:
            index.setdefault(_key(actor.short_label), actor)
    others = Actor.objects.annotate(lowered=Lower("name")).filter(lowered__in=names - set(index))
    for actor in others.order_by("pk"):
        index.setdefault(_key(actor.name), actor)
    return index


def ties_plan(*, case: Case, content: bytes, filename: str) -> TiePlan:
    tables = read_tables(content, filename)
    actor_table = next((t for t in tables if _key(t.sheet) in ACTOR_SHEETS), None)
    edges = next((t for t in tables if t is not actor_table), None)
    if edges is None:
        raise file_refused(_("The file has no sheet to read."))
    errors: list[CellError] = []
    positions = _positions(edges, EDGE_COLUMNS)
    headings = {key: str(heading) for key, heading, _w in EDGE_COLUMNS}
    for key in ("source", "target", "form", "direction", "strength"):
        if key not in positions:
            errors.append(
                CellError(
                    edges.sheet, 1, headings[key], _("This column is missing from the first row.")
                )
            )
    if errors:
        raise refused(errors)
    new_actors = _new_actors(actor_table, errors)
    names = {
        _key(_value(row, positions, end)) for row in edges.rows for end in ("source", "target")
    }
    known = _actor_index(case, names)
    stored = {(t.source_id, t.target_id, t.stage): t for t in Tie.objects.filter(case=case)}
    stages = {_key(label): code for code, label in Stage.choices} | {c: c for c in Stage.values}
    plan = TiePlan(new_actors=list(new_actors.values()))
    seen: dict[tuple[str, str, str], int] = {}
    for offset, row in enumerate(edges.rows):
        number = edges.first_row + offset
        if all(not str(v or "").strip() for v in row):
            continue

        def fail(key: str, message: str, number: int = number) -> None:
            errors.append(CellError(edges.sheet, number, headings[key], message))

        ends = {}
        for end in ("source", "target"):
            name = _value(row, positions, end)
            actor = known.get(_key(name))
            spec = new_actors.get(_key(name))
            if actor is None and spec is None:
                fail(
                    end,
                    _(
                        "No actor named %(name)s: add it on the stakeholders page or in the "
                        "sheet Aktor."
                    )
                    % {"name": name or "—"},
                )
            ends[end] = (name, actor, spec)
        form = FORMS.get(_key(_value(row, positions, "form")))
        if form is None:
            fail("form", _("Write kekerabatan or kerja."))
        direction = DIRECTIONS.get(_key(_value(row, positions, "direction")))
        if direction is None:
            fail("direction", _("Write simetris or asimetris (or Kumu's mutual / directed)."))
        strength = STRENGTHS.get(_key(_value(row, positions, "strength")))
        if strength is None:
            fail("strength", _("Write kuat or lemah."))
        stage_text = _value(row, positions, "stage")
        stage = stages.get(_key(stage_text), None) if stage_text else ""
        if stage is None:
            fail("stage", _("Unknown program stage %(stage)s.") % {"stage": stage_text})
        dominant_name = _value(row, positions, "dominant")
        (source_name, source, source_spec), (target_name, target, target_spec) = (
            ends["source"],
            ends["target"],
        )
        if form is None or direction is None or strength is None or stage is None:
            continue
        source_kind = source.kind if source else (source_spec or {}).get("kind")
        target_kind = target.kind if target else (target_spec or {}).get("kind")
        if source_kind is None or target_kind is None:
            continue
        if _key(source_name) == _key(target_name):
            fail("target", _("A tie needs two different actors."))
            continue
        if source_kind != target_kind:
            fail(
                "target",
                _(
                    "Individual and institutional networks are kept apart: tie a person "
                    "to a person, an institution to an institution."
                ),
            )
            continue
        dominant = ""
        if direction == Tie.Direction.ASIMETRIS:
            # Kumu and Gephi draw a directed edge from the one that leads: the "from" actor.
            dominant = dominant_name or source_name
            if _key(dominant) not in (_key(source_name), _key(target_name)):
                fail("dominant", _("The dominant actor must be one of the two."))
                continue
        tie_key = (_key(source_name), _key(target_name), stage)
        if tie_key in seen:
            fail("target", _("The same tie is in row %(row)d too.") % {"row": seen[tie_key]})
            continue
        seen[tie_key] = number
        values = {
            "form": form,
            "direction": direction,
            "strength": strength,
            "stage": stage,
            "dominant": dominant,
            "evidence": _value(row, positions, "evidence"),
        }
        existing = None
        status = "new"
        if source is not None and target is not None:
            existing = stored.get((source.pk, target.pk, stage))
            leader = source if _key(dominant) == _key(source_name) else target
            if existing is not None:
                same = (
                    existing.form == form
                    and existing.direction == direction
                    and existing.strength == strength
                    and existing.evidence == values["evidence"]
                    and existing.dominant_id == (leader.pk if dominant else None)
                )
                status = "unchanged" if same else "changed"
        plan.rows.append(TieRow(number, source_name, target_name, status, values, existing))
    if errors:
        raise refused(errors)
    if not plan.rows:
        raise file_refused(_("The file has no tie rows."))
    return plan


@transaction.atomic
def ties_import(*, case: Case, content: bytes, filename: str, user: User | None) -> TiePlan:
    plan = ties_plan(case=case, content=content, filename=filename)
    actors = _actor_index(case, {_key(n) for row in plan.rows for n in (row.source, row.target)})
    for spec in plan.new_actors:
        if _key(spec["name"]) not in actors:
            actors[_key(spec["name"])] = services.actor_create(
                name=spec["name"],
                kind=spec["kind"],
                sector=spec["sector"],
                short_label=spec["short_label"],
                created_by=user,
            )
    for row in plan.rows:
        if row.status == "unchanged":
            continue
        source, target = actors[_key(row.source)], actors[_key(row.target)]
        values = dict(row.values)
        dominant_name = values.pop("dominant")
        dominant = (
            (source if _key(dominant_name) == _key(row.source) else target)
            if dominant_name
            else None
        )
        if row.existing is not None:
            services.case_row_delete(row=row.existing)
        services.tie_create(case=case, source=source, target=target, dominant=dominant, **values)
    return plan

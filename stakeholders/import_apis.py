"""Ties from an edge list over the API: the same check, preview and save as the page."""

from __future__ import annotations

from typing import Any

from assessments.import_apis import RatingImportApi

from .tie_import import ties_import, ties_plan


class TieImportApi(RatingImportApi):
    """Upload an edge list (CSV, or XLSX with an optional sheet "Aktor" of new actors) in the
    shape Kumu and Gephi export: from, to, form, direction, strength, stage. `?dry_run=true`
    previews; one bad row and nothing is saved, every error listed in `file`."""

    def run(self, *, case: Any, content: bytes, filename: str, user: Any, dry_run: bool) -> Any:
        if dry_run:
            return ties_plan(case=case, content=content, filename=filename)
        return ties_import(case=case, content=content, filename=filename, user=user)

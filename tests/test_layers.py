"""The apps depend on each other one way: common ← assessments (scoring at its core) ←
stakeholders ← reports, with demo on top. A module that imports against that order, anywhere
in it (function-level imports included), fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["common", "assessments", "stakeholders", "reports", "demo", "kolaborasi"]
# What each package must never import (the apps above it, and the project package).
FORBIDDEN = {
    "common": {"kolaborasi", "assessments", "stakeholders", "reports", "demo"},
    "assessments": {"stakeholders", "reports", "demo"},
    "stakeholders": {"reports", "demo"},
    "reports": {"demo"},
}
SCORING = "assessments.scoring"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module `source` imports, relative imports made absolute."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            prefix = ".".join([*base, node.module] if node.module else base)
            found.add(prefix)
            # `from . import selectors` imports a module, not a name.
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
    return found


def project_modules() -> dict[str, set[str]]:
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            name = module_name(path)
            modules[name] = imports_of(
                path.read_text(), name, is_package=path.name == "__init__.py"
            )
    return modules


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(f"{package}.")


def layer_violations(modules: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, imported in modules.items():
        app = module.split(".")[0]
        for target in sorted(imported):
            if any(within(target, banned) for banned in FORBIDDEN.get(app, ())):
                problems.append(f"{module} imports {target}")
    return problems


def orm_reached_from(modules: dict[str, set[str]], start: str) -> list[str]:
    """Chains from `start` (through project modules) to Django's ORM or any app's models."""
    problems, seen, queue = [], set(), [(name, [name]) for name in modules if within(name, start)]
    while queue:
        module, chain = queue.pop()
        if module in seen:
            continue
        seen.add(module)
        for target in modules.get(module, ()):
            if within(target, "django.db") or target.endswith(".models") or ".models." in target:
                problems.append(" → ".join([*chain, target]))
            elif target in modules:
                queue.append((target, [*chain, target]))
    return problems


def test_apps_import_only_downwards():
    assert layer_violations(project_modules()) == []


def test_the_scoring_core_never_reaches_the_orm():
    modules = project_modules()
    assert any(within(name, SCORING) for name in modules)
    assert orm_reached_from(modules, SCORING) == []


def test_the_check_resolves_relative_imports_and_sees_function_level_ones():
    source = (
        "from .. import selectors\n"
        "from ..models import Case\n"
        "def f():\n"
        "    from reports import chapter\n"
        "    import stakeholders.models\n"
    )
    imported = imports_of(source, "assessments.views.cases")
    assert {"assessments.selectors", "assessments.models", "reports.chapter"} <= imported
    assert layer_violations({"assessments.views.cases": imported}) == [
        "assessments.views.cases imports reports",
        "assessments.views.cases imports reports.chapter",
        "assessments.views.cases imports stakeholders.models",
    ]


@pytest.mark.parametrize(
    ("source", "reaches"),
    [
        ("from django.db import models", True),
        ("from ..models import Case", True),
        ("from django.utils.translation import gettext", False),
    ],
)
def test_the_orm_check_follows_imports(source, reaches):
    modules = {
        "assessments.scoring.scale": {"common.numbers"},
        "common.numbers": imports_of(source, "assessments.scoring.compute"),
    }
    assert bool(orm_reached_from(modules, SCORING)) is reaches

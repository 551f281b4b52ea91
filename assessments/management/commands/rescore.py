from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from tqdm import tqdm

from assessments import selectors, services
from assessments.models import Case


class Command(BaseCommand):
    help = (
        "Stores the scoring core's results again for all cases, or those of --case, --place "
        "or --program. With --check, stores nothing and fails if any stored result differs "
        "from a fresh computation, or any dashboard tally from a fresh count."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--case", type=int, action="append", help="a case id (repeatable)")
        parser.add_argument("--place", help="a Kemendagri code: the place and all inside it")
        parser.add_argument("--program", help="a program code, e.g. kotaku")
        parser.add_argument(
            "--missing",
            action="store_true",
            help="only cases whose stored results are missing or older than what is kept now "
            "(the rule robustness)",
        )
        parser.add_argument("--check", action="store_true", help="compare, store nothing")
        parser.add_argument(
            "--jobs",
            type=int,
            help="worker processes on PostgreSQL (default: one per CPU); SQLite uses one",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        cases = Case.objects.all()
        if options["case"]:
            cases = cases.filter(pk__in=options["case"])
        if options["place"]:
            place = selectors.place_get(options["place"])
            if place is None:
                raise CommandError(f"{options['place']} is not a Kemendagri region code.")
            cases = cases.filter(selectors.place_within_q(place.code, "place__code"))
        if options["program"]:
            if not selectors.program_list().filter(code=options["program"]).exists():
                raise CommandError(f"There is no program {options['program']}.")
            cases = cases.filter(program__code=options["program"])
        if options["missing"]:
            # Every result stored now carries its rule levels; an empty list is from before.
            cases = cases.filter(Q(result__isnull=True) | Q(result__rule_levels=[]))
        total = cases.count()
        with tqdm(total=total, unit="case", disable=total == 0, file=self.stderr) as bar:
            if options["check"]:
                differing = services.cases_results_differences(cases=cases, progress=bar.update)
            else:
                done = services.cases_results_store(
                    cases=cases, progress=bar.update, jobs=options["jobs"]
                )
        if not options["check"]:
            self.stdout.write(f"Stored the results of {done} cases.")
            # Kept by every store; rebuilt where they are off (a database from before tallies).
            if services.tallies_differences():
                rows = services.tallies_rebuild()
                self.stdout.write(f"Counted the dashboard tallies again ({rows} rows).")
            return
        if differing:
            shown = ", ".join(str(pk) for pk in differing[:20])
            raise CommandError(
                f"{len(differing)} of {total} cases have stored results that differ from a "
                f"fresh computation: {shown}{' …' if len(differing) > 20 else ''}. "
                "Run `manage.py rescore` to store them again."
            )
        tallies = services.tallies_differences()
        if tallies:
            raise CommandError(
                f"{len(tallies)} dashboard tallies differ from a fresh count of the stored "
                f"results, e.g. {tallies[0]}. Run `manage.py rescore` to count them again."
            )
        self.stdout.write(
            f"The stored results of all {total} cases match a fresh computation, and the "
            "dashboard tallies a fresh count."
        )

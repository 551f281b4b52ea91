from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from demo.synthetic import delete_synthetic, generate_synthetic


class Command(BaseCommand):
    help = (
        "Adds synthetic published cases (titles start with [Sintetis], owner 'sintetis') for "
        "load tests and to fill the dashboards; --delete removes them all."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=int, default=1100, help="how many (default 1100)")
        parser.add_argument("--seed", type=int, default=7, help="the same seed, the same data")
        parser.add_argument("--delete", action="store_true", help="remove the synthetic cases")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["delete"]:
            self.stdout.write(f"Removed {delete_synthetic()} synthetic cases.")
            return
        if not 1 <= options["cases"] <= 100_000:
            raise CommandError("--cases takes a number from 1 to 100000.")
        with tqdm(total=options["cases"], unit="case", file=self.stderr) as bar:
            made = generate_synthetic(
                cases=options["cases"], seed=options["seed"], progress=bar.update
            )
        self.stdout.write(f"Added {made.cases} synthetic cases with {made.ratings} ratings.")

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from demo.loader import load_demo


class Command(BaseCommand):
    help = "Loads the demo cases derived from the seed papers (idempotent)."

    def handle(self, *args, **options):
        report = load_demo(create_logins=settings.DEBUG)
        for line in report:
            self.stdout.write(line)
        if not settings.DEBUG:
            self.stdout.write(self.style.WARNING("DEBUG is off: the demo accounts cannot sign in."))

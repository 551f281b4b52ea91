from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("Stakeholders")

    def ready(self) -> None:
        from assessments.services import round_started

        from . import services

        def copy_actors(sender: Any, *, source: Any, target: Any, **kwargs: Any) -> None:
            services.participations_copy(source=source, target=target)

        round_started.connect(copy_actors, weak=False, dispatch_uid="stakeholders-round-actors")

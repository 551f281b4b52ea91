from __future__ import annotations

from collections.abc import Callable
from typing import Any

# `apps.get_model` in a data migration, `django.apps.apps.get_model` elsewhere.
GetModel = Callable[[str, str], Any]

"""API permissions, kept apart from `common.api`: DRF imports these while it is still
importing its own views."""

from __future__ import annotations

from typing import Any

from rest_framework import permissions
from rest_framework.request import Request


class ReadOnlyForPokja(permissions.BasePermission):
    """Pokja viewers read; they never write. The rule itself is `User.is_pokja`."""

    message = "Pokja viewers have read-only access."

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return not getattr(request.user, "is_pokja", False)

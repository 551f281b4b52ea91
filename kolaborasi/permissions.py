"""API permissions, kept apart from `kolaborasi.api`: DRF imports these while it is still
importing its own views."""

from __future__ import annotations

from rest_framework import permissions


class ReadOnlyForPokja(permissions.BasePermission):
    """Pokja viewers read; they never write."""

    message = "Pokja viewers have read-only access."

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        user = request.user
        return not (user.role == "pokja" and not user.is_superuser)

"""Every model of the app in the Django admin, one module per topic."""

from . import cases, frameworks, people

__all__ = ["cases", "frameworks", "people"]

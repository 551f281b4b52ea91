"""Reference data shipped with Kolaborasi: programs, the default scale, the Ansell & Gash frameworks
and the Kemendagri places.

Each installer takes a `get_model(app_label, model_name)` so the same code runs inside data
migrations (historical models) and in tests that have to reinstall what a flush removed.
Installers are idempotent: they update by code and create what is missing.
"""

from .frameworks import (
    ANSELL_GASH_CITATION,
    DEFAULT_SCALE,
    DEFAULT_SCALE_CODE,
    FRAMEWORKS,
    PROGRAMS,
    install_default_scale,
    install_frameworks,
    install_programs,
    install_reference_data,
)
from .installing import GetModel
from .places import (
    install_places,
    kemendagri_places,
    normalize_place_query,
    place_row,
    place_search_name,
)

__all__ = [
    "ANSELL_GASH_CITATION",
    "DEFAULT_SCALE",
    "DEFAULT_SCALE_CODE",
    "FRAMEWORKS",
    "PROGRAMS",
    "GetModel",
    "install_default_scale",
    "install_frameworks",
    "install_places",
    "install_programs",
    "install_reference_data",
    "kemendagri_places",
    "normalize_place_query",
    "place_row",
    "place_search_name",
]

"""Reference data of the stakeholders app, installable from a migration or a test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy

ACTOR_TYPES = [
    ("bappeda", "Bappeda/Bapelitbang", "pemerintah"),
    ("dinas", "Dinas (Perkim/PKP/PU)", "pemerintah"),
    ("satker", "Satker PKP", "pemerintah"),
    ("korkot", "Korkot (Koordinator Kota)", "pemerintah"),
    ("askot", "Askot (Asisten Kota)", "pemerintah"),
    ("camat", "Camat", "pemerintah"),
    ("lurah", "Lurah/Kepala Desa", "pemerintah"),
    ("skpd", "SKPD/OPD", "pemerintah"),
    ("pokja-pkp", "Pokja PKP", "pemerintah"),
    ("fasilitator", "Fasilitator kelurahan", "pemerintah"),
    ("bkm-lkm", "BKM/LKM", "masyarakat"),
    ("ksm", "KSM", "masyarakat"),
    ("kpp", "KPP", "masyarakat"),
    ("upk-ups", "UPK/UPS", "masyarakat"),
    ("ketua-rt-rw", "Ketua RT/RW", "masyarakat"),
    ("warga", "Warga", "masyarakat"),
    ("perusahaan-csr", "Perusahaan CSR", "swasta"),
    ("bank", "Bank", "swasta"),
    ("bank-sampah", "Bank sampah", "swasta"),
    ("perguruan-tinggi", "Perguruan tinggi", "akademisi"),
    ("media", "Media", "media"),
]


def install_actor_types(get_model: Callable[[str, str], Any]) -> None:
    ActorType = get_model("stakeholders", "ActorType")
    for code, name, sector in ACTOR_TYPES:
        ActorType.objects.update_or_create(code=code, defaults={"name": name, "sector": sector})


# Gould & Fernandez (1989) name the roles; the pages say them in the reader's language with
# the original term beside.
BROKERAGE_LABELS = {
    "coordinator": gettext_lazy("coordinator (within one group)"),
    "itinerant": gettext_lazy("consultant (for another group)"),
    "gatekeeper": gettext_lazy("gatekeeper (into one's group)"),
    "representative": gettext_lazy("representative (out of one's group)"),
    "liaison": gettext_lazy("liaison (between two other groups)"),
}


def brokerage_roles(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    """(label, Gould–Fernandez term, count) of the roles an actor plays at least once."""
    return [(str(BROKERAGE_LABELS[role]), role, n) for role, n in counts.items() if n]

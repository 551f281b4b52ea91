"""Reference data of the stakeholders app, installable from a migration or a test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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

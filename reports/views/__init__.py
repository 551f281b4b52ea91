"""Report pages: batches of chapters, and the Pokja dashboard."""

from .batches import batch, job_detail, job_download, job_retry
from .dashboard import dashboard, dashboard_download, dashboard_indicator, landing

__all__ = [
    "batch",
    "dashboard",
    "dashboard_download",
    "dashboard_indicator",
    "job_detail",
    "job_download",
    "job_retry",
    "landing",
]

"""Report pages: batches of chapters, and the Pokja dashboard."""

from .batches import batch, job_detail, job_download
from .dashboard import dashboard, landing

__all__ = ["batch", "dashboard", "job_detail", "job_download", "landing"]

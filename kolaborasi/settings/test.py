import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-tests-only")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Report zips written by tests go to a throwaway folder, not the checkout; a worker that a
# test starts is handed the test's folder.
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=tempfile.mkdtemp(prefix="kolaborasi-test-media-"))

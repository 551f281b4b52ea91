FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libcairo2 fonts-liberation gettext \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY . .
RUN pip install --no-cache-dir . \
 && DJANGO_SETTINGS_MODULE=kolaborasi.settings.local python manage.py collectstatic --no-input -v 0
RUN useradd --create-home kolaborasi && chown -R kolaborasi /app
USER kolaborasi
EXPOSE 8000
CMD ["gunicorn", "kolaborasi.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]

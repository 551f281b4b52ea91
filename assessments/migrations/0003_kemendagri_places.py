from django.db import migrations

from assessments.reference import install_places


def forwards(apps, schema_editor):
    install_places(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_reference_data")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

from django.db import migrations

from assessments.reference import install_reference_data


def forwards(apps, schema_editor):
    install_reference_data(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

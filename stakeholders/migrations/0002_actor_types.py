from django.db import migrations

from stakeholders.reference import install_actor_types


def forwards(apps, schema_editor):
    install_actor_types(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

from django.db import migrations

# The value of equality is "Jämlikhet" in Swedish everywhere (the interface already said so);
# frameworks seeded from the demo data said "Likabehandling".


def jamlikhet(apps, schema_editor):
    Value = apps.get_model("assessments", "Value")
    Value.objects.filter(key="equality", name_sv="Likabehandling").update(name_sv="Jämlikhet")


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0003_actions"),
    ]

    operations = [
        migrations.RunPython(jamlikhet, migrations.RunPython.noop),
    ]

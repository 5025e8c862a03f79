"""Certificates and unit reports made before the private storage existed lay in the public media
folder (media/certificates/, media/reports/), which the embedded default served to anyone. Move
each certificate's files to the private storage (toolkit/storage.py) and delete the old reports,
which are prepared again on request."""

from django.core.files.storage import default_storage, storages
from django.db import migrations


def move_to_private(apps, schema_editor):
    private = storages["private"]
    Certificate = apps.get_model("learning", "Certificate")
    for certificate in Certificate.objects.exclude(files={}).iterator():
        files = dict(certificate.files)
        for language, name in certificate.files.items():
            if not default_storage.exists(name):
                continue
            if not private.exists(name):
                with default_storage.open(name, "rb") as public_file:
                    files[language] = private.save(name, public_file)
            default_storage.delete(name)
        if files != certificate.files:
            certificate.files = files
            certificate.save(update_fields=["files"])
    for folder in ("reports", "certificates"):
        if not default_storage.exists(folder):
            continue
        _subfolders, names = default_storage.listdir(folder)
        for name in names:
            default_storage.delete(f"{folder}/{name}")


class Migration(migrations.Migration):
    dependencies = [("learning", "0002_webinars_assignments")]

    operations = [migrations.RunPython(move_to_private, migrations.RunPython.noop, elidable=True)]

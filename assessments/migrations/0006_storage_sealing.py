"""Seal what an open round stores, give each closed round its k at closing, drop lone roles.

- Sealed answers: the plain JSON payload becomes a padded SealedBox ciphertext for its round
  (assessments.sealing); on SQLite each sealed row also gets a random rowid.
- Drafts: the plain JSON data becomes a padded SecretBox ciphertext.
- Closed rounds: `closed_threshold` is filled with the k in force now (the best floor known).
- Closed rounds where staff or supervisors fell short of that k lose their respondent roles, so
  no stored role marks a unit's only supervisor.
"""

import secrets

from django.db import migrations, models

import assessments.sealing


def _current_k(apps) -> int:
    row = apps.get_model("assessments", "AnonymitySettings").objects.order_by("pk").first()
    return row.threshold if row else 5


def seal_payloads(apps, schema_editor):
    SealedResponse = apps.get_model("assessments", "SealedResponse")
    for row in SealedResponse.objects.all().iterator():
        row.ciphertext = assessments.sealing.answer_seal(round_id=row.round_id, payload=row.payload)
        row.save(update_fields=["ciphertext"])


def randomize_sqlite_rowids(apps, schema_editor):
    """As answering does for new ones: the sealed rows' order no longer follows the submits."""
    if schema_editor.connection.vendor == "sqlite":
        table = apps.get_model("assessments", "SealedResponse")._meta.db_table
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f'SELECT rowid FROM "{table}"')
            for (rowid,) in cursor.fetchall():
                cursor.execute(
                    f'UPDATE "{table}" SET rowid = %s WHERE rowid = %s',
                    [secrets.randbelow(2**62) + 1, rowid],
                )


def encrypt_drafts(apps, schema_editor):
    Draft = apps.get_model("assessments", "Draft")
    for draft in Draft.objects.all().iterator():
        draft.sealed_data = draft.data
        draft.save(update_fields=["sealed_data"])


def fill_closed_threshold(apps, schema_editor):
    AssessmentRound = apps.get_model("assessments", "AssessmentRound")
    AssessmentRound.objects.filter(status="closed", closed_threshold__isnull=True).update(
        closed_threshold=_current_k(apps)
    )


def drop_lone_roles(apps, schema_editor):
    AssessmentRound = apps.get_model("assessments", "AssessmentRound")
    Response = apps.get_model("assessments", "Response")
    current = _current_k(apps)
    rounds = AssessmentRound.objects.filter(status="closed").annotate(
        staff=models.Count("responses", filter=models.Q(responses__respondent_role="staff")),
        supervisors=models.Count(
            "responses", filter=models.Q(responses__respondent_role="supervisor")
        ),
    )
    short = [
        r.pk
        for r in rounds
        if min(r.staff, r.supervisors) < max(current, r.closed_threshold or 0)
    ]
    Response.objects.filter(round_id__in=short).update(respondent_role="")


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0005_actions_suggestion_reason"),
    ]

    operations = [
        migrations.AddField(
            model_name="sealedresponse",
            name="ciphertext",
            field=models.BinaryField(null=True),
        ),
        migrations.RunPython(seal_payloads, migrations.RunPython.noop),
        migrations.RemoveField(model_name="sealedresponse", name="payload"),
        migrations.AlterField(
            model_name="sealedresponse",
            name="ciphertext",
            field=models.BinaryField(),
        ),
        migrations.RunPython(randomize_sqlite_rowids, migrations.RunPython.noop),
        migrations.AddField(
            model_name="draft",
            name="sealed_data",
            field=assessments.sealing.EncryptedJSONField(null=True),
        ),
        migrations.RunPython(encrypt_drafts, migrations.RunPython.noop),
        migrations.RemoveField(model_name="draft", name="data"),
        migrations.RenameField(model_name="draft", old_name="sealed_data", new_name="data"),
        migrations.AlterField(
            model_name="draft",
            name="data",
            field=assessments.sealing.EncryptedJSONField(default=dict),
        ),
        migrations.AddField(
            model_name="assessmentround",
            name="closed_threshold",
            field=models.PositiveSmallIntegerField(
                blank=True, editable=False, null=True, verbose_name="anonymity threshold at closing"
            ),
        ),
        migrations.RunPython(fill_closed_threshold, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="response",
            name="respondent_role",
            field=models.CharField(
                blank=True,
                choices=[("staff", "as staff"), ("supervisor", "as a supervisor")],
                max_length=12,
            ),
        ),
        migrations.RunPython(drop_lone_roles, migrations.RunPython.noop),
    ]

"""The role groups exist after migrate with the admin permissions of every app, also of the apps
that migrate after toolkit (the test database is made by migrate, as a fresh installation is)."""

from django.contrib.auth.models import Group

from toolkit import roles


def test_migrate_gives_administrators_the_permissions_of_apps_after_toolkit(db):
    codenames = set(
        Group.objects.get(name=roles.ADMINISTRATORS).permissions.values_list("codename", flat=True)
    )
    assert {"change_accessibilityfeedback", "change_sitesettings", "add_image"} <= codenames
    assert {"access_admin", "change_unit", "add_peopleimport"} <= codenames


def test_trainers_and_reviewers_get_media_permissions_but_not_organisation_ones(db):
    for name in (roles.TRAINERS, roles.REVIEWERS):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"access_admin", "add_image", "add_document"} <= codenames
        assert "change_unit" not in codenames

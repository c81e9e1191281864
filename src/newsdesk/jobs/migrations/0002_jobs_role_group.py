"""The "jobs" role: a Django group holding exactly the job posting permissions.

Permissions are normally created after all migrations (post_migrate); create them here so that the group can
hold them on a fresh database too. Users who already have the role join the group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "jobs"
CODENAMES = ["add_jobposting", "change_jobposting", "delete_jobposting", "view_jobposting"]


def create_group(apps, schema_editor):
    app_config = apps.get_app_config("jobs")
    app_config.models_module = True  # historical app configs have none; create_permissions skips those
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    User = apps.get_model("accounts", "User")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="jobs", codename__in=CODENAMES))
    for user in User.objects.filter(role="jobs"):
        user.groups.add(group)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("jobs", "0001_job_posting"),
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]

"""The three roles of DESIGN.md as Django groups, and a helper for the migrations that fill them."""

GRIFFIE = "griffie"  # ministry clerks: register and update statuses
BELEID = "beleid"  # policy advisors: find, filter, export, follow
BRIEVEN = "brieven"  # letter staff: compose, approve and finalise letters


def grant(apps, table):
    """Give each group in `table` ({group: ["app_label.codename", ...]}) those permissions.

    Used from data migrations: permissions are normally created after all migrations ran
    (post_migrate), so they are created here first for a fresh database.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for group_name, perms in table.items():
        group, _created = group_model.objects.get_or_create(name=group_name)
        for perm in perms:
            app_label, codename = perm.split(".")
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app_label, codename=codename)
            )


def model_perms(app_label, models, actions):
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Toezeggingen en moties")

    def ready(self):
        from commitments import signals
        from commitments.tk_sync.run import sync_health
        from register.health import add_check

        add_check("sync", sync_health)
        signals.connect()

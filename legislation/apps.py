from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislationConfig(AppConfig):
    name = "legislation"
    verbose_name = _("Wetgeving")

    def ready(self):
        from commitments import related

        # A commitment's or motion's page names the law tracks it belongs to.
        related.add_section(related.RelatedSection(
            template="legislation/partials/record_tracks.html", prefetch="law_tracks"))

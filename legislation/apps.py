from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegislationConfig(AppConfig):
    name = "legislation"
    verbose_name = _("Wetgeving")

    def ready(self):
        from commitments import my_work, rederive, related
        from legislation.models import Stage
        from legislation.my_work import my_tracks

        # A commitment's or motion's page names the law tracks it belongs to.
        related.add_section(related.RelatedSection(
            template="legislation/partials/record_tracks.html", prefetch="law_tracks"))
        # My work shows the user's own law tracks and their stages late or due soon.
        my_work.add_work_section(my_work.WorkSection(
            template="legislation/partials/my_work_tracks.html", rows=my_tracks))
        # rederive_deadlines --all derives the stages' planned periods again too (a stage's
        # plan has no manual override: every stage with words).
        rederive.add_rederivable(rederive.Rederivable(
            label="fase(n)", fields=("planned_start", "planned_end"),
            records=lambda: Stage.objects.exclude(planned_text="").filter(
                planned_on__isnull=False).select_related("track"),
            deriver=lambda: Stage.derive_plan))

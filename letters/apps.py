from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    """The top floor: letters read the register, commitments and legislation; nothing reads
    letters. Where a lower app shows or guards something of a letter, it offers a hook that this
    app fills here (STYLE.md 13)."""

    name = "letters"
    verbose_name = _("Brieven")

    def ready(self):
        from django.db.models import Prefetch

        from commitments import my_work, related
        from letters import checks  # noqa: F401 - registers the letterhead's system checks
        from letters.models import LetterItem, check_not_cited_by_final_letter
        from register.models import DOCUMENT_DELETION_CHECKS

        # A commitment's or motion's page lists the letters that report on it or deliver it,
        # newest first, in one query.
        related.add_section(related.RelatedSection(
            template="letters/partials/record_letters.html",
            prefetch=Prefetch("letter_items", queryset=LetterItem.objects.select_related("letter")
                              .order_by("-letter__date", "-letter__pk"))))
        # My work and the dashboard show the letters that wait for the user.
        from letters.waiting import letters_waiting

        my_work.add_waiting_source(letters_waiting)
        # A paper a final letter cites stays in the register.
        if check_not_cited_by_final_letter not in DOCUMENT_DELETION_CHECKS:
            DOCUMENT_DELETION_CHECKS.append(check_not_cited_by_final_letter)

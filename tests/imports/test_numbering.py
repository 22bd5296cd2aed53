"""Numbers given by the import and by one-by-one registration continue each other."""

import datetime

from commitments.models import Commitment
from tests import factories
from tests.imports.helpers import run


def test_registration_after_an_import_continues_its_numbers(clerk, pages):
    run("import_tk_toezeggingen", *pages)
    imported = sorted(Commitment.objects.filter(number__startswith="TZ-IenW-2024-")
                      .values_list("number", flat=True))
    assert imported[-1] == f"TZ-IenW-2024-{len(imported):03d}"
    made = factories.commitment(clerk, ministry=factories.ministry("IenW"),
                                made_on=datetime.date(2024, 6, 1))
    assert made.number == f"TZ-IenW-2024-{len(imported) + 1:03d}"


def test_an_import_continues_after_numbers_made_here(clerk, pages):
    ministry = factories.ministry("IenW")
    for _ in range(3):
        factories.commitment(clerk, ministry=ministry, made_on=datetime.date(2024, 5, 1))
    run("import_tk_toezeggingen", *pages)
    numbers = sorted(Commitment.objects.filter(number__startswith="TZ-IenW-2024-")
                     .values_list("number", flat=True))
    assert numbers == [f"TZ-IenW-2024-{n:03d}" for n in range(1, len(numbers) + 1)]
    assert len(numbers) > 3

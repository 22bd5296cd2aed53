import pytest

from commitments.models import Commitment
from register.concurrency import StaleEdit
from tests import factories


def test_stale_status_change_is_refused_at_the_model_level(clerk):
    commitment = factories.commitment(clerk)
    started_at = commitment.version
    other = Commitment.objects.get()
    other.change_status("in_progress", by=clerk, reason="eerste")
    with pytest.raises(StaleEdit) as refused:
        commitment.change_status("lapsed", by=clerk, reason="tweede",
                                 expected_version=started_at)
    assert refused.value.current.status == "in_progress"
    assert "Iemand anders" in refused.value.messages[0]
    assert Commitment.objects.get().status == "in_progress"
    assert commitment.history.count() == 2


def test_every_save_raises_the_version(clerk):
    commitment = factories.commitment(clerk)
    assert commitment.version == 1
    commitment.change_status("in_progress", by=clerk, reason="x")
    assert commitment.version == 2
    commitment.title = "anders"
    commitment.save()
    assert commitment.version == 3

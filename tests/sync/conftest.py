"""The replay server with the Kamer's records, and sync_tk run as cron would run it.

The records (tests/sync/data.py) are the real ones where the repository holds them: the 500
Motie Documents, the tombstones and the mixed Zaak page (tests/data/tk/real). The expanded
shapes and the entity sets we hold no real pages of are built from them, each as the service's
schema gives it; data.py says where each shape comes from.
"""

import pytest

from tests.sync import data
from tests.sync.replay import Replay


@pytest.fixture
def replay(settings):
    settings.TK_SYNC_FIRST_PAUSE = 0.05
    server = Replay()
    for name, records in data.service().items():
        server.serve(name, records)
    for tk_id, (_record, xml) in data.reports().items():
        server.serve_resource(f"Verslag({tk_id})/resource", xml)
    yield server
    server.stop()

"""Plain-ORM builders for law tracks, as tests/factories.py does for commitments."""

import itertools

from legislation.models import LawTrack
from register.history import save_with_history
from tests import factories

_counter = itertools.count(1)


def law_track(by, *, instrument="wetsvoorstel", with_stages=True, co_ministries=(), **fields):
    # Zero-padded: the list orders by title, and "Wetsvoorstel 10" sorts before "… 9".
    number = next(_counter)
    values = {"title": f"Wetsvoorstel {number:04d}", "short_name": f"Traject {number:04d}",
              "instrument": instrument, "ministry": factories.ministry(), **fields}
    track = save_with_history(LawTrack(**values), by=by, reason="Geregistreerd")
    track.co_ministries.set([factories.ministry(abbreviation) for abbreviation in co_ministries])
    if with_stages:
        track.add_template_stages(by=by, reason="Sjabloon")
    return track


def stages(track):
    return list(track.stages.order_by("order", "pk"))

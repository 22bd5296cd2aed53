from tests.legislation.builders import law_track, stages


def test_admin_shows_tracks_and_stages_read_only_where_it_matters(client_for, superuser, clerk):
    track = law_track(clerk)
    stage = stages(track)[0]
    client = client_for(superuser)
    for url in ("/beheer/legislation/lawtrack/", f"/beheer/legislation/lawtrack/{track.pk}/change/",
                "/beheer/legislation/stage/", f"/beheer/legislation/stage/{stage.pk}/change/",
                f"/beheer/legislation/lawtrack/{track.pk}/history/"):
        assert client.get(url).status_code == 200, url
    assert client.get("/beheer/legislation/stage/add/").status_code == 403
    form = client.get(f"/beheer/legislation/stage/{stage.pk}/change/").context["adminform"]
    assert "skipped" not in form.form.fields and "name" in form.form.fields

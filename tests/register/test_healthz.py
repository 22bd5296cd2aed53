from unittest import mock


def test_healthz_answers_without_login(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    # The first line is the database's; the next say what the registered checks found.
    assert response.content.startswith(b"ok\n")


def test_healthz_reports_database_failure(client, db):
    with mock.patch("register.views.connection.cursor", side_effect=RuntimeError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503

"""The admin shows letters; a final letter is frozen there too."""


def test_the_admin_lists_and_shows_letters(client_for, superuser, demo, draft_on_demo):
    client = client_for(superuser)
    assert client.get("/beheer/letters/progressletter/").status_code == 200
    final = client.get(f"/beheer/letters/progressletter/{demo['letter'].pk}/change/")
    assert final.status_code == 200
    assert 'name="subject"' not in final.content.decode()  # read-only
    draft = client.get(f"/beheer/letters/progressletter/{draft_on_demo.pk}/change/")
    assert 'name="subject"' in draft.content.decode()


def test_a_final_letter_cannot_be_deleted_in_the_admin(client_for, superuser, demo):
    response = client_for(superuser).post(
        f"/beheer/letters/progressletter/{demo['letter'].pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert demo["letter"].__class__.objects.filter(pk=demo["letter"].pk).exists()

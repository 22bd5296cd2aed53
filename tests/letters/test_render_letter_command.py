"""`manage.py render_letter <id> --output FILE`: a draft rendered now, a final letter's stored PDF
written unchanged."""

import pytest
from django.core.management import CommandError, call_command

from tests.letters.test_layout import pdf_pages


def test_a_draft_is_rendered(draft, tmp_path):
    output = tmp_path / "concept.pdf"
    call_command("render_letter", draft.pk, output=str(output))
    pages = pdf_pages(output.read_bytes(), tmp_path)
    assert "Voortgangsbrief drugbeleid" in pages[0]
    assert f"Pagina 1 van {len(pages)}" in pages[0]


def test_a_final_letter_is_written_byte_for_byte_as_stored(demo, tmp_path):
    letter = demo["letter"]
    output = tmp_path / "brief.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("letters.management.commands.render_letter.render_letter_pdf",
                      lambda content: pytest.fail("a final letter is never rendered again"))
        call_command("render_letter", letter.pk, output=str(output))
    with letter.pdf.open("rb") as stored:
        assert output.read_bytes() == stored.read()


def test_a_stored_pdf_that_changed_is_refused(demo, tmp_path):
    letter = demo["letter"]
    with letter.pdf.open("wb") as stored:
        stored.write(b"%PDF tampered")
    with pytest.raises(CommandError, match="SHA-256"):
        call_command("render_letter", letter.pk, output=str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_letter_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="No letter"):
        call_command("render_letter", 999, output=str(tmp_path / "x.pdf"))

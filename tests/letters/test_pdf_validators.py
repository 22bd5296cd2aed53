"""Checkers other than our own read the letters' PDFs (docs/LETTERS.md "What was validated"):

- qpdf's syntax check (`qpdf --check`, through pikepdf's `check_pdf_syntax`): the file's
  structure (cross-reference table, objects, streams) is sound;
- pdfua (PyPI, pure Python on pikepdf): 16 of the 106 machine-checkable rules of PDF/UA-1
  (tags, language, title, fonts, tables, headings …). It finds no error; its one warning is that
  the tables' header cells carry no /Scope (WeasyPrint does not write the HTML's `scope`).

veraPDF, the reference validator for PDF/UA and PDF/A, is a Java program that neither Debian
nor PyPI nor npm ships, so it cannot run here. The pdfua test skips when pdfua is not installed.
"""

import io

import pikepdf
import pytest

KINDS = ["demo", "composed", "rappel"]


@pytest.mark.parametrize("name", KINDS)
def test_qpdf_finds_nothing_wrong_with_the_files_structure(letters, name):
    assert pikepdf.open(io.BytesIO(letters[name][0])).check_pdf_syntax() == []


@pytest.mark.parametrize("name", KINDS)
def test_pdfua_finds_no_error(letters, name, tmp_path):
    pdfua = pytest.importorskip("pdfua")
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(letters[name][0])
    report = pdfua.validate(str(path))
    assert [finding.rule_id for finding in report.findings
            if finding.severity >= pdfua.Severity.ERROR] == []
    # Header cells without /Scope: a warning (a person confirms the table reads by position).
    assert {finding.rule_id for finding in report.findings} <= {"UA-15-003"}

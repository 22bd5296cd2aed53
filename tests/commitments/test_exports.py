import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from commitments.columns import COMMITMENT_COLUMNS
from commitments.models import Commitment
from tests import factories


@pytest.fixture
def rows(clerk):
    made = datetime.date(2020, 12, 18)
    created = [factories.commitment(clerk, title=f"Toezegging {i:02d}", made_on=made,
                                    deadline_text="in het voorjaar van 2021")
               for i in range(30)]
    created[0].change_status("done", by=clerk, reason="Afgedaan met de brief",
                             document=factories.document("468"))
    factories.commitment(clerk, title="=HYPERLINK(\"http://evil\")", made_on=made)
    return created


def listed(client, query):
    response = client.get(reverse("commitments:list"), {**query, "per_page": 100})
    return [c.number for c in response.context["page"].object_list]


def test_xlsx_holds_exactly_the_filtered_rows_with_real_dates(client_for, advisor, rows):
    client = client_for(advisor)
    query = {"status": "open", "sort": "-made"}
    response = client.get(reverse("commitments:export-xlsx"), query)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert list(values[0]) == [header for _key, header in COMMITMENT_COLUMNS]
    numbers = [row[0] for row in values[1:]]
    assert numbers == listed(client, query)
    assert len(numbers) == 30  # all rows of the filter, not one page
    made_on = COMMITMENT_COLUMNS.index(("made_on", "Datum toezegging")) + 1
    cell = sheet.cell(row=2, column=made_on)
    assert cell.is_date and cell.value.date() == datetime.date(2020, 12, 18)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")


def test_xlsx_keeps_formula_like_text_as_text(client_for, advisor, rows):
    response = client_for(advisor).get(reverse("commitments:export-xlsx"), {"q": "hyperlink"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=6)
    assert cell.value == '=HYPERLINK("http://evil")' and cell.data_type == "s"


def test_stand_van_zaken_column_is_the_progress_text_not_a_change_reason(client_for, advisor,
                                                                         rows):
    Commitment.objects.filter(status="done").update(progress="Brief verstuurd op 1 maart.")
    response = client_for(advisor).get(reverse("commitments:export-xlsx"), {"status": "done"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    progress = [header for _key, header in COMMITMENT_COLUMNS].index("Stand van zaken") + 1
    assert sheet.cell(row=2, column=progress).value == "Brief verstuurd op 1 maart."
    values = [cell.value for cell in sheet[2]]
    assert "Afgedaan met de brief" not in values  # the reason typed at the status change


def test_csv_is_utf8_with_bom_and_semicolons(client_for, advisor, rows):
    response = client_for(advisor).get(reverse("commitments:export-csv"), {"status": "open"})
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeffNummer;")
    records = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert len(records) == 1 + 30
    assert records[1][9] == "18-12-2020"
    evil = [record for record in records if "HYPERLINK" in record[5]]
    assert evil[0][5].startswith("'=")  # Excel will not run it


def test_export_has_no_query_per_row(client_for, advisor, clerk, django_assert_max_num_queries):
    client = client_for(advisor)
    factories.commitment(clerk)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("commitments:export-xlsx"))
    for index in range(40):
        factories.commitment(clerk, bewindspersoon=factories.bewindspersoon(f"P{index}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("commitments:export-xlsx"))


def test_invalid_filter_refuses_the_export(client_for, advisor, rows):
    response = client_for(advisor).get(reverse("commitments:export-csv"), {"overdue": "maybe"})
    assert response.status_code == 400
    assert "Dit filter klopt niet" in response.content.decode()


def test_export_needs_a_role(client_for, norole):
    assert client_for(norole).get(reverse("commitments:export-xlsx")).status_code == 403


def test_days_late_column(client_for, advisor, rows):
    """Open and past its deadline (31 May 2021): the days since; delivered or not late: empty."""
    sheet = openpyxl.load_workbook(io.BytesIO(client_for(advisor).get(
        reverse("commitments:export-xlsx")).content)).active
    values = list(sheet.values)
    column = [key for key, _header in COMMITMENT_COLUMNS].index("days_late")
    assert values[0][column] == "Dagen te laat"
    late = (datetime.date.today() - datetime.date(2021, 5, 31)).days
    by_number = {row[0]: row[column] for row in values[1:]}
    assert by_number[rows[1].number] == late
    assert by_number[rows[0].number] is None  # delivered

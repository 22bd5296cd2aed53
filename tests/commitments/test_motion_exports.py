import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from commitments.exports import MOTION_COLUMNS
from commitments.models import Motion, MotionSubmitter
from register.models import Debate, Party, Person, Topic
from tests import factories

HEADERS = [header for _key, header in MOTION_COLUMNS]


def column(header):
    return HEADERS.index(header) + 1


@pytest.fixture
def motions(clerk):
    pvv = Party.objects.create(abbreviation="PVV")
    mulder = Person.objects.create(first_name="Edgar", surname="Mulder")
    created = []
    for index in range(30):
        motion = factories.motion(clerk, number=str(500 + index), title=f"Motie {index:02d}",
                                  filed_on=datetime.date(2019, 12, 11))
        MotionSubmitter.objects.create(motion=motion, person=mulder, party=pvv)
        created.append(motion)
    created[0].record_vote("adopted", by=clerk, reason="Aangenomen",
                           on=datetime.date(2019, 12, 17))
    created[0].change_status("executed", by=clerk, reason="Uitgevoerd met de voortgangsbrief",
                             document=factories.document("468"))
    Motion.objects.filter(pk=created[0].pk).update(progress="Gemeld in de voortgangsbrief.")
    factories.motion(clerk, number="999", title="=HYPERLINK(\"http://evil\")")
    return created


def listed(client, query):
    """The references on every page of the list, in list order."""
    references, page = [], 1
    while page:
        response = client.get(reverse("commitments:motion-list"), {**query, "page": page})
        shown = response.context["page"]
        references += [str(motion.reference) for motion in shown.object_list]
        page = shown.next_page_number() if shown.has_next() else None
    return references


def test_xlsx_holds_exactly_the_filtered_rows_across_pages(client_for, advisor, motions):
    client = client_for(advisor)
    query = {"party": "PVV", "sort": "number"}
    response = client.get(reverse("commitments:motion-export-xlsx"), query)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="moties-' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert list(values[0]) == HEADERS
    references = [row[0] for row in values[1:]]
    assert references == listed(client, query)
    assert len(references) == 30 and references[0] == "Kamerstuk 24 077, nr. 500"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:P{len(values)}"


def test_xlsx_has_real_dates_and_the_motions_details(client_for, advisor, motions):
    response = client_for(advisor).get(reverse("commitments:motion-export-xlsx"),
                                       {"vote_outcome": "adopted"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 2
    filed = sheet.cell(row=2, column=column("Ingediend op"))
    assert filed.is_date and filed.value.date() == datetime.date(2019, 12, 11)
    assert sheet.cell(row=2, column=column("Datum uitslag")).value.date() == datetime.date(
        2019, 12, 17)
    row = {header: sheet.cell(row=2, column=column(header)).value for header in HEADERS}
    assert row["Indieners"] == "Edgar Mulder (PVV)"
    assert (row["Uitslag"], row["Uitvoering"]) == ("Aangenomen", "Uitgevoerd")
    assert row["Stand van zaken"] == "Gemeld in de voortgangsbrief."  # not the change reason
    assert row["Uitvoering gemeld in"] == "Kamerstuk 24 077, nr. 468"
    assert row["Dossier"] == "24 077 Drugbeleid"


def test_xlsx_keeps_formula_like_text_as_text(client_for, advisor, motions):
    response = client_for(advisor).get(reverse("commitments:motion-export-xlsx"),
                                       {"q": "hyperlink"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=column("Titel"))
    assert cell.value == '=HYPERLINK("http://evil")' and cell.data_type == "s"


def test_csv_is_utf8_with_bom_and_semicolons(client_for, advisor, motions):
    response = client_for(advisor).get(reverse("commitments:motion-export-csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeffNummer;Dossier;")
    records = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert len(records) == 1 + 31
    adopted = next(record for record in records if record[0] == "Kamerstuk 24 077, nr. 500")
    assert adopted[column("Ingediend op") - 1] == "11-12-2019"
    evil = next(record for record in records if "HYPERLINK" in record[column("Titel") - 1])
    assert evil[column("Titel") - 1].startswith("'=")  # Excel will not run it


@pytest.mark.parametrize("name", ["commitments:motion-export-xlsx",
                                  "commitments:motion-export-csv"])
def test_invalid_filter_refuses_the_export(name, client_for, advisor, motions):
    response = client_for(advisor).get(reverse(name), {"vote_outcome": "maybe"})
    assert response.status_code == 400
    assert "Dit filter klopt niet" in response.content.decode()


def test_export_has_no_query_per_row(client_for, advisor, clerk, django_assert_max_num_queries):
    client = client_for(advisor)
    party = Party.objects.create(abbreviation="SGP")
    debate = Debate.objects.create(kind="vao", title="Drugsbeleid",
                                   date=datetime.date(2019, 12, 11))

    def add(index):
        motion = factories.motion(clerk, owner=advisor, debate=debate)
        motion.topics.set([Topic.objects.get_or_create(name=f"t{index % 3}")[0]])
        person = Person.objects.create(surname=f"Lid {index}")
        MotionSubmitter.objects.create(motion=motion, person=person, party=party)

    add(0)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("commitments:motion-export-xlsx"))
    for index in range(1, 41):
        add(index)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("commitments:motion-export-xlsx"))


def test_export_needs_a_role(client_for, norole):
    assert client_for(norole).get(reverse("commitments:motion-export-csv")).status_code == 403

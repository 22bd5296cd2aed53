"""Stored files in S3-compatible object storage (docs/OPERATIONS.md "Stored files").

The storage is configured as in production, from S3_* variables (register.settings.file_storage),
and talks HTTP to moto's S3 server, which the tests start on 127.0.0.1 like the throwaway
PostgreSQL: no internet, no AWS. What the bucket holds is read with boto3 directly, so a file
that went to the local folder instead would be missed, not found.
"""

import hashlib
import io
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from moto.server import ThreadedMotoServer

from commitments.models import Commitment, SpreadsheetUpload
from letters.compose import letter_compose
from letters.models import ProgressLetter
from letters.services import letter_approve, letter_submit
from register.settings import file_storage
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "kamerregister-test", "AWS_SECRET_ACCESS_KEY": "geheim"}


@pytest.fixture(scope="session")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


class Bucket:
    """A new, empty bucket on the local S3 server, and the environment that points at it."""

    def __init__(self, endpoint):
        self.name = f"kamerregister-{uuid.uuid4().hex[:12]}"
        self.env = {"S3_BUCKET": self.name, "S3_ENDPOINT_URL": endpoint,
                    "S3_REGION": "eu-west-1", "S3_PREFIX": "register", **CREDENTIALS}
        self.client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1",
                                   aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                                   aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"])
        self.client.create_bucket(Bucket=self.name, CreateBucketConfiguration={
            "LocationConstraint": "eu-west-1"})

    def objects(self):
        """{key: content} of everything in the bucket."""
        listed = self.client.list_objects_v2(Bucket=self.name).get("Contents", [])
        return {item["Key"]: self.client.get_object(Bucket=self.name, Key=item["Key"])["Body"]
                .read() for item in listed}


@pytest.fixture
def new_bucket(s3_endpoint, monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for key, value in CREDENTIALS.items():
        monkeypatch.setenv(key, value)
    return lambda: Bucket(s3_endpoint)


@pytest.fixture
def bucket(new_bucket, settings):
    """The register's stored files in a new bucket, configured as the environment would."""
    bucket = new_bucket()
    use(settings, bucket.env)
    return bucket


def use(settings, env):
    settings.STORAGES = {**settings.STORAGES, "default": file_storage(env)}


@pytest.fixture
def local_media(tmp_path):
    """The local folder the other tests store into (tests/conftest.py): must stay empty here."""
    return tmp_path / "media"


def test_the_default_is_the_local_folder():
    assert file_storage({}) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(os.environ.get("VAR_DIR", ROOT / "var")) / "media"}}
    assert file_storage({"MEDIA_ROOT": "/srv/media"})["OPTIONS"] == {"location": "/srv/media"}


def test_object_storage_is_chosen_by_its_bucket():
    storage = file_storage({"S3_BUCKET": "kamerregister", "MEDIA_ROOT": "/srv/media",
                            "S3_ENDPOINT_URL": "https://s3.example.nl", "S3_PREFIX": "prod"})
    assert storage["BACKEND"] == "register.storage.ObjectStorage"
    assert storage["OPTIONS"]["bucket_name"] == "kamerregister"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.nl"
    assert storage["OPTIONS"]["location"] == "prod"
    assert storage["OPTIONS"]["file_overwrite"] is False
    assert storage["OPTIONS"]["region_name"] is None  # boto3's own default then


def test_failures_of_the_object_storage_are_os_errors_as_the_local_folders_are(
        new_bucket, settings):
    """The code that stores files handles OSError (a full or read-only disk); the object
    storage's failures are OSErrors too."""
    bucket = new_bucket()
    use(settings, bucket.env)
    with pytest.raises(FileNotFoundError):
        default_storage.open("letters/not-there.pdf")
    bucket.client.delete_bucket(Bucket=bucket.name)
    with pytest.raises(OSError, match="NoSuchBucket"):
        default_storage.save("letters/brief.pdf", ContentFile(b"%PDF-1.7"))
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    use(settings, {**bucket.env, "S3_ENDPOINT_URL": f"http://127.0.0.1:{port}"})
    with pytest.raises(OSError, match="objectopslag"):
        default_storage.save("letters/brief.pdf", ContentFile(b"%PDF-1.7"))


@pytest.fixture
def approved(clerk, letter_writer, letter_writer2):
    """An approved progress letter, ready to be finalised by letter_writer."""
    dossier = factories.dossier()
    factories.commitment(clerk, title="Onderzoek naar lachgas", dossier=dossier)
    letter = letter_compose(dossier=dossier, by=letter_writer)
    letter_submit(letter=letter, by=letter_writer)
    return letter_approve(letter=letter, by=letter_writer2)


def test_a_finalised_letter_is_stored_in_the_bucket_and_downloaded_byte_for_byte(
        bucket, local_media, client, approved, letter_writer):
    letter = approved
    client.force_login(letter_writer)
    response = client.post(reverse("letters:finalise", args=[letter.pk]),
                           {"version": letter.version})
    assert response.status_code == 302
    letter = ProgressLetter.objects.get(pk=letter.pk)
    assert letter.is_final
    stored = bucket.objects()
    assert list(stored) == [f"register/{letter.pdf.name}"]
    pdf = stored[f"register/{letter.pdf.name}"]
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == letter.pdf_sha256
    download = client.get(reverse("letters:pdf", args=[letter.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == pdf
    assert not local_media.exists()


def test_finalising_with_the_bucket_gone_is_a_message_and_nothing_is_finalised(
        bucket, local_media, client, approved, letter_writer):
    bucket.client.delete_bucket(Bucket=bucket.name)
    client.force_login(letter_writer)
    response = client.post(reverse("letters:finalise", args=[approved.pk]),
                           {"version": approved.version}, follow=True)
    assert "De PDF kon niet worden opgeslagen (objectopslag:" in response.content.decode()
    letter = ProgressLetter.objects.get(pk=approved.pk)
    assert not letter.is_final and not letter.pdf and letter.version == approved.version
    assert not local_media.exists()


def test_a_spreadsheet_is_previewed_and_imported_with_object_storage(bucket, local_media,
                                                                       client_for, clerk):
    """The upload waits for its preview in the database (SpreadsheetUpload), which every app
    server reads: nothing goes to the bucket or to a local folder."""
    factories.ministry("VWS")
    factories.bewindspersoon()
    client = client_for(clerk)
    upload = io.BytesIO(("\ufeffTitel;Tekst;Bewindspersoon;Ministerie;Datum toezegging\n"
                         "Nieuw;Ik stuur een brief.;P. Blokhuis;VWS;18-12-2020\n").encode())
    upload.name = "lijst.csv"
    preview_url = client.post(reverse("commitments:spreadsheet-upload"),
                              {"file": upload})["Location"]
    assert SpreadsheetUpload.objects.get().filename == "lijst.csv"
    page = client.get(preview_url).content.decode()
    assert "Bevestig en lees in" in page
    seen = page.split('name="seen" value="')[1].split('"')[0]
    assert client.post(preview_url, {"confirm": "1", "seen": seen}).status_code == 302
    assert Commitment.objects.get().title == "Nieuw"
    assert bucket.objects() == {} and not local_media.exists()


def test_the_register_is_exported_and_restored_with_its_pdfs(new_bucket, settings, db,
                                                             tmp_path, local_media):
    """A separate process, configured only by the environment, loads the demo (which finalises
    the reference letter into its bucket) and exports; this test run's database restores it
    into another, empty bucket: the same objects, byte for byte, and the same export again."""
    source = new_bucket()
    (tmp_path / "source").mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "MEDIA_ROOT")}
    env.update(source.env, VAR_DIR=str(tmp_path / "source"), DEMO_MODE="1", DEBUG="1",
               DJANGO_SETTINGS_MODULE="register.settings")
    first = tmp_path / "first.json"
    for args in (["migrate"], ["demo_users"], ["load_demo", "--user", "griffie"],
                 ["export_register", "--output", str(first)]):
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
    exported = source.objects()
    assert exported and all(content.startswith(b"%PDF") for content in exported.values())

    target = new_bucket()
    use(settings, target.env)
    call_command("import_register", str(first))
    assert target.objects() == exported
    letter = ProgressLetter.objects.get(status="final")
    with letter.pdf.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == letter.pdf_sha256
    second = tmp_path / "second.json"
    call_command("export_register", output=str(second))
    assert second.read_bytes() == first.read_bytes()
    assert not local_media.exists()

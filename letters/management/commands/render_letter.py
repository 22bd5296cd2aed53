import hashlib
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters.content import letter_content
from letters.layout import render_letter_pdf
from letters.models import ProgressLetter


class Command(BaseCommand):
    help = ("Write a letter's PDF: a final letter's stored PDF unchanged, a draft rendered from "
            "its current text. Writes no data, so it takes no --user.")

    def add_arguments(self, parser):
        parser.add_argument("id", type=int, help="the letter's id (as in /brieven/<id>/)")
        parser.add_argument("--output", "-o", required=True, help="the PDF file to write; - for "
                            "standard output")

    def handle(self, *args, id, output, **options):
        letter = ProgressLetter.objects.select_related("dossier", "ministry", "directorate") \
            .filter(pk=id).first()
        if letter is None:
            raise CommandError(f"No letter with id {id}.")
        if letter.is_final:
            with letter.pdf.open("rb") as stored:
                pdf = stored.read()
            # Final means byte-identical forever: a stored file that changed is an error, not
            # something to hand on.
            if hashlib.sha256(pdf).hexdigest() != letter.pdf_sha256:
                raise CommandError(f"The stored PDF of letter {id} does not match its SHA-256.")
        else:
            pdf = render_letter_pdf(letter_content(letter))
        if output == "-":
            sys.stdout.buffer.write(pdf)
            return
        Path(output).write_bytes(pdf)
        kind = "stored PDF of the final letter" if letter.is_final else f"{letter.status} rendered"
        self.stdout.write(f"Wrote {len(pdf)} bytes ({kind}) to {output}.")

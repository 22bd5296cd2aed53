from pathlib import Path

from django.core.management.base import CommandError

from commitments import spreadsheet
from register.management.base import UserCommand

# The exit status when --skip-invalid left rows out; the valid ones were written.
SKIPPED = 3


class Command(UserCommand):
    help = ("Read commitments from an XLSX or CSV file (the layout of our own export, or other "
            "columns with --map), show per row what would happen, and write it all or nothing. "
            "Exits 0 when every row was read, 1 when nothing was written, "
            f"{SKIPPED} when --skip-invalid left rows out.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("file")
        parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                            help="read our FIELD (e.g. title) from the column with this header")
        parser.add_argument("--dry-run", action="store_true", help="show, write nothing")
        parser.add_argument("--skip-invalid", action="store_true",
                            help=f"write the valid rows and report the others; exits {SKIPPED} "
                                 "when rows were left out")

    def handle(self, *args, file, dry_run, skip_invalid, **options):
        path = Path(file)
        try:
            content = path.read_bytes()
            sheet = spreadsheet.read_sheet(content, path.name)
            plan = spreadsheet.plan_sheet(sheet, path.name, self.mapping(sheet[0], options["map"]))
        except FileNotFoundError:
            raise CommandError(f"{file}: bestand niet gevonden.") from None
        except spreadsheet.SheetError as error:
            raise CommandError(f"{file}: {error}") from None
        for row in plan.rows:
            self.stdout.write(self.describe(row))
        if plan.has_errors and not skip_invalid:
            raise CommandError(f"{file}: {plan.count('error')} rij(en) met fouten; er is niets "
                               "ingelezen (gebruik --skip-invalid om de goede rijen in te lezen).")
        if not dry_run:
            self.write(plan, file, skip_invalid)
        else:
            self.stdout.write("Dry run: nothing written.")
        if plan.has_errors:
            raise CommandError(f"{file}: {plan.count('error')} rij(en) met fouten overgeslagen "
                               f"(afsluitcode {SKIPPED}).", returncode=SKIPPED)

    def write(self, plan, file, skip_invalid):
        try:
            created, updated = spreadsheet.apply_plan(plan, by=self.user,
                                                      skip_invalid=skip_invalid)
        except spreadsheet.PlanFailed:
            for row in plan.rows:
                if row.errors:
                    self.stdout.write(self.describe(row))
            raise CommandError(f"{file}: de database weigerde {plan.count('error')} rij(en); er "
                               "is niets ingelezen.") from None
        self.stdout.write(f"{created} created, {updated} updated, "
                          f"{plan.count('error')} skipped with errors.")

    def mapping(self, headers, pairs):
        mapping = spreadsheet.default_mapping(headers)
        for pair in pairs:
            field, _sep, column = pair.partition("=")
            if field not in spreadsheet.IMPORTED or column not in headers:
                raise CommandError(f"--map {pair}: expected FIELD=COLUMN with FIELD one of "
                                   f"{', '.join(spreadsheet.IMPORTED)} and COLUMN a header.")
            mapping[field] = headers.index(column)
        return mapping

    def describe(self, row):
        if row.errors:
            return f"row {row.number}: ERROR " + "; ".join(
                f"kolom {column}: {message}" if column else message
                for column, message in row.errors)
        if row.action == "create":
            return f"row {row.number}: create {row.values.get('title', '')!r}"
        if row.action == "update":
            return f"row {row.number}: update {row.commitment.number}: " + "; ".join(
                f"{label}: {old} -> {new}" for label, old, new in row.changes)
        return f"row {row.number}: unchanged {row.commitment.number}"

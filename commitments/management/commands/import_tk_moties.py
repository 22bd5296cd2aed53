"""Import motions (Document records of Soort Motie) from the Tweede Kamer's open data."""

from commitments.management.commands.import_tk_toezeggingen import EXIT_CODES
from commitments.management.commands.import_tk_toezeggingen import Command as ImportCommand
from commitments.tk_import import import_moties


class Command(ImportCommand):
    help = ("Importeer moties (Document-records met Soort ‘Motie’) uit de open data van de "
            "Tweede Kamer; een motie die we al hebben wordt aangevuld, niet verdubbeld. "
            + EXIT_CODES)
    service = staticmethod(import_moties)

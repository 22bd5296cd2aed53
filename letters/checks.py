"""System checks of the letterhead configuration (settings.LETTERHEAD): a missing logo or font
file is reported when the application starts (`manage.py check`, runserver, migrate), not when
a letter is finalised."""

from pathlib import Path

from django.core.checks import Error, register

from letters.letterhead import FONT_FACES, configured


@register()
def letterhead_files(app_configs, **kwargs):
    config = configured()
    errors = []
    logo = Path(config["logo"])
    if not logo.is_file():
        errors.append(Error(f"LETTER_LOGO: no such file: {logo}", id="letters.E001",
                            hint="Point LETTER_LOGO at the ministry's logo (an SVG file)."))
    elif logo.suffix.lower() != ".svg":
        errors.append(Error(f"LETTER_LOGO must be an SVG file: {logo}", id="letters.E002"))
    for style, path in config["font_files"].items():
        if style not in FONT_FACES:
            errors.append(Error(f"LETTER_FONT_FILES: unknown style {style!r}", id="letters.E003",
                                hint=f"Use {', '.join(FONT_FACES)}."))
        elif not Path(path).is_file():
            errors.append(Error(f"LETTER_FONT_FILES: no such file for {style}: {path}",
                                id="letters.E004"))
    return errors

"""The letterhead as configuration (DESIGN.md "Letters"): the ministry's logo and fonts from
settings.LETTERHEAD, the sender column from the Ministry and Directorate records.

The logo and font files are the only files outside the static folders that the PDF renderer may
read (letters.layout.static_path); the HTML preview shows the logo as a data: URL, so the
browser needs no view for it. A missing or unreadable file is reported by the system check
(letters.checks) when the application starts, not when a letter is finalised.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

FONT_FACES = {  # the style names in LETTER_FONT_FILES → (font-weight, font-style)
    "regular": ("normal", "normal"),
    "bold": ("bold", "normal"),
    "italic": ("normal", "italic"),
    "bold-italic": ("bold", "italic"),
}


@dataclass(frozen=True)
class FontFace:
    url: str
    weight: str
    style: str
    format: str


@dataclass(frozen=True)
class House:
    """What the configuration puts on every letter: the logo and the fonts."""

    logo_url: str
    logo_height_mm: float
    font_family: str
    font_faces: tuple[FontFace, ...] = ()


def configured():
    return settings.LETTERHEAD


def configured_files() -> list[Path]:
    """The logo and the font files of the configuration (which may not exist: see checks)."""
    config = configured()
    return [Path(config["logo"]), *(Path(path) for path in config["font_files"].values())]


def allowed_files() -> set[str]:
    """The resolved paths of the configured files that exist: what the renderer may read
    besides the static folders."""
    return {os.path.realpath(path) for path in configured_files() if os.path.isfile(path)}


def font_format(path: Path) -> str:
    return {".otf": "opentype", ".woff": "woff", ".woff2": "woff2"}.get(
        path.suffix.lower(), "truetype")


def house(*, for_pdf: bool) -> House:
    """The logo and fonts: file URLs for the PDF renderer, a data: URL of the logo for the
    preview (a browser cannot read the server's files; the preview names the font family and
    falls back to the free fonts)."""
    config = configured()
    logo = Path(config["logo"])
    if for_pdf:
        logo_url = Path(os.path.realpath(logo)).as_uri() if logo.is_file() else ""
        faces = tuple(FontFace(Path(os.path.realpath(path)).as_uri(), *FONT_FACES[name],
                               font_format(Path(path)))
                      for name, path in sorted(config["font_files"].items()))
    else:
        kind = mimetypes.guess_type(logo.name)[0] or "image/svg+xml"
        logo_url = f"data:{kind};base64,{base64.b64encode(logo.read_bytes()).decode()}" \
            if logo.is_file() else ""
        faces = ()
    # The family name goes into a CSS string: letters, digits, spaces and hyphens only.
    family = re.sub(r"[^\w -]", "", config["font_family"]) or "DejaVu Sans"
    return House(logo_url=logo_url, logo_height_mm=config["logo_height_mm"],
                 font_family=family, font_faces=faces)

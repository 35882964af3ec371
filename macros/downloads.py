"""Files generated at build time for download (spreadsheets, data exports, term bases).

Each feature adds one ``Download`` to ``DOWNLOADS``; the MkDocs hook writes
them under ``downloads/`` in every language build, and the Downloads page can
list them from the same registry. Builders are pure: model in, bytes out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .checklist_downloads import checklist_csv, checklist_xlsx
from .checklists import download_files as checklist_files
from .model import Model


@dataclass(frozen=True)
class Download:
    """One downloadable file.

    ``filename(lang)`` names it for a language build; ``build(model, lang)``
    returns its bytes. A file with ``per_language=False`` holds every
    language and is written once, in the default language's build.
    """

    key: str
    filename: Callable[[str], str]
    build: Callable[[Model, str], bytes]
    media_type: str
    title_key: str
    per_language: bool = True


DOWNLOADS: tuple[Download, ...] = (
    Download("checklist-xlsx", lambda lang: checklist_files(lang)["xlsx"], checklist_xlsx,
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "checklists_download_xlsx"),
    Download("checklist-csv", lambda lang: checklist_files(lang)["csv"], checklist_csv, "text/csv", "checklists_download_csv"),
)


def site_path(download: Download, lang: str) -> str:
    return f"downloads/{download.filename(lang)}"


def for_build(lang: str, is_default: bool) -> list[Download]:
    """The downloads a language build writes."""
    return [d for d in DOWNLOADS if d.per_language or is_default]

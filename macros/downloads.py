"""Files generated at build time for download (spreadsheets, data exports, term bases).

Each feature adds one ``Download`` to ``DOWNLOADS``; the MkDocs hook writes
them under ``downloads/`` in every language build, and the Downloads page can
list them from the same registry. Builders are pure: model in, bytes out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import glossary_export
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


def _trainers() -> tuple[Download, ...]:
    from . import exports as x

    def per_lang(key: str, stem: str, ext: str, build, media: str) -> tuple[Download, Download]:
        return (Download(key, lambda lang: f"{stem}-{lang}.{ext}", build, media, f"download_{key}"),
                Download(f"{key}_all", lambda _lang: f"{stem}.{ext}", lambda m, _l: build(m, x.COMBINED), media,
                         f"download_{key}", per_language=False))

    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return (*per_lang("catalogue_json", "catalogue", "json", x.catalogue_json, "application/json"),
            Download("catalogue_schema", lambda _l: "catalogue.schema.json", x.schema_json, "application/schema+json",
                     "download_catalogue_schema", per_language=False),
            *per_lang("practices_csv", "practices", "csv", x.practices_csv, "text/csv"),
            *per_lang("expectations_csv", "expectations", "csv", x.expectations_csv, "text/csv"),
            *per_lang("catalogue_xlsx", "catalogue", "xlsx", x.catalogue_xlsx, xlsx))


DOWNLOADS: tuple[Download, ...] = (
    Download("checklist-xlsx", lambda lang: checklist_files(lang)["xlsx"], checklist_xlsx,
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "checklists_download_xlsx"),
    Download("checklist-csv", lambda lang: checklist_files(lang)["csv"], checklist_csv, "text/csv", "checklists_download_csv"),
    *_trainers(),  # catalogue JSON + schema, CSV, XLSX (issue 7)
    # the glossary (issue 6): both languages in each file, a copy in each language build
    Download("glossary-csv", lambda _lang: "glossary.csv", glossary_export.csv_bytes, "text/csv", "glossary_download_csv"),
    Download("glossary-tbx", lambda _lang: "glossary.tbx", glossary_export.tbx_bytes, "application/x-tbx+xml",
             "glossary_download_tbx"),
)


_built: dict[tuple[str, str], tuple[Model, bytes]] = {}


def content(download: Download, model: Model, lang: str) -> bytes:
    """The file's bytes, built once per model and language.

    The Downloads page needs each file's size and the hook writes the file; both ask here, so each
    file is built once per build and the size shown is the size written.
    """
    key = (download.key, lang if download.per_language else "")  # an all-languages file is the same in every build
    if key not in _built or _built[key][0] is not model:
        _built[key] = (model, download.build(model, lang))
    return _built[key][1]


def site_path(download: Download, lang: str) -> str:
    return f"downloads/{download.filename(lang)}"


def for_build(lang: str, is_default: bool) -> list[Download]:
    """The downloads a language build writes."""
    return [d for d in DOWNLOADS if d.per_language or is_default]

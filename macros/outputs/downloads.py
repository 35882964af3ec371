"""Files generated at build time for download (spreadsheets, data exports, term bases).

Each feature adds one ``Download`` to ``DOWNLOADS``; the plugin writes them
under ``downloads/`` in every language build, and the Downloads page lists them
from the same registry. Builders are pure: site (model and URLs) in, bytes out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model.types import Model
from ..urls.site import Site
from . import catalogue as x
from . import crosswalk_files, glossary_files
from .checklist_sheets import checklist_csv, checklist_csv_semicolon, checklist_xlsx
from .figure_files import FIGURES, figure_alt, figure_png, figure_svg


@dataclass(frozen=True)
class Download:
    """One downloadable file.

    ``filename(lang)`` names it for a language build; ``build(site, lang)``
    returns its bytes. A file with ``per_language=False`` holds every
    language and is written once, in the default language's build.
    """

    key: str
    filename: Callable[[str], str]
    build: Callable[[Site, str], bytes]
    media_type: str
    title_key: str
    per_language: bool = True
    group: str = "checklists"  # the Downloads page's section (``downloads_group_<group>``), see GROUPS
    languages: str = "one"  # what the file holds: "one" language, "all" languages, or "none" (a schema)
    title_arg: str = ""  # fills "{framework}" in the title (a crosswalk's reference, e.g. "CAF 2020")
    alt: Callable[[Model, str], str] | None = None  # a figure's text alternative, shown beside it


GROUPS = ("checklists", "catalogue", "glossary", "figures", "crosswalks")


def checklist_files(lang: str) -> dict[str, str]:
    """File names of the workshop spreadsheets of one language."""
    return {"xlsx": f"checklist-{lang}.xlsx", "csv": f"checklist-{lang}.csv", "csv_semicolon": f"checklist-{lang}-semicolon.csv"}


def _trainers() -> tuple[Download, ...]:
    def per_lang(key: str, stem: str, ext: str, build, media: str) -> tuple[Download, Download]:
        return (
            Download(key, lambda lang: f"{stem}-{lang}.{ext}", build, media, f"download_{key}", group="catalogue"),
            Download(
                f"{key}_all",
                lambda _lang: f"{stem}.{ext}",
                lambda site, _l: build(site, x.COMBINED),
                media,
                f"download_{key}",
                per_language=False,
                group="catalogue",
                languages="all",
            ),
        )

    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return (
        *per_lang("catalogue_json", "catalogue", "json", x.catalogue_json, "application/json"),
        Download(
            "catalogue_schema",
            lambda _l: "catalogue.schema.json",
            x.schema_json,
            "application/schema+json",
            "download_catalogue_schema",
            per_language=False,
            group="catalogue",
            languages="none",
        ),
        *per_lang("practices_csv", "practices", "csv", x.practices_csv, "text/csv"),
        *per_lang("expectations_csv", "expectations", "csv", x.expectations_csv, "text/csv"),
        *per_lang("catalogue_xlsx", "catalogue", "xlsx", x.catalogue_xlsx, xlsx),
    )


DOWNLOADS: tuple[Download, ...] = (
    Download(
        "checklist-xlsx",
        lambda lang: checklist_files(lang)["xlsx"],
        checklist_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "checklists_download_xlsx",
    ),
    Download("checklist-csv", lambda lang: checklist_files(lang)["csv"], checklist_csv, "text/csv", "checklists_download_csv"),
    Download(
        "checklist-csv-semicolon",
        lambda lang: checklist_files(lang)["csv_semicolon"],
        checklist_csv_semicolon,
        "text/csv",
        "checklists_download_csv_semicolon",
    ),
    *_trainers(),  # catalogue JSON + schema, CSV, XLSX (issue 7)
    # the glossary (issue 6): both languages in each file, a copy in each language build
    *(
        Download(
            f"glossary-{ext}",
            lambda _l, ext=ext: f"glossary.{ext}",
            build,
            media,
            f"glossary_download_{ext}",
            group="glossary",
            languages="all",
        )
        for ext, build, media in (("csv", glossary_files.csv_bytes, "text/csv"), ("tbx", glossary_files.tbx_bytes, "application/x-tbx+xml"))
    ),
    # the figures of the model page, for slides (issue 17): SVG, and PNG for programs that take no SVG
    *(
        Download(
            f"figure-{name}.{ext}",
            lambda lang, name=name, ext=ext: f"figure-{name}-{lang}.{ext}",
            lambda site, lang, name=name, build=build: build(site, lang, name),
            media,
            f"download_figure_{name}",
            group="figures",
            alt=lambda model, lang, name=name: figure_alt(model, lang, name),
        )
        for name in FIGURES
        for ext, build, media in (("svg", figure_svg, "image/svg+xml"), ("png", figure_png, "image/png"))
    ),
)


def crosswalk_downloads(model: Model) -> tuple[Download, ...]:
    """Each crosswalk as CSV and JSON per language (a fork's own framework too), and the JSON's schema (a copy per language)."""
    out: list[Download] = []
    for fw in model.crosswalks.values():
        for ext, build, media in (("csv", crosswalk_files.csv_bytes, "text/csv"), ("json", crosswalk_files.json_bytes, "application/json")):
            out.append(
                Download(
                    f"crosswalk-{fw.id}.{ext}",
                    lambda lang, fw_id=fw.id, ext=ext: f"crosswalk-{fw_id}-{lang}.{ext}",
                    lambda site, lang, fw_id=fw.id, build=build: build(site, lang, fw_id),
                    media,
                    f"crosswalks_download_{ext}" + ("_base" if ext == "csv" and fw.type == "base" else ""),
                    group="crosswalks",
                    title_arg=fw.reference,
                )
            )
    if out:
        out.append(
            Download(
                "crosswalk-schema",
                lambda _l: crosswalk_files.SCHEMA_FILE,
                crosswalk_files.schema_bytes,
                "application/schema+json",
                "crosswalks_download_schema",
                group="crosswalks",
                languages="none",
            )
        )
    return tuple(out)


def registry(model: Model) -> tuple[Download, ...]:
    """Every download of a build: the fixed ones and those that follow the model (one pair per crosswalk)."""
    return (*DOWNLOADS, *crosswalk_downloads(model))


def title(download: Download, text: str) -> str:
    """A download's title from its interface string (``text``), with the framework filled in."""
    return text.replace("{framework}", download.title_arg)


def content(site: Site, download: Download, lang: str) -> bytes:
    """The file's bytes, built once per build and language.

    The Downloads page needs each file's size and the plugin writes the file; both ask here, so each
    file is built once per build and the size shown is the size written.
    """
    key = ("download", download.key, lang if download.per_language else "")  # an all-languages file is the same in every build
    return site.once(key, lambda: download.build(site, lang))


def site_path(download: Download, lang: str) -> str:
    return f"downloads/{download.filename(lang)}"


def for_build(model: Model, lang: str, is_default: bool) -> list[Download]:
    """The downloads a language build writes."""
    return [d for d in registry(model) if d.per_language or is_default]

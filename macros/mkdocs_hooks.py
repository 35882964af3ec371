"""MkDocs hooks: the only place where the model meets MkDocs.

``on_config`` picks the language, validates the model (before MkDocs cleans
or writes anything) and builds the navigation; ``on_files`` adds one
generated page per model item and the generated downloads. Everything else is pure functions elsewhere.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros import downloads, languages, navigation, pages
from macros.build_state import current as _state
from macros.loader import load_model_cached
from macros.problems import ModelInvalid


@event_priority(100)  # before Material's search plugin reads the theme language
def on_config(config):
    portal = config.extra.setdefault("portal", {})
    try:
        plan = languages.plan(portal.get("languages", ["en", "nl"]))
    except ValueError as err:
        raise PluginError(str(err)) from err
    project = Path(config.config_file_path).resolve().parent
    model_dir = project / portal.get("model_dir", "model")
    try:
        model = load_model_cached(model_dir, tuple(portal.get("complete_languages", ["en", "nl"])))
    except ModelInvalid as err:
        raise PluginError(str(err)) from err

    config.theme["language"] = plan.lang
    config["site_name"] = model.ui(plan.lang, "site_name")
    docs_root = project / portal.get("docs_root", "docs")
    lang_docs = docs_root / plan.lang
    config["docs_dir"] = str(lang_docs if lang_docs.is_dir() else docs_root / plan.default)
    if plan.lang != plan.default:
        config["site_dir"] = str(Path(config.site_dir) / plan.lang)
        if config.site_url:
            config["site_url"] = config.site_url.rstrip("/") + f"/{plan.lang}/"
    config.extra["alternate"] = [
        {"name": model.ui(lang, "language_name"), "lang": lang, "root": plan.root_from_here(lang),
         "link": plan.root_from_here(lang) or "./"}
        for lang in plan.languages
    ]
    portal["lang"] = plan.lang
    portal["version"] = model.version
    config["nav"] = navigation.build(config.get("nav"), model, plan.lang)
    _state.update(model=model, plan=plan)
    return config


def on_files(files: Files, config) -> Files:
    model, lang = _state["model"], _state["plan"].lang
    for _page_type, _item_id, src in pages.all_pages(model):
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"{src} is generated from model/ but also exists in {config.docs_dir}: "
                              "remove the hand-written file (pages about model items come from the YAML)")
    for page_type, item_id, src in pages.all_pages(model):
        files.append(File.generated(config, src, content=pages.render(model, lang, page_type, item_id)))
    plan = _state["plan"]
    for download in downloads.for_build(lang, lang == plan.default):
        files.append(File.generated(config, downloads.site_path(download, lang), content=download.build(model, lang)))
    return files

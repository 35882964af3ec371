"""MkDocs hooks: the only place where the model meets MkDocs.

``on_config`` picks the language, validates the model (before MkDocs cleans
or writes anything), applies a fork's ``local/portal.yml`` (name, colours,
logo, links) and builds the navigation; ``on_files`` adds one generated page
per model item, the generated downloads and a fork's ``local/assets/``;
``on_page_markdown`` points "edit this page" of a generated page at the YAML
file behind it; ``on_post_page`` adds inline glossary definitions.
Everything else is pure functions elsewhere.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros import checklists, downloads, glossary, languages, navigation, pages, settings, term_marks, trainers
from macros.build_state import current as _state
from macros.loader import load_model_cached
from macros.problems import ModelInvalid


@event_priority(100)  # before Material's search plugin reads the theme language
def on_config(config):
    portal = config.extra.setdefault("portal", {})
    project = Path(config.config_file_path).resolve().parent
    try:
        cfg = settings.load(project, portal)
        plan = languages.plan(cfg.languages)
        model = load_model_cached(cfg.model_dir, cfg.complete_languages, cfg.local_dir)
    except ValueError as err:
        raise PluginError(str(err)) from err
    except ModelInvalid as err:
        raise PluginError(str(err)) from err

    config.theme["language"] = plan.lang
    config["site_name"] = cfg.brand.get("site_name", {}).get(plan.lang) or model.ui(plan.lang, "site_name")
    lang_docs = cfg.docs_root / plan.lang
    config["docs_dir"] = str(lang_docs if lang_docs.is_dir() else cfg.docs_root / plan.default)
    _apply_brand(config, cfg, model, plan.lang)
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
    portal["trainers"] = trainers.theme_data(model, plan.lang)
    config["nav"] = navigation.build(config.get("nav"), model, plan.lang)
    _state.update(model=model, plan=plan, settings=cfg, edit_sources={})
    return config


def _apply_brand(config, cfg: settings.Settings, model, lang: str) -> None:
    """A fork's local/portal.yml: site URL, repository and edit links, logo, colours, organisation and contact."""
    brand, portal = cfg.brand, config.extra["portal"]
    if brand.get("site_url"):
        config["site_url"] = brand["site_url"]
    if brand.get("repo_url"):
        config["repo_url"] = brand["repo_url"]
        config["repo_name"] = brand.get("organisation") or brand["repo_url"].rstrip("/").rsplit("/", 1)[-1]
    if config.repo_url:
        branch = brand.get("edit_branch", "main")
        portal["edit_base"] = f"{config.repo_url.rstrip('/')}/edit/{branch}/"
        docs = Path(config.docs_dir).relative_to(cfg.project).as_posix()
        config["edit_uri"] = f"edit/{branch}/{docs}/"
        if "content.action.edit" not in config.theme["features"]:
            config.theme["features"].append("content.action.edit")
    for key in ("logo", "favicon"):
        if brand.get(key):
            config.theme[key] = brand[key]
    colours = brand.get("colours") or {}
    if colours:
        rules = []
        if "primary" in colours:
            rules += [f"--md-primary-fg-color: {colours['primary']}", f"--md-primary-fg-color--light: {colours['primary']}",
                      f"--md-primary-fg-color--dark: {colours['primary']}", f"--md-typeset-a-color: {colours['primary']}"]
        if "accent" in colours:
            rules += [f"--md-accent-fg-color: {colours['accent']}", f"--md-accent-fg-color--transparent: {colours['accent']}1a"]
        # Schema-checked #rrggbb values only, so nothing else can reach this <style>.
        portal["brand_css"] = ":root > * { " + "; ".join(rules) + " }"
    if brand.get("organisation"):
        portal["organisation"] = brand["organisation"]
        parts = [html.escape(brand["organisation"])]
        contact = brand.get("contact") or {}
        label = html.escape(model.ui(lang, "localise_contact"))
        if contact.get("email"):
            parts.append(f'<a href="mailto:{html.escape(contact["email"])}">{label}: {html.escape(contact["email"])}</a>')
        if contact.get("url"):
            parts.append(f'<a href="{html.escape(contact["url"])}">{label}: {html.escape(contact["url"])}</a>')
        config["copyright"] = " · ".join(parts)


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
        files.append(File.generated(config, downloads.site_path(download, lang), content=downloads.content(download, model, lang)))
    _add_local_assets(files, config)
    english = _add_prose_fallback(files, config)
    _state["edit_sources"] = {**_edit_sources(model), **english}
    _state["english_prose"] = set(english)
    for path, content in [*trainers.files(model, lang),  # redirects of old URLs, moved anchors, ID index
                          checklists.script_file(model, lang)]:  # the model data of the checklist script
        files.append(File.generated(config, path, content=content))
    return files


def _add_prose_fallback(files: Files, config) -> dict[str, str]:
    """Prose pages a language has not translated yet come from the default language's docs folder.

    Returns page source -> its file in the repository, for the edit link and the "not yet translated" notice.
    """
    cfg, plan = _state["settings"], _state["plan"]
    if plan.lang == plan.default:
        return {}
    default_docs = cfg.docs_root / plan.default
    folder = default_docs.relative_to(cfg.project).as_posix()
    english = {}
    if Path(config.docs_dir).resolve() == default_docs.resolve():  # no docs/<lang>/ at all
        return {f.src_uri: f"{folder}/{f.src_uri}" for f in files.documentation_pages() if f.generated_by is None}
    for path in sorted(default_docs.rglob("*")):
        src = path.relative_to(default_docs).as_posix()
        if path.is_file() and files.get_file_from_path(src) is None:
            files.append(File(src, str(default_docs), config.site_dir, config.use_directory_urls))
            if src.endswith(".md"):
                english[src] = f"{folder}/{src}"
    return english


def _add_local_assets(files: Files, config) -> None:
    """A fork's own files (logo, favicon, images) from local/assets/, published under assets/ in every language."""
    local = _state["settings"].local_dir
    for path in sorted((local / "assets").rglob("*")) if (local / "assets").is_dir() else ():
        if path.is_file():
            src = path.relative_to(local).as_posix()
            existing = files.get_file_from_path(src)
            if existing is not None:
                files.remove(existing)
            files.append(File(src, str(local), config.site_dir, config.use_directory_urls))


def _edit_sources(model) -> dict[str, str]:
    """Page source -> the YAML file behind it (the item's structure file; the model file for the overview)."""
    out = {"model/index.md": "model/model.yml"}
    for page_type, item_id, src in pages.all_pages(model):
        rel = model.sources.get((page_type.name + "s", item_id))
        if rel:
            out[src] = rel
    return out


def on_page_markdown(markdown: str, page, config, files) -> str:
    """'Edit this page' opens the file behind the page: the YAML of a generated page, the English of an untranslated one."""
    base = config.extra["portal"].get("edit_base")
    rel = _state["edit_sources"].get(page.file.src_uri)
    if base and rel:
        page.edit_url = base + rel
    return markdown


def on_page_content(html_out: str, page, config, files) -> str:
    """An untranslated prose page: its English marked as English, with the translated notice under the title."""
    if page.file.src_uri not in _state.get("english_prose", ()):
        return html_out
    model, plan = _state["model"], _state["plan"]
    notice = pages.fallback_notice(model, plan.lang, page.file.src_uri)
    head, sep, rest = html_out.partition("</h1>")
    if not sep:
        head, rest = "", html_out
    lang = model.source_language
    return f'<div lang="{lang}">{head}{sep}</div>\n{notice}<div lang="{lang}">{rest}</div>'.replace(
        f'<div lang="{lang}"></div>', "")


# Pages without inline definitions: the glossary itself; print views (they print every link's address);
# checklists (forms filled in with the keyboard: a link per term would add tab stops between the questions).
NO_TERM_MARKS = ("glossary/", "print/", "checklists/")


def on_post_page(output: str, page, config) -> str:
    """Define glossary terms in place on every page but those in ``NO_TERM_MARKS``.

    After the search plugin has read the page (``on_page_context``), so the
    definitions do not leak into every page's search text.
    """
    if page.file.src_uri.startswith(NO_TERM_MARKS):
        return output
    model, lang = _state["model"], _state["plan"].lang
    key = ("term_index", lang, id(model))
    if key not in _state:
        _state[key] = term_marks.TermIndex(glossary.matchers(model, lang), lang)
    here = page.url.rstrip("/") or "."
    url = posixpath.relpath("glossary", here) + "/"
    return term_marks.mark_terms(output, _state[key], url)

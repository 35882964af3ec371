"""The MkDocs plugin: the only place where the model meets MkDocs.

``on_config`` picks the language, loads and validates the model (before MkDocs cleans or writes
anything), applies a fork's ``local/portal.yml`` (name, colours, logo, links) and builds the navigation;
``on_files`` adds every generated file (:mod:`macros.plugin.files`), a fork's ``local/assets/`` and the
prose a language has not translated yet; ``on_page_markdown`` points "edit this page" at the YAML behind
a generated page; ``on_post_page`` adds inline glossary definitions. Per-build state lives on the
plugin object, one per MkDocs configuration (and so per language build).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import posixpath
from pathlib import Path

from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from ..load import coverage_rule, settings
from ..load.loader import load_model_cached
from ..model import glossary
from ..model.problems import ModelInvalid
from ..model.types import Model
from ..render.term_marks import TermIndex, mark_terms
from ..urls import languages
from ..urls.languages import LanguagePlan
from ..urls.scheme import all_pages
from ..urls.short import short_links
from ..urls.site import Site
from ..views.base import View
from ..views.notices import fallback_notice
from . import navigation, theme
from .files import generated_files

# Pages without inline definitions: the glossary itself; print views (they print every link's address);
# checklists (forms filled in with the keyboard: a link per term would add tab stops between the questions).
NO_TERM_MARKS = ("glossary/", "print/", "checklists/")
# What a writer edits besides docs/ and mkdocs.yml: `mkdocs serve` rebuilds when any of these change.
WATCHED = ("model", "local", "macros", "overrides")
log = logging.getLogger("mkdocs.plugins.portal")


class PortalConfig(Config):
    pass


class PortalPlugin(BasePlugin[PortalConfig]):
    """Holds one build's state: settings, language plan, the published site and its caches."""

    config_scheme = ()

    def __init__(self):
        self.settings: settings.Settings | None = None
        self.plan: LanguagePlan | None = None
        self.site: Site | None = None
        self.edit_sources: dict[str, str] = {}  # page source -> the repository file behind it
        self.english_prose: set[str] = set()  # prose pages shown in the default language
        self.term_index: TermIndex | None = None
        self._base: Model | None = None  # the loaded model, and the same with the fork's brand for downloads
        self._model: Model | None = None
        # MkDocs' files, navigation and theme environment of this build: the dev server re-renders single pages with them
        self.files: Files | None = None
        self.nav = None
        self.env = None

    @property
    def lang(self) -> str:
        return self.plan.lang

    def current_model(self) -> Model:
        """The model as the files are now (loaded once while they do not change), with the fork's name, version, publisher."""
        cfg = self.settings
        base = load_model_cached(cfg.model_dir, cfg.complete_languages, list(cfg.layers), cfg.fork_languages)
        if self._base is not base:
            self._base, self._model = base, dataclasses.replace(base, brand=dict(cfg.brand))
        return self._model

    @event_priority(100)  # before Material's search plugin reads the theme language
    def on_config(self, config):
        portal = config.extra.setdefault("portal", {})
        project = Path(config.config_file_path).resolve().parent
        try:
            cfg = settings.load(project, portal)
            plan = languages.plan(cfg.languages)
            self.settings = cfg
            model = self.current_model()
            thin = coverage_rule.check(model, cfg.brand)
            if thin:
                raise ModelInvalid(thin)
            short_links(model, plan.languages)  # an ID that would take a page's place fails here, before anything is written
        except (ValueError, ModelInvalid) as err:
            raise PluginError(str(err)) from err
        self.settings, self.plan = cfg, plan
        root_url = cfg.brand.get("site_url") or config.site_url or ""
        release = os.environ.get(theme.VERSIONED_ENV)
        if release and root_url:  # a release copy: its addresses on paper, QR codes and citations point into it
            root_url = root_url.rstrip("/") + f"/{release}/"
        self.site = Site(model, plan.languages, root_url)
        config.theme["language"] = plan.lang
        name = cfg.brand.get("site_name", {}).get(plan.lang) or model.ui(plan.lang, "site_name")
        # Material prints config.site_name unescaped in places (header.html, nav.html: aria-label="..."), so the
        # theme gets it already escaped, as Markup: templates that add `| e` leave Markup alone (no double escaping).
        config["site_name"] = escape(name)
        portal["site_name"] = name  # the plain text, for data (trainers.html serialises it with tojson)
        lang_docs = cfg.docs_root / plan.lang  # prose a language has not translated comes from the English pages
        config["docs_dir"] = str(lang_docs if lang_docs.is_dir() else cfg.docs_root / model.source_language)
        _apply_brand(config, cfg)
        if root_url:
            config["site_url"] = root_url
        if plan.lang != plan.default:
            config["site_dir"] = str(Path(config.site_dir) / plan.lang)
            if config.site_url:
                config["site_url"] = config.site_url.rstrip("/") + f"/{plan.lang}/"
        config.extra["alternate"] = [
            {
                "name": model.ui(lang, "language_name"),
                "lang": lang,
                "root": plan.root_from_here(lang),
                "link": plan.root_from_here(lang) or "./",
                "prefix": self.site.prefix(lang),  # '' or 'nl/' below the site root, for per-page hreflang alternates
            }
            for lang in plan.languages
        ]
        portal["site_root"] = root_url.rstrip("/") + "/" if root_url else ""  # the site_url of the first language
        portal["lang"] = plan.lang
        portal["version"] = model.version
        portal["theme_script"] = theme.theme_script(config.theme.dirs)
        publisher = cfg.brand.get("publisher") or cfg.brand.get("organisation") or ""
        portal["trainers"] = theme.theme_data(model, plan.lang, publisher, 0 if plan.lang == plan.default else 1)
        portal["contact_label"] = model.ui(plan.lang, "localise_contact")
        config["nav"] = navigation.build(config.get("nav"), model, plan.lang)
        return config

    def on_files(self, files: Files, config) -> Files:
        model = self.site.model
        for _kind, _item_id, src in all_pages(model):
            if files.get_file_from_path(src) is not None:
                raise PluginError(
                    f"{src} is generated from model/ but also exists in {config.docs_dir}: "
                    "remove the hand-written file (pages about model items come from the YAML)"
                )
        for generated in generated_files(self.site, self.lang):
            # Reached from the menu, the catalogue or other pages: MkDocs need not list them as "not in the nav".
            files.append(File.generated(config, generated.path, content=generated.content, inclusion=InclusionLevel.NOT_IN_NAV))
        self._add_local_assets(files, config)
        bundle = theme.stylesheet_bundle(Path(config.theme.custom_dir), self.settings.local_dir)
        files.append(File.generated(config, theme.STYLESHEET_BUNDLE, content=bundle, inclusion=InclusionLevel.NOT_IN_NAV))
        english = self._add_prose_fallback(files, config)
        self.edit_sources = {**_edit_sources(model), **english}
        self.english_prose = set(english)
        self.files = files
        return files

    def on_nav(self, nav, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, config, files):
        self.env = env
        return env

    def _add_prose_fallback(self, files: Files, config) -> dict[str, str]:
        """Prose pages a language has not translated yet come from the English docs folder (whichever language is at the root).

        Returns page source -> its file in the repository, for the edit link and the "not yet translated" notice.
        """
        cfg, plan = self.settings, self.plan
        source = self.site.model.source_language
        if plan.lang == source:
            return {}
        default_docs = cfg.docs_root / source
        folder = default_docs.relative_to(cfg.project).as_posix()
        if Path(config.docs_dir).resolve() == default_docs.resolve():  # no docs/<lang>/ at all
            return {f.src_uri: f"{folder}/{f.src_uri}" for f in files.documentation_pages() if f.generated_by is None}
        english = {}
        for path in sorted(default_docs.rglob("*")):
            src = path.relative_to(default_docs).as_posix()
            if path.is_file() and files.get_file_from_path(src) is None:
                files.append(File(src, str(default_docs), config.site_dir, config.use_directory_urls))
                if src.endswith(".md"):
                    english[src] = f"{folder}/{src}"
        return english

    def _add_local_assets(self, files: Files, config) -> None:
        """A fork's own files (logo, favicon, images) from local/assets/, published under assets/ in every language."""
        local = self.settings.local_dir
        for path in sorted((local / "assets").rglob("*")) if (local / "assets").is_dir() else ():
            if path.is_file():
                src = path.relative_to(local).as_posix()
                existing = files.get_file_from_path(src)
                if existing is not None:
                    files.remove(existing)
                files.append(File(src, str(local), config.site_dir, config.use_directory_urls))

    def on_serve(self, server, config, builder):
        """`mkdocs serve` also watches the model, a fork's layer, the code and the theme overrides."""
        for name in WATCHED:
            path = self.settings.project / name
            if path.exists():
                server.watch(str(path))
        return server

    def on_post_build(self, config) -> None:
        """Plain `mkdocs build` / `mkdocs serve` build every language, not only the first.

        `python -m macros build` builds each language itself (it sets PORTAL_LANG); a bare MkDocs command does
        not, and would otherwise leave the other languages out of site/ (MkDocs cleans site/ first).
        """
        if os.environ.get(languages.ENV_VAR) or self.plan.lang != self.plan.default:
            return
        for lang in self.plan.languages[1:]:
            os.environ[languages.ENV_VAR] = lang
            try:
                log.info(f"Building the {lang} site into {Path(config.site_dir) / lang}")
                mkdocs_build(load_config(config.config_file_path, site_dir=config.site_dir))
            finally:
                os.environ.pop(languages.ENV_VAR, None)

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """'Edit this page' opens the file behind the page: the YAML of a generated page, the English of an untranslated one."""
        base = config.extra["portal"].get("edit_base")
        rel = self.edit_sources.get(page.file.src_uri)
        if base and rel:
            page.edit_url = base + rel
        return markdown

    def on_page_content(self, html_out: str, page, config, files) -> str:
        """An untranslated prose page: its English marked as English, with the translated notice under the title."""
        if page.file.src_uri not in self.english_prose:
            return html_out
        notice = fallback_notice(View(self.site, self.lang, page.file.src_uri))
        head, sep, rest = html_out.partition("</h1>")
        if not sep:
            head, rest = "", html_out
        lang = self.site.model.source_language
        return f'<div lang="{lang}">{head}{sep}</div>\n{notice}<div lang="{lang}">{rest}</div>'.replace(f'<div lang="{lang}"></div>', "")

    def on_post_page(self, output: str, page, config) -> str:
        """Define glossary terms in place on every page but those in ``NO_TERM_MARKS``.

        After the search plugin has read the page (``on_page_context``), so the
        definitions do not leak into every page's search text.
        """
        if page.file.src_uri.startswith(NO_TERM_MARKS):
            return output
        if self.term_index is None:
            self.term_index = TermIndex(glossary.matchers(self.site.model, self.lang), self.lang)
        here = page.url.rstrip("/") or "."
        return mark_terms(output, self.term_index, posixpath.relpath("glossary", here) + "/")


def _apply_brand(config, cfg: settings.Settings) -> None:
    """A fork's local/portal.yml: site URL, repository and edit links, logo, colours, organisation and contact.

    Values go to the theme as data; ``overrides/partials/copyright.html`` and ``logo.html`` print them escaped.
    """
    brand, portal = cfg.brand, config.extra["portal"]
    if brand.get("site_url"):
        config["site_url"] = brand["site_url"]
    if brand.get("repo_url"):
        config["repo_url"] = brand["repo_url"]
        # Material's source.html prints repo_name unescaped: escaped here, as Markup (see site_name in on_config).
        config["repo_name"] = escape(brand.get("organisation") or brand["repo_url"].rstrip("/").rsplit("/", 1)[-1])
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
            rules += [
                f"--md-primary-fg-color: {colours['primary']}",
                f"--md-primary-fg-color--light: {colours['primary']}",
                f"--md-primary-fg-color--dark: {colours['primary']}",
                f"--md-typeset-a-color: {colours['primary']}",
            ]
        if "accent" in colours:
            rules += [f"--md-accent-fg-color: {colours['accent']}", f"--md-accent-fg-color--transparent: {colours['accent']}1a"]
        # Schema-checked #rrggbb values only, so nothing else can reach this <style>.
        portal["brand_css"] = ":root > * { " + "; ".join(rules) + " }"
    if brand.get("organisation"):
        portal["organisation"] = brand["organisation"]
        portal["contact"] = dict(brand.get("contact") or {})


def _edit_sources(model) -> dict[str, str]:
    """Page source -> the YAML file behind it (the item's structure file; the model file for the overview)."""
    out = {"model/index.md": "model/model.yml"}
    for kind, item_id, src in all_pages(model):
        rel = model.sources.get((kind + "s", item_id))
        if rel:
            out[src] = rel
    return out

"""Generated figures: the model at a glance, the excellence pyramid and the effect chain.

SVG has no automatic line wrapping, so this module does the layout: it wraps
every title into lines by an estimate of its rendered width (on the wide
side, so text never spills out of its box) and stacks the boxes from the
line counts. The geometry is pure data; the markup lives in autoescaped
templates (``templates/figures/*.svg.j2``), so model text can never become
markup. Colours are not set here: the SVG carries classes and
``overrides/assets/stylesheets/figures.css`` paints them with the theme's
variables, so light, dark and print palettes all apply.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..model.crosswalks import added_by
from ..model.types import Model

# Advance widths in em, rounded up from Arial/Helvetica/Liberation Sans (what Material's font stack
# resolves to on most systems), so the estimate errs on the wide side; the browser test measures the truth.
_NARROW, _WIDE, _UPPER, _OTHER = set("iljtfr.,:;'!|()[] /-"), set("mwMW@%"), 0.7, 0.54
_BOLD = 1.08

_SVG_ENV = Environment(
    loader=PackageLoader("macros", "templates/figures"), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
)
_SVG_ENV.filters["n"] = lambda v: f"{v:.1f}".removesuffix(".0")


def _render(template: str, **data) -> Markup:
    """Render without blank lines: Markdown would end the raw HTML block at one."""
    out = _SVG_ENV.get_template(template).render(**data)
    return Markup("\n".join(line for line in out.splitlines() if line.strip()))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated rendered width of ``text`` at font ``size`` (user units)."""
    em = sum(0.32 if c in _NARROW else 0.9 if c in _WIDE else _UPPER if c.isupper() else _OTHER for c in text)
    return em * size * (_BOLD if bold else 1.0)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width``; a single word longer than the line keeps a line of its own."""
    lines: list[str] = []
    for word in " ".join(str(text).split()).split(" "):
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


@dataclass
class Box:
    """A rectangle with wrapped text; ``href`` makes it a link."""

    x: float
    y: float
    w: float
    h: float
    lines: list[str]
    size: float
    kind: str  # css modifier: centre, dimension, element, level-in, level-out, step
    label: str = ""  # the accessible name (full text, unwrapped)
    href: str = ""
    item_id: str = ""
    data: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)  # smaller lines under the title (pyramid: standards)
    badge: float = 0  # radius of the assessment badge kept free at the right (elements only)
    added: bool = False  # an element ISO 11367 adds to its base framework (ISO 23592): drawn with a dashed outline

    PAD = 12

    @property
    def text_x(self) -> float:
        return self.x + self.PAD if self.badge else self.cx

    @property
    def anchor(self) -> str:
        return "start" if self.badge else "middle"

    @property
    def badge_cx(self) -> float:
        return self.x + self.w - self.PAD - self.badge

    @property
    def badge_cy(self) -> float:
        return self.y + self.h / 2

    @property
    def line_height(self) -> float:
        return self.size * 1.25

    @property
    def text_top(self) -> float:
        """Baseline of the first line, with the block of lines centred vertically."""
        block = self.line_height * (len(self.lines) + len(self.extra))
        return self.y + (self.h - block) / 2 + self.size

    @property
    def cx(self) -> float:
        return self.x + self.w / 2


def _box(x: float, y: float, w: float, text: str, size: float, kind: str, bold: bool = False, min_h: float = 0, **kw) -> Box:
    extra = kw.pop("extra", [])
    badge = kw.pop("badge", 0)
    lines = wrap(text, w - 2 * Box.PAD - (2 * badge + Box.PAD if badge else 0), size, bold)
    h = max(min_h, (len(lines) + len(extra)) * size * 1.25 + 2 * Box.PAD)
    return Box(x, y, w, h, lines, size, kind, label=" ".join(text.split()), extra=extra, badge=badge, **kw)


@dataclass(frozen=True)
class Layout:
    """Sizes of one variant of the model figure, in SVG user units."""

    name: str
    width: float
    panel_w: float
    size: float
    columns: int  # 2: dimensions left and right of the centre; 1: centre on top, dimensions below
    gap: float = 14


WIDE = Layout("wide", 1200, 440, 22, 2)
TALL = Layout("tall", 440, 440, 17, 1)


def _panel(model: Model, lang: str, dim_id: str, x: float, y: float, lay: Layout, href: Callable[[str, str], str]) -> list[Box]:
    """A dimension header with its elements stacked under it."""
    title = model.text(lang, "dimensions", dim_id)[0].get("title", dim_id)
    head = _box(x, y, lay.panel_w, f"{dim_id} {title}", lay.size, "dimension", bold=True, href=href("dimension", dim_id), item_id=dim_id)
    boxes, top = [head], head.y + head.h + lay.gap / 2
    for el_id in model.dimensions[dim_id].element_ids:
        el_title = model.text(lang, "elements", el_id)[0].get("title", el_id)
        indent = lay.gap
        box = _box(
            x + indent,
            top,
            lay.panel_w - indent,
            f"{el_id} {el_title}",
            lay.size,
            "element",
            href=href("element", el_id),
            item_id=el_id,
            badge=lay.size * 0.8,
            data={"subelements": " ".join(model.elements[el_id].subelement_ids)},
            added=bool(added_by(model.crosswalks.values(), "elements", el_id)),
        )
        boxes.append(box)
        top = box.y + box.h + lay.gap / 2
    return boxes


def _bottom(boxes: list[Box]) -> float:
    return max(b.y + b.h for b in boxes)


def _sides(dims: list[str]) -> tuple[list[str], list[str]]:
    """Dimensions clockwise from the top left: left column top-down, right column top-down."""
    rows = (len(dims) + 1) // 2
    return [dims[0], *reversed(dims[rows + 1 :])] if dims else [], dims[1 : rows + 1]


def model_layout(
    model: Model, lang: str, lay: Layout, href: Callable[[str, str], str], centre_text: str
) -> tuple[list[Box], float, list[tuple[float, float]]]:
    """Every box of the model figure (the centre first), the figure's height and where each
    dimension panel's inner edge meets its connector to the centre."""
    boxes: list[Box] = []
    joints: list[tuple[float, float]] = []
    if lay.columns == 1:
        centre = _box(0, 0, lay.width, centre_text, lay.size * 1.1, "centre", bold=True, min_h=80)
        boxes.append(centre)
        y = centre.h + 2 * lay.gap
        for dim_id in model.dimensions:
            panel = _panel(model, lang, dim_id, 0, y, lay, href)
            boxes += panel
            y = _bottom(panel) + 1.5 * lay.gap
        return boxes, y - 1.5 * lay.gap, joints
    left, right = _sides(list(model.dimensions))
    panels: dict[str, list[Box]] = {}
    y = 0.0
    for row in itertools.zip_longest(left, right):
        row_boxes: list[Box] = []
        for dim_id, x in zip(row, (0, lay.width - lay.panel_w), strict=True):
            if dim_id is not None:
                panel = panels[dim_id] = _panel(model, lang, dim_id, x, y, lay, href)
                joints.append((x + lay.panel_w if x == 0 else x, (y + _bottom(panel)) / 2))
                row_boxes += panel
        y = _bottom(row_boxes) + 2 * lay.gap
    for dim_id in model.dimensions:  # document order = model order, whatever the drawing order: keyboard and reading follow it
        boxes += panels[dim_id]
    height = y - 2 * lay.gap
    centre_w = lay.width - 2 * lay.panel_w - 4 * lay.gap
    centre = _box(lay.panel_w + 2 * lay.gap, 0, centre_w, centre_text, lay.size * 1.1, "centre", bold=True, min_h=140)
    centre.y = (height - centre.h) / 2
    boxes.insert(0, centre)
    return boxes, height, joints


def model_svg(model: Model, lang: str, lay: Layout, href: Callable[[str, str], str], standalone: bool = False) -> Markup:
    """The model figure as an inline SVG: every dimension and element box is a link to its page.

    ``standalone``: a file of its own (slides, documents): its size, its text alternative and fixed colours inside.
    """
    boxes, height, joints = model_layout(model, lang, lay, href, model.ui(lang, "figures_centre"))
    legend = _legend(model, lang, lay, height) if standalone and any(b.added for b in boxes) else None
    return _render(
        "model.svg.j2",
        lay=lay,
        boxes=boxes,
        centre=boxes[0],
        height=legend["bottom"] if legend else height,
        joints=joints,
        legend=legend,
        title=model.ui(lang, "figures_model_title"),
        standalone=standalone,
        desc=model_text(model, lang) if standalone else "",
    )


def _legend(model: Model, lang: str, lay: Layout, top: float) -> dict:
    """What the dashed outline means, under a file's figure: on a slide there is no caption beside it."""
    size, sample_w = lay.size * 0.75, 48
    line_h = size * 1.3
    lines = wrap(model.ui(lang, "figures_added_legend"), lay.width - sample_w - 16, size)
    y = top + 2 * lay.gap
    return {
        "lines": lines,
        "size": size,
        "line_h": line_h,
        "sample": (0, y + 2, sample_w, size * 1.1),
        "text_x": sample_w + 16,
        "text_y": y + size,
        "bottom": y + line_h * len(lines),
    }


def model_text(model: Model, lang: str) -> str:
    """The model figure in words: the centre, then each dimension with its elements."""
    parts = [model.ui(lang, "figures_centre") + "."]
    added = f" ({model.ui(lang, 'crosswalks_added_badge')})"  # what the dashed outline says, in words
    for d, dim in model.dimensions.items():
        elements = "; ".join(
            f"{e} {model.text(lang, 'elements', e)[0].get('title', e)}"
            + (added if added_by(model.crosswalks.values(), "elements", e) else "")
            for e in dim.element_ids
        )
        parts.append(f"{d} {model.text(lang, 'dimensions', d)[0].get('title', d)}: {elements}.")
    return " ".join(parts)


def scale_labels(model: Model, lang: str) -> list[tuple[int, str]]:
    """The self-assessment scale (model.yml ``assessment_scale``) as (stored rating, label), lowest first."""
    return [
        (n, model.text(lang, "assessment_scale", step["id"])[0].get("label", step["id"])) for n, step in enumerate(model.assessment_scale)
    ]


def model_figure(model: Model, lang: str, href: Callable[[str, str], str]) -> Markup:
    """The whole figure block: wide and tall SVG (CSS shows one), the same links as a nested list,
    and the hidden legend that ``figures.js`` fills from a self-assessment saved in this browser."""
    dims = [
        {
            "id": d,
            "title": model.text(lang, "dimensions", d)[0].get("title", d),
            "href": href("dimension", d),
            "elements": [
                {"id": e, "title": model.text(lang, "elements", e)[0].get("title", e), "href": href("element", e)}
                for e in model.dimensions[d].element_ids
            ],
        }
        for d in model.dimensions
    ]
    ui = {
        key: model.ui(lang, f"figures_{key}")
        for key in ("model_title", "caption", "list_summary", "assessment_title", "assessment_intro", "assessment_line", "assessment_none")
    }
    added = [e for e in model.elements if added_by(model.crosswalks.values(), "elements", e)]
    return _render(
        "model_figure.html.j2",
        added=added,
        added_legend=model.ui(lang, "figures_added_legend"),
        added_mark=model.ui(lang, "crosswalks_added_badge"),
        wide=model_svg(model, lang, WIDE, href),
        tall=model_svg(model, lang, TALL, href),
        dims=dims,
        ui=ui,
        levels=scale_labels(model, lang),
        centre=model.ui(lang, "figures_centre"),
    )


def _level_label(model: Model, lang: str, level: dict) -> str:
    title = model.text(lang, "pyramid", level["id"])[0].get("title", level["id"])
    return " ".join(f"{model.ui(lang, 'figures_level')} {level['level']}: {title}".split())


def pyramid_text(model: Model, lang: str) -> str:
    """The pyramid in words, top level first: the figure's description and its text alternative as a file."""
    levels = sorted(model.pyramid, key=lambda p: -p["level"])
    return " ".join(f"{_level_label(model, lang, lv)} ({', '.join(lv['covered_by'])})." for lv in levels)


def chain_text(model: Model, lang: str) -> str:
    """The effect chain in words: its steps joined by arrows."""
    return " → ".join(" ".join(model.text(lang, "effect_chain", s)[0].get("title", s).split()) for s in model.effect_chain)


def pyramid_svg(model: Model, lang: str, standalone: bool = False) -> Markup:
    """The excellence pyramid as a stepped stack, top level first; an image whose text follows on the page."""
    width, size, gap = 640, 21, 6
    levels = sorted(model.pyramid, key=lambda p: -p["level"])
    boxes, y = [], 0.0
    top_w = width - (len(levels) - 1) * 110
    for i, level in enumerate(levels):
        w = top_w + i * 110
        standards = f"{model.ui(lang, 'covered_by')} {', '.join(level['covered_by'])}"
        extra = wrap(standards, w - 2 * Box.PAD, size)
        box = _box(
            (width - w) / 2,
            y,
            w,
            _level_label(model, lang, level),
            size,
            "level-in" if level["in_model"] else "level-out",
            bold=True,
            extra=extra,
            item_id=level["id"],
        )
        boxes.append(box)
        y = box.y + box.h + gap
    desc = pyramid_text(model, lang)
    return _render(
        "stack.svg.j2",
        name="pyramid",
        boxes=boxes,
        width=width,
        height=y - gap,
        arrows=False,
        title=model.ui(lang, "pyramid_title"),
        desc=desc,
        standalone=standalone,
    )


def chain_svg(model: Model, lang: str, standalone: bool = False) -> Markup:
    """The effect chain: one box per step, arrows between them; an image whose text follows on the page."""
    width, size, arrow = 520, 20, 34
    boxes, y = [], 0.0
    for step_id in model.effect_chain:
        title = model.text(lang, "effect_chain", step_id)[0].get("title", step_id)
        box = _box(0, y, width, title, size, "step", bold=True, min_h=56, item_id=step_id)
        boxes.append(box)
        y = box.y + box.h + arrow
    desc = chain_text(model, lang)
    return _render(
        "stack.svg.j2",
        name="chain",
        boxes=boxes,
        width=width,
        height=max(0.0, y - arrow),
        arrows=True,
        arrow=arrow,
        title=model.ui(lang, "chain_title"),
        desc=desc,
        standalone=standalone,
    )

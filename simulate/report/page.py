"""Assembling the self-contained HTML page: sections, tables, charts, embedded plotly.js.

Text is escaped by default: headings, paragraphs and table cells take plain strings and
escape them (markupsafe). HTML that the report builds itself is marked as trusted
explicitly, with :func:`html` (a template whose arguments are escaped) or
:class:`markupsafe.Markup`; :meth:`Page.raw` accepts nothing else.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from importlib.resources import files

import plotly.graph_objects as go
import plotly.io as pio
from markupsafe import Markup, escape

from simulate.report.text import TEXT, sentence_start

# XML namespace identifiers are names, never fetched; every other URL in the bundle (help
# links, defaults of features the report does not use) is made inert so that the file
# refers to no other host at all.
NAMESPACES = r"www\.w3\.org/"
CONFIG = {"displaylogo": False, "responsive": True,
          "modeBarButtonsToRemove": ["sendDataToCloud"]}

# Number cells never wrap (a figure split over lines is unreadable); a table wider than
# the page scrolls inside its own box instead of squeezing its columns. Text may break
# between words, and code (parameter names) at its underscores and dots.
CSS = """
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #1f2933; background: #f7f8fa; line-height: 1.5; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 64px; background: #fff;
       overflow-wrap: break-word; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; line-height: 1.25; }
h2 { margin-top: 2em; border-bottom: 2px solid #e4e7eb; line-height: 1.3; }
h3 { line-height: 1.3; }
.intro { color: #3e4c59; }
.warning { background: #fdecea; border-left: 4px solid #d64545; padding: 8px 14px; }
.card { border: 1px solid #d9e2ec; border-radius: 8px; padding: 12px 18px; margin: 14px 0; }
.card h3 { margin: 0.2em 0; } .card .desc { color: #52606d; font-style: italic; margin: 0.3em 0; }
.card ul { padding-left: 1.2em; margin: 0.4em 0; } .card li { margin: 0.15em 0; }
.note { background: #fffbea; border-left: 4px solid #f0b429; padding: 8px 14px; }
.num { white-space: nowrap; }
.table-box { overflow-x: auto; margin: 8px 0 16px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 4px 8px; text-align: left;
         vertical-align: top; }
th { font-weight: 600; }
td.n, th.n { text-align: right; }
td.n { white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.group th { background: #f0f4f8; border-bottom: 1px solid #d9e2ec; padding-top: 6px; }
td .doc { color: #616e7c; font-size: 0.9em; }
code { font-size: 0.95em; }
details { margin: 8px 0 16px; } summary { cursor: pointer; color: #2d5f8b; }
figure.chart-box { margin: 10px 0 28px; }
figcaption { font-weight: 600; margin: 0 0 4px; }
pre { background: #f0f4f8; padding: 10px; overflow-x: auto; font-size: 0.85em; }
footer { color: #7b8794; font-size: 0.8em; margin-top: 3em; }
@media (max-width: 640px) {
  main { padding: 12px 12px 40px; }
  h1 { font-size: 1.35em; } h2 { font-size: 1.2em; }
  .card { padding: 8px 10px; }
  th, td { padding: 4px 5px; }
  table { font-size: 0.85em; }
}
"""


@functools.lru_cache(maxsize=1)
def plotly_js() -> str:
    """The vendored plotly.js (cartesian bundle, MIT licence) with inert non-namespace URLs."""
    js = (files("simulate.report") / "plotly-cartesian.min.js").read_text(encoding="utf-8")
    js = re.sub(rf"https?://(?!{NAMESPACES})", "about:blank#", js)
    return js.replace("</script", "<\\/script")


def html(template: str, *args, **kwargs) -> Markup:
    """Trusted markup from ``template``; the arguments are escaped unless they are markup."""
    return Markup(template).format(*args, **kwargs)


def code(name: str) -> Markup:
    """A parameter or file name in code type, breakable after its underscores and dots."""
    parts = re.split(r"(?<=[_./])", str(name))
    return html("<code>{}</code>", Markup("<wbr>").join(escape(p) for p in parts))


class Page:
    """An HTML page built section by section; it opens with its title.

    Args:
        lang: "en" or "nl".
        title_key: Key of the title in :data:`simulate.report.text.TEXT`.
        **fields: Values for the title's placeholders.
    """

    def __init__(self, lang: str, title_key: str, **fields) -> None:
        self.lang = lang
        self.parts: list[Markup] = []
        self.charts = 0
        self.title = self.t(title_key, **fields)
        self.h(1, self.title)

    def t(self, key: str, **kw) -> str:
        return TEXT[self.lang][key].format(**kw) if kw else TEXT[self.lang][key]

    def h(self, level: int, text: str, anchor: str | None = None) -> None:
        attrs = html(' id="{}"', anchor) if anchor else ""
        self.parts.append(html("<h{0}{1}>{2}</h{0}>", level, attrs, text))

    def p(self, text: str | Markup, cls: str | None = None) -> None:
        """A paragraph; ``text`` is escaped unless it is markup."""
        attrs = html(' class="{}"', cls) if cls else ""
        self.parts.append(html("<p{}>{}</p>", attrs, text))

    def raw(self, markup: Markup) -> None:
        """Trusted markup, built with :func:`html` or marked :class:`~markupsafe.Markup`."""
        if not isinstance(markup, Markup):
            raise TypeError("Page.raw takes markup built with html(); plain text would not "
                            "be escaped")
        self.parts.append(markup)

    def table(self, header: list[str], rows: list[list], numeric: Collection[int] = frozenset(),
              groups: dict[int, str] | None = None) -> None:
        """A table; cells are escaped unless they are markup.

        Args:
            header: Column headings.
            rows: Cells by row.
            numeric: Columns that hold numbers: right-aligned, never wrapped.
            groups: A heading row spanning the table before row ``i``, by ``i``.
        """
        def cls(i: int) -> Markup:
            return Markup(' class="n"') if i in numeric else Markup("")

        head = Markup("").join(html("<th{}>{}</th>", cls(i), h) for i, h in enumerate(header))
        body = []
        for r, row in enumerate(rows):
            if groups and r in groups:
                body.append(html('<tr class="group"><th colspan="{}">{}</th></tr>',
                                 len(header), groups[r]))
            cells = Markup("").join(html("<td{}>{}</td>", cls(i), c) for i, c in enumerate(row))
            body.append(html("<tr>{}</tr>", cells))
        self.parts.append(html('<div class="table-box"><table><thead><tr>{}</tr></thead>'
                               "<tbody>{}</tbody></table></div>", head, Markup("").join(body)))

    def details(self, summary: str, build) -> None:
        """A collapsed section: ``build(page)`` adds its content."""
        self.parts.append(html("<details><summary>{}</summary>", summary))
        build(self)
        self.parts.append(Markup("</details>"))

    def chart(self, fig: go.Figure, title: str) -> None:
        """A chart with its title above it (as text, so that it wraps on a narrow screen)."""
        self.charts += 1
        div = f"chart-{self.charts}"
        fig.update_layout(title=None, separators=",." if self.lang == "nl" else ".,")
        snippet = pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div,
                              config=CONFIG, include_mathjax=False)
        self.parts.append(html('<figure class="chart-box" data-chart="{}"><figcaption>{}'
                               "</figcaption>{}</figure>", div, sentence_start(title),
                               Markup(snippet)))

    def render(self, footer: str) -> str:
        body = Markup("\n").join(self.parts)
        return str(html(
            '<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<title>{title}</title>\n<style>{css}</style>\n<script>{js}</script>\n</head>\n"
            "<body>\n<main>\n{body}\n<footer>{footer}</footer>\n</main>\n</body>\n</html>\n",
            lang=self.lang, title=self.title, css=Markup(CSS), js=Markup(plotly_js()),
            body=body, footer=footer))


def num(text: str, **data) -> Markup:
    """A number in running text, tagged with what it is (so tests can check it)."""
    attrs = Markup(" ").join(html('data-{}="{}"', k, v) for k, v in data.items())
    return html('<span class="num" {}>{}</span>', attrs, text)

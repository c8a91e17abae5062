"""Assembling the self-contained HTML page: sections, tables, charts, embedded plotly.js."""

from __future__ import annotations

import functools
import html
import re
from importlib.resources import files

import plotly.graph_objects as go
import plotly.io as pio

from simulate.report.text import TEXT

# XML namespace identifiers are names, never fetched; every other URL in the bundle (help
# links, defaults of features the report does not use) is made inert so that the file
# refers to no other host at all.
NAMESPACES = r"www\.w3\.org/"
CONFIG = {"displaylogo": False, "responsive": True,
          "modeBarButtonsToRemove": ["sendDataToCloud"]}

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #1f2933; background: #f7f8fa; line-height: 1.5; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 2px solid #e4e7eb; }
.intro { color: #3e4c59; }
.card { border: 1px solid #d9e2ec; border-radius: 8px; padding: 12px 18px; margin: 14px 0; }
.card h3 { margin: 0.2em 0; } .card .desc { color: #52606d; font-style: italic; }
.note { background: #fffbea; border-left: 4px solid #f0b429; padding: 8px 14px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 8px 0 16px; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 4px 8px; text-align: left; vertical-align: top; }
td.n { text-align: right; width: 1%; }
main { overflow-wrap: anywhere; }
td .doc { color: #616e7c; font-size: 0.9em; }
.chart { min-height: 380px; margin: 10px 0 24px; }
pre { background: #f0f4f8; padding: 10px; overflow-x: auto; font-size: 0.85em; }
footer { color: #7b8794; font-size: 0.8em; margin-top: 3em; }
"""


@functools.lru_cache(maxsize=1)
def plotly_js() -> str:
    """The vendored plotly.js (cartesian bundle, MIT licence) with inert non-namespace URLs."""
    js = (files("simulate.report") / "plotly-cartesian.min.js").read_text(encoding="utf-8")
    js = re.sub(rf"https?://(?!{NAMESPACES})", "about:blank#", js)
    return js.replace("</script", "<\\/script")


def esc(x) -> str:
    return html.escape(str(x), quote=True)


class Page:
    """An HTML page built section by section; it opens with its title.

    Args:
        lang: "en" or "nl".
        title_key: Key of the title in :data:`simulate.report.text.TEXT`.
        **fields: Values for the title's placeholders.
    """

    def __init__(self, lang: str, title_key: str, **fields) -> None:
        self.lang = lang
        self.parts: list[str] = []
        self.charts = 0
        self.title = self.t(title_key, **fields)
        self.h(1, self.title)

    def t(self, key: str, **kw) -> str:
        return TEXT[self.lang][key].format(**kw) if kw else TEXT[self.lang][key]

    def h(self, level: int, text: str, anchor: str | None = None) -> None:
        a = f' id="{esc(anchor)}"' if anchor else ""
        self.parts.append(f"<h{level}{a}>{esc(text)}</h{level}>")

    def p(self, text: str, cls: str | None = None, raw: bool = False) -> None:
        c = f' class="{cls}"' if cls else ""
        self.parts.append(f"<p{c}>{text if raw else esc(text)}</p>")

    def raw(self, markup: str) -> None:
        self.parts.append(markup)

    def table(self, header: list[str], rows: list[list], numeric: set[int] = frozenset()) -> None:
        head = "".join(f"<th>{esc(h)}</th>" for h in header)
        body = "".join(
            "<tr>" + "".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>"
                             for i, c in enumerate(row)) + "</tr>" for row in rows)
        self.parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def chart(self, fig: go.Figure) -> None:
        self.charts += 1
        div = f"chart-{self.charts}"
        snippet = pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=div,
                              config=CONFIG, include_mathjax=False)
        self.parts.append(f'<div class="chart-box" data-chart="{div}">{snippet}</div>')

    def render(self, footer: str) -> str:
        body = "\n".join(self.parts)
        return (f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{esc(self.title)}</title>\n<style>{CSS}</style>\n"
                f"<script>{plotly_js()}</script>\n</head>\n<body>\n<main>\n{body}\n"
                f"<footer>{esc(footer)}</footer>\n</main>\n</body>\n</html>\n")


def num(text: str, **data) -> str:
    """A number in running text, tagged with what it is (so tests can check it)."""
    attrs = " ".join(f'data-{k}="{esc(v)}"' for k, v in data.items())
    return f'<span class="num" {attrs}>{esc(text)}</span>'

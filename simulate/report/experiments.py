"""Report content for the output of ``simulate sweep`` and ``simulate sensitivity``.

Outputs and parameters are named in words (the declarations' descriptions, in the report's
language); their code names stay beside them in the tables, for whoever reruns the
experiment.
"""

from __future__ import annotations

from simulate.outcomes import INDEX_CONFIDENCE
from simulate.report import sweep_plots as plots
from simulate.report.load import Output
from simulate.report.page import Page, code, html, num
from simulate.report.text import (
    auto,
    decimal,
    format_value,
    index_value,
    missing,
    outcome_words,
    sentence_start,
    short_doc,
)

TOP_DRIVERS = 3  # parameters named in the plain-language line per output


def _factors(out: Output) -> list[str]:
    return [f["name"] for f in out.manifest.get("design", {}).get("factors", [])]


def _outputs(out: Output) -> list[str]:
    return list(out.manifest.get("outputs", []))


def words(out: Output, lang: str, names) -> dict[str, str]:
    """Parameters (a short form of their description) and outputs in words, by name."""
    found = {}
    months = (out.manifest.get("evaluator") or {}).get("months")
    for name in names:
        declared = out.declaration(name)
        if declared is not None:
            found[name] = short_doc(declared[1].words(lang)[0])
        else:
            found[name] = outcome_words(name, lang, months)
    return found


def _intro(page: Page, out: Output, key: str, **extra) -> None:
    m = out.manifest
    months = (m.get("evaluator") or {}).get("months", "-")
    page.p(page.t(key, name=m.get("experiment", out.path.name), n=m.get("points", "-"),
                  runs=m.get("runs", "-"), months=months, **extra), "intro")


def _heading(name: str, said: str):
    """A table heading: the words, with the code name under them."""
    return html('{}<div class="doc">{}</div>', sentence_start(said), code(name))


def sweep(out: Output, lang: str) -> Page:
    page = Page(lang, "title_sweep", name=out.manifest.get("experiment", out.path.name))
    _intro(page, out, "sweep_intro")
    summary = out.frames["summary"]
    factors = _factors(out)
    outputs = [o for o in _outputs(out) if o in summary]
    said = words(out, lang, [*factors, *outputs])

    page.h(2, page.t("charts"), "charts")
    grid = out.manifest.get("design", {}).get("type") == "grid"
    for output in outputs:
        # A heatmap or lines over grid levers; sampled designs as scatter per factor.
        fig = plots.sweep_figure(summary, factors, output, grid, lang, said)
        if not grid:
            title = page.t("chart_scatter", output=said[output])
        elif len(factors) == 2:
            title = page.t("chart_heatmap", output=said[output], x=said[factors[0]],
                           y=said[factors[1]])
        else:
            title = page.t("chart_lines", output=said[output], x=said[factors[0]])
        page.chart(_sized(fig), title)

    page.h(2, page.t("design_points"), "outcomes")
    rows = []
    # Records, not itertuples: factor names such as "dedicated_coaches.caseload" are not
    # Python identifiers.
    for d in summary.to_dict("records"):
        cells = [decimal(d[f], lang) for f in factors]
        for o in outputs:
            value = num(format_value(o, d[o], lang), point=d["point"], outcome=o, stat="mean",
                        value=d[o])
            lo, hi = d.get(f"{o}_ci_low"), d.get(f"{o}_ci_high")
            cells.append(value if missing(lo) else html(
                "{} ({} – {})", value, format_value(o, lo, lang), format_value(o, hi, lang)))
        rows.append(cells)
    page.table([_heading(n, said[n]) for n in [*factors, *outputs]], rows,
               set(range(len(factors) + len(outputs))))
    return page


def sensitivity(out: Output, lang: str) -> Page:
    method = "Sobol" if "sobol" in out.frames else "Morris"
    page = Page(lang, "title_sensitivity", name=out.manifest.get("experiment", out.path.name))
    _intro(page, out, f"sensitivity_intro_{method}")
    page.h(2, page.t("summary"), "summary")
    indices = out.frames["sobol" if method == "Sobol" else "morris"]
    rank = "ST" if method == "Sobol" else "mu_star"
    # Sobol indices are shares (three decimals); Morris effects are in the output's units.
    shown = index_value if method == "Sobol" else auto
    said = words(out, lang, [*indices["parameter"].unique(), *indices["output"].unique()])
    for output, group in indices.groupby("output", sort=False):
        top = group.sort_values(rank, ascending=False).head(TOP_DRIVERS)
        names = ", ".join(f"{said[p]} ({page.t('index_' + rank)} {shown(v, lang)})"
                          for p, v in zip(top["parameter"], top[rank]) if not missing(v))
        if names:
            page.p(page.t("top_drivers", output=sentence_start(said[output]), names=names))

    page.h(2, page.t("charts"), "charts")
    convergence = out.frames.get("convergence")
    for output in indices["output"].unique():
        if method == "Sobol":
            page.chart(_sized(plots.sobol_figure(indices, output, lang, said)),
                       page.t("chart_sobol", output=said[output]))
            if convergence is not None and "ST" in convergence and (
                    convergence.output == output).any():
                page.chart(_sized(plots.convergence_figure(convergence, output, "ST", lang,
                                                           said)),
                           page.t("chart_convergence", output=said[output]))
        else:
            page.chart(_sized(plots.morris_figure(indices, output, lang, said)),
                       page.t("chart_morris", output=said[output]))

    page.h(2, page.t("indices"), "outcomes")
    columns = [c for c in indices.columns if c not in ("output", "parameter")]
    heads = [page.t("index_conf") if c in INDEX_CONFIDENCE else page.t(f"index_{c}")
             for c in columns]
    rows: list[list] = []
    groups: dict[int, str] = {}
    for output, group in indices.groupby("output", sort=False):
        groups[len(rows)] = sentence_start(said[output])
        for r in group.sort_values(rank, ascending=False).to_dict("records"):
            rows.append([html('{}<div class="doc">{}</div>', said[r["parameter"]],
                              code(r["parameter"])),
                         *[shown(r[c], lang) for c in columns]])
    page.details(page.t("all_indices"), lambda p: p.table(
        [page.t("parameter"), *heads], rows, set(range(1, 1 + len(columns))), groups))
    return page


def _sized(fig):
    """The experiments' figure with the report's margins (the page gives the title)."""
    fig.update_layout(height=max(fig.layout.height or 0, 420),
                      margin={"l": 60, "r": 16, "t": 40, "b": 40})
    return fig


BUILDERS = {"sweep": sweep, "sensitivity": sensitivity}

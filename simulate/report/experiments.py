"""Report content for the output of ``simulate sweep`` and ``simulate sensitivity``."""

from __future__ import annotations

from simulate.experiments import plots
from simulate.report.load import Output
from simulate.report.page import Page, esc, num
from simulate.report.text import auto, missing

TOP_DRIVERS = 3  # parameters named in the plain-language line per output


def _factors(out: Output) -> list[dict]:
    return list(out.manifest.get("design", {}).get("factors", []))


def _outputs(out: Output) -> list[str]:
    return list(out.manifest.get("outputs", []))


def _intro(page: Page, out: Output, key: str, **extra) -> None:
    m = out.manifest
    months = (m.get("evaluator") or {}).get("months", "-")
    page.p(page.t(key, name=m.get("experiment", out.path.name), n=m.get("points", "-"),
                  runs=m.get("runs", "-"), months=months, **extra), "intro")


def sweep(out: Output, lang: str) -> Page:
    page = Page(lang, "title_sweep", name=out.manifest.get("experiment", out.path.name))
    _intro(page, out, "sweep_intro")
    summary = out.frames["summary"]
    factors = [f["name"] for f in _factors(out)]
    outputs = [o for o in _outputs(out) if o in summary]

    page.h(2, page.t("charts"), "charts")
    grid = out.manifest.get("design", {}).get("type") == "grid"
    for output in outputs:
        # A heatmap or lines over grid levers; sampled designs as scatter per factor.
        fig = plots.sweep_figure(summary, factors, output, grid)
        key = "chart_heatmap" if grid and len(factors) == 2 else "chart_lines"
        title = page.t(key, output=output, x=factors[0], y=factors[-1])
        page.chart(_titled(fig, title))

    page.h(2, page.t("design_points"), "outcomes")
    rows = []
    for r in summary.itertuples(index=False):
        d = r._asdict()
        cells = [esc(d[f]) for f in factors]
        for o in outputs:
            value = num(auto(d[o], lang), point=d["point"], outcome=o, stat="mean", value=d[o])
            lo, hi = d.get(f"{o}_ci_low"), d.get(f"{o}_ci_high")
            cells.append(value if missing(lo) else
                         f"{value} ({esc(auto(lo, lang))} – {esc(auto(hi, lang))})")
        rows.append(cells)
    page.table(factors + outputs, rows, set(range(len(factors), len(factors) + len(outputs))))
    return page


def sensitivity(out: Output, lang: str) -> Page:
    method = "Sobol" if "sobol" in out.frames else "Morris"
    page = Page(lang, "title_sensitivity", name=out.manifest.get("experiment", out.path.name))
    _intro(page, out, "sensitivity_intro", method=method)
    page.h(2, page.t("summary"), "summary")
    indices = out.frames.get("sobol" if method == "Sobol" else "morris")
    rank = "ST" if method == "Sobol" else "mu_star"
    for output, group in indices.groupby("output", sort=False):
        top = group.sort_values(rank, ascending=False).head(TOP_DRIVERS)
        names = ", ".join(f"{p} ({auto(v, lang) if method == 'Morris' else f'{v:.2f}'})"
                          for p, v in zip(top["parameter"], top[rank]))
        page.p(page.t("top_drivers", output=output, names=names))

    page.h(2, page.t("charts"), "charts")
    convergence = out.frames.get("convergence")
    for output in indices["output"].unique():
        if method == "Sobol":
            page.chart(_titled(plots.sobol_figure(indices, output),
                               page.t("chart_sobol", output=output)))
            if convergence is not None and "ST" in convergence and (
                    convergence.output == output).any():
                page.chart(_titled(plots.convergence_figure(convergence, output),
                                   page.t("chart_convergence", output=output)))
        else:
            page.chart(_titled(plots.morris_figure(indices, output),
                               page.t("chart_morris", output=output)))

    page.h(2, page.t("outcomes"), "outcomes")
    cols = [c for c in indices.columns if c not in ("output", "parameter")]
    rows = [[esc(r["output"]), f"<code>{esc(r['parameter'])}</code>",
             *[esc(auto(r[c], lang) if abs(r[c]) >= 10 else f"{r[c]:.3f}") for c in cols]]
            for _, r in indices.iterrows()]
    page.table([page.t("outcome"), page.t("parameter"), *cols], rows,
               set(range(2, 2 + len(cols))))
    return page


def _titled(fig, title: str):
    """The experiments' figure with the report's title (in the report's language)."""
    fig.update_layout(title={"text": title, "font": {"size": 15}}, height=400)
    return fig


BUILDERS = {"sweep": sweep, "sensitivity": sensitivity}

"""Documentation generated from the declarations stays in step with them."""

from __future__ import annotations

from simulate.cli.params import markdown, rows
from tests.conftest import ROOT


def test_parameters_doc_is_generated_from_the_declarations():
    doc = (ROOT / "docs" / "parameters.md").read_text()
    assert markdown(rows()) in doc, "regenerate: simulate params --markdown"

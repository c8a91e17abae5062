"""Every metric of the model's own (simulate.metrics.CORE) has its legend words in English
and Dutch: short, without a final full stop, and telling the metrics apart."""

from __future__ import annotations

from collections import Counter

import pytest

from simulate.metrics import CORE


@pytest.mark.parametrize("metric", CORE, ids=lambda m: m.name)
def test_every_core_metric_has_short_words_in_english_and_dutch(metric):
    for words in (metric.words, metric.words_nl):
        assert words.strip(), f"{metric.name} has no words"
        assert words == words.strip()
        assert len(words) <= 70, f"{metric.name}: {words!r} is longer than 70 characters"
        assert not words.endswith("."), f"{metric.name}: {words!r} ends with a full stop"


def test_the_dutch_is_not_the_english():
    same = [m.name for m in CORE if m.words == m.words_nl]
    assert len(same) <= 0.1 * len(CORE), f"Dutch equals English for {same}"


@pytest.mark.parametrize("field", ["words", "words_nl"])
def test_no_two_core_metrics_share_their_words(field):
    counts = Counter(getattr(m, field) for m in CORE)
    shared = {words: n for words, n in counts.items() if n > 1}
    assert not shared, f"metrics share their {field}: {shared}"

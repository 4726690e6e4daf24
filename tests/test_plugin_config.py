"""The plugin's typed options."""

from __future__ import annotations

from datetime import date

import pytest

from mkdocs_legal.plugin.config import LegalConfig


@pytest.mark.parametrize("value", [date(2026, 3, 1), "2026-03-01"])
def test_today_is_a_date_quoted_or_not(value: object) -> None:
    config = LegalConfig()
    config.load_dict({"today": value})
    failed, _ = config.validate()
    assert not failed
    assert config.today == "2026-03-01"


@pytest.mark.parametrize("value", ["1 March 2026", "2026-02-30", 20260301])
def test_today_rejects_anything_else(value: object) -> None:
    config = LegalConfig()
    config.load_dict({"today": value})
    failed, _ = config.validate()
    [(key, error)] = failed
    assert key == "today" and "2026-03-01" in str(error)

"""Page paths in the plugin options stay inside the site (issue 14, item 4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import Build

from mkdocs_legal.plugin.config import LegalConfig


@pytest.mark.parametrize(
    "options",
    [
        {"documents": {"privacy": {"path": "../../outside/pp"}}},
        {"documents": {"privacy": {"path": "legal/../../pp"}}},
        {"documents": {"privacy": {"path": "./pp"}}},
        {"documents": {"cookies": {"path": "/abs/cookies"}}},
        {"documents": {"terms": {"path": "C:/terms"}}},
        {"documents": {"terms": {"path": "legal\\terms"}}},
        {"documents": {"terms": {"path": "/"}}},
        {"changelog": {"path": "/srv/www/changelog"}},
        {"changelog": {"path": ".."}},
        {"changelog": {"path": "a//b"}},
    ],
)
def test_a_path_outside_the_site_is_an_error_naming_the_option(options: dict[str, object]) -> None:
    config = LegalConfig()
    config.load_dict(options)
    failed, _ = config.validate()
    [(key, error)] = failed
    assert key == next(iter(options))
    assert "legal/privacy" in str(error)  # what would be valid


@pytest.mark.parametrize("path", ["privacy", "legal/privacy", "legal/privacy/", "integritet"])
def test_a_path_inside_the_site_is_kept(path: str) -> None:
    config = LegalConfig()
    config.load_dict({"documents": {"privacy": {"path": path}}, "changelog": {"path": path}})
    failed, _ = config.validate()
    assert not failed


@pytest.mark.slow
@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"documents": {"privacy": {"path": "../../outside/pp"}}}, "documents"),
        ({"changelog": {"path": "/tmp/changelog"}}, "changelog"),
    ],
)
def test_the_build_fails_and_names_the_option(
    build_site: Callable[..., Build], options: dict[str, object], named: str
) -> None:
    result, site = build_site("one-language", **options)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"'{named}'" in result.stderr and "legal/privacy" in result.stderr, result.stderr
    assert not (site / "index.html").exists()

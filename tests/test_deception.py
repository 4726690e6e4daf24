"""Addresses that read as one place and lead to another (issue 14, item 3): LGL050."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, cli

from mkdocs_legal.core.deception import email_deceptions, url_deceptions

URLS = [
    ("https://fjällsjö-konsult.se", None),
    ("https://www.imy.se/en/", None),
    ("https://пример.рф", None),  # wholly Cyrillic, with a Cyrillic top-level domain
    ("https://例え.jp", None),
    ("https://" + "fjällsjö-konsult".encode("idna").decode() + ".se", None),
    ("https://fjallsjo-konsult.se/?a=b&c=@d", None),  # @ in the query: no userinfo
    ("https://fjаllsjo-konsult.se", "mixes scripts"),  # Cyrillic а
    ("https://" + "fjаllsjo-konsult".encode("idna").decode() + ".se", "mixes scripts"),
    ("https://аррӏе.com", "look like Latin"),  # wholly Cyrillic look-alikes
    ("https://www.imy.se\u202e/moc.live", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("https://imy\u200b.se", "U+200B ZERO WIDTH SPACE"),
    ("https://imy.se%E2%80%8B", None),  # percent-encoded: shown as written, harmless
    ("https://www.imy.se@evil.example", "browser goes to `evil.example`"),
    ("https://user:pass@evil.example", "browser goes to `evil.example`"),
    ("//evil.example/imy", "starts with `//`"),
    ("\\\\evil.example", "starts with `//`"),
]
EMAILS = [
    ("integritet@fjallsjo-konsult.se", None),
    ("info@fjällsjö.se", None),
    ("a@b.se?bcc=evil@example.org", "adds headers"),
    ("a@b.se?cc=evil@example.org", "adds headers"),
    ("a@b.se%3Fbcc=evil@example.org", "adds headers"),  # encoded, decoded by the client
    ("a@b.se&subject=x", "adds headers"),
    ("a@b.se\nbcc: evil@example.org", "line break"),
    ("a@b.se,evil@example.org", "more than one address"),
    ("a@b.se@evil.example", "more than one `@`"),
    ("info@fjаllsjo.se", "mixes scripts"),
    ("info\u2066@b.se", "U+2066 LEFT-TO-RIGHT ISOLATE"),
]


@pytest.mark.parametrize(
    ("check", "value", "says"),
    [(url_deceptions, *case) for case in URLS] + [(email_deceptions, *case) for case in EMAILS],
)
def test_deceptions(check: Callable[[str], list[str]], value: str, says: str | None) -> None:
    found = check(value)
    if says is None:
        assert found == []
    else:
        assert any(says in problem for problem in found), found


def test_check_reports_each_deceptive_address_where_it_is(tmp_path: Path) -> None:
    data = yaml.safe_load((FIXTURES / "data" / "basic.yml").read_text(encoding="utf-8"))
    data["organisation"]["website"] = "https://fjallsjo-konsult.se@evil.example"
    data["organisation"]["privacy_email"] = "integritet@fjallsjo-konsult.se?bcc=spy@evil.example"
    data["organisation"]["dpo"] = {"name": "DPO", "email": "dpo@fjаllsjo-konsult.se"}
    data["supervisory_authority"]["url"] = "//evil.example"
    path = tmp_path / "legal.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = cli("check", str(path), "--lang", "sv,en", cwd=tmp_path)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "LGL050" in line]
    assert len(lines) == 4, result.stdout
    for field in (
        "organisation.website",
        "organisation.privacy_email",
        "organisation.dpo.email",
        "supervisory_authority.url",
    ):
        (line,) = [x for x in lines if x.endswith(f"({field})")]
        assert line.startswith(f"{path}:") and ": LGL050 error: " in line

"""Changes the plugin makes to the HTML of its own pages (`plugin/html.py`)."""

from __future__ import annotations

import pytest

from mkdocs_legal.plugin.html import mark_bare_links


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            '<a href="https://motesbokarna.se">https://motesbokarna.se</a>',
            '<a class="legal-url" href="https://motesbokarna.se">https://motesbokarna.se</a>',
        ),
        (
            '<a href="https://x.se/">https://x.se</a>',
            '<a class="legal-url" href="https://x.se/">https://x.se</a>',
        ),
        (
            '<a href="https://x.se/?a=1&amp;b=2">https://x.se/?a=1&amp;b=2</a>',
            '<a class="legal-url" href="https://x.se/?a=1&amp;b=2">https://x.se/?a=1&amp;b=2</a>',
        ),
        ('<a href="https://x.se">our website</a>', '<a href="https://x.se">our website</a>'),
        ('<a href="../privacy/">../privacy/</a>', '<a href="../privacy/">../privacy/</a>'),
        ('<a href="mailto:a@x.se">a@x.se</a>', '<a href="mailto:a@x.se">a@x.se</a>'),
    ],
)
def test_only_links_that_read_as_their_address_are_marked(before: str, after: str) -> None:
    assert mark_bare_links(f"<p>See {before}.</p>") == f"<p>See {after}.</p>"

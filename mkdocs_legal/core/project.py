"""A data file together with its site's settings: what the commands `release`, `diff` and
`status` work on. The plugin gathers the same inputs from MkDocs instead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from datetime import date
from pathlib import Path

from . import documents
from .dates import build_date
from .documents.cookies import categories_in_use
from .findings import Finding
from .history import Frozen, History, Planned, frozen, plan_release, scan
from .language import Language
from .publication import Publication, history_of, publish
from .records import record
from .siteconfig import SiteSettings
from .source import Loaded, Options, load_valid


def render_all(
    loaded: Loaded, languages: Sequence[str], *, fallback: bool = False
) -> dict[tuple[str, str], str]:
    """Today's Markdown of every document in every language (`MissingTranslation` if a text lacks one)."""
    out: dict[tuple[str, str], str] = {}
    for language in languages:
        lang = Language(language, default=languages[0], fallback=fallback)
        for document in documents.available(loaded.data):
            out[(document, language)] = documents.render_markdown(loaded.data, document, lang)
    return out


@record(frozen=False)
class Project:
    """A loaded data file, its languages and history folder."""

    settings: SiteSettings
    loaded: Loaded
    languages: tuple[str, ...]
    history_dir: Path
    _rendered: dict[tuple[str, str], str] = field(default_factory=dict)
    _history: History | None = None

    @classmethod
    def open(
        cls,
        settings: SiteSettings,
        languages: tuple[str, ...],
        history_dir: Path | None = None,
    ) -> Project:
        """Load and check the data file (`LegalDataError` on errors)."""
        loaded = load_valid(settings.data, Options(languages, settings.fallback, settings.consent))
        return cls(settings, loaded, languages, history_dir or settings.history_dir)

    @property
    def documents(self) -> list[str]:
        return documents.available(self.loaded.data)

    def rendered(self, document: str, language: str) -> str:
        if not self._rendered:
            self._rendered = render_all(
                self.loaded, self.languages, fallback=self.settings.fallback
            )
        return self._rendered[(document, language)]

    @property
    def history(self) -> History:
        if self._history is None:
            self._history = scan(self.history_dir)
        return self._history

    def today(self) -> date:
        return build_date(self.settings.today, self.settings.timezone)

    def publication(self, on: date | None = None) -> Publication:
        return publish(
            self.loaded.data,
            self.documents,
            self.languages,
            self.rendered,
            self.history,
            self.history_dir,
            on or self.today(),
            self.loaded.located,
        )

    def release_texts(self) -> list[Frozen]:
        """The newest version of each document, in every language, as it would be frozen."""
        texts = []
        for document in self.documents:
            versions = history_of(self.loaded.data, document, self.history)
            if not versions:
                continue
            newest = versions[-1]
            for language in self.languages:
                texts.append(
                    frozen(
                        document,
                        language,
                        newest.label,
                        newest.effective,
                        self.rendered(document, language),
                    )
                )
        return texts

    def record_texts(self) -> Path | None:
        """Write the translated texts' fingerprint for the newest version, once (see `drift`)."""
        from . import drift

        newest = max(v.effective for v in self.loaded.data.versions)
        path = drift.path_of(self.history_dir, newest)
        if path.exists():
            return None
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(drift.dump(self.loaded.located.data, categories_in_use(self.loaded.data)))
        return path

    def stale_translations(self) -> list[Finding]:
        from . import drift

        return drift.stale(
            self.loaded.located, self.loaded.data, self.history_dir, self.languages[0]
        )

    def plan_release(self) -> list[Planned]:
        return plan_release(self.history_dir, self.release_texts(), self.history)

"""Translation catalogs: complete, faithful to their slots, and in official GDPR terms.

Every language with a catalog under `mkdocs_legal/locale/` is checked, so a new language is
picked up as soon as its `.po` file exists (SPEC §4; docs/contributing/translating.md):

- every message of the `.pot` is translated, not fuzzy, and the `.pot` matches the code;
- a translation keeps the `{slots}`, the numbers (article citations) and the Markdown;
- where the English names a GDPR term of `locale/glossary.yml`, the translation uses the
  official term of `locale/<lang>/glossary.yml`, and it never uses a forbidden variant;
- full builds of the fixture sites da-en, de-en, nb-en, fi-en, fr-en, es-en, it-en, nl-en,
  pl-en and pt-en show the official terms, the language's article citation, the national
  authority and Babel's dates on the privacy page, and the terms in the language's consumer or
  contract vocabulary (marked slow).
"""

from __future__ import annotations

import ast
import html
import importlib.util
import re
import string
import subprocess
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.pofile import read_po

import mkdocs_legal
from mkdocs_legal.core.language import Language, placeholders

ROOT = Path(__file__).resolve().parent.parent
LOCALE = Path(mkdocs_legal.__file__).parent / "locale"
LANGUAGES = sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/mkdocs_legal.po"))
SLOT = re.compile(r"\{\w+\}")
BuiltSite = Callable[[str], tuple[subprocess.CompletedProcess[str], Path]]  # conftest.built_site


# --- glossary patterns (syntax: locale/glossary.yml) ---------------------------------------


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """`berättiga* intresse*` → a case-insensitive regex for inflected, adjacent words."""
    parts = []
    for word in pattern.split():
        if word == "...":
            parts.append(r"(?:\W+\w[\w-]*){0,8}?")
            continue
        core = re.escape(word.strip("*"))
        prefix = r"[\w-]*" if word.startswith("*") else ""
        suffix = r"[\w-]*" if word.endswith("*") else r"(?![\w-])"
        parts.append(prefix + core + suffix)
    return re.compile(r"(?<![\w-])" + _join(parts), re.IGNORECASE)


def _join(parts: list[str]) -> str:
    """Words separated by non-word characters; a gap (`...`) brings its own separators."""
    out = parts[0]
    for part in parts[1:]:
        out += part if part.startswith(r"(?:\W+") else r"\W+" + part
    return out


def matches(patterns: list[str], text: str) -> bool:
    return any(compile_pattern(p).search(text) for p in patterns)


def without_slots(text: str) -> str:
    return SLOT.sub(" ", text)


@cache
def english_terms() -> dict[str, list[str]]:
    raw = yaml.safe_load((LOCALE / "glossary.yml").read_text(encoding="utf-8"))
    return {term: entry["en"] for term, entry in raw.items()}


@cache
def glossary(language: str) -> dict[str, Any]:
    path = LOCALE / language / "glossary.yml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def terms_in(english: str) -> list[str]:
    """Glossary terms the English names; the longest match wins where terms overlap."""
    text = without_slots(english)
    found = [
        (m.start(), m.end(), term)
        for term, patterns in english_terms().items()
        for p in patterns
        for m in compile_pattern(p).finditer(text)
    ]
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    taken: list[tuple[int, int]] = []
    terms: list[str] = []
    for start, end, term in found:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            if term not in terms:
                terms.append(term)
    return terms


def term_problems(english: str, translation: str, language: str) -> list[str]:
    """Official terms missing from a translation, and forbidden variants in it."""
    gloss = glossary(language)
    official: dict[str, list[str]] = gloss.get("terms") or {}
    forbidden: dict[str, str] = gloss.get("forbidden") or {}
    problems = [
        f"{term}: expected one of {official.get(term)}"
        for term in terms_in(english)
        if not matches(official.get(term) or [], translation)
    ]
    text = without_slots(translation)
    problems += [
        f"forbidden {pattern!r} (use: {advice})"
        for pattern, advice in forbidden.items()
        if compile_pattern(pattern).search(text)
    ]
    return problems


# --- catalogs -------------------------------------------------------------------------------


@cache
def catalog(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "mkdocs_legal.po").open("rb") as handle:
        return read_po(handle, locale=language)


def key(message_id: str | tuple[str, ...]) -> str:
    """A message's id: the singular of a plural message."""
    return message_id[0] if isinstance(message_id, tuple) else message_id


@cache
def template() -> list[str]:
    with (LOCALE / "mkdocs_legal.pot").open("rb") as handle:
        return [key(m.id) for m in read_po(handle) if m.id]


def translations(language: str) -> list[tuple[str, str]]:
    """(English, translation) of every translated message, one pair per plural form."""
    pairs = []
    for m in catalog(language):
        if not m.id:
            continue
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        english = m.id[-1] if isinstance(m.id, tuple) else m.id
        pairs += [(english, form) for form in forms if form]
    return pairs


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n\n".join(problems)


def load_tasks() -> Any:
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_expected_language_has_a_catalog() -> None:
    assert {"sv", "da", "de", "nb", "fi", "fr", "es", "it", "nl", "pl", "pt"} <= set(LANGUAGES)


def messages_in_code() -> tuple[set[str], set[str]]:
    """Messages as `pybabel extract` finds them (tasks.py's settings), and as the syntax tree has
    them: every string literal in a keyword function's message slot."""
    tasks = load_tasks()
    keywords = {**DEFAULT_KEYWORDS, **parse_keywords(tasks.KEYWORDS)}
    extracted: set[str] = set()
    literal: set[str] = set()
    for folder in tasks.EXTRACT_FROM:
        for _, _, message, _, _ in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=keywords
        ):
            extracted.add(key(message))
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "attr", getattr(node.func, "id", None))
                if name not in keywords:
                    continue
                spec = keywords[name] or (1,)
                index = next(i for i in spec if isinstance(i, int)) - 1
                arg = node.args[index] if index < len(node.args) else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    literal.add(arg.value)
    return extracted, literal


def test_template_lists_every_message_in_the_code() -> None:
    extracted, literal = messages_in_code()
    hidden = sorted(literal - extracted)
    assert not hidden, (
        "pybabel cannot see these messages (a _() call inside a call that is itself an "
        "argument of _()); assign the translated text to a variable first: " + repr(hidden)
    )
    stale = sorted(extracted ^ set(template()))
    assert not stale, "run `python3 tasks.py catalogs`; added or removed: " + repr(stale)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_translates_every_message(language: str) -> None:
    done = {
        key(m.id)
        for m in catalog(language)
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    missing = [m for m in template() if m not in done]
    assert not missing, report([f"untranslated or fuzzy: {m!r}" for m in missing])


SPELLED = {"de": {"vierzehn": "14"}}
"""Numbers a catalog writes in words where its national model text does (the German
Muster-Widerrufsbelehrung says "vierzehn Tage")."""


def spelled_out(language: str, text: str) -> str:
    for word, digits in SPELLED.get(language, {}).items():
        text = re.sub(rf"\b{word}\b", digits, text)
    return text


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_slots_numbers_and_markdown(language: str) -> None:
    problems = []
    for english, text in translations(language):
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        except ValueError:
            fields = ["?"]
        if any(not re.fullmatch(r"\w+", f) for f in fields) or placeholders(text) != placeholders(
            english
        ):
            problems.append(f"{english!r}\n  slots differ: {text!r}")
        if set(re.findall(r"\d+", without_slots(english))) != set(
            re.findall(r"\d+", spelled_out(language, without_slots(text)))
        ):
            problems.append(f"{english!r}\n  numbers differ: {text!r}")
        for mark in ("**", "](", "`"):
            if english.count(mark) != text.count(mark):
                problems.append(f"{english!r}\n  {mark!r} count differs: {text!r}")
        if re.match(r"#+ ", english) and not text.startswith(english.split(" ", 1)[0] + " "):
            problems.append(f"{english!r}\n  heading level differs: {text!r}")
    assert not problems, report(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_gives_every_official_term(language: str) -> None:
    gloss = glossary(language)
    guide = "docs/contributing/translating.md"
    assert gloss, f"add mkdocs_legal/locale/{language}/glossary.yml (see {guide})"
    terms = gloss.get("terms") or {}
    assert set(terms) == set(english_terms()), "terms must be exactly those of locale/glossary.yml"
    for term, patterns in terms.items():
        assert patterns and all(isinstance(p, str) and p.strip() for p in patterns), term
    for pattern in [*(p for ps in terms.values() for p in ps), *(gloss.get("forbidden") or {})]:
        compile_pattern(pattern)


def test_every_term_names_the_article_it_comes_from() -> None:
    raw = yaml.safe_load((LOCALE / "glossary.yml").read_text(encoding="utf-8"))
    assert [t for t, entry in raw.items() if not str(entry.get("article") or "").strip()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_names_the_source_of_every_term(language: str) -> None:
    """Each term line of `locale/<lang>/glossary.yml` ends in a comment with its article."""
    lines = (LOCALE / language / "glossary.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("terms:")
    block = [line for line in lines[start + 1 :] if line.startswith("  ") or not line]
    terms = [line for line in block[: block.index("") if "" in block else None] if line.strip()]
    bare = [line for line in terms if not re.search(r"\]\s+#\s*\S", line)]
    assert len(terms) == len(english_terms())
    assert bare == [], "name the article each term comes from, as a comment"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_use_the_official_terms(language: str) -> None:
    problems = [
        f"{english!r}\n  → {text!r}\n  " + "\n  ".join(found)
        for english, text in translations(language)
        if (found := term_problems(english, text, language))
    ]
    assert not problems, report(problems)


# --- the checker itself ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("berättiga* intresse*", "Våra berättigade intressen"),
        ("berättiga* intresse*", "berättigat intresse"),
        ("oikeute* edu*", "oikeutetun edun perusteella"),
        ("personenbezogen* Daten", "Kategorien personenbezogener Daten"),
        ("*Verantwortlich*", "gemeinsam Verantwortlicher"),
        ("rätt att ... göra invändning*", "Du har rätt att när som helst göra invändningar"),
        ("Recht ... Widerspruch einzulegen", "das Recht, jederzeit Widerspruch einzulegen"),
        ("tietosuoja-asetu*", "tietosuoja-asetuksen 6 artiklan"),
        ("DSGVO", "(Art. 6 Abs. 1 lit. f DSGVO)"),
    ],
)
def test_patterns_accept_inflected_forms(pattern: str, text: str) -> None:
    assert matches([pattern], text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("berättiga* intresse*", "legitimt intresse"),
        ("DSGVO", "DSGVOs"),
        ("rättslig* grund*", "rättsliga skäl och grunder"),
        ("laglig* grund*", "olaglig grund"),
        ("rätt att ... göra invändning*", "rätt att " + "ord " * 9 + "göra invändningar"),
    ],
)
def test_patterns_reject_other_words(pattern: str, text: str) -> None:
    assert not matches([pattern], text)


def test_terms_prefer_the_longest_match_and_ignore_slots() -> None:
    assert terms_in("a personal data breach") == ["personal_data_breach"]
    assert terms_in("{recipient}: {details}") == []
    assert terms_in("Our legitimate interest: {interest}") == ["legitimate_interest"]


def test_checker_catches_the_seed_pitfalls() -> None:
    english = "Our legitimate interest: {interest}"
    assert term_problems(english, "Vårt berättigade intresse: {interest}", "sv") == []
    wrong = term_problems(english, "Vårt legitima intresse: {interest}", "sv")
    assert any(p.startswith("legitimate_interest") for p in wrong)
    assert any("forbidden 'legitim* intresse*'" in p for p in wrong)
    assert term_problems("Legal basis: {basis}", "Laglig grund: {basis}", "sv")
    assert term_problems("Legal basis: {basis}", "Rechtsgrundlage: {basis}", "de") == []
    assert term_problems("the controller", "die verantwortliche Stelle", "de")


# --- full builds: one fixture site per language ------------------------------------------------


NEW = ["fr-en", "es-en", "it-en", "nl-en", "pl-en", "pt-en"]
"""The fixture sites of the six languages added together: a consumer shop (fr, it, pl) or a
business service (es, nl, pt) each, with all three documents."""

SITES = {
    # site: (privacy page of the local language, language, effective date, what it must show)
    "da-en": (
        "privacy/index.html",
        "da",
        ("2026-02-01", "1. februar 2026"),
        [
            "Gældende fra 1. februar 2026",
            "Retsgrundlag: legitim interesse (databeskyttelsesforordningens artikel 6, stk. 1, litra f)",
            "er dataansvarlig for de personoplysninger",
            "Vi har udpeget en databeskyttelsesrådgiver",
            "standardbestemmelser om databeskyttelse vedtaget af Europa-Kommissionen",
            "ret til at indgive klage til en tilsynsmyndighed, navnlig i",
            "Datatilsynet",
            'href="https://www.datatilsynet.dk"',
        ],
    ),
    "de-en": (
        "privacy/index.html",
        "de",
        ("2025-06-15", "15. Juni 2025"),
        [
            "Gültig ab 15. Juni 2025",
            "Rechtsgrundlage: berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO)",
            "Verantwortlicher für die Verarbeitung",
            "Recht auf Beschwerde bei einer Aufsichtsbehörde, insbesondere in",
            "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)",
            'href="https://www.lda.bayern.de"',
            "einschließlich Profiling",
        ],
    ),
    "nb-en": (
        "nb/privacy/index.html",
        "nb",
        ("2026-02-01", "1. februar 2026"),
        [
            "Gjelder fra 1. februar 2026",
            "Behandlingsgrunnlag: berettiget interesse "
            "(personvernforordningen artikkel 6 nr. 1 bokstav f)",
            "er behandlingsansvarlig for personopplysningene",
            "rett til å klage til en tilsynsmyndighet, særlig i",
            "Du har til enhver tid rett til å protestere",
            'href="https://www.datatilsynet.no"',
        ],
    ),
    "fi-en": (
        "fi/privacy/index.html",
        "fi",
        ("2026-02-01", "1. helmikuuta 2026"),
        [
            "Voimassa 1. helmikuuta 2026 alkaen",
            "Oikeusperuste: oikeutettu etu (tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta)",
            "kuvattujen henkilötietojen rekisterinpitäjä",
            "oikeus tehdä valitus valvontaviranomaiselle erityisesti",
            "Tietosuojavaltuutetun toimisto",
            'href="https://tietosuoja.fi"',
        ],
    ),
    "fr-en": (
        "privacy/index.html",
        "fr",
        ("2026-02-01", "1 février 2026"),
        [
            "En vigueur à compter du 1 février 2026",
            "Base juridique : intérêt légitime (article 6, paragraphe 1, point f), du RGPD)",
            "est le responsable du traitement des données à caractère personnel",
            "droit d’introduire une réclamation auprès d’une autorité de contrôle, en particulier",
            "Commission nationale de l'informatique et des libertés (CNIL)",
            'href="https://www.cnil.fr"',
            "y compris le profilage",
            "des clauses types de protection des données adoptées par la Commission européenne "
            "(article 46, paragraphe 2, point c), du RGPD)",
        ],
    ),
    "es-en": (
        "privacy/index.html",
        "es",
        ("2026-02-01", "1 de febrero de 2026"),
        [
            "En vigor desde el 1 de febrero de 2026",
            "Base jurídica: interés legítimo (artículo 6, apartado 1, letra f), del RGPD)",
            "es el responsable del tratamiento de los datos personales",
            "derecho a presentar una reclamación ante una autoridad de control, en particular",
            "Agencia Española de Protección de Datos (AEPD)",
            'href="https://www.aepd.es"',
            "incluida la elaboración de perfiles",
            "(artículo 46, apartado 2, letra c), del RGPD)",
        ],
    ),
    "it-en": (
        "privacy/index.html",
        "it",
        ("2026-02-01", "1 febbraio 2026"),
        [
            "In vigore dal 1 febbraio 2026",
            "Base giuridica: legittimo interesse (articolo 6, paragrafo 1, lettera f), del GDPR)",
            "è il titolare del trattamento dei dati personali",
            "diritto di proporre reclamo a un’autorità di controllo, segnatamente",
            "Garante per la protezione dei dati personali",
            'href="https://www.garanteprivacy.it"',
            "compresa la profilazione",
            "(articolo 46, paragrafo 2, lettera c), del GDPR)",
        ],
    ),
    "nl-en": (
        "privacy/index.html",
        "nl",
        ("2026-02-01", "1 februari 2026"),
        [
            "Geldig vanaf 1 februari 2026",
            "Rechtsgrond: gerechtvaardigd belang (artikel 6, lid 1, onder f, AVG)",
            "is de verwerkingsverantwoordelijke voor de persoonsgegevens",
            "recht een klacht in te dienen bij een toezichthoudende autoriteit, met name",
            "Autoriteit Persoonsgegevens",
            'href="https://www.autoriteitpersoonsgegevens.nl"',
            "waaronder profilering",
            "(artikel 46, lid 2, onder c, AVG)",
        ],
    ),
    "pl-en": (
        "privacy/index.html",
        "pl",
        ("2026-02-01", "1 lutego 2026"),
        [
            "Obowiązuje od 1 lutego 2026",
            "Podstawa prawna: prawnie uzasadniony interes (art. 6 ust. 1 lit. f RODO)",
            "jest administratorem danych osobowych",
            "prawo wnieść skargę do organu nadzorczego, w szczególności",
            "Prezes Urzędu Ochrony Danych Osobowych (UODO)",
            'href="https://uodo.gov.pl"',
            "w tym profilowaniu",
            "(art. 46 ust. 2 lit. c RODO)",
            "trzy lata od zakończenia umowy",
        ],
    ),
    "pt-en": (
        "privacy/index.html",
        "pt",
        ("2026-02-01", "1 de fevereiro de 2026"),
        [
            "Em vigor desde 1 de fevereiro de 2026",
            "Fundamento jurídico: interesse legítimo (artigo 6.º, n.º 1, alínea f), do RGPD)",
            "é o responsável pelo tratamento dos dados pessoais",
            "direito de apresentar reclamação a uma autoridade de controlo, em especial",
            "Comissão Nacional de Proteção de Dados (CNPD)",
            'href="https://www.cnpd.pt"',
            "incluindo a definição de perfis",
            "(artigo 46.º, n.º 2, alínea c), do RGPD)",
        ],
    ),
}
ENGLISH = {name: "en/privacy/index.html" for name in ["da-en", "de-en", *NEW]}


def page_text(markup: str) -> str:
    """The page's article as text, with its links' targets kept: `href="…"` stays findable."""
    article = re.search(r"<article\b.*?</article>", markup, re.S)
    assert article, "no <article> on the page"
    body = re.sub(r"<a\b[^>]*?(href=\"[^\"]*\")[^>]*>", r" \1 ", article.group(0))
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture(params=sorted(SITES))
def site(request: pytest.FixtureRequest, built_site: BuiltSite) -> tuple[str, Path]:
    result, folder = built_site(request.param)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return request.param, folder


@pytest.mark.slow
def test_privacy_page_in_the_local_language(site: tuple[str, Path]) -> None:
    name, folder = site
    page, language, (iso, shown), expected = SITES[name]
    markup = (folder / page).read_text(encoding="utf-8")
    text = page_text(markup)
    assert re.search(rf'<html lang="{language}"', markup)
    assert re.search(rf'<time datetime="{iso}">\s*{re.escape(shown)}\s*</time>', markup)
    assert [e for e in expected if e not in text] == []


@pytest.mark.slow
def test_privacy_page_has_no_english_clause_left(site: tuple[str, Path]) -> None:
    name, folder = site
    page, language, _, _ = SITES[name]
    text = page_text((folder / page).read_text(encoding="utf-8"))
    left = [
        piece
        for message in template()
        for piece in SLOT.split(message)
        if len(piece.strip(" .:,()*#")) > 20 and piece.strip(" *#") in text
    ]
    assert left == [], f"English text on the {language} page"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ENGLISH))
def test_english_page_of_the_same_site(name: str, built_site: BuiltSite) -> None:
    _, folder = built_site(name)
    text = page_text((folder / ENGLISH[name]).read_text(encoding="utf-8"))
    assert "legitimate interest (Article 6(1)(f) GDPR)" in text


TWELVE = ["en", "sv", "da", "de", "nb", "fi", "fr", "es", "it", "nl", "pl", "pt"]


@pytest.mark.slow
def test_one_site_in_all_twelve_languages(built_site: BuiltSite) -> None:
    """Every document in every catalog language: the page's own words, citation, dates and
    the Belgian authority's name in that language where it has one; no English fallback."""
    from datetime import date

    from mkdocs_legal.core import authorities

    result, folder = built_site("twelve-languages")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert sorted(TWELVE) == sorted(["en", *LANGUAGES])
    belgian = authorities.get("BE")
    assert belgian is not None
    for code in TWELVE:
        lang = Language(code)
        prefix = "" if code == "en" else f"{code}/"
        shown = lang.date(date(2026, 2, 1))
        citation = lang._("Article 6(1)({point}) GDPR").format(point="f")
        for document in ("privacy", "cookies", "terms"):
            markup = (folder / f"{prefix}{document}/index.html").read_text(encoding="utf-8")
            assert f'<html lang="{code}"' in markup, (code, document)
            assert re.search(
                rf'<time datetime="2026-02-01">\s*{re.escape(shown)}\s*</time>', markup
            )
            text = page_text(markup)
            assert f"({code})" in text, (code, document)  # the data's text in this language
            if code != "en":
                left = [
                    piece
                    for message in template()
                    for piece in SLOT.split(message)
                    if len(piece.strip(" .:,()*#")) > 20 and piece.strip(" *#") in text
                ]
                assert left == [], (code, document, left)
        privacy = page_text((folder / f"{prefix}privacy/index.html").read_text(encoding="utf-8"))
        assert citation in privacy, (code, citation)
        assert belgian.name_in(code) in privacy, code


TERMS = {
    # consumer shops: the right of withdrawal in the language's consumer-law terms
    "fr-en": [
        "Vous avez le droit de vous rétracter du présent contrat sans donner de motif dans un "
        "délai de 14 jours",
        "(article 16, point a), de la directive 2011/83/UE)",
        "article 6, paragraphe 2, du règlement (CE) n° 593/2008",
    ],
    "it-en": [
        "Lei ha il diritto di recedere dal contratto, senza indicarne le ragioni, entro 14 giorni",
        "è competente il Tribunale di Firenze",
        "Legge applicabile e controversie",
    ],
    "pl-en": [
        "Mają Państwo prawo odstąpić od niniejszej umowy w terminie 14 dni",
        "Termin do odstąpienia od umowy wygasa po upływie 14 dni od dnia zawarcia umowy",
        "opłata za ten okres jest naliczana proporcjonalnie",
    ],
    # business services: binding period, processor clause, governing law
    "es-en": [
        "El contrato tiene un período de permanencia de 12 meses",
        "como encargado del tratamiento del cliente",
        "se rigen por la legislación de España",
    ],
    "nl-en": [
        "De overeenkomst heeft een minimale contractduur van 12 maanden",
        "als verwerker van de klant",
        "Een verwerkersovereenkomst als bedoeld in artikel 28 AVG",
    ],
    "pt-en": [
        "O contrato tem um período de fidelização de 12 meses",
        "na qualidade de subcontratante do cliente",
        "é competente o Tribunal Judicial da Comarca de Lisboa",
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TERMS))
def test_terms_page_in_the_local_language(name: str, built_site: BuiltSite) -> None:
    result, folder = built_site(name)
    assert result.returncode == 0, result.stderr
    text = page_text((folder / "terms/index.html").read_text(encoding="utf-8"))
    assert [e for e in TERMS[name] if e not in text] == []
    left = [m for m in template() if len(m) > 30 and "{" not in m and m in text]
    assert left == [], "English clause on the terms page"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TERMS))
def test_the_consumer_terms_only_on_consumer_sites(name: str, built_site: BuiltSite) -> None:
    _, folder = built_site(name)
    markup = (folder / "terms/index.html").read_text(encoding="utf-8")
    consumer = name in {"fr-en", "it-en", "pl-en"}
    assert ("2011/83/UE" in markup) == consumer


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("US", "en", "the United States"),
        ("UK", "en", "the United Kingdom"),
        ("NL", "en", "the Netherlands"),
        ("DO", "en", "the Dominican Republic"),
        ("FO", "en", "the Faroe Islands"),
        ("SE", "en", "Sweden"),
        ("CZ", "en", "Czechia"),
        ("EU", "en", "the EU"),
        ("US", "sv", "USA"),
        ("NL", "de", "Niederlande"),
    ],
)
def test_country_names_in_running_text_take_the_english_article(
    code: str, lang: str, name: str
) -> None:
    assert Language(lang).country(code, in_sentence=True) == name
    assert not Language(lang).country(code).startswith("the ") or code == "EU"

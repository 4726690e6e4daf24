"""Lint rules for consumer terms (`audience: b2c` or `both`): binding periods and renewals,
the form of a consumer's notice, clauses that take away statutory rights, and the German
cancellation button and dispute-resolution statement.

The limits come from `law/consumer.yml`, per country whose law governs the terms; a rule runs
only where that file knows the country's rule. `lint.py` registers `RULES` and calls `check`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from .. import law
from ..codes import FindingCode
from ..documents.consumer import law_country
from ..language import Language
from ..model import DURATION_RE, LegalData, Text
from ..yamlsource import Path_

RULES: list[FindingCode] = [
    FindingCode(
        "LGL028",
        "error",
        "Consumer terms that bind or renew for longer than the governing law allows (Germany: "
        "§ 309 Nr. 9 BGB; Denmark: forbrugeraftaleloven § 28).",
        "For consumers under German law: a binding period of at most two years, notice of at "
        "most one month, and an automatic extension only by one month at a time "
        "(`billing_period: P1M`), or `renewal: none`. Under Danish law: at most six months and "
        "one month's notice.",
    ),
    FindingCode(
        "LGL029",
        "error",
        "Consumer terms that ask for a stricter form of notice than text form, such as a "
        "registered or signed letter (Germany: § 309 Nr. 13 BGB; Denmark: forbrugeraftaleloven "
        "§ 28 a).",
        "Accept notice in text form: say `by email to …` or `in text form (letter or email) to "
        "…` in `termination.channel`.",
    ),
    FindingCode(
        "LGL030",
        "error",
        "A free text in consumer terms excludes liability for intent, gross negligence or "
        "personal injury, or waives the right of withdrawal or another statutory right.",
        "Remove the exclusion or waiver, or say that it does not apply to them (Directive "
        "93/13/EEC Annex 1(a)-(b); Directive 2011/83/EU Art. 25; § 309 Nr. 7 BGB).",
    ),
    FindingCode(
        "LGL108",
        "warning",
        "German consumer subscriptions sold online without the cancellation button of § 312k BGB.",
        "Offer the button (“Verträge hier kündigen”) on the website and set "
        "`terms.cancellation_button: true`.",
    ),
    FindingCode(
        "LGL109",
        "warning",
        "German consumer terms that do not say whether you take part in consumer dispute "
        "resolution (§ 36 VSBG).",
        "Set `terms.dispute_resolution` to `willing`, `obliged` or `not_willing`.",
    ),
]

Found = tuple[str, str, Path_]
ENGLISH = Language("en")


def check(data: LegalData, raw: Any) -> Iterator[Found]:
    """Findings (code, message, path) of the consumer rules; `raw` is the file as read."""
    terms = data.terms
    if terms is None or data.audience == "b2b":
        return
    country = law_country(data) or ""
    fact = law.topic("consumer").get(country, {})
    yield from binding(data, fact)
    yield from notice_form(data, fact)
    yield from waivers(raw)
    continuing = terms.billing_period or terms.binding_period or terms.renewal == "automatic"
    if fact.get("cancellation_button") and continuing and not terms.cancellation_button:
        yield (
            "LGL108",
            "a consumer subscription under German law that is concluded on a website must offer "
            "a cancellation button (§ 312k BGB); offer it and set `cancellation_button: true`",
            ("terms",),
        )
    if fact.get("adr_statement") and terms.dispute_resolution is None:
        yield (
            "LGL109",
            "German consumer terms must say whether you take part in dispute resolution before "
            "a consumer arbitration board (§ 36 VSBG); set `dispute_resolution`",
            ("terms",),
        )


def binding(data: LegalData, fact: Mapping[str, Any]) -> Iterator[Found]:
    """LGL028: the first binding period, the notice, and how a tacit renewal binds."""
    terms = data.terms
    assert terms is not None
    cite = fact.get("binding_cite", "")
    law_words = f"for consumers under {cite}"
    most = fact.get("max_binding")
    if most and terms.binding_period and longer_than(terms.binding_period, months=months(most)):
        yield (
            "LGL028",
            f"a binding period of {terms.binding_period} is void {law_words}; at most "
            f"{ENGLISH.duration(most)} ({most})",
            ("terms", "binding_period"),
        )
    notice = terms.termination.notice if terms.termination else None
    longest = fact.get("max_notice")
    if longest and notice and longer_than(notice, months=months(longest)):
        yield (
            "LGL028",
            f"a notice period of {notice} is void {law_words}; at most "
            f"{ENGLISH.duration(longest)} ({longest})",
            ("terms", "termination", "notice"),
        )
    extension = terms.billing_period or terms.binding_period
    indefinite = fact.get("renewal_step") == "indefinite" and terms.renewal == "automatic"
    if indefinite and extension and longest and longer_than(extension, months=months(longest)):
        yield (
            "LGL028",
            f"an automatic extension by {extension} at a time is void {law_words}: after "
            "the binding period the contract may only go on until further notice, with at "
            f"most {ENGLISH.duration(longest)}'s notice; bill monthly (`billing_period: "
            f"{longest}`) or set `renewal: none`",
            ("terms", "renewal"),
        )


STRICTER_THAN_TEXT = re.compile(
    r"registered (?:letter|mail|post)|recorded delivery|signed letter|signature|handwritten"
    r"|(?:by|per) (?:letter|post) only|only by (?:letter|post)|only by (?:tele)?phone"
    r"|rekommenderat|rekommenderad|undertecknad|underskrift|endast (?:per|via|med) (?:brev|post)"
    r"|einschreiben|eigenhändig|unterschrift|unterschrieben|schriftform"
    r"|nur (?:per|mit|durch) (?:brief|post)|nur telefonisch"
    r"|anbefalet|underskrevet|kun (?:pr\.|per|med) (?:brev|post)"
    r"|rekommandert|signert|kirjatt|allekirjoit|vain kirjeellä|ainoastaan kirjeellä"
    r"|lettre recommandée|accusé de réception|signature manuscrite|uniquement par (?:courrier|lettre)"
    r"|carta certificada|burofax|firma manuscrita|únicamente por (?:correo postal|carta)"
    r"|raccomandata|firma autografa|esclusivamente (?:per|a mezzo) (?:posta|lettera)"
    r"|aangetekend|handtekening|uitsluitend per (?:brief|post)"
    r"|list(?:em)? polecony|potwierdzeniem odbioru|własnoręczn|wyłącznie (?:listownie|pocztą)"
    r"|carta registada|aviso de receção|assinatura manuscrita|apenas por (?:carta|correio)",
    re.IGNORECASE,
)
"""A channel that asks for more than text form: a registered, signed or paper-only notice."""


def notice_form(data: LegalData, fact: Mapping[str, Any]) -> Iterator[Found]:
    """LGL029: where the law allows no stricter form than text form for a consumer's notice."""
    t = data.terms.termination if data.terms else None
    if not fact.get("text_form") or t is None or t.channel is None:
        return
    for language, text in texts(t.channel):
        match = STRICTER_THAN_TEXT.search(text)
        if match:
            where: Path_ = ("terms", "termination", "channel")
            if language:
                where = (*where, language)
            yield (
                "LGL029",
                f"“{match.group(0)}” asks a consumer for more than text form, which "
                f"{fact.get('text_form_cite', 'the governing law')} does not allow; accept "
                "notice in text form, such as an email",
                where,
            )
            return


EXCLUDES = re.compile(
    r"exclud|not liable|no liability|disclaim|waive|not entitled|no right"
    r"|ansvarar (?:inte|ej)|inget ansvar|friskriv|avstår|ingen ångerrätt|ingen rätt"
    r"|haften nicht|keine haftung|ausgeschlossen|verzicht|kein widerrufsrecht|keine gewährleistung"
    r"|hæfter ikke|intet ansvar|ikke ansvar|fraskriv|afstår|ingen fortrydelsesret|ingen ret"
    r"|ikke ansvarlig|gir avkall|ingen angrerett"
    r"|ei vastaa|ei ole vastuussa|vastuu ei|luopuu|ei peruuttamisoikeutta|ei ole oikeutta"
    r"|exclu|décline toute responsabilité|n.est pas responsable|aucune responsabilité|renonce"
    r"|aucun droit de rétractation|pas de droit de rétractation"
    r"|excluid|no (?:se hace |es )?responsable|ninguna responsabilidad|renuncia"
    r"|sin derecho de desistimiento|no tiene derecho"
    r"|esclus|non (?:è|siamo) responsabil|nessuna responsabilità|rinunci|nessun diritto di recesso"
    r"|non ha diritto|uitgesloten|niet aansprakelijk|geen aansprakelijkheid|doet afstand"
    r"|geen herroepingsrecht|geen recht|wyłącz|nie ponosi\w* odpowiedzialności"
    r"|brak odpowiedzialności|zrzek|brak prawa (?:do )?odstąpienia|nie przysługuje"
    r"|excluíd|não (?:é|somos) responsáve|nenhuma responsabilidade|renuncia"
    r"|sem direito de livre resolução|não tem direito",
    re.IGNORECASE,
)
PROTECTED = re.compile(
    r"intent|wilful|deliberate|gross(?:ly)? neglig|personal injury|death|bodily|health"
    r"|withdraw|statutory|legal guarantee"
    r"|uppsåt|grov vårdslöshet|grov oaktsamhet|personskad|ångerrätt|lagstadgad|reklamationsrätt"
    r"|vorsatz|vorsätzlich|grob fahrlässig|grobe fahrlässigkeit|körper|gesundheit|leben"
    r"|widerruf|gesetzlich|gewährleistung|mängelrecht"
    r"|forsæt|forsætlig|grov uagtsomhed|personskade|fortrydelse|lovbestemt|reklamationsret"
    r"|forsett|grov uaktsomhet|angrerett|lovfestet|reklamasjonsrett"
    r"|tahallis|törkeä|henkilövahin|peruuttamis|lakisääteinen|virhevastuu"
    r"|\bdol\b|intentionnel|faute lourde|dommages? corporel|décès|santé|rétractation"
    r"|garantie légale|droits? légaux|garantía legal|derechos legales|direitos legais"
    r"|dolo|intencionad|culpa grave|negligencia grave|daños personales|lesiones|muerte|salud"
    r"|desistimiento|colpa grave|danni alla persona|morte|salute|recesso|garanzia legale"
    r"|opzet|grove nalatigheid|bewuste roekeloosheid|letsel|overlijden|gezondheid|herroeping"
    r"|wettelijk|umyśl|rażąc\w* niedbalstw|na osobie|ciała|śmier|zdrowi|odstąpieni|ustawow"
    r"|rękojm|danos pessoais|lesões|saúde|livre resolução|garantia legal"
    r"(?:\w*)(?: \w*neglig\w*)?",
    re.IGNORECASE,
)
CARVE_OUT = re.compile(
    r"does not apply|do not apply|not excluded|unaffected|remain[s]? unaffected|except|save for"
    r"|gäller inte|påverkas inte|berörs inte|utom|undantaget"
    r"|gilt nicht|unberührt|bleibt|bleiben|ausgenommen|außer"
    r"|gælder ikke|berøres ikke|undtagen|uberørt|gjelder ikke|påvirkes ikke|unntatt"
    r"|ei koske|ei sovelleta|lukuun ottamatta|paitsi"
    r"|nothing in|not limit|begränsar inte|schränkt nicht|begrænser ikke|begrenser ikke"
    r"|ei rajoita"
    r"|ne s.applique pas|n.est pas exclu|sans préjudice|sauf|à l.exception|ne limite pas"
    r"|no se aplica|no queda excluid|sin perjuicio|salvo|excepto|no limita"
    r"|non si applica|non è esclus|fatto salvo|eccetto|non limita"
    r"|geldt niet|niet van toepassing|onverlet|behalve|met uitzondering|beperkt niet"
    r"|nie dotyczy|nie ma zastosowania|z wyjątkiem|nie wyłącza|nie ogranicza|bez wpływu"
    r"|não se aplica|não exclui|sem prejuízo|exceto|não limita",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def waivers(raw: Any) -> Iterator[Found]:
    """LGL030: a sentence of the terms' free texts that excludes what cannot be excluded."""
    for path, text in free_texts(raw):
        for sentence in SENTENCE_END.split(text):
            exclusion = EXCLUDES.search(sentence)
            protected = PROTECTED.search(sentence)
            if exclusion and protected and not CARVE_OUT.search(sentence):
                yield (
                    "LGL030",
                    f"“{sentence.strip()[:120]}” takes away a consumer's statutory right "
                    f"({protected.group(0)}): such a clause is void against consumers; remove "
                    "it or say that it does not apply there",
                    path,
                )
                break


def free_texts(raw: Any) -> Iterator[tuple[Path_, str]]:
    """The terms' free texts, as written in the file: terms fields, the terms' intro and custom
    sections."""
    from ..lint import walk_strings as strings  # lint imports this module

    if not isinstance(raw, dict):
        return
    terms = raw.get("terms")
    if isinstance(terms, dict):
        yield from strings(terms, ("terms",))
    intro = raw.get("intro")
    if isinstance(intro, dict) and "terms" in intro:
        yield from strings(intro["terms"], ("intro", "terms"))
    for i, section in enumerate(raw.get("sections") or []):
        if isinstance(section, dict) and section.get("document") == "terms":
            yield from strings(section.get("body"), ("sections", i, "body"))


def texts(value: Text) -> Iterator[tuple[str | None, str]]:
    """A Text's strings, with their language (None for a plain string)."""
    if isinstance(value, str):
        yield None, value
    else:
        yield from value.items()


def months(duration: str) -> int:
    """The whole months of a duration given in years and months (`P2Y` → 24)."""
    parts = DURATION_RE.match(duration)
    assert parts is not None, duration
    return int(parts.group("years") or 0) * 12 + int(parts.group("months") or 0)


def longer_than(duration: str, *, months: int) -> bool:
    """Whether an ISO 8601 duration can be longer than `months` months.

    Years and months count exactly; weeks and days count as 31 to a month, so `P31D` is
    not longer than one month and `P32D` is.
    """
    parts = DURATION_RE.match(duration)
    if parts is None:
        return False
    y, m, w, d = (int(parts.group(k) or 0) for k in ("years", "months", "weeks", "days"))
    whole = y * 12 + m
    days = w * 7 + d
    return whole > months or days > (months - whole) * 31

"""`law/wording.yml`: each entry recognises its wording in every catalog language, and only it."""

from __future__ import annotations

import pytest

from mkdocs_legal.core import law
from mkdocs_legal.core.checks.base import find
from mkdocs_legal.core.language import available_languages

LANGUAGES = available_languages()  # every catalog language

# entry → language → (sentences that must match, sentences that must not)
EXAMPLES: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "consent_by_use": {
        "en": (["By using this website, you consent to our use of cookies.",
                "By accessing or using shop.example/en you agree that we process your data.",
                "Your continued use of our site constitutes acceptance of this policy."],
               ["We ask for your consent before we use cookies.",
                "By using the settings, you can withdraw consent. You agree later."]),
        "sv": (["Genom att använda webbplatsen godkänner du att vi använder kakor."],
               ["Du kan när som helst återkalla ditt samtycke."]),
        "da": (["Ved at bruge hjemmesiden accepterer du vores brug af cookies."],
               ["Du kan altid trække dit samtykke tilbage."]),
        "de": (["Durch die Nutzung dieser Website stimmen Sie der Verwendung von Cookies zu.",
                "Indem Sie unsere Website nutzen, erklären Sie sich einverstanden."],
               ["Sie können Ihre Einwilligung jederzeit widerrufen."]),
        "nb": (["Ved å bruke nettstedet samtykker du til bruk av informasjonskapsler."],
               ["Du kan når som helst trekke tilbake samtykket ditt."]),
        "fi": (["Käyttämällä sivustoa hyväksyt evästeiden käytön."],
               ["Voit peruuttaa suostumuksesi milloin tahansa."]),
        "fr": (["En utilisant ce site, vous acceptez l'utilisation de cookies."],
               ["Vous pouvez retirer votre consentement à tout moment."]),
        "es": (["Al utilizar este sitio web, usted acepta el uso de cookies.",
                "Si continúa navegando, consideramos que acepta su uso."],
               ["Puede retirar su consentimiento en cualquier momento."]),
        "it": (["Proseguendo la navigazione, Lei acconsente all'uso dei cookie."],
               ["Può revocare il Suo consenso in qualsiasi momento."]),
        "nl": (["Door deze website te gebruiken, gaat u akkoord met het gebruik van cookies."],
               ["U kunt uw toestemming altijd intrekken."]),
        "pl": (["Korzystając ze strony, wyrażają Państwo zgodę na użycie plików cookie."],
               ["Mogą Państwo w każdej chwili wycofać zgodę."]),
        "pt": (["Ao utilizar este sítio, aceita a utilização de cookies."],
               ["Pode retirar o seu consentimento a qualquer momento."]),
    },
    "change_without_notice": {
        "en": (["We may change this policy at any time without notice."],
               ["We will notify you of changes 30 days in advance."]),
        "sv": (["Vi kan ändra policyn när som helst utan föregående meddelande."],
               ["Vi meddelar ändringar i god tid."]),
        "da": (["Vi kan ændre politikken når som helst uden varsel."],
               ["Vi giver besked om ændringer i god tid."]),
        "de": (["Wir können diese Erklärung jederzeit ohne Vorankündigung ändern."],
               ["Wir informieren Sie rechtzeitig über Änderungen."]),
        "nb": (["Vi kan endre erklæringen når som helst uten varsel."],
               ["Vi varsler deg om endringer i god tid."]),
        "fi": (["Voimme muuttaa selostetta milloin tahansa ilman ennakkoilmoitusta."],
               ["Ilmoitamme muutoksista hyvissä ajoin."]),
        "fr": (["Nous pouvons modifier cette politique à tout moment sans préavis."],
               ["Nous vous informerons des modifications un mois à l'avance."]),
        "es": (["Podemos modificar esta política en cualquier momento sin previo aviso."],
               ["Le informaremos de los cambios con antelación."]),
        "it": (["Possiamo modificare la presente informativa in qualsiasi momento senza preavviso."],
               ["La informeremo delle modifiche con un mese di anticipo."]),
        "nl": (["Wij kunnen deze verklaring op elk moment wijzigen zonder voorafgaande kennisgeving."],
               ["Wij informeren u tijdig over wijzigingen."]),
        "pl": (["Możemy zmienić niniejszą politykę w każdej chwili bez uprzedniego powiadomienia."],
               ["O zmianach poinformujemy z wyprzedzeniem."]),
        "pt": (["Podemos alterar esta política a qualquer momento sem aviso prévio."],
               ["Informaremos das alterações com antecedência."]),
    },
    "waiver": {
        "en": (["You waive your right to erasure.", "You agree not to exercise your rights."],
               ["You have the right to erasure."]),
        "sv": (["Du avstår från din rätt till radering."], ["Du har rätt till radering."]),
        "da": (["Du giver afkald på din ret til sletning."], ["Du har ret til sletning."]),
        "de": (["Sie verzichten auf Ihr Recht auf Löschung.",
                "Auf Ihr Widerrufsrecht verzichten Sie hiermit."],
               ["Sie haben das Recht auf Löschung."]),
        "nb": (["Du gir avkall på retten til sletting."], ["Du har rett til sletting."]),
        "fi": (["Luovut oikeudestasi tietojen poistamiseen."],
               ["Sinulla on oikeus tietojen poistamiseen."]),
        "fr": (["Vous renoncez à votre droit à l'effacement."], ["Vous avez le droit à l'effacement."]),
        "es": (["Usted renuncia a su derecho de supresión."], ["Tiene derecho a la supresión."]),
        "it": (["Lei rinuncia al diritto alla cancellazione."], ["Lei ha il diritto alla cancellazione."]),
        "nl": (["U doet afstand van uw recht op wissing."], ["U hebt recht op wissing."]),
        "pl": (["Zrzekają się Państwo prawa do usunięcia danych."],
               ["Mają Państwo prawo do usunięcia danych."]),
        "pt": (["O titular renuncia ao direito ao apagamento."], ["Tem direito ao apagamento."]),
    },
    "retention_forever": {
        "en": (["We keep it forever.", "Data is stored indefinitely.",
                "Data is stored permanently."],
               ["We permanently delete it after two years.", "Two years"]),
        "sv": (["Uppgifterna sparas på obestämd tid."], ["Uppgifterna raderas efter två år."]),
        "da": (["Oplysningerne gemmes på ubestemt tid."], ["Oplysningerne slettes efter to år."]),
        "de": (["Die Daten werden auf unbestimmte Zeit gespeichert."],
               ["Die Daten werden nach zwei Jahren gelöscht."]),
        "nb": (["Opplysningene lagres på ubestemt tid."], ["Opplysningene slettes etter to år."]),
        "fi": (["Tiedot säilytetään toistaiseksi."],
               ["Tiedot poistetaan pysyvästi kahden vuoden kuluttua."]),
        "fr": (["Les données sont conservées indéfiniment."],
               ["Les données sont supprimées après deux ans."]),
        "es": (["Los datos se conservan indefinidamente."],
               ["Los datos se suprimen al cabo de dos años."]),
        "it": (["I dati sono conservati a tempo indeterminato."],
               ["I dati sono cancellati dopo due anni."]),
        "nl": (["De gegevens worden voor onbepaalde tijd bewaard."],
               ["De gegevens worden na twee jaar verwijderd."]),
        "pl": (["Dane są przechowywane bezterminowo."], ["Dane są usuwane po dwóch latach."]),
        "pt": (["Os dados são conservados indefinidamente."],
               ["Os dados são apagados ao fim de dois anos."]),
    },
    "marketing": {
        "en": (["Send our newsletter", "Showing advertising"], ["Handle complaints"]),
        "sv": (["Skicka nyhetsbrev", "Visa reklam"], ["Hantera reklamationer"]),
        "da": (["Sende nyhedsbrev", "Markedsføring af vores varer"], ["Behandle reklamationer"]),
        "de": (["Werbung per E-Mail", "Unser Newsletter"], ["Beschwerden bearbeiten"]),
        "nb": (["Sende nyhetsbrev", "Markedsføring"], ["Behandle klager"]),
        "fi": (["Uutiskirjeen lähettäminen", "Suoramarkkinointi"], ["Valitusten käsittely"]),
        "fr": (["Envoyer notre lettre d'information", "Prospection commerciale"],
               ["Traiter les réclamations"]),
        "es": (["Enviar nuestro boletín", "Mostrar publicidad"], ["Tramitar reclamaciones"]),
        "it": (["Invio della newsletter", "Comunicazioni commerciali"], ["Gestire i reclami"]),
        "nl": (["Onze nieuwsbrief versturen", "Reclame tonen"], ["Klachten behandelen"]),
        "pl": (["Wysyłka newslettera", "Wyświetlanie reklam"], ["Rozpatrywanie reklamacji"]),
        "pt": (["Envio da nossa newsletter", "Mostrar publicidade"], ["Tratar reclamações"]),
    },
    "children": {
        "en": (["Lessons for children", "A club for pupils aged 8 to 12",
                "Games for players under 13 years of age", "A camp for those aged 10"],
               ["Any kind of request", "Answer calls in under 5 minutes"]),
        "sv": (["Läxhjälp för barn", "Kurser för elever under 15 år"], ["Kundtjänst"]),
        "da": (["Lektiehjælp for børn"], ["Kundeservice"]),
        "de": (["Nachhilfe für Kinder", "Kurse für Schüler"], ["Kundendienst"]),
        "nb": (["Leksehjelp for barn"], ["Kundeservice"]),
        "fi": (["Läksyapua lapsille", "Kurssit oppilaille"], ["Asiakaspalvelu"]),
        "fr": (["Soutien scolaire pour enfants", "Cours pour les moins de 15 ans"],
               ["Service client"]),
        "es": (["Clases para niños", "Cursos para menores de 14 años"], ["Atención al cliente"]),
        "it": (["Lezioni per bambini", "Corsi per ragazzi"], ["Assistenza clienti"]),
        "nl": (["Huiswerkbegeleiding voor kinderen"], ["Klantenservice"]),
        "pl": (["Korepetycje dla dzieci", "Kursy dla uczniów"], ["Obsługa klienta"]),
        "pt": (["Explicações para crianças", "Cursos para alunos"], ["Apoio ao cliente"]),
    },
}  # fmt: skip


def test_every_entry_has_patterns_and_examples_in_every_language() -> None:
    for entry in law.topic("wording"):
        assert set(law.fact("wording", entry, "languages")) == set(LANGUAGES), entry
        assert set(EXAMPLES[entry]) == set(LANGUAGES), entry
        assert law.fact("wording", entry, "rationale"), entry


@pytest.mark.parametrize("entry, language", [(e, lang) for e in EXAMPLES for lang in LANGUAGES])
def test_wording_is_recognised_in_its_language(entry: str, language: str) -> None:
    positive, negative = EXAMPLES[entry][language]
    for sentence in positive:
        assert find(entry, {language: sentence}, []) is not None, sentence
    for sentence in negative:
        assert find(entry, {language: sentence}, []) is None, sentence


def test_a_plain_string_is_read_in_the_site_languages_only() -> None:
    assert find("children", "Nachhilfe für Kinder", ["de"]) is not None
    assert find("children", "any kind of data", ["en"]) is None  # `Kind` is German

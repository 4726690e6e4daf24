"""Facts of the law files applied to a data file: what the checker and the pages share."""

from __future__ import annotations

from . import law
from .model import LegalData


def special_kinds(data: LegalData) -> dict[str, str]:
    """Category id → `art9` (Art. 9(1)) or `art10` (Art. 10): built-in ids and the file's marks."""
    marked = dict.fromkeys(law.fact("gdpr", "special_categories", "ids", ()), "art9")
    marked.update(dict.fromkeys(law.fact("gdpr", "criminal_offences", "ids", ()), "art10"))
    marked.update({c.id: c.special for c in data.data_categories if c.special is not None})
    return marked


def consent_age(country: str | None) -> int:
    """The age of digital consent of `country` (Art. 8(1)); the GDPR's own 16 where not listed."""
    default = int(law.fact("consent_ages", "DEFAULT", "age", 16))
    return int(law.fact("consent_ages", country or "", "age", default))


def organisation_country(data: LegalData) -> str | None:
    """The country of the organisation's address, which decides national rules."""
    address = data.organisation.address
    return address.country if address is not None else None

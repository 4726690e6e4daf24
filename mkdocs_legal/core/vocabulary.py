"""Built-in ids of the data file and their English labels (translated by the catalogs)."""

from __future__ import annotations

from .language import N_

DATA_CATEGORIES: dict[str, str] = {
    "name": N_("name"),
    "email": N_("email address"),
    "phone": N_("telephone number"),
    "postal_address": N_("postal address"),
    "company_details": N_("company details (company name, registration and VAT number)"),
    "job_title": N_("job title or role"),
    "payment_details": N_("payment and invoicing details"),
    "purchase_history": N_("order and purchase history"),
    "ip_address": N_("IP address"),
    "device_data": N_("device and browser data"),
    "usage_data": N_("data on how you use our website and services"),
    "communications": N_("the content of our correspondence with you"),
    "location": N_("location data"),
    "age": N_("age or date of birth"),
    "gender": N_("gender"),
    "contract_details": N_("contract details"),
    "social_media": N_("website and social media accounts"),
    "meeting_details": N_("meeting and calendar details"),
    "username": N_("user name and login details"),
    # Special categories (Art. 9(1) GDPR) and offences (Art. 10): see law/gdpr.yml.
    # Translators: the terms of Art. 4(13)-(15), 9(1) and 10 GDPR in the language's version.
    "health": N_("data concerning health"),
    "genetic": N_("genetic data"),
    "biometric": N_("biometric data for uniquely identifying a person"),
    "ethnic_origin": N_("racial or ethnic origin"),
    "political_opinions": N_("political opinions"),
    "religious_beliefs": N_("religious or philosophical beliefs"),
    "trade_union": N_("trade union membership"),
    "sex_life": N_("data concerning sex life or sexual orientation"),
    "criminal_offences": N_("personal data relating to criminal convictions and offences"),
}

SOURCES: dict[str, str] = {
    "data_subject": N_("you, when you contact us, order from us or use our services"),
    "customer": N_("our customers, who give us your details"),
    "public_registers": N_("public registers, such as company registers"),
    "third_party": N_("third parties, such as partners who refer you to us"),
}

RECIPIENT_CATEGORIES: dict[str, str] = {
    "it_service_providers": N_("IT service providers"),
    "payment_providers": N_("payment service providers"),
    "accountants": N_("accountants and auditors"),
    "public_authorities": N_("public authorities, where the law requires it"),
    "acquirer": N_("a buyer of all or part of our business"),
    "marketing_providers": N_("marketing service providers"),
    "analytics_providers": N_("web analytics providers"),
    "hosting_providers": N_("hosting providers"),
    "customer": N_("our customer"),
}

ROLES: dict[str, str] = {
    "processor": N_("processes the data on our behalf (processor)"),
    "controller": N_("independent controller"),
    "joint_controller": N_("joint controller with us"),
    "authority": N_("public authority"),
}

LEGAL_BASES: dict[str, str] = {
    "a": N_("consent"),
    "b": N_("performance of a contract"),
    "c": N_("legal obligation"),
    "d": N_("vital interests"),
    "e": N_("task carried out in the public interest"),
    "f": N_("legitimate interest"),
}

MECHANISMS: dict[str, str] = {
    "adequacy": N_("an adequacy decision of the European Commission (Article 45 GDPR)"),
    "scc": N_(
        "standard data protection clauses adopted by the European Commission "
        "(Article 46(2)(c) GDPR)"
    ),
    "bcr": N_("binding corporate rules (Article 47 GDPR)"),
    "derogation": N_("a derogation for specific situations (Article 49 GDPR)"),
}

RETENTION_EVENTS: dict[str, str] = {
    "collection": N_("from when the data was collected"),
    "contract_end": N_("from the end of the contract"),
    "end_of_financial_year": N_(
        "from the end of the financial year in which the data was recorded"
    ),
    "last_contact": N_("from our last contact with you"),
}

PROVISION_CONSEQUENCES: dict[str, str] = {
    # Translators: Art. 13(2)(e) GDPR, "the possible consequences of failure to provide such data".
    "statutory": N_(
        "If you do not provide it, we cannot meet our legal obligation, and may therefore be "
        "unable to serve you."
    ),
    "contractual": N_("If you do not provide it, we cannot perform our contract with you."),
    "required_for_contract": N_(
        "If you do not provide it, we cannot enter into a contract with you."
    ),
    "voluntary": N_(
        "You do not have to provide it; if you do not, we cannot do this for you, with no other "
        "consequence."
    ),
}
"""The consequence of not providing the data (Art. 13(2)(e)), where `consequence` is not given."""

ART9_CONDITIONS: dict[str, str] = {
    # Translators: the points of Art. 9(2) GDPR, worded as in the language's version of the
    # Regulation (OJ L 119, 4.5.2016), shortened to the ground itself.
    "a": N_("your explicit consent"),
    "b": N_(
        "obligations and rights in the field of employment and social security and social "
        "protection law"
    ),
    "c": N_("the protection of vital interests where you cannot give consent"),
    "d": N_("the legitimate activities of a foundation, association or other not-for-profit body"),
    "e": N_("data that you have manifestly made public"),
    "f": N_("the establishment, exercise or defence of legal claims"),
    "g": N_("reasons of substantial public interest"),
    "h": N_(
        "preventive or occupational medicine, medical diagnosis, or the provision of health "
        "or social care"
    ),
    "i": N_("reasons of public interest in the area of public health"),
    "j": N_(
        "archiving purposes in the public interest, scientific or historical research or statistical purposes"
    ),
}
"""The conditions of Art. 9(2) GDPR, points a to j."""

ART22_EXCEPTIONS: dict[str, str] = {
    # Translators: Art. 22(2)(a) GDPR in the language's version of the Regulation.
    "contract": N_(
        "The decision is necessary for entering into or performing a contract with you "
        "(Article 22(2)(a) GDPR)."
    ),
    "law": N_("The decision is authorised by law (Article 22(2)(b) GDPR): {law}."),
    "explicit_consent": N_(
        "The decision is based on your explicit consent (Article 22(2)(c) GDPR)."
    ),
}

CHANNELS: dict[str, str] = {
    "email": N_("email"),
    "sms": N_("text message (SMS)"),
    "phone": N_("telephone"),
    "post": N_("post"),
    "online": N_("online advertising"),
    "in_person": N_("meetings in person"),
}
"""How direct marketing reaches people (`direct_marketing.channels`)."""

PROVISION: dict[str, str] = {
    "statutory": N_("The law requires us to collect this data."),
    "contractual": N_("Providing this data is a requirement of our contract."),
    "required_for_contract": N_("We need this data to enter into a contract with you."),
    "voluntary": N_("Providing this data is voluntary."),
}

SECURITY_MEASURES: dict[str, str] = {
    "encryption": N_("encryption of data in transit and at rest"),
    "access_control": N_("access control, so that only staff who need the data can see it"),
    "pseudonymisation": N_("pseudonymisation where the purpose allows it"),
    "backups": N_("regular, tested backups"),
    "staff_training": N_("data protection training for staff"),
    "security_audits": N_("regular security reviews and audits"),
}

RIGHTS: dict[str, str] = {
    "access": N_(
        "**Right of access** (Article 15 GDPR): you may ask for confirmation of whether "
        "we process personal data about you and for a copy of it."
    ),
    "rectification": N_(
        "**Right to rectification** (Article 16 GDPR): you may ask us to correct "
        "inaccurate data and complete incomplete data."
    ),
    "erasure": N_(
        "**Right to erasure** (Article 17 GDPR): you may ask us to erase your data, for "
        "example when it is no longer needed for the purpose it was collected for."
    ),
    "restriction": N_(
        "**Right to restriction of processing** (Article 18 GDPR): you may ask us "
        "to restrict processing, for example while we check whether data you have "
        "contested is accurate."
    ),
    "portability": N_(
        "**Right to data portability** (Article 20 GDPR): where we process data on "
        "the basis of your consent or a contract, you may receive the data you gave "
        "us in a structured, commonly used, machine-readable format and have it "
        "sent to another controller."
    ),
}

COOKIE_CATEGORIES: dict[str, str] = {
    "necessary": N_("Necessary"),
    "preferences": N_("Preferences"),
    "statistics": N_("Statistics"),
    "marketing": N_("Marketing"),
}

DOCUMENT_TITLES: dict[str, str] = {
    "privacy": N_("Privacy policy"),
    "cookies": N_("Cookie policy"),
    "terms": N_("Terms"),
}

COOKIE_TYPES: dict[str, str] = {
    "http_cookie": N_("HTTP cookie"),
    "local_storage": N_("Local storage"),
    "session_storage": N_("Session storage"),
    "pixel": N_("Pixel"),
}

COOKIE_USES: dict[str, str] = {
    "preferences": N_("remembering your preferences"),
    "statistics": N_("visitor statistics"),
    "marketing": N_("marketing"),
}
"""What a category that needs consent is for, as the consent dialog names it in a sentence."""

TERMS_MID_PERIOD: dict[str, str] = {
    "full_period_charged": N_(
        "If the customer terminates the agreement during a billing period, the fee for the whole "
        "of that billing period is charged."
    ),
    "cancellation_fee": N_(
        "If the customer terminates the agreement during a billing period, we may charge a "
        "cancellation fee."
    ),
    "pro_rata": N_(
        "If the customer terminates the agreement during a billing period, the fee for that "
        "billing period is charged in proportion to the part of it before the agreement ends."
    ),
}
"""What a termination during a billing period costs, one clause per `termination.mid_period`."""

TERMS_REFUNDS: dict[str, str] = {
    "none_if_delivered_as_agreed": N_(
        "Fees paid are not refunded if the service has been delivered as agreed, whatever the "
        "reason for termination."
    ),
    "pro_rata": N_(
        "If the agreement ends during a billing period the customer has paid for, we refund the "
        "part of the fee that relates to the rest of that billing period."
    ),
}

TERMS_ACCEPTANCE: dict[str, str] = {
    "by_ordering": N_(
        "The agreement is concluded, and the customer accepts these terms, when the customer "
        "orders the service."
    ),
    "by_signing": N_(
        "The agreement is concluded, and the customer accepts these terms, when both parties "
        "have signed the agreement."
    ),
}

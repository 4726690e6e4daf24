"""Who is who: contract parties, the Art. 27 representative, joint controllers."""

from __future__ import annotations

from ..codes import FindingCode
from ..documents.common import EEA
from .base import Checker

RULES = [
    FindingCode(
        "LGL123",
        "warning",
        "Legal basis `b` (contract) for people whose data comes from a customer: they are "
        "probably not the contract party.",
        "Use the basis that fits the people themselves, usually `f` with the interest pursued.",
    ),
    FindingCode(
        "LGL124",
        "warning",
        "A controller outside the EEA with no representative in the Union (Art. 27).",
        "Add `organisation.representative`, unless you offer nothing to people in the EU and "
        "do not monitor them there.",
    ),
    FindingCode(
        "LGL125",
        "warning",
        "A joint controller without the essence of the arrangement (Art. 26(2)).",
        "Describe who does what, and where people exercise their rights, in `arrangement`.",
    ),
]


def check(lint: Checker) -> None:
    data = lint.data
    # The built-in `customer` source: a customer gives us data about other people. A file that
    # labels `customer` itself may mean something else by it (its own agreements, say).
    relabelled = any(s.id == "customer" and s.label is not None for s in data.sources)
    for i, p in enumerate(data.purposes):
        if relabelled or p.legal_basis != "b":
            continue
        if "customer" in p.sources and "data_subject" not in p.sources:
            lint.add(
                "LGL123",
                f"purpose `{p.id}` uses only data that a customer gives you about other people; "
                "basis `b` covers only a contract with the person themselves (Art. 6(1)(b)): "
                "for the people a customer names, the basis is usually `f`",
                ("purposes", i, "legal_basis"),
            )
    address = data.organisation.address
    outside = address is not None and address.country and address.country not in EEA
    if outside and address and data.organisation.representative is None:
        lint.add(
            "LGL124",
            f"the organisation is in {address.country}, outside the EEA: if it offers goods "
            "or services to people in the EU or monitors them there, it must designate a "
            "representative in the Union (Art. 27); add `organisation.representative`",
            ("organisation", "address", "country"),
        )
    for i, r in enumerate(data.recipients):
        if r.role == "joint_controller" and r.arrangement is None:
            lint.add(
                "LGL125",
                f"`{r.id}` is a joint controller: the essence of the arrangement must be made "
                "available (Art. 26(2)); describe it in `arrangement`",
                ("recipients", i, "role"),
            )

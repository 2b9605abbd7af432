"""HL7 FHIR Patient resources (a clinic's patient list as a FHIR Bundle, or a bulk export's NDJSON) as the flat
record the classifier reads: the standard's structure says what each value is, so it is said in the column names
(``iin``, ``surname``, ``first_name``, ``middle_name``, ``contact.1.surname``) rather than guessed from
``resource.name.1.given``.

- identifiers by their type (HL7 table 0203): NI, the national identifier, is the IIN in Kazakhstan; PPN a
  passport; MR the clinic's own record number;
- the official (or usual, or first) name: ``family`` the surname, the first ``given`` the first name and the
  others the middle name (a patronymic, as Kazakh and Russian records write it); a name written only as ``text``
  is a full name; an ``old`` or ``maiden`` name's family is the same person's former surname; a nickname is
  nobody's name to link on;
- telecom by its system (phones, e-mails), the first address as written;
- each ``contact`` (a relative, an emergency contact) a person of the row, with their relationship as written
  (its display, else its code: SPS, MTH)."""

from __future__ import annotations

from typing import Any

IDENTIFIER_TYPES = {"NI": "iin", "PPN": "passport", "MR": "medical_record_number", "DL": "driving_licence"}
"""HL7 table 0203's identifier types, by the column each is read as"""
PRIMARY_USES = (None, "official", "usual")
FORMER_USES = ("old", "maiden")


def is_patient(record: Any) -> bool:
    """Whether ``record`` is a FHIR Patient resource, or a Bundle's entry that holds one."""
    if not isinstance(record, dict):
        return False
    resource = record["resource"] if isinstance(record.get("resource"), dict) else record
    return bool(resource.get("resourceType") == "Patient")


def _texts(values: list[Any]) -> str | None:
    return "; ".join(str(v) for v in values if v not in (None, "")) or None


def _name(names: list[dict[str, Any]], prefix: str = "") -> dict[str, Any]:
    """The columns of a person's names (``prefix``: whose, for a contact)."""
    names = [n for n in names if isinstance(n, dict)]
    primary = next((n for n in names if n.get("use") in PRIMARY_USES), names[0] if names else {})
    given = [str(g) for g in primary.get("given") or [] if g]
    out: dict[str, Any] = {}
    if primary.get("family") or given:
        out |= {f"{prefix}surname": primary.get("family"), f"{prefix}first_name": given[0] if given else None,
                f"{prefix}middle_name": " ".join(given[1:]) or None}
    elif primary.get("text"):
        out[f"{prefix}full_name"] = primary["text"]
    former = [n.get("family") for n in names if n.get("use") in FORMER_USES and n.get("family")]
    if former:
        out[f"{prefix}former_surname"] = former[0]  # one person's other surname (before marriage, or changed)
    return out


def _telecom(points: list[Any], prefix: str = "") -> dict[str, Any]:
    points = [p for p in points if isinstance(p, dict)]
    return {f"{prefix}{system}": _texts([p.get("value") for p in points if p.get("system") == system])
            for system in ("phone", "email") if any(p.get("system") == system for p in points)}


def _codes(concepts: list[Any]) -> str | None:
    """A list of CodeableConcepts as written: each coding's display, else its code."""
    said = [c.get("display") or c.get("code") for concept in concepts if isinstance(concept, dict)
            for c in concept.get("coding") or [] if isinstance(c, dict)]
    said += [concept.get("text") for concept in concepts if isinstance(concept, dict) and concept.get("text")]
    return _texts(list(dict.fromkeys(said)))


def _address(addresses: list[Any]) -> str | None:
    first = next((a for a in addresses if isinstance(a, dict)), None)
    if first is None:
        return None
    return first.get("text") or _texts([*(first.get("line") or []), first.get("city"), first.get("district"),
                                        first.get("postalCode")])


def patient(record: dict[str, Any]) -> dict[str, Any]:
    """A Patient resource (or the Bundle entry that holds one) as a flat record of named columns."""
    resource = record["resource"] if isinstance(record.get("resource"), dict) else record
    out: dict[str, Any] = {"id": resource.get("id")}
    for n, identifier in enumerate(i for i in resource.get("identifier") or [] if isinstance(i, dict)):
        codes = [c.get("code") for c in (identifier.get("type") or {}).get("coding") or [] if isinstance(c, dict)]
        column = next((IDENTIFIER_TYPES[c] for c in codes if c in IDENTIFIER_TYPES), f"identifier_{n + 1}")
        out.setdefault(column, identifier.get("value"))
    out |= _name(resource.get("name") or [])
    out |= {"sex": resource.get("gender"), "birth_date": resource.get("birthDate")}
    out |= _telecom(resource.get("telecom") or [])
    out["address"] = _address(resource.get("address") or [])
    contacts = []
    for contact in (c for c in resource.get("contact") or [] if isinstance(c, dict)):
        name = contact.get("name")
        contacts.append({"relationship": _codes(contact.get("relationship") or []),
                         **_name([name] if isinstance(name, dict) else []),
                         **_telecom(contact.get("telecom") or []),
                         "address": _address([contact["address"]] if isinstance(contact.get("address"), dict)
                                             else [])})
    if contacts:
        out["contact"] = contacts
    return out

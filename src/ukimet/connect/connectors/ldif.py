"""A directory's entries exported as LDIF (RFC 2849: ``ldapsearch``'s, Active Directory's ``ldifde``; whatever the
file's name): each entry that begins with ``dn:`` is a row (a service account's too), its attributes its columns, a
value of several (``memberOf``) joined with ``; ``. Lines folded at 76 columns are unfolded, ``#`` comments and the
paging blocks between entries (``search:``, ``result:``) are no rows, a base64 value (``cn:: 0JDRhdC8...``) is
decoded, a binary one (``objectGUID``, ``objectSid``) left out, as is the entry's DN (its name and its units again)."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Iterator

SAMPLE_LINES = 60
"""lines looked at to tell an LDIF file"""
_ATTRIBUTE = re.compile(r"^([A-Za-z][\w-]*)(?:;[\w;-]+)?(::?|:<)\s?(.*)$")
NO_EVIDENCE = frozenset({"dn", "objectclass", "objectguid", "objectsid", "objectcategory", "usnchanged",
                         "usncreated", "dscorepropagationdata", "instancetype", "useraccountcontrol", "samaccounttype",
                         "primarygroupid", "codepage", "countrycode", "pwdlastset", "lastlogon", "lastlogontimestamp",
                         "badpasswordtime", "badpwdcount", "logoncount", "accountexpires", "version"})
"""attributes the directory keeps for itself: no evidence of anyone"""


def style(lines: Iterable[str]) -> bool:
    """Whether ``lines`` (the file's first) begin an LDIF file: an entry's ``dn:`` line among attribute lines."""
    sample = [line.rstrip("\r\n") for line in lines if line.strip() and not line.startswith(("#", " "))]
    return any(line.lower().startswith(("dn:", "dn::")) for line in sample) and \
        sum(1 for line in sample if _ATTRIBUTE.match(line)) >= 0.8 * len(sample)


def _unfolded(lines: Iterable[str]) -> Iterator[str]:
    """The lines, a folded one (its next lines begin with a space) joined into one, comments left out."""
    held: str | None = None
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.startswith(" ") and held is not None:
            held += line[1:]
            continue
        if held is not None:
            yield held
        held = None if line.startswith("#") else line  # a comment: no line, its folded rest none either
    if held is not None:
        yield held


def _value(kind: str, value: str) -> str | None:
    if kind == ":<":
        return None  # a file's URL: nothing of the entry's own
    if kind == "::":
        try:
            return base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, ValueError, UnicodeDecodeError):
            return None  # a binary value
    return value


def items(lines: Iterable[str]) -> Iterator[dict[str, str]]:
    """Each entry's attributes (a repeated one's values joined), in the file's order."""
    entry: dict[str, list[str]] | None = None
    for line in _unfolded(lines):
        if not line.strip():
            if entry is not None:
                yield {k: "; ".join(v) for k, v in entry.items()}
            entry = None
            continue
        found = _ATTRIBUTE.match(line)
        if found is None:
            continue
        name = found.group(1)
        if name.lower() == "dn":
            entry = {}
            continue
        if entry is None or name.lower() in NO_EVIDENCE:
            continue  # a paging block's search:, result:; the directory's own attributes
        value = _value(found.group(2), found.group(3))
        if value is not None and value.strip():
            entry.setdefault(name, []).append(value.strip())
    if entry is not None:
        yield {k: "; ".join(v) for k, v in entry.items()}

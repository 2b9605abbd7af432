"""A mailbox exported as mbox (Thunderbird's, mutt's, Gmail Takeout's; whatever the file's name): each mail is a
row, the replies too, in the file's order. A mail begins with a ``From `` line at the file's start or after an empty
line (a body's ``>From`` is its text). Its headers are decoded (RFC 2047's ``=?UTF-8?B?...?=``), its body is its
plain text (or its HTML's text where it has none) decoded from base64 or quoted-printable; attachments are named,
not read. A body whose lines are labelled (an application's form: ``Заявитель: ...``, ``ЖСН: ...``) is spread, a
column a label (``Body.Заявитель``: ``labelled``), before who sent the mail (``Sender``, its address
``Sender.address``, as ``From`` says): a person of the mail in their own right (``link.records.ROLE``), since a
letter's sender may write for someone else, and its form says whom it is about."""

from __future__ import annotations

import email
import email.policy
import html
import re
from collections.abc import Iterable, Iterator
from email.headerregistry import Address
from email.message import EmailMessage

from ukimet.connect.connectors.labelled import labelled

SAMPLE_LINES = 40
"""lines looked at to tell a mailbox"""
SEPARATOR = re.compile(r"^From \S+ +(?:\w{3} +\w{3} +\d{1,2} +\d{1,2}:\d{2}(?::\d{2})? +(?:\S+ +)?\d{4}|.*\d{4})\s*$")
"""the line that begins a mail in an mbox: ``From`` and the envelope's sender and date (asctime's, as mboxo, mboxrd
and Thunderbird write it)"""
HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9-]*:")
"""a mail's header line"""
NEEDED_HEADERS = 2
"""headers that must follow a ``From `` line for it to begin a mail"""
TAGS = re.compile(r"<[^>]*>")
BREAKS = re.compile(r"<br\s*/?>|</p>|</div>|</tr>", re.I)


def style(lines: Iterable[str]) -> bool:
    """Whether ``lines`` (the file's first) begin a mailbox: a ``From `` line and headers under it."""
    sample = [line.rstrip("\r\n") for line in lines]
    return bool(sample) and SEPARATOR.match(sample[0]) is not None and \
        sum(1 for line in sample[1:1 + 2 * NEEDED_HEADERS] if HEADER.match(line)) >= NEEDED_HEADERS


def _mails(lines: Iterable[str]) -> Iterator[str]:
    """Each mail's text (its headers and body, without its ``From `` line)."""
    held: list[str] | None = None
    blank = True
    for raw in lines:
        line = raw.rstrip("\r\n")
        if blank and SEPARATOR.match(line):
            if held is not None:
                yield "\n".join(held)
            held, blank = [], False
            continue
        blank = not line.strip()
        if held is not None:
            held.append(line[1:] if line.startswith(">From ") else line)
    if held is not None:
        yield "\n".join(held)


def _body(mail: EmailMessage) -> str:
    """A mail's text: its plain part, else its HTML part without tags."""
    part = mail.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset, a broken transfer encoding: the raw text
        content = str(part.get_payload())
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        content = html.unescape(TAGS.sub("", BREAKS.sub("\n", content)))
    return content.replace("\r\n", "\n")


def _sender(mail: EmailMessage) -> tuple[str | None, str | None]:
    """The sender's display name and address."""
    header = mail.get("From")
    addresses: tuple[Address, ...] = getattr(header, "addresses", ())
    if not addresses:
        return (str(header).strip() or None) if header is not None else None, None
    first = addresses[0]
    return first.display_name.strip() or None, first.addr_spec or None


def mail(text: str) -> dict[str, str]:
    """A mail's columns: its date and subject, its body and the body's labelled lines (``Body.Заявитель``), its
    sender's name and address (``Sender``, ``Sender.address``), its attachments' names."""
    parsed = email.message_from_string(text, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    out: dict[str, str] = {}
    for header in ("Date", "Subject"):
        if parsed.get(header) is not None:
            out[header] = str(parsed[header])
    body = _body(parsed).strip()
    if body:
        out["Body"] = body
        for label, said in labelled(body).items():
            out.setdefault(f"Body.{label}", said)
    name, address = _sender(parsed)
    if name:
        out["Sender"] = name
    if address:
        out["Sender.address"] = address
    attached = [part.get_filename() for part in parsed.iter_attachments()]
    if any(attached):
        out["Attachments"] = "; ".join(str(n) for n in attached if n)
    return out


def items(lines: Iterable[str]) -> Iterator[dict[str, str]]:
    """Each mail's columns (``mail``), in the file's order."""
    return map(mail, _mails(lines))

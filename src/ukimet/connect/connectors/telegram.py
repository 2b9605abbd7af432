"""A chat exported by Telegram Desktop (``Export chat history``, JSON: ``{"name": ..., "type": ..., "messages":
[...]}``): each message a record, the service ones too (a group's migration, a pinned message), in the file's order.
A message's ``text`` is a plain string or a list of strings and entities (``{"type": "bold", "text": "ФИО:"}``,
``{"type": "phone", "text": "+77766611999"}``), read as the one text it shows; ``text_entities`` repeats it and is
left out, as are the program's own numbers (``from_id``, ``date_unixtime``). A text whose lines are labelled (a
bot's registration form) is spread, a column a label (``text.Спортсмен``: ``labelled``), before who sent the message
(``from``: a bot, an admin, a member), which says who wrote, not whom the message is about."""

from __future__ import annotations

from typing import Any

from ukimet.connect.connectors.labelled import labelled

KINDS = frozenset({"message", "service"})
"""the kinds of a Telegram export's messages"""
NO_EVIDENCE = frozenset({"actor", "text_entities", "date_unixtime", "edited_unixtime", "from_id", "actor_id",
                         "reply_to_message_id", "reply_to_peer_id", "message_id", "thumbnail", "photo", "file",
                         "width", "height", "reactions", "inline_bot_buttons"})
"""a message's keys that repeat its text or are Telegram's own numbers and files, and a service message's actor
(the admin who pinned a message, moved the group): no evidence of whom the chat is about"""
SENDERS = ("from", "forwarded_from", "saved_from", "via_bot")
"""a message's keys that say who sent it, put after what it says"""


def is_message(record: Any) -> bool:
    """Whether a record is a message of a Telegram Desktop export (its ``text_entities`` beside a kind and a date)."""
    return isinstance(record, dict) and isinstance(record.get("text_entities"), list) and \
        record.get("type") in KINDS and "date" in record


def plain(text: Any) -> str:
    """A message's text as it shows: a list's strings and its entities' texts joined."""
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else ""
                       for part in text)
    return "" if text is None else str(text)


def message(record: dict[str, Any]) -> dict[str, Any]:
    """A message as the columns it stands for: its own keys, its text as one text and the text's labelled lines
    (``text.Спортсмен``), then its sender's."""
    text = plain(record.get("text"))
    out: dict[str, Any] = {k: v for k, v in record.items()
                           if k not in NO_EVIDENCE and k not in SENDERS and k != "text"}
    out["text"] = text or None
    for label, said in labelled(text).items():
        out.setdefault(f"text.{label}", said)
    out.update({k: record[k] for k in SENDERS if k in record})
    return out

"""Saved questions and the dashboard they make: a user keeps the questions they ask again and again, each private
or shared with their organisation; the dashboard shows them as tiles.

Only the question is kept (in the metadata store), never an answer: every tile is asked again, through the
gateway, as whoever looks at it, with that viewer's role, row filters and limits, and audited in the viewer's
name. Sharing a question therefore shares its wording, not its rows: a colleague whose role sees less gets less.
A question is shown to its owner and, when shared, to the users of the owner's organisation (an account without
one shares with nobody); only its owner may share, unshare or remove it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Engine, and_, delete, func, insert, or_, select, update

from ukimet.core.errors import InvalidInput, NotFound, Refused
from ukimet.core.metadata import saved_questions, users
from ukimet.gateway.rewrite import User

DASHBOARD_ROLES = frozenset({"analyst", "social_worker", "data_engineer"})
"""The roles that ask questions, and so keep them."""
MOST_SAVED = 30
"""Saved questions a user may keep: a dashboard of a few tiles, each asked again whenever it is opened."""
QUESTION_CHARACTERS = 500
TITLE_CHARACTERS = 120
TITLE_FROM_QUESTION = 80
"""A question saved without a title is titled by itself, cut to this many characters."""
Action = Literal["share", "unshare", "remove"]
ACTIONS: tuple[Action, ...] = ("share", "unshare", "remove")


@dataclass(frozen=True)
class Saved:
    id: int
    owner: str
    organisation: str
    title: str
    question: str
    shared: bool
    created_at: dt.datetime

    def owned_by(self, user: User) -> bool:
        return self.owner == user.name


def _saved(row: Any) -> Saved:
    made = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.UTC)  # SQLite keeps no zone
    return Saved(int(row.id), row.owner, row.organisation, row.title, row.question, bool(row.shared), made)


def _may_keep(user: User) -> None:
    if user.role not in DASHBOARD_ROLES:
        raise Refused("saved.role", role=user.role)


def save(engine: Engine, user: User, question: str, title: str = "", shared: bool = False) -> Saved:
    """Keep ``question`` on ``user``'s dashboard under ``title`` (the question itself, cut short, when empty),
    shared with their organisation when ``shared``."""
    _may_keep(user)
    question, title = " ".join(question.split()), " ".join(title.split())
    if not question or len(question) > QUESTION_CHARACTERS:
        raise InvalidInput("saved.question", most=QUESTION_CHARACTERS)
    if len(title) > TITLE_CHARACTERS:
        raise InvalidInput("saved.title", most=TITLE_CHARACTERS)
    if not title:
        title = question if len(question) <= TITLE_FROM_QUESTION else question[:TITLE_FROM_QUESTION] + "…"
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as con:
        # the account's row locked (PostgreSQL), the question written, then counted: saves sent at once cannot
        # all see room for one more (SQLite lets one writer in at a time, from the insert to the commit)
        con.execute(select(users.c.name).where(users.c.name == user.name).with_for_update())
        made = con.execute(insert(saved_questions).values(
            owner=user.name, organisation=user.organisation, title=title, question=question, shared=shared,
            created_at=now)).inserted_primary_key
        held = con.execute(select(func.count()).select_from(saved_questions)
                           .where(saved_questions.c.owner == user.name)).scalar_one()
        if held > MOST_SAVED:
            raise InvalidInput("saved.too_many", most=MOST_SAVED)  # rolled back with the transaction
    assert made is not None
    return Saved(int(made[0]), user.name, user.organisation, title, question, shared, now)


def dashboard(engine: Engine, user: User) -> list[Saved]:
    """The questions ``user`` sees: their own, newest first, then those their organisation's colleagues share."""
    _may_keep(user)
    seen = saved_questions.c.owner == user.name
    if user.organisation:
        seen = or_(seen, and_(saved_questions.c.shared.is_(True),
                              saved_questions.c.organisation == user.organisation))
    with engine.connect() as con:
        rows = [_saved(r) for r in con.execute(select(saved_questions).where(seen)
                                               .order_by(saved_questions.c.id.desc()))]
    return [s for s in rows if s.owned_by(user)] + [s for s in rows if not s.owned_by(user)]


def change(engine: Engine, user: User, saved_id: int, action: str) -> None:
    """Share, unshare or remove one of ``user``'s own saved questions."""
    _may_keep(user)
    if action not in ACTIONS:
        raise InvalidInput("saved.action", saved=saved_id, action=action)
    if not 0 < saved_id < 2**63:  # no such row can exist (and the database could not even compare it)
        raise NotFound("saved.not_found", saved=saved_id)
    with engine.begin() as con:
        row = con.execute(select(saved_questions.c.owner).where(saved_questions.c.id == saved_id)).first()
        if row is None:
            raise NotFound("saved.not_found", saved=saved_id)
        if row.owner != user.name:  # whose it is is not said: it may be another organisation's
            raise Refused("saved.not_owner", saved=saved_id)
        chosen = saved_questions.c.id == saved_id
        if action == "remove":
            con.execute(delete(saved_questions).where(chosen))
        else:
            con.execute(update(saved_questions).where(chosen).values(shared=action == "share"))

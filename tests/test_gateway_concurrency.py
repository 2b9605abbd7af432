"""Accesses run side by side: a query holds neither the audit log's write lock nor the gateway while it runs, so a
slow query never holds up another analyst's access, another process's entry or a sync's bookkeeping; the entry is
still written before the answer is handed out, and the log stays one verifiable chain."""

from __future__ import annotations

import threading
from typing import Any

from ukimet.core.errors import Refused
from ukimet.gateway import audit
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User

PURPOSE = "allowance review, case 2026/31"
WORKER = User("saule", "social_worker", "Ministry of Labour")
OTHER = User("timur", "social_worker", "Ministry of Labour")
QUERY = "SELECT familiya FROM reg.persons WHERE id IN (1, 2)"


def test_the_log_takes_other_entries_while_a_query_runs(registry: dict[str, Any]) -> None:
    gateway: Gateway = registry["gateway"]
    other = audit.AuditLog(gateway.metadata, gateway.config)  # another process's log on the same metadata store
    written: list[int] = []
    running = gateway._execute

    def slow_execute(sql: str, limit: int) -> Any:
        writer = threading.Thread(target=lambda: written.append(other.append(audit.Access(
            "timur", "Ministry of Labour", "social_worker", None, "refused", "SELECT 1", "-- refused", 0, []))))
        writer.start()
        writer.join(timeout=20)  # with the lock held during the query this would wait for the busy timeout
        assert not writer.is_alive(), "the log's write lock was held while the query ran"
        return running(sql, limit)

    gateway._execute = slow_execute  # type: ignore[method-assign]
    try:
        result = gateway.query(WORKER, QUERY, PURPOSE)
    finally:
        del gateway._execute
    assert written and result.audit_seq > written[0]  # the query's entry comes after the one written meanwhile
    entry = gateway.audit.entries(user="saule", limit=1)[0]
    assert entry["seq"] == result.audit_seq and entry["action"] == "query" and entry["persons"]
    assert gateway.audit.verify().ok


def test_threads_of_one_gateway_query_at_the_same_time(registry: dict[str, Any]) -> None:
    gateway: Gateway = registry["gateway"]
    inside = threading.Barrier(2, timeout=20)
    running = gateway._execute

    def meeting_execute(sql: str, limit: int) -> Any:
        inside.wait()  # both threads are inside a query at once, or the barrier breaks
        return running(sql, limit)

    answers: dict[str, Any] = {}

    def ask(user: User, ids: str) -> None:
        try:
            answers[user.name] = gateway.query(user, f"SELECT id FROM reg.persons WHERE id IN ({ids}) ORDER BY id",
                                               PURPOSE)
        except Exception as error:  # reported below, by the main thread
            answers[user.name] = error

    gateway._execute = meeting_execute  # type: ignore[method-assign]
    try:
        threads = [threading.Thread(target=ask, args=(WORKER, "1, 2")), threading.Thread(target=ask, args=(OTHER, "3"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        del gateway._execute
    assert answers["saule"].rows == [(1,), (2,)] and answers["timur"].rows == [(3,)]
    assert answers["saule"].audit_seq != answers["timur"].audit_seq
    assert gateway.audit.verify().ok


def test_a_failed_query_is_refused_and_audited_without_holding_the_log(registry: dict[str, Any]) -> None:
    gateway: Gateway = registry["gateway"]
    before = gateway.audit.entries(user="saule", limit=1)[0]["seq"]
    try:
        gateway.query(WORKER, "SELECT CAST(familiya AS INTEGER) FROM reg.persons", PURPOSE)
    except Refused as refused:
        assert refused.id == "engine.conversion"
    else:
        raise AssertionError("a cast that fails on every row was answered")
    entry = gateway.audit.entries(user="saule", limit=1)[0]
    assert entry["seq"] > before and entry["action"] == "refused"

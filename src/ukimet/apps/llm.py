"""Free-form questions through a local language model, when one is configured (``llm_url``: an OpenAI-compatible
endpoint on the premises such as a llama.cpp server, vLLM or Ollama serving KazLLM). The model is given the
question and the mart's tables and columns (names and meanings, never data) and asked for one SELECT; what it
returns is only a proposal: it must read the mart's tables alone, and it runs through the gateway like any
other query (checked, rewritten by policy, a protected aggregate without a purpose, audited). Nothing is sent
anywhere unless ``llm_url`` is set, and the URL must be on this machine or the operator's network (https, or
http to a loopback or private address).

    answer = ask_model(gateway, user, "which region has the most families in crisis?")
"""

from __future__ import annotations

import ipaddress
import json
import re
import urllib.parse
import urllib.request

from sqlglot import exp, parse_one
from sqlglot.errors import ParseError

from ukimet.apps.questions import Answer
from ukimet.core.errors import ConfigError, NotFound, Refused, UkimetError, Unavailable
from ukimet.gateway.api import Gateway
from ukimet.gateway.rewrite import User

SCHEMA = "mart"
FENCE = re.compile(r"```(?:sql)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


def _endpoint(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        private = ipaddress.ip_address(host).is_private or ipaddress.ip_address(host).is_loopback
    except ValueError:
        private = host in ("localhost",)
    if parts.scheme not in ("http", "https") or (parts.scheme == "http" and not private):
        raise ConfigError("llm.url", url=url)
    return url.rstrip("/") + "/v1/chat/completions"


def _prompt(gateway: Gateway) -> str:
    lines = ["You write one DuckDB SELECT over these tables and nothing else. Answer with the SQL only."]
    for (schema, table), columns in sorted(gateway.catalog.items()):
        if schema == SCHEMA:
            lines.append(f"{schema}.{table}(" + ", ".join(f"{c} {i.data_type}" for c, i in columns.items()) + ")")
    lines.append("Regions are 2-digit codes (61 Turkistan, 71 Astana, 75 Almaty, 79 Shymkent ...). "
                 "Count people with WHERE alive.")
    return "\n".join(lines)


def propose(gateway: Gateway, question: str) -> str:
    """The SQL the configured model proposes for ``question`` (not yet checked)."""
    config = gateway.config
    if not config.llm_url:
        raise ConfigError("llm.none")
    body = json.dumps({"model": config.llm_model, "temperature": 0, "messages": [
        {"role": "system", "content": _prompt(gateway)}, {"role": "user", "content": question}]}).encode()
    request = urllib.request.Request(_endpoint(config.llm_url), data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=config.llm_timeout) as response:
            reply = json.loads(response.read())
        text = str(reply["choices"][0]["message"]["content"])
    except (OSError, ValueError, KeyError, IndexError) as error:
        raise Unavailable("llm.no_answer", detail=str(error)) from None
    fenced = FENCE.search(text)
    return (fenced.group(1) if fenced else text).strip().rstrip(";")


def ask_model(gateway: Gateway, user: User, question: str) -> Answer:
    """The model's proposal, checked to read only the mart and run through the gateway; or a decline."""
    try:
        sql = propose(gateway, question)
        tables = {(t.db.lower(), t.name.lower()) for t in parse_one(sql, read="duckdb").find_all(exp.Table)
                  if isinstance(t.this, exp.Identifier)}  # table functions are the gateway's to refuse
        ctes = {c.alias_or_name.lower() for c in parse_one(sql, read="duckdb").find_all(exp.CTE)}
        outside = sorted(f"{d}.{n}" for d, n in tables if d != SCHEMA and n not in ctes)
        if outside:
            raise Refused("llm.outside_mart", tables=", ".join(outside))
    except (UkimetError, ParseError) as error:  # the model's failures decline the question; the log's do not
        said = error if isinstance(error, UkimetError) else None
        return Answer(question, "?", "", None, [], [], declined=f"{said.what}: {said.why}" if said else str(error),
                      refusal=said)
    try:
        result = gateway.query(user, sql)
    except (Refused, NotFound) as error:
        return Answer(question, "?", "", None, [], [], declined=f"{error.what}: {error.why}", refusal=error)
    rows = [r for r in result.rows if r[-1] is not None]
    return Answer(question, "?", "answered by the local model (checked and governed by the gateway)", sql,
                  result.columns, rows, suppressed=not rows, audit_seq=result.audit_seq,
                  declined=None if rows else "the answer's cells are too small to show")

"""Policies as data: what each role may see. A policy file (TOML) declares, per role, a mask for each column
sensitivity (and optionally per semantic type or per column), a row filter by the user's attributes, whether
person-level results need a declared purpose, the small-cell threshold for aggregates, forbidden combinations of
column kinds, and export limits. Unknown keys or values are refused with the valid ones named.

    [roles.analyst]
    masks = { personal = "partial", special = "hide" }
    semantic_masks = { iin = "pseudonym", birth_date = "year" }
    row_filter = "region"          # rows of tables with a region column: only the user's region
    purpose_for_person_level = true
    small_cell = 10
    forbidden = [["special", "address"]]
    max_rows_per_query = 1000
    max_rows_per_day = 20000
    epsilon_per_count = 0.5        # what a count in an answer without a purpose spends (differential privacy)
    epsilon_per_value = 1.0        # what a sum spends (an average: twice, its count and its sum)
    epsilon_per_query = 4.0        # the most one answer may spend
    epsilon_per_day = 20.0         # what one user's fresh answers may spend in a day
    role_epsilon_per_day = 2000.0  # what every user of the role together may spend in a day

    [privacy]                      # declarations for the mechanisms (gateway.privacy)
    bounds = { "mart.persons.monthly_wage" = [0, 2000000] }
    rows_per_unit = { "mart.payments" = 12 }
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ukimet.connect.classify import SEMANTIC_TYPES
from ukimet.core.errors import ConfigError, Refused
from ukimet.gateway.privacy import DEFAULT_PRIVACY, Privacy, parse_privacy

MASKS = ("show", "hide", "partial", "pseudonym", "year")
"""show: as stored; hide: NULL; partial: most of it hidden (an IIN keeps its last 3 digits, a name its first
letter); pseudonym: a keyed hash per project that cannot be joined across projects; year: a date reduced to its
year."""
SENSITIVITIES = ("public", "personal", "special")
IDENTIFIERS = frozenset({"iin", "bin", "surname", "first_name", "patronymic", "full_name", "phone", "email",
                         "address", "person_id", "family_id"})
"""semantic types that name someone: pseudonyms inside aggregates, whatever aggregate_masks say"""
ROW_FILTERS = ("region",)
"""user attributes a row filter can follow"""
KINDS_OF_COLUMNS = (*SENSITIVITIES, *SEMANTIC_TYPES, "person_id", "family_id")
"""what a forbidden combination can name: a sensitivity or a semantic type (connect.classify)"""
KEYS = {"masks", "aggregate_masks", "semantic_masks", "column_masks", "row_filter", "purpose_for_person_level",
        "purpose", "small_cell", "forbidden", "max_rows_per_query", "max_rows_per_day", "max_persons_per_day",
        "may_query", "linkage_review", "epsilon_per_count", "epsilon_per_value", "epsilon_per_query", "epsilon_per_day",
        "role_epsilon_per_day"}


@dataclass(frozen=True)
class RolePolicy:
    name: str
    masks: dict[str, str] = field(default_factory=lambda: {"public": "show", "personal": "hide", "special": "hide"})
    semantic_masks: dict[str, str] = field(default_factory=dict)
    column_masks: dict[str, str] = field(default_factory=dict)
    """source.table.column -> mask: the most specific rule wins"""
    row_filter: str | None = None
    """a user attribute (region) that rows of tables with a column of that semantic type must match"""
    aggregate_masks: dict[str, str] = field(default_factory=lambda: {"public": "show", "personal": "show",
                                                                      "special": "hide"})
    """by sensitivity, the masks inside protected aggregates (filters and groups): an analyst counts families
    by income or children without seeing any one family"""
    purpose_for_person_level: bool = True
    purpose: str = "text"
    """what counts as a purpose: "text" (any statement, or a declared P-n) or "declared" (a declared purpose
    naming a case or a legal basis)"""
    small_cell: int = 10
    """a private aggregate's group is released only from twice this many rows (and the noisy count's threshold)"""
    forbidden: tuple[frozenset[str], ...] = ()
    """sets of column kinds (a sensitivity or a semantic type) one query may not combine"""
    max_rows_per_query: int = 1000
    max_rows_per_day: int = 20_000
    max_persons_per_day: int = 500
    may_query: bool = True
    linkage_review: bool = False
    """may see the linkage clerk's review queue (names, birth dates and IINs of uncertain pairs)"""
    epsilon_per_count: float = 0.5
    """the privacy loss of one count in an answer without a purpose (differential privacy, gateway.privacy): a
    count of 1,000 is then within 1% (noise of scale 2) 99% of the time; a grouped answer's release of its groups
    spends twice this"""
    epsilon_per_value: float = 1.0
    """the privacy loss of one sum; an average spends it twice (its count and its sum): an average wage over 500
    persons is then within 2% about 96% of the time (bench/bench_privacy.py)"""
    epsilon_per_query: float = 4.0
    """the most one answer may spend (more measures at once are refused)"""
    epsilon_per_day: float = 20.0
    """what one user's fresh answers may spend in a day: 40 counts or 10 averages (a question asked again on the
    same data is answered as before, free)"""
    role_epsilon_per_day: float = 2000.0
    """what all users of the role together may spend in a day (against colluding accounts)"""

    def aggregate_mask_for(self, column: str, semantic_type: str | None, sensitivity: str | None) -> str:
        """The mask of one column inside a private aggregate (no purpose): what it may be filtered and grouped
        by. A column hidden by a column rule or by aggregate_masks stays hidden; identifiers become pseudonyms (a
        query can count distinct persons but not pick one out by a known number or name); the rest follow
        aggregate_masks."""
        shown = self.aggregate_masks.get(sensitivity or "special", "hide")
        if self.column_masks.get(column) == "hide" or shown == "hide":
            return "hide"
        return "pseudonym" if semantic_type in IDENTIFIERS else shown

    def mask_for(self, column: str, semantic_type: str | None, sensitivity: str | None) -> str:
        """The mask of one column (source.table.column): column rule, else semantic type, else sensitivity;
        a column whose sensitivity is unknown is treated as special (fail closed)."""
        if column in self.column_masks:
            return self.column_masks[column]
        if semantic_type and semantic_type in self.semantic_masks:
            return self.semantic_masks[semantic_type]
        return self.masks.get(sensitivity or "special", "hide")


@dataclass(frozen=True)
class Policy:
    roles: dict[str, RolePolicy]
    version: str = "built-in"
    privacy: Privacy = DEFAULT_PRIVACY

    def role(self, name: str) -> RolePolicy:
        if name not in self.roles:
            raise Refused("policy.no_such_role", role=name, roles=", ".join(sorted(self.roles)))
        return self.roles[name]


DEFAULT = Policy({
    "analyst": RolePolicy("analyst", masks={"public": "show", "personal": "partial", "special": "hide"},
                          semantic_masks={"iin": "pseudonym", "birth_date": "year"}, row_filter="region"),
    "social_worker": RolePolicy("social_worker", masks={"public": "show", "personal": "show", "special": "partial"},
                                forbidden=(frozenset({"special", "address"}),), max_rows_per_query=200),
    "auditor": RolePolicy("auditor", masks={"public": "show", "personal": "hide", "special": "hide"},
                          aggregate_masks={"public": "show", "personal": "hide", "special": "hide"},
                          max_rows_per_query=100),
    "data_engineer": RolePolicy("data_engineer", masks={"public": "show", "personal": "partial", "special": "hide"},
                                linkage_review=True, max_rows_per_query=200),
    "case_service": RolePolicy("case_service", masks={"public": "show", "personal": "show", "special": "hide"},
                               purpose="declared", max_rows_per_query=1000, max_rows_per_day=1_000_000,
                               max_persons_per_day=1_000_000),
    "admin": RolePolicy("admin", masks={"public": "show", "personal": "hide", "special": "hide"},
                        aggregate_masks={"public": "show", "personal": "hide", "special": "hide"}, may_query=True),
    "citizen": RolePolicy("citizen", may_query=False),
})
"""The policy until an administrator loads one: analysts see pseudonyms and years, social workers names with
purpose, nobody sees special categories in clear by default. case_service is the account proactive services run
as: it reads names and phones to notify the entitled, only under a declared purpose with a legal basis."""


def _check(where: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ConfigError("policy.not_one_of", place=where, value=value, allowed=", ".join(allowed))
    return str(value)


def parse_policy(text: str, version: str) -> Policy:
    """A policy from TOML text; every key and value checked."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError("policy.toml", detail=str(error)) from error
    roles = {}
    for name, spec in (data.get("roles") or {}).items():
        spec = {k: v for k, v in spec.items() if k != "noise"}  # cell-key noise of earlier versions: DP now
        unknown = set(spec) - KEYS
        if unknown:
            raise ConfigError("policy.unknown_keys", place=f"roles.{name}", keys=sorted(unknown),
                              allowed=", ".join(sorted(KEYS)))
        masks = {k: _check(f"roles.{name}.masks.{k}", v, MASKS) for k, v in (spec.get("masks") or {}).items()}
        for k in masks:
            _check(f"roles.{name}.masks", k, SENSITIVITIES)
        aggregate = {k: _check(f"roles.{name}.aggregate_masks.{k}", v, MASKS)
                     for k, v in (spec.get("aggregate_masks") or {}).items()}
        for k in aggregate:
            _check(f"roles.{name}.aggregate_masks", k, SENSITIVITIES)
        roles[name] = RolePolicy(
            name,
            masks={**{"public": "show", "personal": "hide", "special": "hide"}, **masks},
            aggregate_masks={**{"public": "show", "personal": "show", "special": "hide"}, **aggregate},
            semantic_masks={k: _check(f"roles.{name}.semantic_masks.{k}", v, MASKS)
                            for k, v in (spec.get("semantic_masks") or {}).items()},
            column_masks={k: _check(f"roles.{name}.column_masks.{k}", v, MASKS)
                          for k, v in (spec.get("column_masks") or {}).items()},
            row_filter=None if spec.get("row_filter") is None else _check(
                f"roles.{name}.row_filter", spec.get("row_filter"), ROW_FILTERS),
            purpose_for_person_level=bool(spec.get("purpose_for_person_level", True)),
            purpose=_check(f"roles.{name}.purpose", spec.get("purpose", "text"), ("text", "declared")),
            small_cell=_number(spec, name, "small_cell", 10, int, 2),
            forbidden=_forbidden(spec.get("forbidden", []), name),
            max_rows_per_query=_number(spec, name, "max_rows_per_query", 1000, int, 1),
            max_rows_per_day=_number(spec, name, "max_rows_per_day", 20_000, int, 1),
            max_persons_per_day=_number(spec, name, "max_persons_per_day", 500, int, 1),
            epsilon_per_count=_number(spec, name, "epsilon_per_count", 0.5, float, 0.01),
            epsilon_per_value=_number(spec, name, "epsilon_per_value", 1.0, float, 0.01),
            epsilon_per_query=_number(spec, name, "epsilon_per_query", 4.0, float, 0.01),
            epsilon_per_day=_number(spec, name, "epsilon_per_day", 20.0, float, 0.01),
            role_epsilon_per_day=_number(spec, name, "role_epsilon_per_day", 2000.0, float, 0.01),
            may_query=bool(spec.get("may_query", True)),
            linkage_review=bool(spec.get("linkage_review", False)),
        )
    if not roles:
        raise ConfigError("policy.no_roles")
    extra = set(data) - {"roles", "privacy"}
    if extra:
        raise ConfigError("policy.unknown_tables", tables=sorted(extra))
    privacy = parse_privacy(data["privacy"]) if "privacy" in data else DEFAULT_PRIVACY
    return Policy(roles, version, privacy)


def _number(spec: dict[str, Any], role: str, key: str, default: float, kind: type, least: float) -> Any:
    value = spec.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or (kind is int and not isinstance(value, int)) \
            or not value >= least or value != value or value == float("inf"):
        raise ConfigError("policy.whole_number" if kind is int else "policy.number", place=f"roles.{role}.{key}",
                          value=value, least=least, key=key, default=default)
    return kind(value)


def _forbidden(groups: Any, role: str) -> tuple[frozenset[str], ...]:
    """Forbidden combinations: each a list of two or more known sensitivities or semantic types (a misspelt kind
    would silently switch the protection off)."""
    if not isinstance(groups, list) or not all(isinstance(g, list) and len(g) >= 2 for g in groups):
        raise ConfigError("policy.forbidden", place=f"roles.{role}.forbidden", value=groups)
    for group in groups:
        for kind in group:
            _check(f"roles.{role}.forbidden", kind, KINDS_OF_COLUMNS)
    return tuple(frozenset(group) for group in groups)


def load_policy(path: Path) -> Policy:
    return parse_policy(path.read_text(encoding="utf-8"), version=path.name)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, dict):
        return "{ " + ", ".join(f'"{k}" = {_toml_value(v)}' for k, v in value.items()) + " }"
    if isinstance(value, list | tuple | frozenset | set):
        items = sorted(value) if isinstance(value, frozenset | set) else value
        return "[" + ", ".join(_toml_value(v) for v in items) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def to_toml(policy: Policy) -> str:
    """The policy as a TOML file that parse_policy reads back to the same policy."""
    lines = [f"# ukimet access policy ({policy.version})"]
    for name, role in policy.roles.items():
        lines.append(f"\n[roles.{name}]")
        for key in sorted(KEYS):
            value = getattr(role, key)
            if value is None:
                continue
            lines.append(f"{key} = {_toml_value(value)}")
    privacy = policy.privacy
    lines += ["\n[privacy]", f"units = {_toml_value(privacy.units)}",
              f"rows_per_unit = {_toml_value(privacy.rows_per_unit)}",
              f"bounds = {_toml_value({k: list(v) for k, v in privacy.bounds.items()})}"]
    return "\n".join(lines) + "\n"

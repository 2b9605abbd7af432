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

import dataclasses
from dataclasses import field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, model_validator
from pydantic.dataclasses import dataclass

from ukimet.connect.catalog import SENSITIVITIES
from ukimet.connect.classify import COLUMN_TYPES
from ukimet.core.config_files import FROZEN, STRICT, Bool, Float, Int, Text, one_of, problem, read_toml, validate
from ukimet.core.errors import Refused
from ukimet.gateway.privacy import DEFAULT_PRIVACY, Privacy

MASKS = ("show", "hide", "partial", "pseudonym", "year")
"""show: as stored; hide: NULL; partial: most of it hidden (an IIN keeps its last 3 digits, a name its first
letter); pseudonym: a keyed hash per project that cannot be joined across projects; year: a date reduced to its
year."""
IDENTIFIERS = frozenset({"iin", "bin", "surname", "first_name", "patronymic", "full_name", "phone", "email",
                         "address", "person_id", "family_id"})
"""semantic types that name someone: pseudonyms inside aggregates, whatever aggregate_masks say"""
ROW_FILTERS = ("region",)
"""user attributes a row filter can follow"""
KINDS_OF_COLUMNS = (*SENSITIVITIES, *COLUMN_TYPES)
"""what a forbidden combination can name: a sensitivity or a semantic type (connect.classify)"""
LEGACY_KEYS = frozenset({"noise"})
"""keys of earlier versions, dropped when a stored policy is read: cell-key noise (differential privacy now)"""

Mask = Annotated[str, one_of(MASKS)]
Sensitivity = Annotated[str, one_of(SENSITIVITIES)]
SemanticKind = Annotated[str, one_of(COLUMN_TYPES)]
ColumnKind = Annotated[str, one_of(KINDS_OF_COLUMNS)]
DEFAULT_MASKS = {"public": "show", "personal": "hide", "special": "hide"}
DEFAULT_AGGREGATE_MASKS = {"public": "show", "personal": "show", "special": "hide"}


def _column(name: str) -> str:
    if len(name.split(".")) != 3 or not all(name.split(".")):
        raise problem("config.column_rule", name=repr(name))
    return name


def _over(defaults: dict[str, str]) -> AfterValidator:
    """A sensitivity's mask left out of a role's table keeps its default (it does not become hidden or shown)."""
    return AfterValidator(lambda given: {**defaults, **given})


@dataclass(frozen=True, config=STRICT)
class RolePolicy:
    """One role's rules; every field is a key of the role's table in a policy file, with its default here."""

    name: Text = field(default="", metadata={"in_file": False})
    """the role (the table's name in a policy file, not a key of it)"""
    masks: Annotated[dict[Sensitivity, Mask], _over(DEFAULT_MASKS)] = field(
        default_factory=lambda: dict(DEFAULT_MASKS))
    semantic_masks: dict[SemanticKind, Mask] = field(default_factory=dict)
    column_masks: dict[Annotated[str, AfterValidator(_column)], Mask] = field(default_factory=dict)
    """source.table.column -> mask: the most specific rule wins"""
    row_filter: Annotated[str, one_of(ROW_FILTERS)] | None = None
    """a user attribute (region) that rows of tables with a column of that semantic type must match"""
    aggregate_masks: Annotated[dict[Sensitivity, Mask], _over(DEFAULT_AGGREGATE_MASKS)] = field(
        default_factory=lambda: dict(DEFAULT_AGGREGATE_MASKS))
    """by sensitivity, the masks inside protected aggregates (filters and groups): an analyst counts families
    by income or children without seeing any one family"""
    purpose_for_person_level: Bool = True
    purpose: Annotated[str, one_of(("text", "declared"))] = "text"
    """what counts as a purpose: "text" (any statement, or a declared P-n) or "declared" (a declared purpose
    naming a case or a legal basis)"""
    small_cell: Annotated[Int, Field(ge=2)] = 10
    """a private aggregate's group is released only from twice this many rows (and the noisy count's threshold)"""
    forbidden: tuple[Annotated[frozenset[ColumnKind], Field(min_length=2)], ...] = ()
    """sets of column kinds (a sensitivity or a semantic type) one query may not combine (a misspelt kind is
    refused: it would silently switch the protection off)"""
    max_rows_per_query: Annotated[Int, Field(ge=1)] = 1000
    max_rows_per_day: Annotated[Int, Field(ge=1)] = 20_000
    max_persons_per_day: Annotated[Int, Field(ge=1)] = 500
    may_query: Bool = True
    linkage_review: Bool = False
    """may see the linkage clerk's review queue (names, birth dates and IINs of uncertain pairs)"""
    epsilon_per_count: Annotated[Float, Field(ge=0.01)] = 0.5
    """the privacy loss of one count in an answer without a purpose (differential privacy, gateway.privacy): a
    count of 1,000 is then within 1% (noise of scale 2) 99% of the time; a grouped answer's release of its groups
    spends twice this"""
    epsilon_per_value: Annotated[Float, Field(ge=0.01)] = 1.0
    """the privacy loss of one sum; an average spends it twice (its count and its sum): an average wage over 500
    persons is then within 2% about 96% of the time (bench/bench_privacy.py)"""
    epsilon_per_query: Annotated[Float, Field(ge=0.01)] = 4.0
    """the most one answer may spend (more measures at once are refused)"""
    epsilon_per_day: Annotated[Float, Field(ge=0.01)] = 20.0
    """what one user's fresh answers may spend in a day: 40 counts or 10 averages (a question asked again on the
    same data is answered as before, free)"""
    role_epsilon_per_day: Annotated[Float, Field(ge=0.01)] = 2000.0
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


SPECIAL_VALUES = frozenset({"disability_allowance"})
"""Values that tell a special category wherever a query names them: the allowance paid for a disability tells the
disability as the disability group does, so a count of its recipients is hidden from a role whose aggregates hide
special categories, as a count by the disability group is."""


@dataclasses.dataclass(frozen=True)
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
ROLE_KEYS = tuple(f.name for f in dataclasses.fields(RolePolicy) if f.metadata.get("in_file", True))
"""the keys of a role's table in a policy file"""


class PolicyFile(BaseModel):
    """A policy file: [roles.<name>] tables (at least one) and an optional [privacy] table (without one, the
    declarations for the mart, gateway.privacy.DEFAULT_PRIVACY)."""

    model_config = FROZEN
    roles: dict[str, RolePolicy]
    privacy: Privacy = DEFAULT_PRIVACY

    @model_validator(mode="before")
    @classmethod
    def _name_the_roles(cls, data: Any) -> Any:
        """Each role's table gets its name from its header; keys of earlier versions are dropped."""
        if isinstance(data, dict) and not data.get("roles"):
            raise problem("config.no_roles")
        if not isinstance(data, dict) or not isinstance(data.get("roles"), dict):
            return data
        roles = {}
        for role, spec in data["roles"].items():
            if isinstance(spec, dict):
                if "name" in spec:
                    raise problem("config.role_name", role=role, allowed=list(ROLE_KEYS))
                spec = {"name": role, **{k: v for k, v in spec.items() if k not in LEGACY_KEYS}}
            roles[role] = spec
        return {**data, "roles": roles}


def parse_policy(text: str, version: str, where: str | None = None) -> Policy:
    """A policy from TOML text; every key and value checked, a refusal naming ``where`` (default: the policy by
    its version), the role and the key."""
    where = where or f"policy {version}"
    loaded = validate(PolicyFile, read_toml(text, where), where)
    return Policy(loaded.roles, version, loaded.privacy)


def load_policy(path: Path) -> Policy:
    return parse_policy(path.read_text(encoding="utf-8"), version=path.name, where=str(path))


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
        for key in sorted(ROLE_KEYS):
            value = getattr(role, key)
            if value is None:
                continue
            lines.append(f"{key} = {_toml_value(value)}")
    privacy = policy.privacy
    lines += ["\n[privacy]", f"units = {_toml_value(privacy.units)}",
              f"rows_per_unit = {_toml_value(privacy.rows_per_unit)}",
              f"bounds = {_toml_value({k: list(v) for k, v in privacy.bounds.items()})}"]
    return "\n".join(lines) + "\n"

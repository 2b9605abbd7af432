"""Every setting of ukimet, declared once with its default and its meaning. Override with environment variables
(``UKIMET_HOME``, ``UKIMET_METADATA_URL`` ...) or a ``ukimet.toml`` in the home folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="UKIMET_", extra="forbid")

    home: Path = Field(Path(".ukimet"), description="Folder for the metadata store, the integrated store and logs.")
    metadata_url: str | None = Field(
        None, description="SQLAlchemy URL of the metadata store (catalog, runs, lineage); default SQLite in home. "
        "For PostgreSQL: postgresql+psycopg://user@host/db, the password from UKIMET_METADATA_PASSWORD.")
    store_path: Path | None = Field(
        None, description="The integrated store: a DuckLake catalog (SQLite file) with its Parquet files in "
        "<path>.files; default home/store.ducklake.")
    secrets_file: Path | None = Field(
        None, description="TOML file of source credentials, kept outside the repository (default "
        "~/.config/ukimet/secrets.toml).")
    sync_batch_rows: int = Field(100_000, description="Rows per batch read from a source during sync.")
    audit_checkpoint_every: int = Field(
        100, description="Sign an audit checkpoint after every N entries (0: only by `ukimet audit checkpoint`).")
    audit_signing_key: Path | None = Field(
        None, description="Ed25519 key that signs audit checkpoints; default home/keys/audit_signing.key. Keep it "
        "where the policy administrator cannot read it, and give auditors its public key (`ukimet audit key`).")
    audit_anchor_path: Path | None = Field(
        None, description="Append-only file the audit log's signed head is added to after every entry; default "
        "home/audit/anchor.log. Point it at a write-once or remote mount the database administrator cannot rewrite.")
    oidc_issuer: str | None = Field(None, description="OpenID Connect provider (its issuer URL) for sign-in; unset: "
                                    "local accounts only.")
    oidc_client_id: str | None = Field(None, description="ukimet's client id registered at the OIDC provider.")
    oidc_client_secret_env: str | None = Field(
        None, description="Name of the environment variable holding the OIDC client secret (never the secret).")
    oidc_redirect_uri: str | None = Field(None, description="The callback URL registered at the OIDC provider.")
    oidc_username_claim: str = Field("preferred_username", description="ID token claim that names the ukimet "
                                     "account.")
    llm_url: str | None = Field(
        None, description="An OpenAI-compatible endpoint on the premises (llama.cpp server, vLLM, Ollama) for "
        "questions the semantic layer cannot map; unset: no model is ever contacted.")
    llm_model: str = Field("local", description="The model name sent to llm_url.")
    llm_timeout: float = Field(30.0, description="Seconds to wait for the local model's answer.")
    profile_top_values: int = Field(5, description="Top values kept per non-personal column when profiling.")
    query_memory_limit: str = Field("2GB", description="Memory one gateway engine may use for users' queries "
                                    "(DuckDB's memory_limit).")
    query_threads: int = Field(1, ge=1, description="Threads one query of the gateway's engine may use. One by "
                               "default: a server answers many users at once, and a point lookup split over threads "
                               "costs more processor time than it saves (15 % more per person view here); raise it "
                               "for a few users running large queries on a machine with idle cores.")
    work_memory_limit: str = Field(
        "5GB", pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$",
        description="Memory sync, link and the mart build may hold (DuckDB's memory_limit); beyond it they spill "
        "to the store's temporary folder (store.ducklake.tmp). The process uses about 1 GB more. Each DuckDB thread "
        "gets at least 256 MB of it: a smaller limit runs on fewer threads.")
    spark_master: str = Field(
        "", pattern=r"^(|local(\[(\d+|\*)\])?|(spark|k8s|mesos)://\S+|yarn)$",
        description="Where `--engine spark` runs: empty for local mode on this machine's cores, else a Spark master "
        "URL (spark://host:7077, yarn, k8s://...). Everything else about the session (executor memory and cores, "
        "the workers' Python) comes from Spark's own spark-defaults.conf.")
    spark_exchange: Path | None = Field(
        None, description="Folder the mart build on Spark passes tables through as Parquet (a private subfolder "
        "per run, removed at its end); on a cluster, one every executor and this machine see (a shared file "
        "system). Default: the store's temporary folder.")
    serve_threads: int = Field(4, ge=1, le=256, description="Requests one `ukimet serve` worker process handles at "
                               "once; more wait their turn in order (a few per process keep its core busy, since "
                               "queries run without Python's lock; many only make every answer slower).")
    query_timeout: float = Field(30.0, gt=0, description="Seconds a user's query may run before it is stopped.")
    max_result_bytes: int = Field(20_000_000, ge=1000, description="The largest result (approximate bytes) one "
                                  "query may return; larger ones are refused.")
    session_idle_minutes: int = Field(30, ge=1, description="A web or API session unused this many minutes ends; "
                                      "the user signs in again.")
    session_absolute_hours: int = Field(8, ge=1, description="A session ends this many hours after its sign-in, "
                                        "however busy.")
    trusted_proxy: bool = Field(
        False, description="Believe the reverse proxy's X-Forwarded-Proto (https: Secure cookies) and "
        "X-Forwarded-For (the client's address for sign-in throttling). Turn on only when ukimet is reachable "
        "through that proxy alone.")
    signin_max_failures: int = Field(5, ge=1, description="Failed sign-ins of one account within "
                                     "signin_window_minutes that lock the account out.")
    signin_max_failures_per_address: int = Field(20, ge=1, description="Failed sign-ins from one client address "
                                                 "within signin_window_minutes that lock the address out.")
    signin_window_minutes: int = Field(15, ge=1, description="The window in which failed sign-ins are counted.")
    signin_lockout_minutes: int = Field(15, ge=1, description="How long a locked-out account or address is "
                                        "refused (HTTP 429), even with the right password.")

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        import os

        home = Path(os.environ.get("UKIMET_HOME", ".ukimet"))
        toml = TomlConfigSettingsSource(settings_cls, toml_file=home / "ukimet.toml")
        return init_settings, env_settings, toml

    def resolved_store_path(self) -> Path:
        return self.store_path or self.home / "store.ducklake"

    def resolved_metadata_url(self) -> str:
        return self.metadata_url or f"sqlite:///{self.home / 'metadata.sqlite'}"

    def resolved_audit_anchor_path(self) -> Path:
        return self.audit_anchor_path or self.home / "audit" / "anchor.log"

    def resolved_secrets_file(self) -> Path:
        return self.secrets_file or Path.home() / ".config" / "ukimet" / "secrets.toml"


@cache
def settings(**overrides: Any) -> Settings:
    """The settings in force (cached); tests pass overrides."""
    return Settings(**overrides)

"""Connectors for every kind of agency source, behind one protocol."""

from __future__ import annotations

from ukimet.connect.connectors.base import ColumnInfo, Connector, TableInfo
from ukimet.connect.credentials import resolve_password
from ukimet.connect.sources import SourceSpec
from ukimet.core.settings import Settings


def open_connector(spec: SourceSpec, config: Settings) -> Connector:
    """The connector for ``spec``; a server's password is resolved here, at connection time only."""
    if spec.kind in ("postgres", "mysql"):
        password = resolve_password(spec.name, spec.password_env, spec.password_secret,
                                    config.resolved_secrets_file())
        if spec.kind == "postgres":
            from ukimet.connect.connectors.postgres import PostgresConnector

            return PostgresConnector(spec.name, spec.location, spec.schema, password)
        from ukimet.connect.connectors.mysql import MySQLConnector

        return MySQLConnector(spec.name, spec.location, spec.schema, password)
    if spec.kind == "sqlite":
        from ukimet.connect.connectors.sqlite import SQLiteConnector

        return SQLiteConnector(spec.name, spec.location)
    from ukimet.connect.connectors.files import CsvConnector, ExcelConnector, ParquetConnector

    if spec.kind == "csv":
        return CsvConnector(spec.name, spec.location, spec.options.get("encoding"), spec.options.get("delimiter"))
    if spec.kind == "excel":
        return ExcelConnector(spec.name, spec.location)
    if spec.kind == "json":
        from ukimet.connect.connectors.jsonfile import JsonConnector

        return JsonConnector(spec.name, spec.location)
    return ParquetConnector(spec.name, spec.location)


__all__ = ["ColumnInfo", "Connector", "TableInfo", "open_connector"]

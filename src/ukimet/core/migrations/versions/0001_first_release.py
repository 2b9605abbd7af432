"""The metadata schema of the first release with an audit log (main at d891802): every table as it was when
installations had no migrations. A home made by that release has these tables and no ``alembic_version``; opening it
stamps this revision and upgrades from here (core.migrate).

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('alerts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_name', sa.String(length=128), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('audit_seq', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('handled_by', sa.String(length=128), nullable=True),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_alerts_user_name'), 'alerts', ['user_name'], unique=False)
    op.create_table('api_tokens',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_name', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('token_hash')
    )
    op.create_index(op.f('ix_api_tokens_user_name'), 'api_tokens', ['user_name'], unique=False)
    op.create_table('audit_checkpoints',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('root', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.String(length=128), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('audit_entries',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('user_name', sa.String(length=128), nullable=False),
    sa.Column('organisation', sa.String(length=256), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('policy', sa.String(length=32), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('rewritten', sa.Text(), nullable=True),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('persons', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_index(op.f('ix_audit_entries_user_name'), 'audit_entries', ['user_name'], unique=False)
    op.create_table('case_events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_case_events_case_id'), 'case_events', ['case_id'], unique=False)
    op.create_table('cases',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('rule', sa.String(length=64), nullable=False),
    sa.Column('rule_version', sa.String(length=32), nullable=False),
    sa.Column('as_of', sa.String(length=10), nullable=False),
    sa.Column('person_id', sa.String(length=32), nullable=False),
    sa.Column('family_id', sa.String(length=32), nullable=True),
    sa.Column('region', sa.String(length=8), nullable=True),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('evidence_hash', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('assigned_to', sa.String(length=128), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_cases_person_id'), 'cases', ['person_id'], unique=False)
    op.create_index(op.f('ix_cases_rule'), 'cases', ['rule'], unique=False)
    op.create_table('catalog_columns',
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('table_name', sa.String(length=256), nullable=False),
    sa.Column('column_name', sa.String(length=256), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data_type', sa.String(length=64), nullable=False),
    sa.Column('nullable', sa.Integer(), nullable=False),
    sa.Column('semantic_type', sa.String(length=32), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('sensitivity', sa.String(length=16), nullable=True),
    sa.Column('labelled_by', sa.String(length=16), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('source', 'table_name', 'column_name')
    )
    op.create_table('catalog_tables',
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('table_name', sa.String(length=256), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=True),
    sa.Column('primary_key', sa.JSON(), nullable=False),
    sa.Column('updated_column', sa.String(length=256), nullable=True),
    sa.Column('introspected_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('source', 'table_name')
    )
    op.create_table('column_overrides',
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('table_name', sa.String(length=256), nullable=False),
    sa.Column('column_name', sa.String(length=256), nullable=False),
    sa.Column('semantic_type', sa.String(length=32), nullable=True),
    sa.Column('sensitivity', sa.String(length=16), nullable=True),
    sa.Column('set_by', sa.String(length=128), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('source', 'table_name', 'column_name')
    )
    op.create_table('findings',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('rule', sa.String(length=64), nullable=False),
    sa.Column('subject_kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=64), nullable=False),
    sa.Column('as_of', sa.String(length=10), nullable=False),
    sa.Column('values', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reviewer', sa.String(length=128), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('found_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_findings_rule'), 'findings', ['rule'], unique=False)
    op.create_table('identities',
    sa.Column('issuer', sa.String(length=512), nullable=False),
    sa.Column('subject', sa.String(length=256), nullable=False),
    sa.Column('user_name', sa.String(length=128), nullable=False),
    sa.Column('bound_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('issuer', 'subject'),
    sa.UniqueConstraint('user_name')
    )
    op.create_table('lineage',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('source_table', sa.String(length=256), nullable=False),
    sa.Column('store_table', sa.String(length=512), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('rows_read', sa.Integer(), nullable=False),
    sa.Column('rows_written', sa.Integer(), nullable=False),
    sa.Column('rows_quarantined', sa.Integer(), nullable=False),
    sa.Column('inserted', sa.Integer(), nullable=True),
    sa.Column('updated', sa.Integer(), nullable=True),
    sa.Column('deleted', sa.Integer(), nullable=True),
    sa.Column('watermark', sa.Text(), nullable=True),
    sa.Column('drift', sa.JSON(), nullable=True),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_lineage_run_id'), 'lineage', ['run_id'], unique=False)
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('text_kk', sa.Text(), nullable=False),
    sa.Column('text_ru', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_outbox_case_id'), 'outbox', ['case_id'], unique=False)
    op.create_table('policies',
    sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('author', sa.String(length=128), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('version')
    )
    op.create_table('privacy_releases',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('released', sa.LargeBinary(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('privacy_spend',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('user_name', sa.String(length=128), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=False),
    sa.Column('epsilon', sa.Float(), nullable=False),
    sa.Column('delta', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_index(op.f('ix_privacy_spend_day'), 'privacy_spend', ['day'], unique=False)
    op.create_index(op.f('ix_privacy_spend_role'), 'privacy_spend', ['role'], unique=False)
    op.create_index(op.f('ix_privacy_spend_user_name'), 'privacy_spend', ['user_name'], unique=False)
    op.create_table('profiles',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('table_name', sa.String(length=256), nullable=False),
    sa.Column('column_name', sa.String(length=256), nullable=True),
    sa.Column('metrics', sa.JSON(), nullable=False),
    sa.Column('profiled_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_profiles_source'), 'profiles', ['source'], unique=False)
    op.create_table('purposes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('user_name', sa.String(length=128), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('case_ref', sa.String(length=128), nullable=True),
    sa.Column('legal_basis', sa.Text(), nullable=True),
    sa.Column('declared_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_purposes_user_name'), 'purposes', ['user_name'], unique=False)
    op.create_table('sources',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('location', sa.Text(), nullable=False),
    sa.Column('schema_name', sa.String(length=128), nullable=True),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('password_env', sa.String(length=128), nullable=True),
    sa.Column('password_secret', sa.String(length=128), nullable=True),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('sync_runs',
    sa.Column('run_id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('pid', sa.Integer(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('run_id')
    )
    op.create_index(op.f('ix_sync_runs_source'), 'sync_runs', ['source'], unique=False)
    op.create_table('users',
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('role', sa.String(length=64), nullable=False),
    sa.Column('organisation', sa.String(length=256), nullable=False),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.Column('iin', sa.String(length=12), nullable=True),
    sa.Column('password_hash', sa.Text(), nullable=True),
    sa.Column('totp_secret', sa.Text(), nullable=True),
    sa.Column('totp_last_step', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )

def downgrade() -> None:
    raise NotImplementedError("the first schema has nothing to go back to: restore a backup of the home instead")

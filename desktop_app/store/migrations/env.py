"""Alembic environment: always run programmatically on an open SQLCipher connection."""

from alembic import context
from sqlmodel import SQLModel

import desktop_app.store.models  # noqa: F401  (registers the tables)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment, driven from code (`storage.db.alembic_config`), never from a CLI ini."""

from alembic import context

from shelter_app.storage.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` run by a developer
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite:///dev-autogen.sqlite3"
    with create_engine(url).begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()

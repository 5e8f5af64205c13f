"""The edition's MkDocs plugin: the only part of the pipeline that knows MkDocs (with macros/__init__.py's
define_env for mkdocs-macros). Its options are in mkdocs.yml under `plugins: - opsc`."""

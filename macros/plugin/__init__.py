"""The edition's MkDocs plugin: the only part of the pipeline that knows MkDocs. Its options are in mkdocs.yml
under `plugins: - opsc`."""

"""The plugin's options (mkdocs.yml, `plugins: - opsc:`): where the content lives and where the offline zip is.
Paths are relative to mkdocs.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class EditionConfig(Config):
    # The report as extracted from the PDF, committed unchanged.
    source = c.Type(str, default="content/explanatory-report.txt")
    # Reviewed editorial decisions (paragraph boundaries, titles, callouts, misprints).
    editorial = c.Type(str, default="content/editorial.yaml")
    # The register of every published address.
    register = c.Type(str, default="content/permalinks.tsv")
    # This edition's number, date and history.
    edition = c.Type(str, default="content/edition.yaml")
    # Instruments the report cites, and the attributions of article mentions no rule can make.
    instruments = c.Type(str, default="content/instruments.yaml")
    # Terms of art and spellings for search.
    terminology = c.Type(str, default="content/terminology.yaml")
    # The folder of the indexes' lists: articles.yaml, cases.yaml, glossary.yaml, acronyms.yaml.
    lists = c.Type(str, default="content")
    # The offline zip (scripts/export_offline.py writes it); the online site offers it when it is there.
    offline_zip = c.Type(str, default="dist/opsc-explanatory-report-offline.zip")

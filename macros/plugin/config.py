"""The plugin's options (mkdocs.yml, `plugins: - opsc:`): where the content lives and where the offline zip is.
Paths are relative to mkdocs.yml."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..build import DEFAULTS


class EditionConfig(Config):
    # The report as extracted from the PDF, committed unchanged.
    source = c.Type(str, default=DEFAULTS["source"])
    # Reviewed editorial decisions (paragraph boundaries, titles, callouts, misprints).
    editorial = c.Type(str, default=DEFAULTS["editorial"])
    # The register of every published address.
    register = c.Type(str, default=DEFAULTS["register"])
    # This edition's number, date and history.
    edition = c.Type(str, default=DEFAULTS["edition"])
    # Instruments the report cites, and the attributions of article mentions no rule can make.
    instruments = c.Type(str, default=DEFAULTS["instruments"])
    # Terms of art and spellings for search.
    terminology = c.Type(str, default=DEFAULTS["terminology"])
    # The folder of the indexes' lists: articles.yaml, cases.yaml, glossary.yaml, acronyms.yaml.
    lists = c.Type(str, default=DEFAULTS["lists"])
    # The offline zip (scripts/export_offline.py writes it); the online site offers it when it is there.
    offline_zip = c.Type(str, default="dist/opsc-explanatory-report-offline.zip")

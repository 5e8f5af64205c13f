"""The advice of the Interagency Working Group, box by box."""

from ...model import Report
from ..paths import IWG_ADVICE
from ..site import Index, Page, Site
from .common import callout_entries, index_top


def iwg_advice_page(report: Report) -> Page:
    path = INDEX.path
    md = index_top(INDEX) + ["Advice of the Interagency Working Group (IWG) given in the report.\n"]
    return path, "\n".join(md + callout_entries(report, path))


def _build(site: Site) -> Page:
    return iwg_advice_page(site.report)


INDEX = Index(IWG_ADVICE, "The IWG’s advice", "the advice of the Interagency Working Group, box by box", _build)

"""The index pages: one module each, and their registry. An index is one module with its `INDEX` record and one
entry below; the boxes it gathers are those whose kind names it (macros/callouts.py)."""

from ..site import Index
from . import articles, cases, definitions, good_practice, instruments, iwg_advice, resources

# In the order of the navigation and of the page that lists them (macros/pages/listing.py).
INDEXES: tuple[Index, ...] = (resources.INDEX, good_practice.INDEX, iwg_advice.INDEX, cases.INDEX,
                              definitions.INDEX, articles.INDEX, instruments.INDEX)

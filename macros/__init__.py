"""The pipeline that turns content/ into the site.

Modules, in pipeline order, none of which knows MkDocs: errors and schema (one line-aware loader of content/'s
YAML into typed records, one error path), source (read and check the text), editorial (the reviewed editorial
file as one record), spelling, callouts (the kinds of box: one registry), anchors (find an editorial anchor in
the text), layout (page furniture), sheet, footnotes, extract and its stages context, claims, boxes and
assemble, and model (the frozen model, with its passages made once); ids (typed anchors), textflow (reflowed
blocks), links and crossrefs, permalinks (published anchors), apparatus, instruments and provisions (article
mentions, the provisions the report quotes), passages, lists (the indexes' reviewed lists), terminology and
headnotes (search's words and questions), recommendations and themes (the checklist), stats, edition and
cite_formats, inline (a block's Markdown), pages/ (every page and data file: one module per kind of page, one
registry of them; pages/indexes/, one module per index), checklist_export (the checklist's CSV and sheets),
search_index (the search index; search_worker.js, the engine); build reads content/ into the model, pages
renders it.
MkDocs lives in plugin/ alone: the `opsc` plugin, and the figures of the hand-written pages of docs/
(plugin/figures.py).
"""

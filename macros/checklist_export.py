"""The checklist as files (data/checklist/, written by macros/pages/checklist.py): the whole table and each
theme's part, as CSV and as an Excel sheet (.xlsx, which LibreOffice and Google Sheets open too), with the
empty columns an alternative report fills in; and as the list data/report.json carries. Written byte for byte
the same from the same content: the sheet is a zip of a few XML files made here (fixed dates and order), with
no library at build time.

CSV: UTF-8 with a byte-order mark and CRLF line ends (RFC 4180). Without the mark Excel reads a CSV as the
computer's legacy code page and garbles the report's curly quotes and dashes; LibreOffice, Python's
`utf-8-sig` and spreadsheets online read the mark as the encoding's signature."""

import csv
import io
import zipfile
from xml.sax.saxutils import escape as xml_escape

from .recommendations import STRENGTH_NAMES, Checklist, Row, verb_group
from .themes import Theme

HEADER = ("No.", "Paragraph", "Item", "Chapter", "Verb", "Verb group", "Strength", "Recommendation",
          "Articles of the Optional Protocol", "Themes", "Link", "What our State has done", "Source")
# The sheet's column widths (characters): the words and the two columns to fill in are wide.
WIDTHS = (6, 10, 6, 8, 18, 12, 12, 80, 22, 30, 30, 50, 30)
EPOCH = (1980, 1, 1, 0, 0, 0)  # every member's date in the zip: the same bytes from one build to the next


def cells(row: Row, base: str) -> tuple[str, ...]:
    """A row of the table as text, the two columns to fill in empty."""
    rec = row.rec
    return (str(row.number), str(rec.paragraph), row.item, rec.chapter, rec.verb, verb_group(rec.verb),
            STRENGTH_NAMES[rec.strength], rec.words, "; ".join(rec.articles),
            "; ".join(t.title for t in row.themes), f"{base}paragraphs/{rec.paragraph}/#{rec.anchor}", "", "")


# What a spreadsheet reads at the start of a CSV cell as a formula (OWASP's "CSV injection").
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: str) -> str:
    """A cell that would open as a formula, as text: an apostrophe before it, which spreadsheets take for "this
    is text" (no cell of the report's table starts so; a title in content/ could)."""
    return "'" + cell if cell.startswith(FORMULA) else cell


def to_csv(rows: tuple[Row, ...], base: str) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(tuple(_inert(c) for c in cells(r, base)) for r in rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _column(i: int) -> str:
    """0 → "A", 12 → "M"."""
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def _sheet_xml(rows: tuple[Row, ...], base: str) -> str:
    def line(n: int, values: tuple[str, ...], style: int) -> str:
        cs = "".join(f'<c r="{_column(i)}{n}" t="inlineStr" s="{style}"><is><t xml:space="preserve">'
                     f'{xml_escape(v)}</t></is></c>' if v else f'<c r="{_column(i)}{n}" s="{style}"/>'
                     for i, v in enumerate(values))
        return f'<row r="{n}">{cs}</row>'
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(WIDTHS))
    body = [line(1, HEADER, 1)] + [line(i + 2, cells(r, base), 2) for i, r in enumerate(rows)]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/></sheetView></sheetViews>'
            f'<cols>{cols}</cols><sheetData>{"".join(body)}</sheetData>'
            f'<autoFilter ref="A1:{_column(len(HEADER) - 1)}{len(rows) + 1}"/></worksheet>')


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>')
# Styles: 0 the default, 1 the header (bold, wrapped), 2 a row (wrapped, at the top of its cell).
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _workbook(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{xml_escape(title[:31])}" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
            f"'{xml_escape(title[:31])}'!$A$1:${_column(len(HEADER) - 1)}$1</definedName></definedNames></workbook>")


def to_xlsx(rows: tuple[Row, ...], base: str, title: str) -> bytes:
    """The rows as an Excel workbook of one sheet: header frozen, filters on, the words wrapped."""
    members = (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _RELS), ("xl/workbook.xml", _workbook(title)),
               ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS), ("xl/styles.xml", _STYLES),
               ("xl/worksheets/sheet1.xml", _sheet_xml(rows, base)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members:
            info = zipfile.ZipInfo(name, EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"), compresslevel=9)
    return out.getvalue()


def sheet_title(theme: Theme | None) -> str:
    """A sheet's name: at most 31 characters and none of : \\ / ? * [ ] (Excel's rules)."""
    name = theme.title if theme else "Recommendations"
    return "".join(ch for ch in name if ch not in ':\\/?*[]')[:31]


def checklist_json(checklist: Checklist) -> list[dict[str, object]]:
    """The recommendations as data/report.json gives them (`recommendations`), in the report's order."""
    return [{"number": r.number, "paragraph": r.rec.paragraph, "anchor": str(r.rec.anchor), "verb": r.rec.verb,
             "verb_group": verb_group(r.rec.verb), "strength": STRENGTH_NAMES[r.rec.strength],
             "words": r.rec.words, "start": r.rec.start, "articles": list(r.rec.articles),
             "themes": [t.id for t in r.themes]} for r in checklist.rows]

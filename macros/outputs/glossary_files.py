"""The glossary as files for translators: CSV for spreadsheets, TBX for translation tools.

Both hold every language in one file, so a translator sees a term and its
equivalents side by side, and the words a language avoids (``avoid:``) as deprecated terms. TBX follows the TBX-Basic dialect of ISO 30042
(``martif`` root, one ``termEntry`` per term with a ``langSet`` per language,
``tig``/``term`` per word, definitions as ``descrip type="definition"``),
which CAT tools such as Trados, memoQ and OmegaT import.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

from ..model import glossary
from ..urls.site import Site
from .spreadsheet_safety import csv_rows

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEXT_FIELDS = ("term", "abbreviation", "synonyms", "avoid", "definition", "note")


def csv_bytes(site: Site, _lang: str = "") -> bytes:
    model = site.model
    """One row per term; per language the columns term_<lang>, abbreviation_<lang>, ... (UTF-8 with BOM for Excel)."""
    langs = glossary.languages_with_terms(model)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        ["id", "status", "source", "clause", *(f"{f}_{lang}" for lang in langs for f in TEXT_FIELDS), "related", "elements", "subelements"]
    )
    for term in model.terms.values():
        cells = []
        for lang in langs:
            fields = model.texts[lang].get("terms", {}).get(term.id, {})
            cells += [
                fields.get("term", ""),
                fields.get("abbreviation", ""),
                "; ".join(fields.get("synonyms", [])),
                "; ".join(fields.get("avoid", [])),
                fields.get("definition", ""),
                fields.get("note", ""),
            ]
        writer.writerow(
            csv_rows(
                [
                    [
                        term.id,
                        term.status,
                        term.source,
                        term.clause,
                        *cells,
                        " ".join(term.related),
                        " ".join(term.elements),
                        " ".join(term.subelements),
                    ]
                ]
            )[0]
        )
    return out.getvalue().encode("utf-8-sig")


def tbx_bytes(site: Site, _lang: str = "") -> bytes:
    model = site.model
    """A TBX-Basic term base with every term in every language that has glossary text."""
    langs = glossary.languages_with_terms(model)
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: model.source_language})
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = model.ui(model.source_language, "site_name")
    ET.SubElement(
        ET.SubElement(file_desc, "sourceDesc"), "p"
    ).text = f"Glossary of the {model.standard} public service excellence model, version {model.version}."
    ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for term in model.terms.values():
        entry = ET.SubElement(body, "termEntry", {"id": term.id})
        ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = "public service excellence"
        ET.SubElement(entry, "admin", {"type": "source"}).text = glossary.source_label(model, model.source_language, term.id)
        for related in term.related:
            ET.SubElement(entry, "ref", {"type": "crossReference", "target": related}).text = related
        for lang in langs:
            fields = model.texts[lang].get("terms", {}).get(term.id)
            if not fields:
                continue
            lang_set = ET.SubElement(entry, "langSet", {XML_LANG: lang})
            ET.SubElement(lang_set, "descrip", {"type": "definition"}).text = fields["definition"]
            if fields.get("note"):
                ET.SubElement(lang_set, "note").text = fields["note"]
            _tig(lang_set, fields["term"], "fullForm", "preferredTerm-admn-sts")
            if fields.get("abbreviation"):
                _tig(lang_set, fields["abbreviation"], "abbreviation", "admittedTerm-admn-sts")
            avoid = fields.get("avoid", [])
            for synonym in fields.get("synonyms", []):
                if synonym not in avoid:  # a word readers search for but the portal does not write is deprecated, below
                    _tig(lang_set, synonym, "fullForm", "admittedTerm-admn-sts")
            for word in avoid:
                _tig(lang_set, word, "fullForm", "deprecatedTerm-admn-sts")
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def _tig(lang_set: ET.Element, word: str, term_type: str, status: str) -> None:
    tig = ET.SubElement(lang_set, "tig")
    ET.SubElement(tig, "term").text = word
    ET.SubElement(tig, "termNote", {"type": "termType"}).text = term_type
    ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status

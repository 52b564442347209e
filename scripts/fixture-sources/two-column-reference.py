#!/usr/bin/env python3
"""Writes a pandoc reference ODT for a two-column report: pandoc's own reference document (its
paragraph styles) with the page made two columns, a running header and a "Page N" footer.

  two-column-reference.py PANDOC_REFERENCE.odt OUT.odt
"""
import re
import sys
import zipfile

source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as archive:
    parts = [(info, archive.read(info.filename)) for info in archive.infolist()]

HEADER = "Coastal Resilience Review \u00b7 Spring 2026"


def two_columns(styles: str) -> str:
    styles = re.sub(r'fo:margin-(top|bottom)="1in"', r'fo:margin-\1="0.6in"', styles, count=2)
    styles = re.sub(r'fo:margin-(left|right)="1in"', r'fo:margin-\1="0.8in"', styles, count=2)
    styles = styles.replace("<style:footnote-sep ", '<style:columns fo:column-count="2" fo:column-gap="0.3in"/><style:footnote-sep ', 1)
    styles = styles.replace("<style:header-style />", '<style:header-style><style:header-footer-properties fo:min-height="0in" fo:margin-bottom="0.2in"/></style:header-style>', 1)
    styles = re.sub(r"<style:footer>.*?</style:footer>",
                    f'<style:header><text:p text:style-name="MP1">{HEADER}</text:p></style:header>'
                    '<style:footer><text:p text:style-name="MP1">Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>',
                    styles, count=1, flags=re.S)
    return styles


with zipfile.ZipFile(target, "w") as archive:
    for info, data in parts:
        if info.filename == "styles.xml":
            data = two_columns(data.decode("utf-8")).encode("utf-8")
        compression = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
        archive.writestr(info.filename, data, compress_type=compression)

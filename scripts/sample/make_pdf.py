#!/usr/bin/env python3
"""Writes the bundled sample's PDF (assets/sample/2024-05-21-report-en.pdf): a
two-page report set in Helvetica, with a running head and a page number on each
page and a word hyphenated across a line end, as real reports have. The text is
ours, written for Dossier.

Usage: python3 scripts/sample/make_pdf.py
"""
import os

OUT = os.path.join(os.path.dirname(__file__), "../../assets/sample/2024-05-21-report-en.pdf")
TITLE = "Baltic ports prepare for winter traffic"
AUTHOR = "Dossier sample desk"
CREATED = "D:20240521090000+02'00'"
HEAD = "Harbour Review - Baltic edition"

PAGES = [
    [
        "Baltic ports prepare for winter traffic",
        "",
        "GDANSK, May 21 - The ports of Gdansk, Klaipeda and Tallinn will share their",
        "icebreakers next winter, the port authorities said on Tuesday, after a year of",
        "record traffic and repeated damage to undersea cables in the Gulf of Fin-",
        "land.",
        "",
        "\"No port can face the ice alone any more,\" said Anna Kowalska, who runs the",
        "port of Gdansk. She added that Lithuania and Estonia would each provide one",
        "ship.",
    ],
    [
        "According to the European Commission, the plan will be funded from the",
        "connecting Europe programme. Finland, which has its own fleet, said it would",
        "join the talks in September.",
        "",
        "\"We will be ready before the first frost,\" Kowalska said.",
    ],
]


def pdf_string(text):
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def content(lines, number):
    ops = [b"BT", b"/F1 9 Tf", b"72 800 Td", pdf_string(HEAD) + b" Tj", b"ET"]
    y = 760
    ops += [b"BT", b"/F1 11 Tf", b"14 TL", f"72 {y} Td".encode()]
    for line in lines:
        ops.append(pdf_string(line) + b" Tj T*")
    ops.append(b"ET")
    ops += [b"BT", b"/F1 9 Tf", b"290 40 Td", pdf_string(f"Page {number} / {len(PAGES)}") + b" Tj", b"ET"]
    return b"\n".join(ops)


def main():
    objects = []  # bytes of objects 1..n

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids = []
    contents = []
    for i, lines in enumerate(PAGES, 1):
        stream = content(lines, i)
        contents.append(add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"))
    pages_id = len(objects) + len(PAGES) + 1
    for c in contents:
        page_ids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, c, font)))
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = add(b"<< /Title " + pdf_string(TITLE) + b" /Author " + pdf_string(AUTHOR)
               + b" /CreationDate " + pdf_string(CREATED) + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    with open(OUT, "wb") as f:
        f.write(out)
    print(f"wrote {OUT} ({len(out)} bytes)")


if __name__ == "__main__":
    main()

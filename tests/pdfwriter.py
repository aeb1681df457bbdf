"""A minimal PDF writer for tests: real text pages (e.g. the extracted text of a real NCMEC
PDF, with one number changed) rendered as a new PDF, as a publisher regenerating its file
would. Helvetica, WinAnsiEncoding, one text line per line of input."""

from __future__ import annotations


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pdf(pages: list[str]) -> bytes:
    objects: list[bytes] = []
    page_ids = []
    font_id = 3
    next_id = 4
    bodies = []
    for text in pages:
        lines = text.splitlines()[:70]
        stream = b"BT /F1 9 Tf 11 TL 36 806 Td\n" + b"".join(b"(" + _escape(ln) + b") Tj T*\n" for ln in lines) + b"ET"
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        page_ids.append(page_id)
        bodies.append(
            (
                page_id,
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>".encode(),
            )
        )
        bodies.append((content_id, b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"))
    objects = [
        (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
        (2, f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {len(page_ids)} >>".encode()),
        (3, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    ] + bodies
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num, body in sorted(objects):
        offsets[num] = len(out)
        out += f"{num} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for num in range(1, len(objects) + 1):
        out += f"{offsets[num]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)

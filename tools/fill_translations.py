"""Fill msgstr entries of a catalog from a tab-separated file: ``source<TAB>translation[<TAB>plural]``.

Escapes (``\\n``) in the TSV are read as in Python strings. Entries already translated are kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def main(po_file: str, tsv_file: str) -> None:
    pairs: dict[str, list[str]] = {}
    for line in Path(tsv_file).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        fields = [field.encode().decode("unicode_escape").encode("latin-1").decode("utf-8") for field in line.split("\t")]
        pairs[fields[0]] = fields[1:]
    with open(po_file, "rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if not key or key not in pairs:
            continue
        values = pairs[key]
        if isinstance(message.id, tuple):
            message.string = (values[0], values[-1])
        elif not message.string:
            message.string = values[0]
    with open(po_file, "wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

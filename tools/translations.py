"""List the strings that still lack an English translation, or append them to a catalog.

    python tools/translations.py                 # list what is missing
    python tools/translations.py --append FILE   # add empty entries to FILE.po, then fill msgstr
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.translations_check import missing_translations  # noqa: E402


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="en")
    parser.add_argument("--append", type=Path)
    args = parser.parse_args()
    missing = missing_translations(args.language)
    if args.append:
        new_file = not args.append.exists()
        with args.append.open("a", encoding="utf-8") as out:
            if new_file:
                out.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: %s\\n"\n' % args.language)
            for message in missing:
                out.write(f"\n#: {message.location}\nmsgid {_quote(message.msgid)}\n")
                if message.plural:
                    out.write(f"msgid_plural {_quote(message.plural)}\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n")
                else:
                    out.write('msgstr ""\n')
    for message in missing:
        print(f"{message.location}: {message.msgid}")
    print(f"{len(missing)} missing", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

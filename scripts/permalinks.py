"""Check or extend the register of published anchors (content/permalinks.tsv).

    python scripts/permalinks.py          # list the anchors on the pages that the register lacks
    python scripts/permalinks.py --write  # append them, after a blank line, as a new group

Run --write once the change that adds the passages is reviewed: from then on their addresses
are published, and every later correction keeps them working (see macros/permalinks.py).
"""

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from macros.build import EDITORIAL, PERMALINKS, SOURCE  # noqa: E402
from macros.extract import build_report  # noqa: E402
from macros.permalinks import format_rows, read_register, unregistered  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="append the missing anchors to the register")
    args = parser.parse_args()
    register_path = ROOT / PERMALINKS
    report = build_report(ROOT / SOURCE, ROOT / EDITORIAL, register_path)
    missing = unregistered(report, read_register(register_path))
    if not missing:
        print(f"{PERMALINKS}: every anchor on the paragraph pages is registered")
        return 0
    if args.write:
        text = register_path.read_text(encoding="utf-8").rstrip("\n")
        group = f"\n\n# added {date.today().isoformat()}\n" + format_rows(missing)
        register_path.write_text(text + group, encoding="utf-8")
        print(f"{PERMALINKS}: {len(missing)} anchors added")
        return 0
    sys.stdout.write(format_rows(missing))
    print(f"{len(missing)} anchors are not in {PERMALINKS}; run with --write to add them", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

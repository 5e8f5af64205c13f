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

from macros.extract import build_report
from macros.permalinks import format_rows, read_register, unregistered

ROOT = Path(__file__).resolve().parent.parent


def content():
    """The files mkdocs.yml's `opsc` options name."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.plugins["opsc"].content(config)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="append the missing anchors to the register")
    args = parser.parse_args()
    files = content()
    register_path = files.register
    name = register_path.relative_to(ROOT) if register_path.is_relative_to(ROOT) else register_path
    report = build_report(files.source, files.editorial, register_path)
    missing = unregistered(report, read_register(register_path))
    if not missing:
        print(f"{name}: every anchor on the paragraph pages is registered")
        return 0
    if args.write:
        text = register_path.read_text(encoding="utf-8").rstrip("\n")
        group = f"\n\n# added {date.today().isoformat()}\n" + format_rows(missing)
        register_path.write_text(text + group, encoding="utf-8")
        print(f"{name}: {len(missing)} anchors added")
        return 0
    sys.stdout.write(format_rows(missing))
    print(f"{len(missing)} anchors are not in {name}; run with --write to add them", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

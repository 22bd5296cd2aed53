"""Draw the fourth and fifth held-out samples of real motion clauses (deadline goals, issue 14).

    .venv/bin/python scripts/draw_deadline_sample.py /path/to/motion_deadline_clauses.json
    .venv/bin/python scripts/draw_deadline_sample.py /path/to/motion_deadline_clauses.json --rest

The fifth sample (--rest) is every candidate left after the fourth (deadlines_heldout5.json).

Candidates: the clauses of shared/data/real/motion_deadline_clauses.json (duplicates removed) in
none of the four earlier deadline sets of tests/data/language/ whose first 60 characters appear
nowhere in tests/ outside tests/data/language/ (nor in the earlier sets). Prints the drawn
clauses as JSON cases without labels, for a person to label before the parser ever runs on them
(tests/data/language/deadlines_heldout4.json).
"""

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGE = ROOT / "tests" / "data" / "language"
EARLIER = ["deadlines_dev.json", "deadlines_heldout.json", "deadlines_heldout2.json",
           "deadlines_heldout3.json"]
SIZE = 320
SEED = 2028


def candidates(clauses: list[dict]) -> list[dict]:
    earlier = "".join((LANGUAGE / name).read_text(encoding="utf-8") for name in EARLIER)
    used = {c["text"] for name in EARLIER
            for c in json.loads((LANGUAGE / name).read_text(encoding="utf-8"))["cases"]}
    elsewhere = "".join(
        path.read_text(encoding="utf-8", errors="ignore")
        for path in sorted((ROOT / "tests").rglob("*"))
        if path.is_file() and path.suffix in (".py", ".json", ".txt", ".csv", ".xml")
        and path.parent != LANGUAGE
    )
    seen, pool = set(), []
    for clause in clauses:
        text = clause["text"]
        if text in seen or text in used:
            continue
        seen.add(text)
        if text[:60] not in elsewhere and text[:60] not in earlier:
            pool.append(clause)
    return pool


def main() -> None:
    clauses = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    if "--rest" in sys.argv:
        EARLIER.append("deadlines_heldout4.json")
        drawn = candidates(clauses)
    else:
        drawn = random.Random(SEED).sample(candidates(clauses), SIZE)  # noqa: S311 (not a secret)
    print(f"{len(drawn)} drawn", file=sys.stderr)
    cases = [{"text": c["text"], "said_on": c["date"], "source": c["source"]} for c in drawn]
    json.dump(cases, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()

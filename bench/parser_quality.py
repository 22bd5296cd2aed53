"""How well the parsers read real texts, and how fast: the figures of docs/PERFORMANCE.md "Quality".

    .venv/bin/python bench/parser_quality.py
    .venv/bin/python bench/parser_quality.py --against main    # parse_period's CPU time vs main

Labelled sets in tests/data/language/ (each case with who decided it and why):
- deadlines: real "verzoekt de regering" clauses (shared/data/real/motion_deadline_clauses.json),
  a development part and ten held-out samples (the sixth also real motion titles,
  reported per kind), each labelled before the parser ran on it;
- citations: real citations with their idents (dev and held-out), and for "no wrong idents" every
  real text without a citation in shared/data/real: Document and Zaak Onderwerp, motion clauses;
- extraction: the chair's lists of the seven VLOS reports (three dev, four held-out), and the
  promises of the reference letter (dev only: no held-out letter is labelled yet).
Speed: parse_period and parse_references over the 10,000 texts of bench/import_tk.py, against a
plain regex scan of the same texts and, when git has it, the parser before issue 14 (984c4f9),
measured in the same run.
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

from bench.import_tk import generate  # noqa: E402
from register.extraction import promises_in_letter, toezeggingen_from_report  # noqa: E402
from register.periods import parse_period  # noqa: E402
from register.references import parse_references, reference_from_input  # noqa: E402

DATA = ROOT / "tests" / "data"
LANGUAGE = DATA / "language"
BEFORE_ISSUE_14 = "984c4f9"


def shared_real() -> Path | None:
    for candidate in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if (candidate / "data" / "real").is_dir():
            return candidate / "data" / "real"
    return None


def load(name):
    return json.loads((LANGUAGE / name).read_text(encoding="utf-8"))


def percent(part, whole):
    return f"{part}/{whole} = {100 * part / whole:.1f} %" if whole else "n/a"


# --- Deadlines -----------------------------------------------------------------------------------


def deadlines(cases, label):
    right = wrong_where_none = none_cases = with_period = right_with_period = crashes = 0
    misses = []
    for case in cases:
        try:
            period = parse_period(case["text"], date.fromisoformat(case["said_on"]))
        except Exception as error:  # a crash on a real text is a miss, and is shown as one
            period, crashes = None, crashes + 1
            print(f"    CRASH {error!r}: {case['text'][:90]!r} ({case['said_on']})")
        found = [str(period.start), str(period.end)] if period else None
        # The second held-out set labels only whether a clause names a deadline ("deadline").
        ok = found is not None if case["expected"] == "deadline" else found == case["expected"]
        right += ok
        if case["expected"] is None:
            none_cases += 1
            wrong_where_none += found is not None
        else:
            with_period += 1
            right_with_period += ok
        if not ok:
            misses.append((case["text"][:90], case["said_on"], case["expected"], found))
    print(f"deadlines, {label}: {len(cases)} clauses; the period DESIGN prescribes "
          f"{percent(right, len(cases))} (of those naming a deadline "
          f"{percent(right_with_period, with_period)}); a period where none was right "
          f"{percent(wrong_where_none, none_cases)}"
          + (f"; CRASHED on {crashes}" if crashes else ""))
    for text, said_on, expected, found in misses:
        print(f"    miss: {text!r} ({said_on}): expected {expected}, found {found}")


# --- Citations -----------------------------------------------------------------------------------


def citations(cases, label):
    expected_total = found_right = 0
    misses = []
    for case in cases:
        idents = [r.ident for r in parse_references(case["text"])]
        expected_total += len(case["expected"])
        hits = sum(1 for ident in case["expected"] if ident in idents)
        found_right += hits
        extra = [ident for ident in idents if ident not in case["expected"]]
        if hits < len(case["expected"]) or extra:
            misses.append((case["text"][:90], case["expected"], idents))
    print(f"citations, {label}: {len(cases)} texts, {expected_total} citations; found with the "
          f"right ident {percent(found_right, expected_total)}")
    for text, expected, idents in misses:
        print(f"    miss: {text!r}: expected {expected}, found {idents}")


def texts_without_citations(real: Path):
    """Real texts with no citation word (Kamerstuk, Handelingen, Aanhangsel, an ident)."""
    texts = []
    for name in ("document_motie_page.json", "zaak_page_mixed.json"):
        records = json.loads((real / "tk-opendata" / name).read_text(encoding="utf-8"))["value"]
        for record in records:
            for field in ("Onderwerp", "Titel", "Citeertitel"):
                if isinstance(record.get(field), str):
                    texts.append(record[field])
    texts += [c["text"] for c in json.loads(
        (real / "motion_deadline_clauses.json").read_text(encoding="utf-8"))]
    citation = re.compile(r"kamerst|handeling|aanhangsel|\bkst[.-]|\b(?:ah|h)-[te]k-", re.I)
    return [text for text in texts if not citation.search(text)]


def no_wrong_idents(texts):
    wrong = [(text[:90], [r.ident for r in parse_references(text)]) for text in texts]
    wrong = [item for item in wrong if item[1]]
    numbers = sum(1 for text in texts if re.search(r"[0-9]{2} ?[0-9]{3}", text))
    print(f"citations, texts without any citation: {len(texts)} texts ({numbers} with "
          f"dossier-like numbers such as '(36 169, nr. 37)'); wrong idents: {len(wrong)}")
    for text, idents in wrong:
        print(f"    wrong: {text!r}: {idents}")


def bare_citations(real: Path):
    """Kamerstukken cited without their word, as real texts write them: "(29924 , nr. 274)" in a
    report's agenda list, "(t.v.v. 30597, nr. 402)" in a motion's title. In running text DESIGN
    says they are no reference; pasted into a document field (where the whole input is one
    reference) each must give its Kamerstuk."""
    texts = texts_with_reports(real)
    bare = re.compile(r"\((?:t\.v\.v\.\s*)?\s*([0-9]{2}\s?[0-9]{3}(?:-[A-Z]{1,4})?)\s*,\s*nr\.\s*"
                      r"([0-9]{1,4})\s*\)")
    found = [(m[0], "kst-" + m[1].replace(" ", "") + f"-{m[2]}")
             for text in texts for m in bare.finditer(text)]
    in_text = sum(1 for citation, ident in found if ident in [r.ident for r in
                                                              parse_references(citation)])
    in_field = sum(1 for citation, ident in found if field_ident(citation) == ident)
    print(f"citations without their word in real texts ('(29924 , nr. 274)'): {len(found)}; "
          f"read as a reference in running text {in_text} (DESIGN: none); pasted into a document "
          f"field, the right ident {percent(in_field, len(found))}")


def texts_with_reports(real: Path):
    """Every real text: Document and Zaak Onderwerp/Titel/Citeertitel, motion clauses, and each
    VLOS report as one text (an agenda item's citation spans several elements)."""
    texts = []
    for name in ("document_motie_page.json", "zaak_page_mixed.json"):
        records = json.loads((real / "tk-opendata" / name).read_text(encoding="utf-8"))["value"]
        texts += [record[field] for record in records for field in ("Onderwerp", "Titel",
                                                                    "Citeertitel")
                  if isinstance(record.get(field), str)]
    texts += [c["text"] for c in json.loads(
        (real / "motion_deadline_clauses.json").read_text(encoding="utf-8"))]
    texts += [re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
              for path in sorted((real / "vlos").glob("*.xml"))]
    return texts


# Typed or pasted into a document field by a clerk (issue 14's misses, and the variants a clerk
# plausibly types); each names kst-24077-480.
TYPED = ["Kst 24077 nr 480", "kst 24077-480", "Kst. 24 077, nr. 480", "kst-24077-480",
         "24 077, nr. 480", "24077-480", "kamerstuk 24077 nr 480", "TK 24 077-480",
         "Kamerstukken II 2020/21, 24 077, nr. 480", "24\u00a0077, nr.\u00a0480",
         "Kamerstuk 24 077, nr. 480.", "https://zoek.officielebekendmakingen.nl/kst-24077-480.html"]


def field_ident(value):
    try:
        return reference_from_input(value).ident
    except ValueError:
        return None


def typed_into_a_field():
    right = sum(1 for value in TYPED if field_ident(value) == "kst-24077-480")
    for value in TYPED:
        if field_ident(value) != "kst-24077-480":
            print(f"    refused or wrong: {value!r}")
    print(f"citations typed into a document field (development: the issue's and plausible "
          f"variants): accepted with the right ident {percent(right, len(TYPED))}")


# --- Extraction ----------------------------------------------------------------------------------


def match(proposals, items):
    """Pairs (proposal, item) by the likeness of their words, best first, each used once."""
    pairs = []
    for p_index, proposal in enumerate(proposals):
        for i_index, item in enumerate(items):
            ratio = SequenceMatcher(None, proposal.text.lower().split(),
                                    item["text"].lower().split()).ratio()
            if ratio >= 0.5:
                pairs.append((ratio, p_index, i_index))
    used_p, used_i, matched = set(), set(), []
    for _ratio, p_index, i_index in sorted(pairs, reverse=True):
        if p_index not in used_p and i_index not in used_i:
            used_p.add(p_index)
            used_i.add(i_index)
            matched.append((proposals[p_index], items[i_index]))
    return matched


def extraction(labelled, label):
    total_p = total_i = total_m = period_ok = person_ok = member_ok = 0
    for key, report in sorted(labelled["reports"].items()):
        (path,) = (DATA / "vlos").glob(f"verslag_{key}*.xml")
        proposals = toezeggingen_from_report(path.read_bytes())
        matched = match(proposals, report["items"])
        total_p += len(proposals)
        total_i += len(report["items"])
        total_m += len(matched)
        for proposal, item in matched:
            period = proposal.period and [str(proposal.period.start), str(proposal.period.end)]
            period_ok += period == item["period"]
            person_ok += (item["bewindspersoon"] or "") in proposal.bewindspersoon_text and bool(
                item["bewindspersoon"]) == bool(proposal.bewindspersoon_text)
            member_ok += (item["member"] or "") == proposal.member_text
        print(f"    {key} {report['title'][:40]!r}: {len(proposals)} proposed, "
              f"{len(report['items'])} in the chair's list, {len(matched)} matched")
        for item in report["items"]:
            if not any(item is m[1] for m in matched):
                print(f"      missed: {item['text'][:100]!r}")
        for proposal in proposals:
            if not any(proposal is m[0] for m in matched):
                print(f"      not in the list: {proposal.text[:100]!r}")
    print(f"extraction from reports, {label}: precision {percent(total_m, total_p)}, recall "
          f"{percent(total_m, total_i)}; of the matched: period as DESIGN prescribes "
          f"{percent(period_ok, total_m)}, bewindspersoon {percent(person_ok, total_m)}, "
          f"member {percent(member_ok, total_m)}")


def letter_promises():
    text = (DATA / "reference-letter-24077-468.txt").read_text(encoding="utf-8")
    labelled = [start for start, _words in __import__(
        "tests.register.test_extraction", fromlist=["LETTER_PROMISES"]).LETTER_PROMISES]
    proposals = promises_in_letter(text, date(2020, 12, 18))
    found = sum(1 for start in labelled if any(start in p.text for p in proposals))
    right = sum(1 for p in proposals if any(start in p.text for start in labelled))
    print(f"promises in letters, development (the reference letter): precision "
          f"{percent(right, len(proposals))}, recall {percent(found, len(labelled))}; "
          f"held-out: no labelled letter yet")


# --- Speed ---------------------------------------------------------------------------------------


def previous_parser(revision=BEFORE_ISSUE_14):
    """register/periods.py as it was at `revision`, loaded from git; None without git."""
    try:
        source = subprocess.run(["git", "show", f"{revision}:register/periods.py"],
                                cwd=ROOT, capture_output=True, check=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as file:
        file.write(source)
    spec = importlib.util.spec_from_file_location(f"periods_{revision}", file.name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    os.unlink(file.name)
    return module.parse_period


def best_of(function, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def speed():
    records = generate(10_000, 7)["value"]
    texts = [(r["Tekst"], date.fromisoformat(r["Aanmaakdatum"][:10])) for r in records]
    scan = re.compile(r"\b(?:19|20)[0-9]{2}\b|\b(?:januari|februari|maart|april|mei|juni|juli|"
                      r"augustus|september|oktober|november|december|zomer|voorjaar|najaar)\b")
    rows = [("plain regex scan (floor)", lambda: [scan.findall(t.lower()) for t, _ in texts])]
    old = previous_parser()
    if old is not None:
        rows.append((f"parse_period before issue 14 ({BEFORE_ISSUE_14})",
                     lambda: [old(t, d) for t, d in texts]))
    rows.append(("parse_period now", lambda: [parse_period(t, d) for t, d in texts]))
    rows.append(("parse_references now", lambda: [parse_references(t) for t, _ in texts]))
    rows.append(("both now", lambda: [(parse_period(t, d), parse_references(t)) for t, d in texts]))
    measured = [(name, best_of(function)) for name, function in rows]
    floor = measured[0][1]
    print(f"speed: {len(texts)} texts of bench/import_tk.py, best of 5; load average "
          f"{' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    for name, seconds in measured:
        print(f"    {name:<44}{seconds:>8.3f} s{seconds / floor:>8.1f}× the regex scan")
    if old is not None:
        print(f"    parse_period now / before issue 14: {measured[2][1] / measured[1][1]:.2f}")
    print(f"    goal: both parsers over the 10k texts under 1 s: {measured[-1][1]:.3f} s")


def cpu_against(revision, rounds=7):
    """CPU time of parse_period over the same 10,000 texts, now and at `revision` (main, say),
    the two run in turn in one process, so that other work on the machine hits them alike."""
    records = generate(10_000, 7)["value"]
    texts = [(r["Tekst"], date.fromisoformat(r["Aanmaakdatum"][:10])) for r in records]
    old = previous_parser(revision)
    if old is None:
        print(f"speed: revision {revision!r} not found in git")
        return
    best = {"now": float("inf"), revision: float("inf")}
    for _ in range(rounds):
        for name, parse in (("now", parse_period), (revision, old)):
            cpu = time.process_time()
            for text, day in texts:
                parse(text, day)
            best[name] = min(best[name], time.process_time() - cpu)
    print(f"speed: CPU time of parse_period over {len(texts)} texts, best of {rounds}, "
          f"interleaved; load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    print(f"    at {revision}: {best[revision]:.3f} s; now: {best['now']:.3f} s; "
          f"now / {revision}: {best['now'] / best[revision]:.2f}")


def main():
    import django

    if sys.argv[1:2] == ["--against"]:  # bench/parser_quality.py --against main
        cpu_against(sys.argv[2])
        return

    django.setup()  # the document field's messages are translated
    deadlines(load("deadlines_dev.json")["cases"], "development")
    deadlines(load("deadlines_heldout.json")["cases"], "HELD-OUT")
    deadlines(load("deadlines_heldout2.json")["cases"], "SECOND HELD-OUT (deadline or none only)")
    deadlines(load("deadlines_heldout3.json")["cases"], "THIRD HELD-OUT (deadline or none only)")
    deadlines(load("deadlines_heldout4.json")["cases"], "FOURTH HELD-OUT (deadline or none only)")
    deadlines(load("deadlines_heldout5.json")["cases"], "FIFTH HELD-OUT (deadline or none only)")
    sixth = load("deadlines_heldout6.json")["cases"]
    for kind in ("clause", "motion title"):
        deadlines([c for c in sixth if c["kind"] == kind],
                  f"SIXTH HELD-OUT, {kind}s (deadline or none only)")
    deadlines(load("deadlines_heldout7.json")["cases"], "SEVENTH HELD-OUT (deadline or none only)")
    deadlines(load("deadlines_heldout8.json")["cases"], "EIGHTH HELD-OUT (deadline or none only)")
    deadlines(load("deadlines_heldout9.json")["cases"], "NINTH HELD-OUT (deadline or none only)")
    deadlines(load("deadlines_heldout10.json")["cases"], "TENTH HELD-OUT (deadline or none only)")
    deadlines(load("deadlines_heldout11.json")["cases"],
              "ELEVENTH HELD-OUT (deadline or none only)")
    cited = load("citations.json")
    citations(cited["dev"], "development")
    citations(cited["heldout"], "HELD-OUT")
    second = load("citations_heldout2.json")
    citations(second["with"], "SECOND HELD-OUT (one reader)")
    no_wrong_idents([case["text"] for case in second["without"]])
    real = shared_real()
    if real is None:
        print("citations, texts without any citation: shared/data/real not found, skipped")
    else:
        no_wrong_idents(texts_without_citations(real))
        bare_citations(real)
    typed_into_a_field()
    extraction(load("extraction_dev.json"), "development")
    extraction(load("extraction_heldout.json"), "HELD-OUT")
    letter_promises()
    speed()


if __name__ == "__main__":
    main()

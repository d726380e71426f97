#!/usr/bin/env python3
"""First-page detection accuracy on trays from `facteur-samplegen --trays`.

usage: tray_accuracy.py TRAY.truth.tsv RUN.jsonl [TRAY2.truth.tsv RUN2.jsonl ...]

RUN.jsonl is `facteur run --json` on the tray with separate.split
first_page enabled. A cut point is a letter's first page (0-based), the
tray's first page excepted. Prints per tray: exact split (yes/no), cut
precision and recall, records sent to review; then the totals.
"""
import json
import sys


def truth_cuts(path):
    starts = []
    for line in open(path):
        page, _letter, kind = line.split()
        if kind == "first":
            starts.append(int(page))
    return set(starts[1:]), len(starts)


def run_cuts(path):
    starts, review = [], 0
    for line in open(path):
        record = json.loads(line)
        starts.append(int(record["source_pages"].split("-")[0]) - 1)
        review += record["status"] == "review"
    starts.sort()
    return set(starts[1:]), len(starts), review


def main(args):
    tp = fp = fn = exact = trays = letters = records = reviews = 0
    for truth_path, run_path in zip(args[0::2], args[1::2]):
        want, n_letters = truth_cuts(truth_path)
        got, n_records, review = run_cuts(run_path)
        t, f, m = len(want & got), len(got - want), len(want - got)
        tp, fp, fn = tp + t, fp + f, fn + m
        exact += want == got
        trays += 1
        letters += n_letters
        records += n_records
        reviews += review
        print(f"{truth_path}: letters {n_letters}, records {n_records}, exact {'yes' if want == got else 'no'}, "
              f"cuts right {t}, extra {sorted(got - want)}, missed {sorted(want - got)}, review {review}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"trays {trays}: exact {exact}/{trays}; cut points precision {precision:.3f} recall {recall:.3f} "
          f"({tp} right, {fp} extra, {fn} missed); letters {letters}, records {records}, to review {reviews}")


if __name__ == "__main__":
    if len(sys.argv) < 3 or len(sys.argv) % 2 == 0:
        sys.exit(__doc__)
    main(sys.argv[1:])

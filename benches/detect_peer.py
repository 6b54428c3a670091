#!/usr/bin/env python3
"""The detector's model next to a peer it was not written with: scikit-learn.

Trains scikit-learn's TF-IDF (word 1-2-grams and character 2-5-grams) logistic regression and
linear SVM on the same lines `tunegate detect train` reads (train, dev and the written tuning
split), and prints their average precision and best F1 on each frozen test split, plus the
5-fold out-of-fold best F1 on the training lines (folds grouped by source). Average precision
does not depend on a threshold, so it compares how well each model ranks proposals above the
rest. The shipped model's figures of the same kind are printed by
`cargo test --test detect_model -- --nocapture` ("ranking by score"); they are not computed
here because the command line reads one message per line and many test lines hold newlines,
which the detector reads (bullets, headings).

    pip install scikit-learn            # once
    python3 benches/detect_peer.py

Reads only files of this repository; prints numbers, asserts nothing.
"""

import os

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")


def corpus(path):
    """(label, text, source) rows of a corpus file, either format."""
    rows = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[0].startswith("label\t"):
        names = lines[0].split("\t")
        at = {n: i for i, n in enumerate(names)}
        for line in lines[1:]:
            if not line.strip():
                continue
            a = line.split("\t")
            source = a[at["source"]] if "source" in at else ""
            rows.append((int(a[at["label"]]), a[at["text"]], source))
    else:
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            a = line.split("\t")
            if a[0] in ("0", "1"):
                rows.append((int(a[0]), a[2], ""))
    return [(y, text.replace("\\n", "\n"), src) for y, text, src in rows]


def features():
    return make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
    )


PEERS = {
    "scikit-learn logistic regression (C=4)": lambda: LogisticRegression(C=4, max_iter=3000),
    "scikit-learn linear SVM (C=0.5)": lambda: LinearSVC(C=0.5),
}


def best_f1(y, scores):
    p, r, _ = precision_recall_curve(y, scores)
    return float(np.max(2 * p * r / np.maximum(p + r, 1e-12)))


def main():
    train = (
        corpus(os.path.join(DATA, "detect", "train.tsv"))
        + corpus(os.path.join(DATA, "detect_corpus.tsv"))
        + corpus(os.path.join(DATA, "detect", "dev.tsv"))
    )
    x = [t for _, t, _ in train]
    y = np.array([l for l, _, _ in train])
    groups = [s or t for _, t, s in train]
    tests = {n: corpus(os.path.join(DATA, "detect", n + ".tsv")) for n in ("test", "test2", "test3")}
    print(f"training lines: {len(x)} ({int(y.sum())} proposals)")
    header = f"{'model':44} {'OOF best F1':>11}" + "".join(f" {n + ' AP / best F1':>22}" for n in tests)
    print(header)
    for name, make in PEERS.items():
        oof = np.zeros(len(x))
        for tr, te in GroupKFold(5).split(x, y, groups):
            m = make_pipeline(features(), make()).fit([x[i] for i in tr], y[tr])
            oof[te] = m.decision_function([x[i] for i in te])
        model = make_pipeline(features(), make()).fit(x, y)
        row = f"{name:44} {best_f1(y, oof):>11.3f}"
        for rows in tests.values():
            ty = np.array([l for l, _, _ in rows])
            s = model.decision_function([t for _, t, _ in rows])
            row += f" {average_precision_score(ty, s):>13.3f} / {best_f1(ty, s):.3f}"
        print(row)


if __name__ == "__main__":
    main()

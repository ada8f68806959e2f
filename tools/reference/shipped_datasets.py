"""The shipped datasets against scikit-learn, and their seeded split as mgref.py's twin of the C# loader draws it.

Writes tests/Micrograd.Tests/fixtures/shipped_datasets.json, for digits, iris, wine and breast-cancer:
  "sha256"          of scikit-learn's file (src/Micrograd/Data/Shipped holds the same bytes; checked here)
  "count", "featureNames", "classNames", "targets", "classCounts", "firstRows", "lastRow", "featureMeans",
  "rowSums"         from sklearn.datasets.load_* (means and sums by numpy, so compared to 1e-12, not exactly)
  "order"           the shuffle of Datasets.ShuffleSplit (mgref.shuffle_split): the file's row at each position
  "sizes", "splitClassCounts"   train / validation / test
  "scalerMeans", "scalerScales" sklearn.preprocessing.StandardScaler fitted on the training split
  "standardized"    per split: the first 3 rows and each column's sum (added row after row), standardized by
                    mgref.standardizer_fit, which repeats Standardizer's operations: compared exactly

Run: /usr/bin/python3 tools/reference/shipped_datasets.py
"""
import hashlib
import os

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.preprocessing import StandardScaler

from mgref import SHIPPED, SHIPPED_FILES, SPLIT_SEED, Rng, shipped, shuffle_split, write_fixture

LOADERS = {"digits": datasets.load_digits, "iris": datasets.load_iris, "wine": datasets.load_wine,
           "breast-cancer": datasets.load_breast_cancer}
SKLEARN_DATA = os.path.join(os.path.dirname(datasets.__file__), "data")


def column_sums(rows):
    sums = [0.0] * len(rows[0])
    for r in rows:
        for j, v in enumerate(r):
            sums[j] += v
    return sums


def case(name):
    file = SHIPPED_FILES[name][0]
    ours = open(os.path.join(SHIPPED, file), "rb").read()
    theirs = open(os.path.join(SKLEARN_DATA, file), "rb").read()
    assert ours == theirs, f"{file} differs from scikit-learn's"

    d = LOADERS[name]()
    X, y = d.data, d.target
    xs, ys = shipped(name)
    assert np.array_equal(np.array(xs), X) and np.array_equal(np.array(ys), y), f"mgref.shipped('{name}') differs from sklearn"

    order = list(range(len(ys)))
    Rng(SPLIT_SEED).shuffle(order)
    parts = shuffle_split(xs, ys)
    assert [x for p in parts for x in p[0]] == [xs[i] for i in order]
    scaler = StandardScaler().fit(np.array(parts[0][0]))
    standardized = shuffle_split(xs, ys, standardize=True)
    k = len(d.target_names)
    return {
        "name": name, "sha256": hashlib.sha256(theirs).hexdigest(), "count": len(y),
        "featureNames": [str(f) for f in d.feature_names], "classNames": [str(c) for c in d.target_names],
        "targets": [float(t) for t in y], "classCounts": np.bincount(y, minlength=k).tolist(),
        "firstRows": X[:3].tolist(), "lastRow": X[-1].tolist(), "featureMeans": X.mean(axis=0).tolist(),
        "rowSums": X.sum(axis=1).tolist(), "order": order, "sizes": [len(p[1]) for p in parts],
        "splitClassCounts": [np.bincount(np.array(p[1], dtype=int), minlength=k).tolist() for p in parts],
        "scalerMeans": scaler.mean_.tolist(), "scalerScales": scaler.scale_.tolist(),
        "standardized": [{"firstRows": px[:3], "columnSums": column_sums(px)} for px, _ in standardized],
    }


def main():
    write_fixture("shipped_datasets.json", "shipped_datasets.py", {
        "sklearn": sklearn.__version__, "datasets": [case(n) for n in LOADERS]})


if __name__ == "__main__":
    main()

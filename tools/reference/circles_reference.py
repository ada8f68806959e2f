"""The noise-free circles against scikit-learn.

Writes tests/Micrograd.Tests/fixtures/circles_reference.json:
  "circles"  sklearn.datasets.make_circles(n, shuffle=False, noise=None, factor) with labels 0/1 mapped to
             -1/+1 (Micrograd's Datasets.Circles(n, 0, rng, factor, shuffle: false); compared to 1e-12)

Run: /usr/bin/python3 tools/reference/circles_reference.py
"""
import sklearn
from sklearn.datasets import make_circles

from mgref import write_fixture


def main():
    cases = []
    for n, factor in [(2, 0.5), (7, 0.5), (10, 0.8), (100, 0.5), (101, 0.3)]:
        x, y = make_circles(n, shuffle=False, noise=None, factor=factor)
        cases.append({"n": n, "factor": factor, "inputs": x.tolist(), "targets": [2.0 * v - 1.0 for v in y.tolist()]})
    write_fixture("circles_reference.json", "circles_reference.py", {"sklearn": sklearn.__version__, "circles": cases})


if __name__ == "__main__":
    main()

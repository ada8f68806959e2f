"""The output of tutorial_pytorch_neuron.py (the tutorial's chapter 7) as a fixture, so that the tests check
the PyTorch output pasted in docs/tutorial/07-pytorch-comparison.md without running Python.

Writes tests/Micrograd.Tests/fixtures/tutorial_pytorch_neuron.json: the lines the script prints.

Run: /usr/bin/python3 tools/reference/tutorial_output.py
"""
import contextlib
import io
import os
import runpy

import torch

from mgref import write_fixture

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tutorial_pytorch_neuron.py")


def main():
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        runpy.run_path(SCRIPT, run_name="__main__")
    write_fixture("tutorial_pytorch_neuron.json", "tutorial_output.py", {
        "torch": torch.__version__, "script": "tools/reference/tutorial_pytorch_neuron.py",
        "output": printed.getvalue().splitlines()})


if __name__ == "__main__":
    main()

"""Python's repr of floats, the format micrograd's Value.__repr__ prints and Value.ToString copies.

Writes tests/Micrograd.Tests/fixtures/python_repr.json: doubles given by their IEEE bits (hex, so that
nothing is lost on the way) with repr(x). Random bit patterns over all exponents, plus the notation
boundaries (1e-5 .. 1e17), powers of ten, integers, subnormals, signed zeros and non-finite values.

Run: /usr/bin/python3 tools/reference/repr_reference.py
"""
import math
import random
import struct

from mgref import write_fixture


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def main():
    rnd = random.Random(7)
    xs = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          0.1, 0.2, 0.30000000000000004, 1 / 3, 2 / 3, 100.0, 123456.789, -4.0, 24.70408163265306]
    for k in range(-8, 20):
        for m in (1.0, 1.5, 9.999999999999998, 1.2345678901234567):
            xs.append(m * 10.0 ** k)
            xs.append(-m * 10.0 ** k)
    xs += [float(2 ** k) for k in range(0, 64, 3)]
    while len(xs) < 600:
        x = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        if math.isfinite(x):
            xs.append(x)
        xs.append(rnd.uniform(-1e6, 1e6))
        xs.append(rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-30, 30))
    cases = [{"bits": bits(x), "repr": repr(x)} for x in xs]
    write_fixture("python_repr.json", "repr_reference.py", {"cases": cases})


if __name__ == "__main__":
    main()

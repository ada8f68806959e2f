#:project ../src/Micrograd/Micrograd.csproj
// Chapter 1: what a derivative is (docs/tutorial/01-derivative.md).
// Run from the repository root: dotnet run examples/01-derivative.cs
using Micrograd;

// The lecture's function: f(x) = 3x² - 4x + 5. Its slope, by the power rule, is f'(x) = 6x - 4.
static double f(double x) => 3 * x * x - 4 * x + 5;
static double fPrime(double x) => 6 * x - 4;

// 1. Nudge x by a small h and watch how much f moves.
double x = 3.0;
double h = 0.001;
Console.WriteLine("1. Nudge x = 3 by h = 0.001");
Console.WriteLine($"   f(x)                  = {f(x):F6}");
Console.WriteLine($"   f(x + h)              = {f(x + h):F6}");
Console.WriteLine($"   f(x + h) - f(x)       = {f(x + h) - f(x):F6}");
Console.WriteLine($"   (f(x + h) - f(x)) / h = {(f(x + h) - f(x)) / h:F6}   <- the slope; 6x - 4 gives {fPrime(x):F6}");
Console.WriteLine();

// 2. The slope at a few points: negative where f falls, 0 at the bottom, positive where f rises.
Console.WriteLine("2. The slope at a few points (h = 0.001)");
Console.WriteLine("        x     estimate     6x - 4");
foreach (double at in new[] { -3.0, 0.0, 2.0 / 3.0, 3.0 })
    Console.WriteLine($"   {at,6:F3}   {Gradients.Numerical(f, at, h),10:F6}   {fPrime(at),8:F4}");
Console.WriteLine();

// 3. Shrink h. The estimate gets closer to 14... until floating point runs out of digits.
Console.WriteLine("3. Shrinking h at x = 3 (the true slope is 14)");
Console.WriteLine("   h       (f(x+h) - f(x))/h    error      (f(x+h) - f(x-h))/2h");
for (int k = 1; k <= 16; k++)
{
    double step = Math.Pow(10, -k);
    double forward = Gradients.Numerical(f, x, step);
    double central = Gradients.Central(f, x, step);
    Console.WriteLine($"   1e-{k:D2}   {forward,-20}  {forward - 14,9:0.0e+00}   {central}");
}
Console.WriteLine($"   At h = 1e-16, x + h == x is {3.0 + 1e-16 == 3.0}: the nudge is lost to rounding.");
Console.WriteLine();

// 4. A function of three inputs: d = a*b + c. Nudge one input at a time.
Console.WriteLine("4. d = a*b + c at a = 2, b = -3, c = 10 (h = 0.0001)");
static double dOf(double a, double b, double c) => a * b + c;
double a0 = 2.0, b0 = -3.0, c0 = 10.0, hh = 0.0001;
double d1 = dOf(a0, b0, c0);
Console.WriteLine($"   d = {d1:F4}");
Console.WriteLine($"   nudge a: d = {dOf(a0 + hh, b0, c0):F4}, slope dd/da = {(dOf(a0 + hh, b0, c0) - d1) / hh:F4}   (= b)");
Console.WriteLine($"   nudge b: d = {dOf(a0, b0 + hh, c0):F4}, slope dd/db = {(dOf(a0, b0 + hh, c0) - d1) / hh:F4}   (= a)");
Console.WriteLine($"   nudge c: d = {dOf(a0, b0, c0 + hh):F4}, slope dd/dc = {(dOf(a0, b0, c0 + hh) - d1) / hh:F4}   (= 1)");

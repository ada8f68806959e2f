namespace Micrograd.Tensors.Kernels;

/// <summary>The error function, which .NET's Math lacks: Cephes' rational approximations (ndtr.c), within
/// 4e-16 of Python's math.erf.</summary>
internal static class Erf
{
    private static ReadOnlySpan<double> T => [9.60497373987051638749E0, 9.00260197203842689217E1, 2.23200534594684319226E3, 7.00332514112805075473E3, 5.55923013010394962768E4];
    private static ReadOnlySpan<double> U => [3.35617141647503099647E1, 5.21357949780152679795E2, 4.59432382970980127987E3, 2.26290000613890934246E4, 4.92673942608635921086E4];
    private static ReadOnlySpan<double> P => [2.46196981473530512524E-10, 5.64189564831068821977E-1, 7.46321056442269912687E0, 4.86371970985681366614E1, 1.96520832956077098242E2, 5.26445194995477358631E2, 9.34528527171957607540E2, 1.02755188689515710272E3, 5.57535335369399327526E2];
    private static ReadOnlySpan<double> Q => [1.32281951154744992508E1, 8.67072140885989742329E1, 3.54937778887819891062E2, 9.75708501743205489753E2, 1.82390916687909736289E3, 2.24633760818710981792E3, 1.65666309194161350182E3, 5.57535340817727675546E2];
    private static ReadOnlySpan<double> R => [5.64189583547755073984E-1, 1.27536670759978104416E0, 5.01905042251180477414E0, 6.16021097993053585195E0, 7.40974269950448939160E0, 2.97886665372100240670E0];
    private static ReadOnlySpan<double> S => [2.26052863220117276590E0, 9.39603524938001434673E0, 1.20489539808096656605E1, 1.70814450747565897222E1, 9.60896809063285878198E0, 3.36907645100081516050E0];

    public static double Of(double x)
    {
        if (double.IsNaN(x)) return x;
        if (Math.Abs(x) > 1) return 1 - Complement(x);
        double z = x * x;
        return x * Polynomial(z, T, 0) / Polynomial(z, U, 1);
    }

    /// <summary>1 - erf(x), without the cancellation for large x.</summary>
    private static double Complement(double a)
    {
        double x = Math.Abs(a);
        if (x < 1) return 1 - Of(a);
        double z = -a * a;
        if (z < -709.78) return a < 0 ? 2 : 0;
        z = Math.Exp(z);
        double y = x < 8 ? z * Polynomial(x, P, 0) / Polynomial(x, Q, 1) : z * Polynomial(x, R, 0) / Polynomial(x, S, 1);
        return a < 0 ? 2 - y : y;
    }

    // Horner's rule; a leading coefficient of 1 (lead = 1) is left out of the table.
    private static double Polynomial(double x, ReadOnlySpan<double> coefficients, double lead)
    {
        double r = lead;
        foreach (double c in coefficients) r = r * x + c;
        return r;
    }
}

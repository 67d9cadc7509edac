namespace Benchmarks.Migration;

/// <summary>
/// The CPU time (user + system, from /proc) that DynamoDB Local has spent: per product, it says what each way of
/// migrating costs the emulator, a figure the machine's other load barely moves, unlike items per second.
/// </summary>
public static class EmulatorCpu
{
    /// <summary>The emulator's process id; 0 (unknown) reads as no CPU.</summary>
    public static int Pid { get; set; }

    public static double Seconds()
    {
        if (Pid == 0) return 0;
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in USER_HZ (100 on Linux).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    /// <summary>Microseconds of emulator CPU per product since <paramref name="since"/> (a <see cref="Seconds"/> reading).</summary>
    public static double MicrosPerProduct(double since, long products) => products == 0 ? 0 : (Seconds() - since) * 1e6 / products;
}

namespace Midx.Tests.Benchmarks;

/// <summary>
/// A benchmark: it measures and prints figures (and checks that what it measured worked), so it runs only when asked,
/// with <c>MIDX_BENCHMARKS=1 ./test.sh --filter Category=Benchmark</c>; an ordinary test run lists it as skipped.
/// </summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public const string Switch = "MIDX_BENCHMARKS";

    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Skip = $"A benchmark: run it with {Switch}=1 ./test.sh --filter Category=Benchmark";
        }
    }
}

using Midx.App.Sandbox.TikTok;

namespace Midx.Tests.Sandbox;

public sealed class ChunkRulesTests
{
    // The sandbox must accept every plan Midx's chunk planner makes (the vectors of ChunkPlanTests) and TikTok's own
    // 5-chunk example, under both readings of "MB".
    public static TheoryData<long, long, long, long, long, long> PlanVectors()
    {
        var data = new TheoryData<long, long, long, long, long, long>();
        foreach (var mb in new[] { ChunkRules.MebiByte, ChunkRules.MegaByte })
        {
            data.Add(3_145_728, 3_145_728, 1, 0, 3_145_727, mb);
            data.Add(4_194_304, 4_194_304, 1, 0, 4_194_303, mb);
            data.Add(50_000_123, 50_000_123, 1, 0, 50_000_122, mb);
            data.Add(50_000_123, 10_000_000, 5, 40_000_000, 50_000_122, mb); // TikTok's own 5-chunk example
            data.Add(64_000_000, 64_000_000, 1, 0, 63_999_999, mb);
            data.Add(64_000_001, 10_000_000, 6, 50_000_000, 64_000_000, mb);
            data.Add(150_000_000, 10_000_000, 15, 140_000_000, 149_999_999, mb);
            data.Add(4_294_967_296, 10_000_000, 429, 4_280_000_000, 4_294_967_295, mb);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlanVectors))]
    public void IsValidPlan_DocumentedVector_IsAcceptedWithExpectedFinalRange(long size, long chunk, long count, long lastFirst, long lastLast, long mb)
    {
        Assert.True(ChunkRules.IsValidPlan(size, chunk, count, mb));
        Assert.Equal((lastFirst, lastLast), ChunkRules.ChunkRange(size, chunk, count, count - 1));
    }

    [Fact]
    public void ChunkRange_DocExample_SplitsOnChunkSizeAndLastAbsorbsRemainder()
    {
        var ranges = Enumerable.Range(0, 5).Select(i => ChunkRules.ChunkRange(50_000_123, 10_000_000, 5, i)).ToList();

        Assert.Equal((0L, 9_999_999L), ranges[0]);
        Assert.Equal((10_000_000L, 19_999_999L), ranges[1]);
        Assert.Equal((40_000_000L, 50_000_122L), ranges[4]);
        Assert.Equal(10_000_123, ChunkRules.FinalChunkSize(50_000_123, 10_000_000, 5));
    }

    [Theory]
    [InlineData(50_000_123, 10_000_000, 4, "count is not size/chunk rounded down")]
    [InlineData(50_000_123, 10_000_000, 6, "count rounded up")]
    [InlineData(4_194_304, 1_048_576, 4, "a video under 5 MB must go whole")]
    [InlineData(20_000_000, 4_000_000, 5, "chunks under 5 MB")]
    [InlineData(200_000_000, 70_000_000, 2, "chunks over 64 MB")]
    [InlineData(100_000_000, 60_000_000, 1, "a video over 64 MB must be multi-chunk")]
    [InlineData(6_000_000_000, 10_000_000, 600, "over 4 GiB")]
    [InlineData(0, 0, 0, "empty")]
    [InlineData(10, 20, 0, "chunk larger than the video")]
    public void IsValidPlan_BrokenPlan_IsRejected(long size, long chunk, long count, string why)
    {
        Assert.False(ChunkRules.IsValidPlan(size, chunk, count, ChunkRules.MebiByte), why);
    }

    [Fact]
    public void IsValidPlan_MbUnit_DecidesTheBorderCases()
    {
        // 5,100,000 bytes is at least 5 MB (10^6) but under 5 MiB: only the decimal reading lets it be split.
        Assert.True(ChunkRules.IsValidPlan(10_200_000, 5_100_000, 2, ChunkRules.MegaByte));
        Assert.False(ChunkRules.IsValidPlan(10_200_000, 5_100_000, 2, ChunkRules.MebiByte));
    }
}

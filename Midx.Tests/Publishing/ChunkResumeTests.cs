using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.Tests.Publishing;

public sealed class ChunkResumeTests
{
    private static readonly ChunkPlan SixChunks = ChunkPlan.For(64_000_123);
    private static readonly ChunkPlan Whole = ChunkPlan.For(9_582);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10_000_000, 1)]
    [InlineData(50_000_000, 5)]
    [InlineData(15_000_000, 1)]
    public void StartIndex_BytesTheRowConfirms_StartsAtTheChunkHoldingTheNextByte(long bytes, int chunk) =>
        Assert.Equal(chunk, ChunkResume.StartIndex(SixChunks, bytes));

    [Fact]
    public void Resync_ConfirmedOnAChunkBoundary_ContinuesAtThatChunk()
    {
        Assert.Equal(ResumePoint.At(2), ChunkResume.Resync(SixChunks, 20_000_000));
        Assert.Equal(ResumePoint.At(0), ChunkResume.Resync(SixChunks, 0));
        Assert.Equal(ResumePoint.At(5), ChunkResume.Resync(SixChunks, 50_000_000));
    }

    [Fact]
    public void Resync_NothingConfirmed_StartsOver() => Assert.Equal(ResumePoint.At(0), ChunkResume.Resync(Whole, null));

    [Fact]
    public void Resync_EveryByteConfirmed_IsComplete()
    {
        Assert.Equal(ResumeKind.Complete, ChunkResume.Resync(SixChunks, 64_000_123).Kind);
        Assert.Equal(ResumeKind.Complete, ChunkResume.Resync(Whole, 9_582).Kind);
    }

    [Theory]
    [InlineData(12_345)]
    [InlineData(60_000_000)]
    [InlineData(64_000_124)]
    [InlineData(-1)]
    public void Resync_OffTheChunkPlan_CannotBeResumed(long confirmed) =>
        Assert.Equal(ResumeKind.Mismatch, ChunkResume.Resync(SixChunks, confirmed).Kind);
}

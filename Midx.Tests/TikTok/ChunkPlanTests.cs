using Midx.Core.TikTok;

namespace Midx.Tests.TikTok;

public sealed class ChunkPlanTests
{
    // Every boundary of the plan (whole up to 64,000,000 bytes, 10,000,000-byte chunks above, 4 GB at most), plus
    // TikTok's own 4 MB whole-upload example: size, chunk_size, count, last chunk's first and last byte.
    [Theory]
    [InlineData(3_145_728L, 3_145_728L, 1, 0L, 3_145_727L)]
    [InlineData(4_194_304L, 4_194_304L, 1, 0L, 4_194_303L)]
    [InlineData(50_000_123L, 50_000_123L, 1, 0L, 50_000_122L)]
    [InlineData(64_000_000L, 64_000_000L, 1, 0L, 63_999_999L)]
    [InlineData(64_000_001L, 10_000_000L, 6, 50_000_000L, 64_000_000L)]
    [InlineData(150_000_000L, 10_000_000L, 15, 140_000_000L, 149_999_999L)]
    [InlineData(4_294_967_296L, 10_000_000L, 429, 4_280_000_000L, 4_294_967_295L)]
    public void For_DocumentedVector_MatchesSizeCountAndLastRange(long size, long chunkSize, int count, long lastFirst, long lastLast)
    {
        var plan = ChunkPlan.For(size);

        Assert.Equal(size, plan.VideoSize);
        Assert.Equal(chunkSize, plan.ChunkSize);
        Assert.Equal(count, plan.TotalChunkCount);
        var last = plan.Chunks.Last();
        Assert.Equal(lastFirst, last.First);
        Assert.Equal(lastLast, last.Last);
        Assert.True(last.IsLast);
        Assert.Equal($"bytes {lastFirst}-{lastLast}/{size}", last.ContentRange);
    }

    [Fact]
    public void For_64000001Bytes_FirstChunkAndLastChunkLengthAsDocumented()
    {
        var plan = ChunkPlan.For(64_000_001);

        var chunks = plan.Chunks.ToList();
        Assert.Equal("bytes 0-9999999/64000001", chunks[0].ContentRange);
        Assert.Equal(14_000_001, chunks[^1].Length);
    }

    [Fact]
    public void For_4GiB_LastChunkIs14967296Bytes()
    {
        Assert.Equal(14_967_296, ChunkPlan.For(4_294_967_296).Chunks.Last().Length);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(5_242_879L)]
    [InlineData(5_242_880L)]
    [InlineData(63_999_999L)]
    [InlineData(64_000_000L)]
    [InlineData(64_000_001L)]
    [InlineData(67_108_864L)]
    [InlineData(67_108_865L)]
    [InlineData(128_000_000L)]
    [InlineData(134_217_729L)]
    [InlineData(999_999_999L)]
    [InlineData(4_294_967_295L)]
    [InlineData(4_294_967_296L)]
    public void For_AnySupportedSize_SatisfiesTikToksRulesUnderBothMegabyteReadings(long size)
    {
        var plan = ChunkPlan.For(size);
        var chunks = plan.Chunks.ToList();

        Assert.Equal(size / plan.ChunkSize, plan.TotalChunkCount);
        Assert.InRange(plan.TotalChunkCount, 1, 1000);
        Assert.Equal(plan.TotalChunkCount, chunks.Count);
        Assert.Equal(size, chunks.Sum(c => c.Length));
        Assert.Equal(0, chunks[0].First);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(chunks[i - 1].Last + 1, chunks[i].First);
            Assert.Equal(i, chunks[i].Index);
        }

        foreach (var mb in new[] { 1_000_000L, 1_048_576L })
        {
            if (size < 5 * mb)
            {
                Assert.Equal(size, plan.ChunkSize);
            }
            else
            {
                Assert.InRange(plan.ChunkSize, 5 * mb, 64 * mb);
            }

            if (size > 64 * mb)
            {
                Assert.True(plan.TotalChunkCount >= 2, $"{size} bytes must be multi-chunk when 1 MB = {mb}");
            }

            Assert.True(chunks[^1].Length <= 128 * mb);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(4_294_967_297L)]
    public void For_UnsupportedSize_IsRefusedBeforeInit(long size)
    {
        Assert.False(ChunkPlan.IsSupportedSize(size));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChunkPlan.For(size));
    }

    [Fact]
    public void Chunk_OutsidePlan_Throws()
    {
        var plan = ChunkPlan.For(150_000_000);

        Assert.Throws<ArgumentOutOfRangeException>(() => plan.Chunk(15));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.Chunk(-1));
    }

    [Fact]
    public void FileUploadSource_FromPlan_CarriesSizeChunkAndCount()
    {
        var source = TikTokSourceInfo.FileUpload(ChunkPlan.For(150_000_000));

        Assert.Equal("FILE_UPLOAD", source.Source);
        Assert.Equal(150_000_000, source.VideoSize);
        Assert.Equal(10_000_000, source.ChunkSize);
        Assert.Equal(15, source.TotalChunkCount);
    }
}

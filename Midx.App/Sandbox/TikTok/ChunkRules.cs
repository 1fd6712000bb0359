namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// TikTok's FILE_UPLOAD chunk plan rules (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
/// "MB" is ambiguous there (it calls 4,194,304 bytes "4 MB"), so the unit is a parameter: 1,048,576 by default,
/// 1,000,000 as the switch. Every plan Midx's chunk planner makes is valid under both units.
/// </summary>
public static class ChunkRules
{
    public const long MebiByte = 1_048_576;
    public const long MegaByte = 1_000_000;

    /// <summary>4 GiB, TikTok's maximum video size, whatever the MB unit.</summary>
    public const long MaxVideoSize = 4L * 1024 * 1024 * 1024;

    public const long MaxChunkCount = 1000;

    public static bool IsValidPlan(long videoSize, long chunkSize, long totalChunkCount, long mb)
    {
        if (videoSize <= 0 || chunkSize <= 0 || videoSize > MaxVideoSize)
        {
            return false;
        }

        // total_chunk_count is video_size / chunk_size rounded down; the final chunk absorbs the remainder.
        if (totalChunkCount != videoSize / chunkSize || totalChunkCount < 1 || totalChunkCount > MaxChunkCount)
        {
            return false;
        }

        if (videoSize < 5 * mb)
        {
            return chunkSize == videoSize;
        }

        if (chunkSize < 5 * mb || chunkSize > 64 * mb)
        {
            return false;
        }

        if (videoSize > 64 * mb && totalChunkCount < 2)
        {
            return false;
        }

        return FinalChunkSize(videoSize, chunkSize, totalChunkCount) <= 128 * mb;
    }

    /// <summary>Inclusive byte range of chunk <paramref name="index"/> (0-based) of a valid plan.</summary>
    public static (long First, long Last) ChunkRange(long videoSize, long chunkSize, long totalChunkCount, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, totalChunkCount);
        var first = index * chunkSize;
        var last = index == totalChunkCount - 1 ? videoSize - 1 : first + chunkSize - 1;
        return (first, last);
    }

    public static long FinalChunkSize(long videoSize, long chunkSize, long totalChunkCount) =>
        videoSize - (totalChunkCount - 1) * chunkSize;
}

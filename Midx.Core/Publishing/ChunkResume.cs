using Midx.Core.TikTok;

namespace Midx.Core.Publishing;

/// <summary>
/// Where an upload goes on from, given the bytes TikTok (or the job row) says it has
/// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
/// TikTok only accepts chunks on the planned boundaries, so a confirmed byte count must be exactly the start of a
/// chunk, or the whole file; anything else cannot be resumed and the upload must start over with a new init.
/// </summary>
public static class ChunkResume
{
    /// <summary>The chunk to send first when a job's row says <paramref name="bytesUploaded"/> were confirmed.</summary>
    public static int StartIndex(ChunkPlan plan, long bytesUploaded)
    {
        if (bytesUploaded <= 0)
        {
            return 0;
        }

        // A row never holds a count past the last confirmed chunk; should it, TikTok's 416 re-syncs from the chunk holding it.
        var index = (int)Math.Min(bytesUploaded / plan.ChunkSize, plan.TotalChunkCount - 1);
        return index;
    }

    /// <summary>What to do once TikTok confirmed <paramref name="confirmedBytes"/> (from a 416's Content-Range or the status).</summary>
    public static ResumePoint Resync(ChunkPlan plan, long? confirmedBytes)
    {
        var confirmed = confirmedBytes ?? 0;
        if (confirmed == plan.VideoSize)
        {
            return ResumePoint.Complete;
        }

        if (confirmed < 0 || confirmed > plan.VideoSize)
        {
            return ResumePoint.Mismatch;
        }

        var index = confirmed / plan.ChunkSize;
        return index < plan.TotalChunkCount && plan.Chunk((int)index).First == confirmed
            ? ResumePoint.At((int)index)
            : ResumePoint.Mismatch;
    }
}

/// <summary>The answer of <see cref="ChunkResume.Resync"/>: go on at a chunk, the upload is complete, or it cannot be resumed.</summary>
public sealed record ResumePoint(ResumeKind Kind, int ChunkIndex)
{
    public static ResumePoint Complete { get; } = new(ResumeKind.Complete, -1);

    public static ResumePoint Mismatch { get; } = new(ResumeKind.Mismatch, -1);

    public static ResumePoint At(int chunkIndex) => new(ResumeKind.Continue, chunkIndex);
}

public enum ResumeKind
{
    Continue,
    Complete,
    Mismatch,
}

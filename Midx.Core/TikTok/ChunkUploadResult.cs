namespace Midx.Core.TikTok;

/// <summary>
/// What the upload host said about one chunk PUT
/// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide). Only
/// <see cref="ChunkUploadOutcome.ServerError"/> may be retried as is.
/// </summary>
public sealed record ChunkUploadResult(ChunkUploadOutcome Outcome, int HttpStatus, string? ContentRange)
{
    /// <summary>
    /// Bytes the host reports as received, from <c>Content-Range: bytes 0-{n}/{total}</c>. TikTok leaves open whether
    /// n is a count or a last index; this reads it as a last index, and is for logs and re-sync only.
    /// </summary>
    public long? UploadedBytes
    {
        get
        {
            if (ContentRange is null)
            {
                return null;
            }

            var dash = ContentRange.IndexOf('-');
            var slash = ContentRange.IndexOf('/');
            return dash > 0 && slash > dash && long.TryParse(ContentRange.AsSpan(dash + 1, slash - dash - 1), out var last)
                ? last + 1
                : null;
        }
    }
}

public enum ChunkUploadOutcome
{
    /// <summary>206: chunk accepted, more to come.</summary>
    Accepted,

    /// <summary>201: all parts received; TikTok starts processing.</summary>
    Completed,

    /// <summary>400: malformed headers or wrong length.</summary>
    Rejected,

    /// <summary>403: the upload_url expired; a new init is needed.</summary>
    Expired,

    /// <summary>404: no upload task for this URL; a new init is needed.</summary>
    NotFound,

    /// <summary>416: the range does not match TikTok's progress; re-sync from <see cref="ChunkUploadResult.UploadedBytes"/>.</summary>
    OutOfSync,

    /// <summary>5xx: retry this same chunk.</summary>
    ServerError,

    /// <summary>Any other status.</summary>
    Unexpected,
}

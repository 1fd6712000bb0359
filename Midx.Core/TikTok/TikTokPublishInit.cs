namespace Midx.Core.TikTok;

/// <summary><c>data</c> of a Direct Post or inbox init. <c>upload_url</c> must be used verbatim.</summary>
public sealed record TikTokPublishInit(string PublishId, string? UploadUrl)
{
    // upload_url carries TikTok's upload_token; it is a credential for one upload and is never printed.
    public override string ToString() => $"TikTokPublishInit {{ PublishId = {PublishId}, HasUploadUrl = {UploadUrl is not null} }}";
}

/// <summary>
/// <c>post_info</c> of a Direct Post (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post).
/// Both brand toggles are always sent.
/// </summary>
public sealed record TikTokPostInfo
{
    public required string PrivacyLevel { get; init; }
    public string? Title { get; init; }
    public bool DisableDuet { get; init; }
    public bool DisableComment { get; init; }
    public bool DisableStitch { get; init; }
    public int? VideoCoverTimestampMs { get; init; }
    public bool BrandContentToggle { get; init; }
    public bool BrandOrganicToggle { get; init; }
    public bool IsAigc { get; init; }
}

/// <summary><c>source_info</c> of an init: the bytes come in chunks, or TikTok pulls them from a URL.</summary>
public sealed record TikTokSourceInfo
{
    public const string FileUploadSource = "FILE_UPLOAD";
    public const string PullFromUrlSource = "PULL_FROM_URL";

    public required string Source { get; init; }
    public long? VideoSize { get; init; }
    public long? ChunkSize { get; init; }
    public long? TotalChunkCount { get; init; }
    public string? VideoUrl { get; init; }

    public static TikTokSourceInfo FileUpload(ChunkPlan plan) => new()
    {
        Source = FileUploadSource,
        VideoSize = plan.VideoSize,
        ChunkSize = plan.ChunkSize,
        TotalChunkCount = plan.TotalChunkCount,
    };

    public static TikTokSourceInfo PullFromUrl(string videoUrl) => new() { Source = PullFromUrlSource, VideoUrl = videoUrl };
}

internal sealed record TikTokDirectPostRequest(TikTokPostInfo PostInfo, TikTokSourceInfo SourceInfo);

internal sealed record TikTokInboxRequest(TikTokSourceInfo SourceInfo);

internal sealed record TikTokPublishIdRequest(string PublishId);

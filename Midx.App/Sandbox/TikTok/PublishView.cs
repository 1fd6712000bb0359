namespace Midx.App.Sandbox.TikTok;

/// <summary>What the control endpoints show about one publish, including the SHA-256 of the uploaded bytes.</summary>
public sealed record PublishView(
    string PublishId,
    string OpenId,
    string? CreatorKey,
    PublishFlow Flow,
    PublishSourceKind Source,
    string Status,
    string? FailReason,
    IReadOnlyList<long> PostIds,
    long TransferredBytes,
    long? VideoSize,
    long? ChunkSize,
    long? ChunkCount,
    long? ReceivedChunks,
    string? Sha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UploadExpiresAt,
    DateTimeOffset? UploadCompletedAt,
    string? RequestedPrivacy,
    string? EffectivePrivacy,
    string? Title,
    string? VideoUrl,
    string? RequestBody)
{
    public static PublishView Of(PublishRecord publish, DateTimeOffset now)
    {
        var status = publish.StatusAt(now);
        var upload = publish.Upload;
        return new PublishView(publish.PublishId, publish.OpenId, TikTokFixtures.FindByOpenId(publish.OpenId)?.Key, publish.Flow, publish.Source,
            status.Status, status.FailReason, status.PostIds, status.TransferredBytes, upload?.VideoSize, upload?.ChunkSize, upload?.ChunkCount,
            upload?.ReceivedChunks, upload?.Sha256, publish.CreatedAt, upload?.ExpiresAt, upload?.CompletedAt, publish.RequestedPrivacy,
            publish.EffectivePrivacy, publish.Title, publish.VideoUrl, publish.RequestBody);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Midx.Core.Api;
using Midx.Core.Publishing;

namespace Midx.App.Api;

/// <summary>How the API reads request bodies: camelCase names as it writes them, and a field it does not know is an error, not ignored.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}

/// <summary>An upload to create; <c>fileName</c> is shown in Midx's pages, never used to store anything.</summary>
public sealed record ApiCreateUpload(string? FileName)
{
    public const int MaxFileNameLength = 255;
}

/// <summary>
/// An upload. <c>state</c> is <c>waiting_for_bytes</c> (PUT the file to <c>uploadUrl</c> before <c>expiresAt</c>) or
/// <c>ready</c> (name its id in a post before <c>usableUntil</c>, after which Midx deletes it).
/// </summary>
public sealed record ApiUpload(
    Guid Id,
    string State,
    string? FileName,
    string? UploadUrl,
    DateTime? ExpiresAt,
    long? Size,
    string? MimeType,
    int? DurationMs,
    DateTime? UploadedAt,
    DateTime? UsableUntil)
{
    public static ApiUpload Waiting(Guid id, string? fileName, string uploadUrl, DateTime expiresAt) =>
        new(id, "waiting_for_bytes", fileName, uploadUrl, expiresAt, null, null, null, null, null);

    public static ApiUpload Ready(StoredMedia media, DateTime usableUntil) =>
        new(media.Id, "ready", media.FileName, null, null, media.Size, media.MimeType, media.DurationMs, media.UploadedAt, usableUntil);
}

/// <summary>
/// A post to create. <c>mode</c>: <c>direct</c> (posted on the profile with <c>privacyLevel</c>, one of the account's
/// creator_info options) or <c>inbox</c> (a draft in the creator's TikTok inbox). The video is an upload of this
/// workspace (<c>uploadId</c>) or a link on a domain verified with TikTok (<c>videoUrl</c>). <c>brandOrganic</c> is "Your
/// brand", <c>brandContent</c> "Branded content" (never private). <c>scheduledAt</c> (with Z or an offset) posts later;
/// absent posts now. <c>consentText</c> is what your user agreed to before sending.
/// </summary>
public sealed record ApiCreatePost(
    Guid? AccountId,
    string? Mode,
    Guid? UploadId,
    string? VideoUrl,
    string? Caption,
    string? PrivacyLevel,
    bool AllowComment,
    bool AllowDuet,
    bool AllowStitch,
    int? CoverTimestampMs,
    bool BrandOrganic,
    bool BrandContent,
    bool IsAigc,
    DateTime? ScheduledAt,
    string? ConsentText)
{
    private PublishMode? ParsedMode => ApiNames.Parse<PublishMode>(Mode);

    private VideoSource Source => UploadId is null ? VideoSource.Url : VideoSource.File;

    /// <summary>What makes this body unreadable as a post before any rule of TikTok's is asked, or null.</summary>
    public string? Problem() =>
        AccountId is null ? "accountId is required: GET /api/v1/accounts lists the workspace's accounts."
        : ParsedMode is null ? $"mode is {string.Join(" or ", Enum.GetValues<PublishMode>().Select(ApiNames.Of))}."
        : (UploadId is null) == string.IsNullOrWhiteSpace(VideoUrl) ? "Give the video as either uploadId or videoUrl, one of the two."
        : ScheduledAt is { Kind: DateTimeKind.Unspecified } ? "scheduledAt needs its time zone: end it with Z or an offset such as +02:00."
        : null;

    public PublishRequest ToRequest(ApiCaller caller, string submissionKey) => new()
    {
        Composer = caller.Actor,
        WorkspaceId = caller.WorkspaceId,
        TikTokAccountId = AccountId!.Value,
        SubmissionKey = submissionKey,
        Mode = ParsedMode!.Value,
        Source = Source,
        UploadId = UploadId,
        SourceUrl = VideoUrl?.Trim(),
        Caption = Caption ?? "",
        PrivacyLevel = PrivacyLevel,
        AllowComment = AllowComment,
        AllowDuet = AllowDuet,
        AllowStitch = AllowStitch,
        CoverTimestampMs = CoverTimestampMs,
        DisclosureOn = BrandOrganic || BrandContent,
        YourBrand = BrandOrganic,
        BrandedContent = BrandContent,
        IsAigc = IsAigc,
        ScheduledAtUtc = ScheduledAt?.ToUniversalTime(),
        ConsentGiven = true,
        ConsentText = ConsentText?.Trim(),
    };

    /// <summary>Whether a post made earlier under the same Idempotency-Key is this request's: the same account, mode and kind of video.</summary>
    public bool Matches(PublishJob job) => job.TikTokAccountId == AccountId && job.Mode == ParsedMode && job.Source == Source;
}

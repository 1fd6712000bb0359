using System.Text;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.App.Api;

/// <summary>
/// What the API answers, in its own shapes: states, modes and sources as lower-case snake_case strings, so that adding
/// a value to Midx's enums never renumbers anything an integrator stored.
/// </summary>
public static class ApiNames
{
    public static string Of<T>(T value) where T : struct, Enum => Snake(value.ToString());

    /// <summary>The enum value a snake_case name stands for, or null when it names none.</summary>
    public static T? Parse<T>(string? name) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Of(v!.Value) == name);

    private static string Snake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}

/// <summary>A linked TikTok account of the workspace. <c>tokenState</c>: <c>active</c> or <c>needs_reconnect</c>.</summary>
public sealed record ApiAccount(Guid Id, string? Username, string? DisplayName, string? AvatarUrl, string TokenState, DateTime ConnectedAt)
{
    public static ApiAccount From(TikTokAccountSummary a) => new(a.Id, a.Username, a.DisplayName, a.AvatarUrl, ApiNames.Of(a.TokenState), a.ConnectedAt);
}

/// <summary>Why a post failed or waits: Midx's catalogue code (TikTok's own where it came from TikTok), who said it, the words, and TikTok's log id.</summary>
public sealed record ApiPostError(string Code, string Source, string? Message, string? LogId);

/// <summary>
/// A post. <c>state</c> is one of <c>awaiting_review</c>, <c>changes_requested</c>, <c>scheduled</c>, <c>queued</c>,
/// <c>initializing</c>, <c>uploading</c>, <c>processing</c>, <c>sent_to_inbox</c>, <c>published</c>, <c>failed</c>,
/// <c>cancelled</c>; <c>stateLabel</c> is how Midx's pages say it.
/// </summary>
public sealed record ApiPost(
    Guid Id,
    Guid? AccountId,
    string Mode,
    string Source,
    string State,
    string StateLabel,
    string Caption,
    string? PrivacyLevel,
    bool DisableComment,
    bool DisableDuet,
    bool DisableStitch,
    bool BrandContent,
    bool BrandOrganic,
    bool IsAigc,
    int? CoverTimestampMs,
    string? FileName,
    string? SourceUrl,
    DateTime? ScheduledAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    string? PublishId,
    string? PublicPostId,
    string? ReviewComment,
    Guid? RetryOf,
    ApiPostError? Error)
{
    public static ApiPost From(PublishJob j) => new(
        j.Id, j.TikTokAccountId, ApiNames.Of(j.Mode), ApiNames.Of(j.Source), ApiNames.Of(j.State), JobStateMachine.Label(j.State), j.Caption,
        j.PrivacyLevel, j.DisableComment, j.DisableDuet, j.DisableStitch, j.BrandContentToggle, j.BrandOrganicToggle, j.IsAigc, j.CoverTimestampMs,
        j.FileName, j.SourceUrl, j.ScheduledAt, j.CreatedAt, j.UpdatedAt, j.CompletedAt, j.PublishId, j.PublicPostId, j.ReviewComment, j.RetryOfJobId,
        j.ErrorCode is { } code ? new ApiPostError(code, ErrorCatalog.Find(code).Source.ToString().ToLowerInvariant(), j.ErrorMessage, j.ErrorLogId) : null);
}

/// <summary>One line of a post's history.</summary>
public sealed record ApiPostEvent(DateTime At, string State, string StateLabel, string? Message, string? ErrorCode, string? LogId)
{
    public static ApiPostEvent From(PublishEvent e) => new(e.At, ApiNames.Of(e.State), JobStateMachine.Label(e.State), e.Message, e.ErrorCode, e.LogId);
}

/// <summary>A post with its history, oldest line first.</summary>
public sealed record ApiPostDetail(ApiPost Post, IReadOnlyList<ApiPostEvent> Timeline);

/// <summary>A page of a list; pass <c>nextCursor</c> as <c>cursor</c> for the next page (null on the last).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor);

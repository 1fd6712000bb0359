using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>
/// What the compose page learned from a fresh <c>creator_info</c>
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info): the creator's settings, or why
/// the page must stop before anything can be prepared.
/// </summary>
public sealed record CreatorLookup(CreatorSnapshot? Creator, CreatorLookupProblem Problem, string? Message, string? TikTokCode, string? LogId)
{
    public static CreatorLookup Found(CreatorSnapshot creator) => new(creator, CreatorLookupProblem.None, null, null, null);

    public static CreatorLookup Stopped(CreatorLookupProblem problem, string message, string? tikTokCode = null, string? logId = null) =>
        new(null, problem, message, tikTokCode, logId);
}

public enum CreatorLookupProblem
{
    None,

    /// <summary>
    /// TikTok says the creator cannot post at the moment; TikTok's Content Sharing Guidelines say to stop and ask them
    /// to try again later.
    /// </summary>
    CannotPostNow,

    /// <summary>Midx's access to the account is gone or lacks <c>video.publish</c>: reconnect on the accounts page.</summary>
    NeedsReconnect,

    /// <summary>TikTok could not be reached or is busy: reload in a moment.</summary>
    Unavailable,
}

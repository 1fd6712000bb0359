using Midx.Core.Errors;
using Midx.Core.TikTok;

namespace Midx.App.Publishing;

/// <summary>
/// One page of a linked account's public videos from TikTok's <c>video.list</c>
/// (https://developers.tiktok.com/doc/tiktok-api-v2-video-list), or the reason there is none in words the history
/// page shows (the scope was not granted, the account needs reconnecting, TikTok is unreachable).
/// </summary>
public sealed class TikTokVideosQuery(TikTokAccessTokens tokens, TikTokApiClient tikTok, ILogger<TikTokVideosQuery> logger)
{
    public const int PageSize = 12;

    public async Task<TikTokVideosPage> ExecuteAsync(TikTokAccountSummary account, long? cursor, CancellationToken cancellationToken)
    {
        if (!account.GrantedScopes.Contains(TikTokScopes.VideoList, StringComparer.OrdinalIgnoreCase))
        {
            return TikTokVideosPage.Problem(TikTokVideosProblem.ScopeMissing,
                $"This account did not give Midx the \"Published videos\" permission ({TikTokScopes.VideoList}), so Midx cannot list its TikTok videos. "
                + "Reconnect it on the Accounts page and keep every permission ticked.");
        }

        if (account.TokenState == TokenState.NeedsReconnect)
        {
            return TikTokVideosPage.Problem(TikTokVideosProblem.NeedsReconnect,
                "TikTok no longer accepts Midx's access to this account. Reconnect it on the Accounts page to see its videos.");
        }

        var token = await tokens.GetFreshAccessTokenAsync(account.Id, cancellationToken);
        if (token.AccessToken is null)
        {
            return token.Outcome is TokenRefreshOutcome.NeedsReconnect or TokenRefreshOutcome.NotFound
                ? TikTokVideosPage.Problem(TikTokVideosProblem.NeedsReconnect,
                    "TikTok no longer accepts Midx's access to this account. Reconnect it on the Accounts page to see its videos.")
                : TikTokVideosPage.Problem(TikTokVideosProblem.Unavailable, "TikTok could not be reached. Reload the page in a minute.");
        }

        TikTokResult<TikTokVideoPage> answer;
        try
        {
            answer = await tikTok.ListVideosAsync(token.AccessToken, TikTokVideo.DefaultFields.Split(','), cursor, PageSize, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "video.list for account {AccountId} could not be fetched", account.Id);
            return TikTokVideosPage.Problem(TikTokVideosProblem.Unavailable, "TikTok could not be reached. Reload the page in a minute.");
        }

        if (answer.IsSuccess)
        {
            return new TikTokVideosPage(answer.Value.Videos, answer.Value.HasMore ? answer.Value.Cursor : null, TikTokVideosProblem.None, null, null, null);
        }

        var error = answer.Error;
        var problem = error.Kind is TikTokErrorKind.Reconnect or TikTokErrorKind.Auth
            ? (error.Is(ErrorCatalog.ScopeNotAuthorized) ? TikTokVideosProblem.ScopeMissing : TikTokVideosProblem.NeedsReconnect)
            : TikTokVideosProblem.Unavailable;
        return TikTokVideosPage.Problem(problem, error.UserMessage, error.Code.Value, error.LogId);
    }
}

/// <summary>A page of TikTok videos; <see cref="NextCursor"/> is set when TikTok has more.</summary>
public sealed record TikTokVideosPage(
    IReadOnlyList<TikTokVideo> Videos, long? NextCursor, TikTokVideosProblem Kind, string? Message, string? TikTokCode, string? LogId)
{
    public static TikTokVideosPage Problem(TikTokVideosProblem kind, string message, string? code = null, string? logId = null) =>
        new([], null, kind, message, code, logId);
}

public enum TikTokVideosProblem
{
    None,
    ScopeMissing,
    NeedsReconnect,
    Unavailable,
}

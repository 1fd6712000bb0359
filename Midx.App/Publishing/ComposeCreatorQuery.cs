using Microsoft.Extensions.Options;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.App.Publishing;

/// <summary>
/// Asks TikTok for a creator's current posting options each time the compose page renders or is submitted, as TikTok's
/// Content Sharing Guidelines require (https://developers.tiktok.com/doc/content-sharing-guidelines).
/// creator_info allows 20 calls a minute per token. Where drafts are the posting boundary, of the installation
/// (<see cref="TikTokOptions.InboxDraftsOnly"/>) or of the account's workspace, Midx holds (or uses) no <c>video.publish</c> grant, which creator_info needs;
/// the creator then finishes the post in the TikTok app, so the page shows the linked profile and TikTok's own
/// length limit instead.
/// </summary>
public sealed class ComposeCreatorQuery(
    TikTokAccessTokens tokens, TikTokApiClient tikTok, IOptions<TikTokOptions> options, ILogger<ComposeCreatorQuery> logger)
{
    public async Task<CreatorLookup> ExecuteAsync(TikTokAccountSummary account, bool workspaceInboxDraftsOnly, CancellationToken cancellationToken)
    {
        var accountId = account.Id;
        var token = await tokens.GetFreshAccessTokenAsync(accountId, cancellationToken);
        if (token.Outcome is TokenRefreshOutcome.NeedsReconnect or TokenRefreshOutcome.NotFound)
        {
            return CreatorLookup.Stopped(CreatorLookupProblem.NeedsReconnect,
                "TikTok no longer accepts Midx's access to this account. Reconnect it on the Accounts page, then come back to post.");
        }

        if (token.AccessToken is null)
        {
            return CreatorLookup.Stopped(CreatorLookupProblem.Unavailable,
                "TikTok could not be reached to check this account. Reload the page in a minute.");
        }

        if (options.Value.InboxDraftsOnlyIn(workspaceInboxDraftsOnly))
        {
            return CreatorLookup.Found(new CreatorSnapshot(account.DisplayName ?? ComposeText.AccountName(account), account.Username, account.AvatarUrl, [],
                CommentDisabled: false, DuetDisabled: false, StitchDisabled: false, VideoLimits.MaxApiDurationSeconds,
                DirectPostOffered: false));
        }

        TikTokResult<TikTokCreatorInfo> answer;
        try
        {
            answer = await tikTok.QueryCreatorInfoAsync(token.AccessToken, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "creator_info for account {AccountId} could not be fetched", accountId);
            return CreatorLookup.Stopped(CreatorLookupProblem.Unavailable,
                "TikTok could not be reached to check this account. Reload the page in a minute.");
        }

        if (answer.IsSuccess)
        {
            return CreatorLookup.Found(answer.Value.ToSnapshot());
        }

        var error = answer.Error;
        var problem = error.Kind switch
        {
            TikTokErrorKind.Quota or TikTokErrorKind.AccountState => CreatorLookupProblem.CannotPostNow,
            TikTokErrorKind.Auth or TikTokErrorKind.Reconnect => CreatorLookupProblem.NeedsReconnect,
            _ => CreatorLookupProblem.Unavailable,
        };
        logger.LogInformation("creator_info for account {AccountId} said {TikTokCode} ({LogId})", accountId, error.Code, error.LogId);
        return CreatorLookup.Stopped(problem, error.UserMessage, error.Code.Value, error.LogId);
    }
}

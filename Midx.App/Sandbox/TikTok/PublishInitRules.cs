namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The init checks that come after token, scope, rate limit and body: account state and caps, the unaudited-client
/// rule, privacy, and PULL_FROM_URL ownership, refused with the 403 codes TikTok's reference lists
/// (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post).
/// </summary>
public static class PublishInitRules
{
    public static (TikTokApiError? Error, string? EffectivePrivacy) Evaluate(
        PublishInitRequest request, SandboxCreator creator, CreatorUsage usage, TikTokSandboxSwitches switches)
    {
        var direct = request.Flow == PublishFlow.Direct;
        if (creator.Banned)
        {
            return (new TikTokApiError(403, "spam_risk_user_banned_from_posting", "The user is banned from making new posts."), null);
        }

        if (direct && usage.PostsLast24Hours >= switches.PostCapPerCreator)
        {
            return (new TikTokApiError(403, "spam_risk_too_many_posts", "The daily post cap from the API is reached for the current user."), null);
        }

        if (direct && switches.EffectiveActiveUserCap is { } cap && !usage.IsActivePublisher && usage.ActivePublishers >= cap)
        {
            return (new TikTokApiError(403, "reached_active_user_cap", "The daily quota for active publishing users from your client is reached."), null);
        }

        if (!direct && usage.PendingShares >= switches.PendingShareCap)
        {
            return (new TikTokApiError(403, "spam_risk_too_many_pending_share",
                $"The daily upload cap from the API is reached. There may be at most {switches.PendingShareCap} pending shares within any 24-hour period."), null);
        }

        // About the account being public, not the post's privacy: SELF_ONLY to a public account is refused too.
        if (direct && !switches.Audited && !creator.IsPrivate)
        {
            return (new TikTokApiError(403, "unaudited_client_can_only_post_to_private_accounts",
                "Unaudited clients can only post to a private account."), null);
        }

        string? effective = null;
        if (direct)
        {
            if (request.PrivacyLevel is null || !creator.PrivacyLevelOptions.Contains(request.PrivacyLevel))
            {
                return (new TikTokApiError(403, "privacy_level_option_mismatch",
                    "privacy_level is missing or is not one of the creator's privacy_level_options."), null);
            }

            effective = request.PrivacyLevel;
            if (!switches.Audited && effective != PrivacyLevels.SelfOnly)
            {
                if (switches.UnauditedNonSelfOnly == UnauditedNonSelfOnly.Reject)
                {
                    return (new TikTokApiError(403, "privacy_level_option_mismatch",
                        "Unaudited clients can only post with privacy_level SELF_ONLY."), null);
                }

                effective = PrivacyLevels.SelfOnly;
            }
        }

        if (request.Source == PublishSourceKind.PullFromUrl
            && !switches.VerifiedUrlPrefixes.Any(p => request.VideoUrl!.StartsWith(p, StringComparison.Ordinal)))
        {
            return (new TikTokApiError(403, "url_ownership_unverified", "The video_url is not under a verified domain or URL prefix."), null);
        }

        return (null, effective);
    }
}

/// <summary>What a creator and the client have done in the last 24 hours, as the caps see it.</summary>
public sealed record CreatorUsage(int PostsLast24Hours, int PendingShares, bool IsActivePublisher, int ActivePublishers);

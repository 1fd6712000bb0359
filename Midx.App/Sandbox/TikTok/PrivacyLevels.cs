namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// TikTok's <c>privacy_level</c> values and which ones a creator is offered
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info).
/// </summary>
public static class PrivacyLevels
{
    public const string PublicToEveryone = "PUBLIC_TO_EVERYONE";
    public const string MutualFollowFriends = "MUTUAL_FOLLOW_FRIENDS";
    public const string FollowerOfCreator = "FOLLOWER_OF_CREATOR";
    public const string SelfOnly = "SELF_ONLY";

    public static readonly IReadOnlyList<string> All = [PublicToEveryone, MutualFollowFriends, FollowerOfCreator, SelfOnly];

    public static IReadOnlyList<string> OptionsFor(bool isPrivateAccount) => isPrivateAccount
        ? [FollowerOfCreator, MutualFollowFriends, SelfOnly]
        : [PublicToEveryone, MutualFollowFriends, SelfOnly];
}

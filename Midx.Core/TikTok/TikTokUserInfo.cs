using System.Text.Json.Serialization;

namespace Midx.Core.TikTok;

/// <summary>
/// <c>data.user</c> of <c>GET /v2/user/info/</c> (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info). Only
/// the fields asked for in <c>fields</c> are present, and each needs its scope: basic for ids, avatar and display name;
/// profile for username, bio and verified.
/// </summary>
public sealed record TikTokUserInfo
{
    public const string BasicFields = "open_id,union_id,avatar_url,avatar_url_100,display_name";
    public const string ProfileFields = "username,is_verified,profile_deep_link";

    public string? OpenId { get; init; }
    public string? UnionId { get; init; }
    public string? AvatarUrl { get; init; }

    [JsonPropertyName("avatar_url_100")]
    public string? AvatarUrl100 { get; init; }

    public string? AvatarLargeUrl { get; init; }
    public string? DisplayName { get; init; }
    public string? BioDescription { get; init; }
    public string? ProfileDeepLink { get; init; }
    public string? Username { get; init; }
    public bool? IsVerified { get; init; }
    public long? FollowerCount { get; init; }
    public long? FollowingCount { get; init; }
    public long? LikesCount { get; init; }
    public long? VideoCount { get; init; }
}

internal sealed record TikTokUserInfoData(TikTokUserInfo? User);

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// <c>GET /v2/user/info/</c> with per-field scope checks
/// (https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info).
/// </summary>
public static class UserInfoEndpoints
{
    private const int PerMinute = 600;

    private static readonly Dictionary<string, string> FieldScopes = new(StringComparer.Ordinal)
    {
        ["open_id"] = TikTokScopes.UserInfoBasic,
        ["union_id"] = TikTokScopes.UserInfoBasic,
        ["avatar_url"] = TikTokScopes.UserInfoBasic,
        ["avatar_url_100"] = TikTokScopes.UserInfoBasic,
        ["avatar_large_url"] = TikTokScopes.UserInfoBasic,
        ["display_name"] = TikTokScopes.UserInfoBasic,
        ["bio_description"] = TikTokScopes.UserInfoProfile,
        ["profile_deep_link"] = TikTokScopes.UserInfoProfile,
        ["username"] = TikTokScopes.UserInfoProfile,
        ["is_verified"] = TikTokScopes.UserInfoProfile,
        ["follower_count"] = TikTokScopes.UserInfoStats,
        ["following_count"] = TikTokScopes.UserInfoStats,
        ["likes_count"] = TikTokScopes.UserInfoStats,
        ["video_count"] = TikTokScopes.UserInfoStats,
    };

    public static RouteGroupBuilder MapTikTokUserInfoEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/v2/user/info/", UserInfo).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.UserInfo));
        return group;
    }

    private static IResult UserInfo(HttpContext http, TikTokSandbox sandbox)
    {
        var (grant, error) = ApiGate.Check(http, sandbox, TikTokEndpointNames.UserInfo, PerMinute);
        if (error is not null)
        {
            return error;
        }

        var fields = TikTokScopes.Parse(http.Request.Query["fields"]);
        if (fields.Count == 0 || fields.Any(f => !FieldScopes.ContainsKey(f)))
        {
            return TikTokResponses.InvalidParams(http, sandbox.Switches, "fields is required and may only name user fields.");
        }

        var missing = fields.Where(f => !grant!.Has(FieldScopes[f])).ToList();
        if (missing.Count > 0)
        {
            return TikTokResponses.Error(http, 400, "scope_permission_missed",
                $"Some fields need additional scopes: {string.Join(',', missing)}.");
        }

        var creator = TikTokFixtures.FindByOpenId(grant!.OpenId)!;
        var avatar = SandboxUrls.Absolute(http, creator.AvatarPath);
        var videoCount = sandbox.Publishes.PublicVideos(creator.OpenId, sandbox.Now).Count;
        var user = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            user[field] = field switch
            {
                "open_id" => creator.OpenId,
                "union_id" => creator.UnionId,
                "avatar_url" or "avatar_url_100" or "avatar_large_url" => avatar,
                "display_name" => creator.DisplayName,
                "bio_description" => $"{creator.Description} (sandbox)",
                "profile_deep_link" => $"https://www.tiktok.com/@{creator.Username}",
                "username" => creator.Username,
                "is_verified" => creator.IsVerified,
                "follower_count" => 1200L,
                "following_count" => 180L,
                "likes_count" => 45_000L,
                _ => (long)videoCount,
            };
        }

        return TikTokResponses.Ok(http, new { user });
    }
}

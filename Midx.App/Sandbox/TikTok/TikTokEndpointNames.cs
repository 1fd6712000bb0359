namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Names of the sandbox TikTok endpoints: the key for faults, rate-limit windows and the request journal.
/// </summary>
public static class TikTokEndpointNames
{
    public const string Authorize = "authorize";
    public const string Token = "token";
    public const string Revoke = "revoke";
    public const string UserInfo = "user_info";
    public const string CreatorInfo = "creator_info";
    public const string VideoInit = "video_init";
    public const string InboxInit = "inbox_init";
    public const string StatusFetch = "status_fetch";
    public const string Cancel = "cancel";
    public const string VideoList = "video_list";
    public const string VideoQuery = "video_query";
    public const string Upload = "upload";

    public static readonly IReadOnlyList<string> All =
        [Authorize, Token, Revoke, UserInfo, CreatorInfo, VideoInit, InboxInit, StatusFetch, Cancel, VideoList, VideoQuery, Upload];

    public static bool IsOAuth(string name) => name is Token or Revoke;
}

/// <summary>Endpoint metadata naming a sandbox TikTok endpoint (see <see cref="TikTokEndpointNames"/>).</summary>
public sealed record TikTokEndpointName(string Name);

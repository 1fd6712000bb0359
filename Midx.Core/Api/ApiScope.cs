namespace Midx.Core.Api;

/// <summary>
/// What an API key may do in its workspace; a key holds one or more, chosen when it is made, so a key never gains a
/// power nobody gave it.
/// </summary>
[Flags]
public enum ApiScope
{
    None = 0,

    /// <summary>Read the workspace's linked accounts (and their creator_info) and its posts.</summary>
    Read = 1,

    /// <summary>Upload videos and create, cancel and retry posts, as an Editor would: the workspace's review rule applies.</summary>
    Publish = 2,

    /// <summary>Make hosted connect links through which the integrator's end users link their TikTok accounts to the workspace.</summary>
    Connect = 4,
}

/// <summary>How scopes are written in the API, its documentation and the settings page: lower-case names.</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyList<(ApiScope Scope, string Name, string Description)> All =
    [
        (ApiScope.Read, "read", "See the workspace's linked TikTok accounts, what TikTok says about each, and the workspace's posts with their history."),
        (ApiScope.Publish, "publish", "Upload videos and create, cancel and retry posts, as an Editor: where posts need approval, they wait for it."),
        (ApiScope.Connect, "connect", "Make one-time links through which your own users link their TikTok accounts to this workspace."),
    ];

    public static string Names(ApiScope scopes) => string.Join(' ', All.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name));

    public static string NameOf(ApiScope scope) => All.Single(s => s.Scope == scope).Name;
}

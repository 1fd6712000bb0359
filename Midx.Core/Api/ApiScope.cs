namespace Midx.Core.Api;

/// <summary>
/// What an API key may do in its workspace; a key holds one or more. Reading is what the API offers so far; posting and
/// hosted connect will each come as a scope of their own, so that a key made today never gains them unasked.
/// </summary>
[Flags]
public enum ApiScope
{
    None = 0,

    /// <summary>Read the workspace's linked accounts (and their creator_info) and its posts.</summary>
    Read = 1,
}

/// <summary>How scopes are written in the API, its documentation and the settings page: lower-case names.</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyList<(ApiScope Scope, string Name, string Description)> All =
    [
        (ApiScope.Read, "read", "See the workspace's linked TikTok accounts, what TikTok says about each, and the workspace's posts with their history."),
    ];

    public static string Names(ApiScope scopes) => string.Join(' ', All.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name));
}

namespace Midx.Core.Api;

/// <summary>What an API key may do in its workspace; a key holds one or more.</summary>
[Flags]
public enum ApiScope
{
    None = 0,

    /// <summary>Read the workspace's linked accounts (and their creator_info) and its posts.</summary>
    Read = 1,

    /// <summary>Upload videos and create, cancel and retry posts; the workspace's review rule applies.</summary>
    Publish = 2,

    /// <summary>Create hosted TikTok connect links for the integrator's own users.</summary>
    Connect = 4,
}

/// <summary>How scopes are written in the API, its documentation and the settings page: lower-case names.</summary>
public static class ApiScopes
{
    public static readonly IReadOnlyList<(ApiScope Scope, string Name, string Description)> All =
    [
        (ApiScope.Read, "read", "See the workspace's linked TikTok accounts and its posts."),
        (ApiScope.Publish, "publish", "Upload videos and create, cancel and retry posts."),
        (ApiScope.Connect, "connect", "Create links for people to connect their TikTok account to the workspace."),
    ];

    public static string Names(ApiScope scopes) => string.Join(' ', All.Where(s => scopes.HasFlag(s.Scope)).Select(s => s.Name));

    public static string NameOf(ApiScope scope) => All.Single(s => s.Scope == scope).Name;
}

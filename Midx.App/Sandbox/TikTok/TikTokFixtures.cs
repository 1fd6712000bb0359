using System.Security.Cryptography;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The sandbox's TikTok app and creators. Each creator exercises one branch of TikTok's rules: public and private
/// privacy options, interaction settings, a short maximum duration, a posting ban and the daily post cap.
/// </summary>
public static class TikTokFixtures
{
    public const string ClientKey = "sandbox-client-key";
    /// <summary>Made up when the process starts: the sandbox and Midx share it in memory, and no secret-like literal sits in the code.</summary>
    public static readonly string DefaultClientSecret = "sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    public const string ClientSecretKey = "TikTok:ClientSecret";
    public const string AppName = "Midx";
    public const string CallbackPath = "/tiktok/callback";

    public static readonly SandboxCreator Public = new(
        "public", "6f1d2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e01", "0c9b8a7f-1e2d-4f3a-8b7c-6d5e4f3a2b01",
        "Avery Stone", "avery.creates", "Public account, everything allowed", "#0d6efd",
        IsVerified: true, SeededVideoCount: 3);

    public static readonly SandboxCreator Private = new(
        "private", "6f1d2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e02", "0c9b8a7f-1e2d-4f3a-8b7c-6d5e4f3a2b02",
        "Priya Nair", "priya.private", "Private account", "#6f42c1",
        IsPrivate: true, MaxVideoPostDurationSec: 600);

    public static readonly SandboxCreator Restricted = new(
        "restricted", "6f1d2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e03", "0c9b8a7f-1e2d-4f3a-8b7c-6d5e4f3a2b03",
        "Noor Haddad", "noor.quiet", "Comments, Duet and Stitch set to \"No one\"", "#198754",
        CommentDisabled: true, DuetNoOne: true, StitchNoOne: true, MaxVideoPostDurationSec: 180);

    public static readonly SandboxCreator Short = new(
        "short", "6f1d2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e04", "0c9b8a7f-1e2d-4f3a-8b7c-6d5e4f3a2b04",
        "Sam Okafor", "sam.sixty", "Videos up to 60 seconds", "#fd7e14",
        MaxVideoPostDurationSec: 60);

    public static readonly SandboxCreator Banned = new(
        "banned", "6f1d2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e05", "0c9b8a7f-1e2d-4f3a-8b7c-6d5e4f3a2b05",
        "Bo Lindqvist", "bo.banned", "Banned from posting", "#dc3545",
        Banned: true);

    public static readonly SandboxCreator Capped = new(
        "capped", "6f1d2c1e-5a4b-4c3d-9e8f-0a1b2c3d4e06", "0c9b8a7f-1e2d-4f3a-8b7c-6d5e4f3a2b06",
        "Cam Rivera", "cam.capped", "Already posted today's maximum", "#6c757d",
        AtDailyPostCap: true);

    public static readonly IReadOnlyList<SandboxCreator> Creators = [Public, Private, Restricted, Short, Banned, Capped];

    public static SandboxCreator? FindByKey(string? key) => Creators.FirstOrDefault(c => c.Key == key);

    public static SandboxCreator? FindByOpenId(string openId) => Creators.FirstOrDefault(c => c.OpenId == openId);

    /// <summary>
    /// Registered redirect URIs: TikTok wants exact registration; the sandbox registers Midx's link callback on any
    /// loopback origin, because tests and local runs bind whatever port is free.
    /// </summary>
    public static bool IsRegisteredRedirectUri(string? redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        && uri.AbsolutePath == CallbackPath
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0;
}

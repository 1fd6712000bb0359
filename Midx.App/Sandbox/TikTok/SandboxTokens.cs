using System.Security.Cryptography;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Random values shaped like TikTok's. Codes contain '*' and '!' as TikTok's do, so the URL-decoding TikTok asks for
/// before the exchange is exercised (https://developers.tiktok.com/doc/oauth-user-access-token-management).
/// </summary>
public static class SandboxTokens
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string AuthorizationCode() => $"{Random(40)}*0!{Digits(4)}";

    public static string AccessToken() => $"act.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}{Random(28)}!{Digits(4)}";

    public static string RefreshToken() => $"rft.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}{Random(36)}!{Digits(4)}";

    public static string UploadToken() => Random(24);

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    private static string Digits(int length) => RandomNumberGenerator.GetString("0123456789", length);
}

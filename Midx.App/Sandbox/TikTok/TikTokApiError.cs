namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// An answer in TikTok's error envelope: HTTP status, <c>error.code</c> and <c>error.message</c>
/// (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling).
/// </summary>
public sealed record TikTokApiError(int Status, string Code, string Message);

using System.Net;
using System.Text.Json;
using Midx.Core.TikTok;

namespace Midx.Tests.TikTok;

/// <summary>Token grants and TikTok token-endpoint replies for tests; each token is unique so scans can find it.</summary>
public static class TokenGrants
{
    public static TikTokTokenGrant New(long expiresIn = 7200, long refreshExpiresIn = 15_552_000, string? openId = null, string scope = TikTokOptions.DefaultScopes) =>
        new($"act.{Guid.NewGuid():N}Nn4RYBnDsd!5259", expiresIn, openId ?? $"open-{Guid.NewGuid():N}", $"rft.{Guid.NewGuid():N}qgUitnFe!5294", refreshExpiresIn, scope, "Bearer");

    public static string Json(TikTokTokenGrant grant) => JsonSerializer.Serialize(new
    {
        access_token = grant.AccessToken,
        expires_in = grant.ExpiresIn,
        open_id = grant.OpenId,
        refresh_expires_in = grant.RefreshExpiresIn,
        refresh_token = grant.RefreshToken,
        scope = grant.Scope,
        token_type = "Bearer",
    });

    public static HttpResponseMessage Response(TikTokTokenGrant grant) =>
        new(HttpStatusCode.OK) { Content = new StringContent(Json(grant), System.Text.Encoding.UTF8, "application/json") };

    public static HttpResponseMessage InvalidGrant() =>
        new(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"error":"invalid_grant","error_description":"Refresh token is invalid or expired.","log_id":"LOGINVALID"}"""),
        };
}

using System.Text.Json;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// TikTok's two response shapes: the API envelope <c>{"data":…,"error":{"code","message","log_id"}}</c>
/// (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling) and the flat OAuth body
/// (https://developers.tiktok.com/doc/oauth-user-access-token-management). The log id is the one the endpoint filter
/// put in the <c>x-tt-logid</c> header.
/// </summary>
public static class TikTokResponses
{
    public const string LogIdHeader = "x-tt-logid";
    private const string LogIdItem = "tiktok-sandbox-log-id";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string LogId(HttpContext http) => http.Items[LogIdItem] as string ?? "";

    public static void SetLogId(HttpContext http, string logId)
    {
        http.Items[LogIdItem] = logId;
        http.Response.Headers[LogIdHeader] = logId;
    }

    public static IResult Ok(HttpContext http, object data) =>
        Results.Json(new { data, error = new { code = "ok", message = "", log_id = LogId(http) } }, Json, statusCode: 200);

    public static IResult Error(HttpContext http, int status, string code, string message) =>
        Results.Json(new { data = new { }, error = new { code, message, log_id = LogId(http) } }, Json, statusCode: status);

    public static IResult Error(HttpContext http, TikTokApiError error) => Error(http, error.Status, error.Code, error.Message);

    public static IResult InvalidParams(HttpContext http, TikTokSandboxSwitches switches, string message) =>
        InvalidParams(http, switches, 400, message);

    public static IResult InvalidParams(HttpContext http, TikTokSandboxSwitches switches, int status, string message) =>
        Error(http, status, switches.InvalidParamsCode, message);

    public static IResult OAuthError(HttpContext http, TikTokSandboxSwitches switches, string error, string description) =>
        OAuthError(http, switches.OAuthErrorsAsHttp200 ? 200 : 400, error, description);

    public static IResult OAuthError(HttpContext http, int status, string error, string description) =>
        Results.Json(new { error, error_description = description, log_id = LogId(http) }, Json, statusCode: status);

    public static IResult OAuthTokens(IssuedTokens tokens) => Results.Json(new
    {
        access_token = tokens.AccessToken,
        expires_in = tokens.ExpiresIn,
        open_id = tokens.OpenId,
        refresh_expires_in = tokens.RefreshExpiresIn,
        refresh_token = tokens.RefreshToken,
        scope = string.Join(',', tokens.Scopes),
        token_type = "Bearer",
    }, Json);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Midx.Core.TikTok;

/// <summary>TikTok's JSON: snake_case names, nulls left out of requests, numbers sometimes sent as strings.</summary>
internal static class TikTokJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

/// <summary>
/// The <c>data</c> half of every non-OAuth answer <c>{"data": {...}, "error": {"code", "message", "log_id"}}</c>
/// (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling);
/// the <c>error</c> half is read separately, in every shape TikTok uses.
/// </summary>
internal sealed record TikTokEnvelope<T>(T? Data);

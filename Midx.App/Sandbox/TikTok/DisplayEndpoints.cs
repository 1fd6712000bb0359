using System.Text.Json;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Display API: list and query the creator's public videos
/// (https://developers.tiktok.com/doc/tiktok-api-v2-video-list).
/// </summary>
public static class DisplayEndpoints
{
    private const int PerMinute = 600;
    private const int MaxCount = 20;

    private static readonly HashSet<string> VideoFields = new(
    [
        "id", "create_time", "cover_image_url", "share_url", "video_description", "duration", "height", "width", "title",
        "embed_html", "embed_link", "like_count", "comment_count", "share_count", "view_count",
    ], StringComparer.Ordinal);

    public static RouteGroupBuilder MapTikTokDisplayEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/v2/video/list/", ListAsync).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.VideoList));
        group.MapPost("/v2/video/query/", QueryAsync).WithMetadata(new TikTokEndpointName(TikTokEndpointNames.VideoQuery));
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, TikTokSandbox sandbox, CancellationToken cancellationToken)
    {
        var (grant, error) = ApiGate.Check(http, sandbox, TikTokEndpointNames.VideoList, PerMinute, TikTokScopes.VideoList);
        if (error is not null)
        {
            return error;
        }

        var switches = sandbox.Switches;
        if (Fields(http) is not { } fields)
        {
            return TikTokResponses.InvalidParams(http, switches, "fields is required in the query string and may only name video fields.");
        }

        long? cursor = null;
        var maxCount = 10;
        using (var body = await ReadJsonAsync(http, cancellationToken))
        {
            if (body is null)
            {
                return TikTokResponses.InvalidParams(http, switches, "The request body is not valid JSON.");
            }

            var root = body.RootElement;
            if (root.TryGetProperty("cursor", out var c))
            {
                if (!c.TryGetInt64(out var value))
                {
                    return TikTokResponses.InvalidParams(http, switches, "cursor must be an integer (epoch milliseconds).");
                }

                cursor = value;
            }

            if (root.TryGetProperty("max_count", out var m) && (!m.TryGetInt32(out maxCount) || maxCount is < 1 or > MaxCount))
            {
                return TikTokResponses.InvalidParams(http, switches, $"max_count must be between 1 and {MaxCount}.");
            }
        }

        var creator = TikTokFixtures.FindByOpenId(grant!.OpenId)!;
        var older = sandbox.Publishes.PublicVideos(creator.OpenId, sandbox.Now)
            .Where(v => cursor is not > 0 || v.CreateTime.ToUnixTimeMilliseconds() < cursor)
            .ToList();
        var page = older.Take(maxCount).ToList();
        return TikTokResponses.Ok(http, new
        {
            videos = page.Select(v => Project(http, creator, v, fields)).ToList(),
            cursor = page.Count > 0 ? page[^1].CreateTime.ToUnixTimeMilliseconds() : cursor ?? 0,
            has_more = older.Count > page.Count,
        });
    }

    private static async Task<IResult> QueryAsync(HttpContext http, TikTokSandbox sandbox, CancellationToken cancellationToken)
    {
        var (grant, error) = ApiGate.Check(http, sandbox, TikTokEndpointNames.VideoQuery, PerMinute, TikTokScopes.VideoList);
        if (error is not null)
        {
            return error;
        }

        var switches = sandbox.Switches;
        if (Fields(http) is not { } fields)
        {
            return TikTokResponses.InvalidParams(http, switches, "fields is required in the query string and may only name video fields.");
        }

        List<string> ids;
        using (var body = await ReadJsonAsync(http, cancellationToken))
        {
            if (body is null || !body.RootElement.TryGetProperty("filters", out var filters) || filters.ValueKind != JsonValueKind.Object
                || !filters.TryGetProperty("video_ids", out var list) || list.ValueKind != JsonValueKind.Array
                || list.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            {
                return TikTokResponses.InvalidParams(http, switches, "filters.video_ids must be a list of video ids.");
            }

            ids = list.EnumerateArray().Select(i => i.GetString()!).ToList();
        }

        if (ids.Count is < 1 or > MaxCount)
        {
            return TikTokResponses.InvalidParams(http, switches, $"filters.video_ids must hold 1 to {MaxCount} ids.");
        }

        // Only the token owner's videos come back; ids of other creators are silently left out
        // (https://developers.tiktok.com/doc/tiktok-api-v2-video-query).
        var creator = TikTokFixtures.FindByOpenId(grant!.OpenId)!;
        var videos = sandbox.Publishes.PublicVideos(creator.OpenId, sandbox.Now).Where(v => ids.Contains(v.Id)).ToList();
        return TikTokResponses.Ok(http, new
        {
            videos = videos.Select(v => Project(http, creator, v, fields)).ToList(),
            cursor = 0,
            has_more = false,
        });
    }

    private static IReadOnlyList<string>? Fields(HttpContext http)
    {
        var fields = TikTokScopes.Parse(http.Request.Query["fields"]);
        return fields.Count > 0 && fields.All(VideoFields.Contains) ? fields : null;
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var text = await ApiGate.ReadBodyAsync(http, cancellationToken);
        try
        {
            var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, object> Project(HttpContext http, SandboxCreator creator, SandboxVideo video, IReadOnlyList<string> fields)
    {
        var shareUrl = $"https://www.tiktok.com/@{creator.Username}/video/{video.Id}";
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            result[field] = field switch
            {
                "id" => video.Id,
                "create_time" => video.CreateTime.ToUnixTimeSeconds(),
                "cover_image_url" => SandboxUrls.Cover(http, video.Id),
                "share_url" => shareUrl,
                "video_description" or "title" => video.Title.Length > 150 ? video.Title[..150] : video.Title,
                "duration" => video.DurationSeconds,
                "height" => 1920,
                "width" => 1080,
                "embed_html" => $"<blockquote class=\"tiktok-embed\" cite=\"{shareUrl}\" data-video-id=\"{video.Id}\"></blockquote>",
                "embed_link" => $"https://www.tiktok.com/embed/v2/{video.Id}",
                "view_count" => 1000L,
                _ => 10,
            };
        }

        return result;
    }
}

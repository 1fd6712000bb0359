using System.Text.Json;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// A video init body (Direct Post or inbox draft) that passed the body checks, which come after token, scope and rate
/// limit: well-formed JSON, known source, valid chunk plan, caption length. Privacy is judged later, with the account
/// and app rules.
/// </summary>
public sealed record PublishInitRequest(
    PublishFlow Flow,
    PublishSourceKind Source,
    long VideoSize,
    long ChunkSize,
    long ChunkCount,
    string? VideoUrl,
    string? Title,
    string? PrivacyLevel,
    bool BrandContentToggle,
    bool BrandOrganicToggle)
{
    public const int MaxTitleLength = 2200;

    /// <summary>The parsed request, or the <c>invalid_params</c> message explaining what is wrong.</summary>
    public static (PublishInitRequest? Request, string? Problem) Parse(string body, PublishFlow flow, TikTokSandboxSwitches switches)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request body must be a JSON object.");
            }

            if (!root.TryGetProperty("source_info", out var source) || source.ValueKind != JsonValueKind.Object)
            {
                return (null, "source_info is required.");
            }

            string? title = null;
            string? privacy = null;
            bool brandContent = false, brandOrganic = false;
            if (flow == PublishFlow.Direct)
            {
                if (!root.TryGetProperty("post_info", out var post) || post.ValueKind != JsonValueKind.Object)
                {
                    return (null, "post_info is required.");
                }

                if (!TryString(post, "title", out title) || !TryString(post, "privacy_level", out privacy))
                {
                    return (null, "title and privacy_level must be strings.");
                }

                if (title?.Length > MaxTitleLength)
                {
                    return (null, $"title must be at most {MaxTitleLength} UTF-16 code units.");
                }

                foreach (var flag in new[] { "disable_duet", "disable_comment", "disable_stitch", "brand_content_toggle", "brand_organic_toggle", "is_aigc" })
                {
                    if (post.TryGetProperty(flag, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        return (null, $"{flag} must be a boolean.");
                    }
                }

                if (post.TryGetProperty("video_cover_timestamp_ms", out var cover) && !cover.TryGetInt32(out _))
                {
                    return (null, "video_cover_timestamp_ms must be an integer.");
                }

                brandContent = post.TryGetProperty("brand_content_toggle", out var bc) && bc.ValueKind == JsonValueKind.True;
                brandOrganic = post.TryGetProperty("brand_organic_toggle", out var bo) && bo.ValueKind == JsonValueKind.True;
                if (brandContent && privacy == PrivacyLevels.SelfOnly && switches.BrandedSelfOnly == BrandedSelfOnly.Reject)
                {
                    return (null, "Branded content cannot be private (SELF_ONLY).");
                }
            }

            var sourceName = source.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            switch (sourceName)
            {
                case "FILE_UPLOAD":
                    if (!TryInt64(source, "video_size", out var size) || !TryInt64(source, "chunk_size", out var chunk)
                        || !TryInt64(source, "total_chunk_count", out var count))
                    {
                        return (null, "video_size, chunk_size and total_chunk_count are required integers for FILE_UPLOAD.");
                    }

                    if (!ChunkRules.IsValidPlan(size, chunk, count, switches.MbUnit))
                    {
                        // TikTok's observed wording (https://github.com/DayMoonDevelopment/post-for-me/issues/327).
                        return (null, "The chunk size is invalid");
                    }

                    return (new PublishInitRequest(flow, PublishSourceKind.FileUpload, size, chunk, count, null, title, privacy, brandContent, brandOrganic), null);

                case "PULL_FROM_URL":
                    if (!source.TryGetProperty("video_url", out var url) || url.ValueKind != JsonValueKind.String
                        || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
                    {
                        return (null, "video_url must be an absolute https URL for PULL_FROM_URL.");
                    }

                    return (new PublishInitRequest(flow, PublishSourceKind.PullFromUrl, 0, 0, 0, uri.AbsoluteUri, title, privacy, brandContent, brandOrganic), null);

                default:
                    return (null, "source must be FILE_UPLOAD or PULL_FROM_URL.");
            }
        }
    }

    private static bool TryString(JsonElement parent, string name, out string? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return element.ValueKind == JsonValueKind.String;
    }

    private static bool TryInt64(JsonElement parent, string name, out long value)
    {
        value = 0;
        return parent.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}

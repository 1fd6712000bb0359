using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Midx.Core.TikTok;

/// <summary>
/// <c>data</c> of <c>POST /v2/post/publish/status/fetch/</c>
/// (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status).
/// </summary>
public sealed record TikTokPublishStatus
{
    public const string ProcessingUpload = "PROCESSING_UPLOAD";
    public const string ProcessingDownload = "PROCESSING_DOWNLOAD";
    public const string SendToUserInbox = "SEND_TO_USER_INBOX";
    public const string PublishComplete = "PUBLISH_COMPLETE";
    public const string Failed = "FAILED";

    public string? Status { get; init; }
    public string? FailReason { get; init; }

    /// <summary>
    /// TikTok's field name is misspelt (sic). Documented as a list of int64, seen as a bare number or string too
    /// (by other TikTok clients); ids are kept as strings so no 19-digit id is ever rounded.
    /// </summary>
    [JsonConverter(typeof(PostIdListConverter))]
    public IReadOnlyList<string> PublicalyAvailablePostId { get; init; } = [];

    public long? UploadedBytes { get; init; }
    public long? DownloadedBytes { get; init; }
}

/// <summary>Reads a number, a string, or an array of either into a list of id strings.</summary>
internal sealed class PostIdListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var ids = new List<string>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                AddScalar(ref reader, ids);
            }
        }
        else
        {
            AddScalar(ref reader, ids);
        }

        return ids;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var id in value)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }

    private static void AddScalar(ref Utf8JsonReader reader, List<string> ids)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                ids.Add(Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray()));
                break;
            case JsonTokenType.String when !string.IsNullOrWhiteSpace(reader.GetString()):
                ids.Add(reader.GetString()!);
                break;
            case JsonTokenType.StartArray or JsonTokenType.StartObject:
                reader.Skip();
                break;
        }
    }
}

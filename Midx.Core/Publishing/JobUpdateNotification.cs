using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Midx.Core.Publishing;

/// <summary>
/// The PostgreSQL NOTIFY payload that carries a <see cref="JobUpdate"/> between instances: JSON holding the update and
/// the sending instance's origin id (so an instance can skip its own). PostgreSQL refuses payloads of 8000 bytes or
/// more; an update that would not fit keeps its state and ids and loses only text: first the end of its message, and
/// only if that is not enough, its other texts.
/// </summary>
public static class JobUpdateNotification
{
    public const string Channel = "midx_job_updates";

    /// <summary>PostgreSQL's limit is "shorter than 8000 bytes" in its default configuration.</summary>
    public const int MaxPayloadBytes = 7999;

    /// <summary>Marks a message that was cut to fit.</summary>
    public const string Ellipsis = "…";

    // The default encoder escapes every non-ASCII character, so the payload is plain ASCII: its length in bytes is the
    // same in any server encoding, and no character can fail conversion on the server.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Encode(Guid origin, JobUpdate update)
    {
        var payload = Serialize(origin, update);
        if (Fits(payload))
        {
            return payload;
        }

        if (update.Message is { } message && ShortenMessage(origin, update, message) is { } shortened)
        {
            return shortened;
        }

        return Serialize(origin, update with { Message = null, TikTokStatus = null, ErrorCode = null, LogId = null, PublicPostId = null, ReviewComment = null });
    }

    public static bool TryDecode(string payload, out Guid origin, [NotNullWhen(true)] out JobUpdate? update)
    {
        origin = Guid.Empty;
        update = null;
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(payload, Json);
            if (envelope?.Update is null || envelope.Origin == Guid.Empty)
            {
                return false;
            }

            origin = envelope.Origin;
            update = envelope.Update;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The payload with the longest start of <paramref name="message"/> that fits, or null when none does.</summary>
    private static string? ShortenMessage(Guid origin, JobUpdate update, string message)
    {
        string? best = null;
        var low = 0;
        var high = message.Length - 1;
        while (low <= high)
        {
            var keep = low + (high - low) / 2;
            var payload = Serialize(origin, update with { Message = Cut(message, keep) });
            if (Fits(payload))
            {
                best = payload;
                low = keep + 1;
            }
            else
            {
                high = keep - 1;
            }
        }

        return best;
    }

    private static string Cut(string text, int length)
    {
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length] + Ellipsis;
    }

    private static string Serialize(Guid origin, JobUpdate update) => JsonSerializer.Serialize(new Envelope(origin, update), Json);

    private static bool Fits(string payload) => Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes;

    private sealed record Envelope(Guid Origin, JobUpdate? Update);
}

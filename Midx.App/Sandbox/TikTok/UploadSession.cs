using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The PUT state machine of one <c>upload_url</c>
/// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide): chunks must arrive in order,
/// exactly on the planned boundaries, each with a matching Content-Range and Content-Length. Accepted bytes feed a
/// running SHA-256 so tests can check integrity; a chunk that fails halfway leaves no trace. Thread-safe: state is
/// guarded by a lock and only one PUT may be in flight at a time (TikTok requires sequential chunks).
/// </summary>
public sealed partial class UploadSession
{
    public static readonly IReadOnlySet<string> AllowedContentTypes =
        new HashSet<string>(["video/mp4", "video/quicktime", "video/webm"], StringComparer.OrdinalIgnoreCase);

    private readonly Lock _gate = new();
    private IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _nextByte;
    private long _nextChunk;
    private bool _inFlight;
    private string? _sha256;
    private DateTimeOffset? _completedAt;

    public UploadSession(string uploadId, string uploadToken, long videoSize, long chunkSize, long chunkCount, DateTimeOffset expiresAt)
    {
        UploadId = uploadId;
        UploadToken = uploadToken;
        VideoSize = videoSize;
        ChunkSize = chunkSize;
        ChunkCount = chunkCount;
        ExpiresAt = expiresAt;
    }

    public string UploadId { get; }

    public string UploadToken { get; }

    public long VideoSize { get; }

    public long ChunkSize { get; }

    public long ChunkCount { get; }

    public DateTimeOffset ExpiresAt { get; }

    public long ReceivedBytes
    {
        get { lock (_gate) { return _nextByte; } }
    }

    public long ReceivedChunks
    {
        get { lock (_gate) { return _nextChunk; } }
    }

    public DateTimeOffset? CompletedAt
    {
        get { lock (_gate) { return _completedAt; } }
    }

    /// <summary>Lowercase hex SHA-256 of all uploaded bytes, once the last chunk is in.</summary>
    public string? Sha256
    {
        get { lock (_gate) { return _sha256; } }
    }

    public async Task<UploadPutResult> PutAsync(UploadPutRequest request, Stream body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (long First, long Last) range;
        IncrementalHash chunkHash;
        lock (_gate)
        {
            if (now >= ExpiresAt)
            {
                return Reject(403, "The upload_url has expired.");
            }

            if (request.ContentType is null || !AllowedContentTypes.Contains(MediaType(request.ContentType)))
            {
                return Reject(400, "Content-Type must be video/mp4, video/quicktime or video/webm.");
            }

            if (!TryParseContentRange(request.ContentRange, out range, out var total) || total != VideoSize)
            {
                return Reject(400, "Content-Range is missing, malformed, or its total is not video_size.");
            }

            if (request.ContentLength is not { } length || length != range.Last - range.First + 1)
            {
                return Reject(400, "Content-Length must equal the size of the Content-Range.");
            }

            if (_sha256 is not null || _inFlight || range.First != _nextByte
                || range != ChunkRules.ChunkRange(VideoSize, ChunkSize, ChunkCount, _nextChunk))
            {
                return new UploadPutResult(416, ProgressRange(), "Content-Range does not match the upload progress.");
            }

            _inFlight = true;
            chunkHash = _hash.Clone();
        }

        try
        {
            var received = await CopyIntoAsync(body, chunkHash, range.Last - range.First + 1, cancellationToken);
            if (received != range.Last - range.First + 1)
            {
                chunkHash.Dispose();
                return Reject(400, "The body length does not match Content-Length.");
            }

            lock (_gate)
            {
                _hash.Dispose();
                _hash = chunkHash;
                _nextByte = range.Last + 1;
                _nextChunk++;
                if (_nextChunk < ChunkCount)
                {
                    return new UploadPutResult(206, ProgressRange(), null);
                }

                _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
                _completedAt = now;
                return new UploadPutResult(201, ProgressRange(), null);
            }
        }
        catch
        {
            chunkHash.Dispose();
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _inFlight = false;
            }
        }
    }

    private static async Task<long> CopyIntoAsync(Stream body, IncrementalHash hash, long expected, CancellationToken cancellationToken)
    {
        var buffer = new byte[81_920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > expected)
            {
                return total;
            }

            hash.AppendData(buffer, 0, read);
        }

        return total;
    }

    // HTTP range semantics: the header names the last byte index received so far (TikTok's media transfer guide leaves
    // it unspecified).
    private string ProgressRange() =>
        _nextByte == 0 ? $"bytes */{VideoSize}" : $"bytes 0-{_nextByte - 1}/{VideoSize}";

    private static UploadPutResult Reject(int status, string problem) => new(status, null, problem);

    private static string MediaType(string contentType) => contentType.Split(';', 2)[0].Trim();

    private static bool TryParseContentRange(string? header, out (long First, long Last) range, out long total)
    {
        range = default;
        total = 0;
        var match = header is null ? null : ContentRangePattern().Match(header.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || !long.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out total)
            || last < first || last >= total)
        {
            return false;
        }

        range = (first, last);
        return true;
    }

    [GeneratedRegex(@"^bytes (\d{1,19})-(\d{1,19})/(\d{1,19})$")]
    private static partial Regex ContentRangePattern();
}

/// <summary>The headers of one chunk PUT that the state machine judges.</summary>
public sealed record UploadPutRequest(string? ContentType, long? ContentLength, string? ContentRange);

/// <summary>Status code, the <c>Content-Range</c> to send back (if any), and why a chunk was refused.</summary>
public sealed record UploadPutResult(int StatusCode, string? ContentRange, string? Problem);

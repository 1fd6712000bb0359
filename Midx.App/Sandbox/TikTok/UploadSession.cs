using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The PUT state machine of one <c>upload_url</c>
/// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide): chunks must arrive in order,
/// exactly on the planned boundaries, each with a matching Content-Range and Content-Length. Accepted bytes feed a
/// running SHA-256 so tests can check integrity; a chunk that fails halfway leaves no trace. With a
/// <see cref="SandboxStateFile"/> the progress is written through after each chunk and the bytes received so far are kept
/// in a file beside it until the last chunk is in: a running SHA-256 cannot be saved, so a restarted sandbox hashes
/// those bytes again and the upload resumes at the next chunk, as TikTok's does. Thread-safe: state is guarded by a
/// lock and only one PUT may be in flight at a time (TikTok requires sequential chunks).
/// </summary>
public sealed partial class UploadSession
{
    public static readonly IReadOnlySet<string> AllowedContentTypes =
        new HashSet<string>(["video/mp4", "video/quicktime", "video/webm"], StringComparer.OrdinalIgnoreCase);

    private const string Columns =
        "upload_id, upload_token, video_size, chunk_size, chunk_count, expires_at, received_bytes, received_chunks, sha256, completed_at";

    private readonly Lock _gate = new();
    private readonly SandboxStateFile? _state;
    private IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _nextByte;
    private long _nextChunk;
    private bool _inFlight;
    private string? _sha256;
    private DateTimeOffset? _completedAt;

    public UploadSession(
        string uploadId, string uploadToken, long videoSize, long chunkSize, long chunkCount, DateTimeOffset expiresAt, SandboxStateFile? state = null)
    {
        UploadId = uploadId;
        UploadToken = uploadToken;
        VideoSize = videoSize;
        ChunkSize = chunkSize;
        ChunkCount = chunkCount;
        ExpiresAt = expiresAt;
        _state = state;
        _state?.Execute($"INSERT INTO uploads ({Columns}) VALUES ($id, $token, $videoSize, $chunkSize, $chunkCount, $expiresAt, 0, 0, NULL, NULL)",
            ("$id", uploadId), ("$token", uploadToken), ("$videoSize", videoSize), ("$chunkSize", chunkSize), ("$chunkCount", chunkCount),
            ("$expiresAt", SandboxStateFile.Ticks(expiresAt)));
    }

    private UploadSession(SandboxStateFile state, SqliteDataReader row)
    {
        UploadId = row.GetString(0);
        UploadToken = row.GetString(1);
        VideoSize = row.GetInt64(2);
        ChunkSize = row.GetInt64(3);
        ChunkCount = row.GetInt64(4);
        ExpiresAt = SandboxStateFile.At(row.GetInt64(5));
        _nextByte = row.GetInt64(6);
        _nextChunk = row.GetInt64(7);
        _sha256 = row.IsDBNull(8) ? null : row.GetString(8);
        _completedAt = row.IsDBNull(9) ? null : SandboxStateFile.At(row.GetInt64(9));
        _state = state;
        RehashReceivedBytes();
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

    /// <summary>Every upload the state file holds, as it was after its last accepted chunk.</summary>
    public static IEnumerable<UploadSession> LoadAll(SandboxStateFile state) =>
        state.Query($"SELECT {Columns} FROM uploads", row => new UploadSession(state, row));

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
            long received;
            await using (var kept = OpenReceivedBytes(range.First))
            {
                received = await CopyIntoAsync(body, chunkHash, kept, range.Last - range.First + 1, cancellationToken);
                kept?.Flush(flushToDisk: true);
            }

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
                    SaveProgress();
                    return new UploadPutResult(206, ProgressRange(), null);
                }

                _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
                _completedAt = now;
                SaveProgress();
                DeleteReceivedBytes();
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

    private static async Task<long> CopyIntoAsync(Stream body, IncrementalHash hash, Stream? kept, long expected, CancellationToken cancellationToken)
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
            if (kept is not null)
            {
                await kept.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return total;
    }

    private string? ReceivedBytesPath => _state is null ? null : Path.Combine(_state.UploadsFolder, UploadId + ".part");

    /// <summary>The kept bytes cut back to <paramref name="first"/>, ready for a chunk: what a refused chunk wrote goes.</summary>
    private FileStream? OpenReceivedBytes(long first)
    {
        if (ReceivedBytesPath is not { } path)
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(first);
        stream.Position = first;
        return stream;
    }

    private void DeleteReceivedBytes()
    {
        if (ReceivedBytesPath is { } path)
        {
            File.Delete(path);
        }
    }

    /// <summary>Feeds the kept bytes of the accepted chunks to a fresh SHA-256, so the restored hash goes on where it stopped.</summary>
    private void RehashReceivedBytes()
    {
        if (_sha256 is not null)
        {
            DeleteReceivedBytes();
            return;
        }

        if (_nextByte == 0)
        {
            return;
        }

        var path = ReceivedBytesPath!;
        using var kept = File.Exists(path) ? File.OpenRead(path) : null;
        if (kept is null || kept.Length < _nextByte)
        {
            throw new InvalidDataException($"Upload {UploadId} in {_state!.Path} has {_nextByte} bytes accepted but {path} does not hold them; " +
                "delete the state file to start the sandbox TikTok afresh.");
        }

        var buffer = new byte[81_920];
        var left = _nextByte;
        while (left > 0)
        {
            var count = (int)Math.Min(buffer.Length, left);
            kept.ReadExactly(buffer, 0, count);
            _hash.AppendData(buffer, 0, count);
            left -= count;
        }
    }

    /// <summary>Writes the progress through to the state file; called under the lock.</summary>
    private void SaveProgress() =>
        _state?.Execute("UPDATE uploads SET received_bytes = $bytes, received_chunks = $chunks, sha256 = $sha256, completed_at = $completedAt WHERE upload_id = $id",
            ("$id", UploadId), ("$bytes", _nextByte), ("$chunks", _nextChunk), ("$sha256", _sha256),
            ("$completedAt", _completedAt is { } completed ? SandboxStateFile.Ticks(completed) : null));

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

namespace Midx.Core.Publishing;

/// <summary>
/// Decides what a file is from its bytes, never from its name or the browser's MIME type: the container
/// (MP4/MOV via the ISO <c>ftyp</c> brands, WebM via the EBML header) and the duration stated in its header.
/// </summary>
public static class VideoInspector
{
    public static async Task<PublishingResult<VideoFacts>> InspectFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.RandomAccess);
        return await InspectAsync(stream, cancellationToken);
    }

    /// <summary>Inspects a seekable stream; only headers are read, whatever the file's size.</summary>
    public static async Task<PublishingResult<VideoFacts>> InspectAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The video stream must be seekable.", nameof(stream));
        }

        var reader = new SeekableReader(stream);
        if (reader.Length == 0)
        {
            return VideoErrors.Empty;
        }

        if (reader.Length > VideoLimits.MaxBytes)
        {
            return VideoErrors.TooLarge;
        }

        var head = await reader.ReadUpToAsync(0, 16, cancellationToken);
        if (IsoMediaParser.LooksLikeIsoMedia(head.Span))
        {
            return await IsoMediaParser.ReadAsync(reader, cancellationToken);
        }

        if (EbmlParser.LooksLikeEbml(head.Span))
        {
            return await EbmlParser.ReadAsync(reader, cancellationToken);
        }

        return VideoErrors.NotAVideo;
    }

    /// <summary>The length rule: more than zero, at most the creator's limit and never more than the API's 10 minutes.</summary>
    public static PublishingError? CheckDuration(VideoFacts video, int maxSeconds)
    {
        var limit = Math.Min(maxSeconds, VideoLimits.MaxApiDurationSeconds);
        if (video.Duration <= TimeSpan.Zero)
        {
            return VideoErrors.TooShort;
        }

        return video.Duration > TimeSpan.FromSeconds(limit) ? VideoErrors.TooLong(video.Duration, limit) : null;
    }
}

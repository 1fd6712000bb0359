using Midx.Core.Errors;

namespace Midx.Core.Publishing;

/// <summary>The reasons a file is refused before any TikTok call, with the catalogue's words or this file's details.</summary>
public static class VideoErrors
{
    public static PublishingError Empty { get; } = new(ErrorCatalog.EmptyFile);

    public static PublishingError TooLarge { get; } = new(ErrorCatalog.FileTooLarge);

    public static PublishingError NotAVideo { get; } = new(ErrorCatalog.NotAVideo);

    public static PublishingError Matroska { get; } = new(ErrorCatalog.UnsupportedContainer,
        "This is a Matroska (.mkv) file, which TikTok does not accept. " + ErrorCatalog.UnsupportedContainer.ToDo);

    public static PublishingError Truncated { get; } = new(ErrorCatalog.Truncated);

    public static PublishingError Damaged { get; } = new(ErrorCatalog.Damaged);

    public static PublishingError NoVideoTrack { get; } = new(ErrorCatalog.NoVideoTrack);

    public static PublishingError DurationUnknown { get; } = new(ErrorCatalog.DurationUnknown);

    public static PublishingError TooShort { get; } = new(ErrorCatalog.TooShort);

    public static PublishingError TooLong(TimeSpan duration, int maxSeconds) => new(ErrorCatalog.TooLong,
        $"The video is {Describe(duration)} long; this TikTok account can post videos of at most {Describe(TimeSpan.FromSeconds(maxSeconds))}. "
        + ErrorCatalog.TooLong.ToDo);

    private static string Describe(TimeSpan duration)
    {
        var total = (int)Math.Ceiling(duration.TotalSeconds);
        var minutes = total / 60;
        var seconds = total % 60;
        return (minutes, seconds) switch
        {
            (0, 1) => "1 second",
            (0, _) => $"{seconds} seconds",
            (1, 0) => "1 minute",
            (_, 0) => $"{minutes} minutes",
            _ => $"{minutes} min {seconds} s",
        };
    }
}

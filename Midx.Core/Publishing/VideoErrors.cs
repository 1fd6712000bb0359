namespace Midx.Core.Publishing;

/// <summary>The reasons a file is refused before any TikTok call, in words a creator can act on.</summary>
public static class VideoErrors
{
    public static PublishingError Empty { get; } = new("empty_file", "The file is empty (0 bytes). Choose the video file again.");

    public static PublishingError TooLarge { get; } = new("file_too_large",
        "The file is larger than 4 GB, the most TikTok accepts. Export a shorter or smaller version and upload that.");

    public static PublishingError NotAVideo { get; } = new("not_a_video",
        "This file is not a video Midx can send to TikTok. Midx accepts MP4, MOV and WebM videos; "
        + "renaming another kind of file does not make it one.");

    public static PublishingError Matroska { get; } = new("unsupported_container",
        "This is a Matroska (.mkv) file, which TikTok does not accept. Export it as MP4, MOV or WebM and upload that.");

    public static PublishingError Truncated { get; } = new("truncated",
        "The video file is incomplete: it ends before its own structure says it should, which usually means it was "
        + "cut off while copying, downloading or exporting. Export or copy it again and upload the whole file.");

    public static PublishingError Damaged { get; } = new("damaged",
        "The video file is damaged: its header holds values no player can use. Export it again and upload that.");

    public static PublishingError NoVideoTrack { get; } = new("no_video_track",
        "The file holds no video picture (it may be audio only). Choose a video file.");

    public static PublishingError DurationUnknown { get; } = new("duration_unknown",
        "The video does not state how long it is (screen and browser recordings often leave this out), so Midx cannot "
        + "check it against TikTok's length limit. Open it in a video editor, export it again, and upload that.");

    public static PublishingError TooShort { get; } = new("too_short", "The video has no length (0 seconds). Choose another video.");

    public static PublishingError TooLong(TimeSpan duration, int maxSeconds) => new("too_long",
        $"The video is {Describe(duration)} long; this TikTok account can post videos of at most {Describe(TimeSpan.FromSeconds(maxSeconds))}. "
        + "Trim it and upload it again.");

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

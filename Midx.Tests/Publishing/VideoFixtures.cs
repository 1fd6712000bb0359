namespace Midx.Tests.Publishing;

/// <summary>
/// Tiny real videos made once with ffmpeg and committed under Fixtures/ (see Fixtures/README.md), found from the
/// source tree so no project file has to copy them.
/// </summary>
internal static class VideoFixtures
{
    public const string Mp4TwoSeconds = "two-seconds.mp4";
    public const string MovOneAndAHalfSeconds = "one-and-a-half-seconds.mov";
    public const string WebMThreeSeconds = "three-seconds.webm";
    public const string TruncatedMp4 = "truncated.mp4";
    public const string RenamedText = "renamed-text.mp4";

    private static readonly Lazy<string> Folder = new(FindFolder);

    public static string PathOf(string name) => Path.Combine(Folder.Value, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Midx.Tests", "Publishing", "Fixtures");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Midx.Tests/Publishing/Fixtures was not found above " + AppContext.BaseDirectory);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Midx.Core.Errors;
using Midx.Core.Privacy;
using Midx.Core.Workspaces;

namespace Midx.Core.Publishing;

/// <summary>
/// The media folder: <c>{Midx:DataFolder}/media/{userId}/{mediaId}{ext}</c>. Every path is built here from ids
/// Midx generated, never from anything a user typed, and nothing outside the folder is ever deleted.
/// A small JSON file beside each video keeps the original file name for display.
/// </summary>
public sealed class MediaStore(IOptions<MidxOptions> midx, IOptions<RetentionOptions> retention, IHostEnvironment environment, TimeProvider time)
{
    private const string PartialExtension = ".part";
    private const string InfoExtension = ".json";
    private static readonly string[] VideoExtensions = [".mp4", ".mov", ".webm"];

    public string Root { get; } = Path.Combine(Path.GetFullPath(midx.Value.DataFolder, environment.ContentRootPath), "media");

    /// <summary>
    /// Whose folder keeps the videos an actor uploads: a member's own, or, for an API key, its workspace's (so every key of
    /// the workspace may post what another uploaded, and nothing of another workspace).
    /// </summary>
    public static Guid OwnerOf(PostActor actor, Guid workspaceId) => actor.UserId ?? workspaceId;

    /// <summary>
    /// Where an upload in progress is written, under a new id or the one given out for it before; it becomes a video only
    /// through <see cref="CommitAsync"/>.
    /// </summary>
    public PendingMedia Begin(Guid userId, Guid? mediaId = null)
    {
        var id = mediaId ?? Guid.CreateVersion7();
        var folder = UserFolder(userId);
        Directory.CreateDirectory(folder);
        return new PendingMedia(id, userId, Path.Combine(folder, id.ToString("N") + PartialExtension));
    }

    /// <summary>Renames a checked upload to its final name and records its facts; returns what was stored.</summary>
    public async Task<StoredMedia> CommitAsync(PendingMedia pending, VideoFacts video, string? originalName, CancellationToken cancellationToken)
    {
        var path = Path.Combine(UserFolder(pending.UserId), pending.Id.ToString("N") + video.Extension);
        File.Move(pending.Path, path, overwrite: false);
        var now = time.GetUtcNow().UtcDateTime;
        File.SetLastWriteTimeUtc(path, now);
        var media = new StoredMedia(pending.Id, pending.UserId, path, DisplayName(originalName, video.Extension), video.Size, video.MimeType, video.DurationMs, now);
        var info = new MediaInfo(media.FileName, media.Size, media.MimeType, media.DurationMs, media.UploadedAt);
        var infoPath = InfoPath(pending.UserId, pending.Id);
        await File.WriteAllTextAsync(infoPath, JsonSerializer.Serialize(info), cancellationToken);
        File.SetLastWriteTimeUtc(infoPath, now);
        return media;
    }

    /// <summary>The user's stored video with this id, or null (also when it belongs to someone else).</summary>
    public async Task<StoredMedia?> FindAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken)
    {
        var infoPath = InfoPath(userId, mediaId);
        var path = VideoExtensions.Select(ext => Path.Combine(UserFolder(userId), mediaId.ToString("N") + ext)).FirstOrDefault(File.Exists);
        if (path is null || !File.Exists(infoPath))
        {
            return null;
        }

        var info = JsonSerializer.Deserialize<MediaInfo>(await File.ReadAllTextAsync(infoPath, cancellationToken));
        return info is null ? null : new StoredMedia(mediaId, userId, path, info.FileName, info.Size, info.MimeType, info.DurationMs, info.UploadedAt);
    }

    /// <summary>
    /// The stored video a job points at, or null once it is gone: the job's own path, read back into the ids it was built
    /// from, so a reviewer can see a video a colleague uploaded.
    /// </summary>
    public Task<StoredMedia?> FindForJobAsync(PublishJob job, CancellationToken cancellationToken)
    {
        if (job.MediaPath is not { } path || !IsInside(path)
            || !Guid.TryParse(Path.GetFileName(Path.GetDirectoryName(path)), out var userId)
            || !Guid.TryParse(Path.GetFileNameWithoutExtension(path), out var mediaId))
        {
            return Task.FromResult<StoredMedia?>(null);
        }

        return FindAsync(userId, mediaId, cancellationToken);
    }

    /// <summary>
    /// The latest time a post of a video uploaded at <paramref name="uploadedAt"/> may be due: the sweeper deletes media after
    /// <see cref="RetentionOptions.MediaHours"/> whatever happens, so a post must be sent well before that.
    /// </summary>
    public DateTime LatestPostTime(DateTime uploadedAt) => uploadedAt.AddHours(retention.Value.MediaHours - 1);

    /// <summary>The words for a time past <see cref="LatestPostTime"/>.</summary>
    public PublishingError ScheduleTooFar(DateTime uploadedAt) => new(ErrorCatalog.ScheduleTooFar,
        $"Midx keeps an uploaded video for {retention.Value.MediaHours} hours, so this post can be scheduled until "
        + $"{LatestPostTime(uploadedAt):yyyy-MM-dd HH:mm} UTC at the latest.");

    /// <summary>Deletes a stored video (and its partial or info files); true when anything was there.</summary>
    public bool Delete(Guid userId, Guid mediaId)
    {
        var folder = UserFolder(userId);
        if (!Directory.Exists(folder))
        {
            return false;
        }

        var deleted = false;
        foreach (var file in Directory.EnumerateFiles(folder, mediaId.ToString("N") + ".*"))
        {
            File.Delete(file);
            deleted = true;
        }

        return deleted;
    }

    /// <summary>Deletes a file a job points at, refusing any path outside the media folder.</summary>
    public bool DeleteFile(string? path)
    {
        if (string.IsNullOrEmpty(path) || !IsInside(path))
        {
            return false;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return false;
        }

        File.Delete(full);
        var info = Path.ChangeExtension(full, InfoExtension);
        if (File.Exists(info))
        {
            File.Delete(info);
        }

        return true;
    }

    /// <summary>Deletes every file the user has in the media folder (account deletion); returns how many files went.</summary>
    public int DeleteAllOf(Guid userId)
    {
        var folder = UserFolder(userId);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var count = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
        Directory.Delete(folder, recursive: true);
        return count;
    }

    /// <summary>True when <paramref name="path"/> lies inside the media folder.</summary>
    public bool IsInside(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>
    /// Deletes every file in the media folder last written more than <see cref="RetentionOptions.MediaHours"/> ago,
    /// whatever its job's state (privacy promise 7, listed on /privacy), and every partial upload file not written for
    /// <see cref="RetentionOptions.AbandonedUploadMinutes"/>; returns how many files of each kind went.
    /// </summary>
    public MediaSweep SweepExpired()
    {
        if (!Directory.Exists(Root))
        {
            return new MediaSweep(0, 0);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settings = retention.Value;
        var expired = 0;
        var abandoned = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var lastWritten = File.GetLastWriteTimeUtc(file);
            if (IsExpired(lastWritten, now, settings.MediaHours))
            {
                File.Delete(file);
                expired++;
            }
            else if (Path.GetExtension(file) == PartialExtension && IsAbandoned(lastWritten, now, settings.AbandonedUploadMinutes))
            {
                File.Delete(file);
                abandoned++;
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }

        return new MediaSweep(expired, abandoned);
    }

    /// <summary>The sweeper's rule: a file is expired once it is at least <paramref name="maxHours"/> old.</summary>
    public static bool IsExpired(DateTime lastWrittenUtc, DateTime nowUtc, int maxHours) =>
        nowUtc - lastWrittenUtc >= TimeSpan.FromHours(maxHours);

    /// <summary>The sweeper's rule for a partial upload file: abandoned once unwritten for <paramref name="idleMinutes"/>.</summary>
    public static bool IsAbandoned(DateTime lastWrittenUtc, DateTime nowUtc, int idleMinutes) =>
        nowUtc - lastWrittenUtc >= TimeSpan.FromMinutes(idleMinutes);

    private string UserFolder(Guid userId) => Path.Combine(Root, userId.ToString("N"));

    private string InfoPath(Guid userId, Guid mediaId) => Path.Combine(UserFolder(userId), mediaId.ToString("N") + InfoExtension);

    /// <summary>The user's file name, cut to its last segment, without control characters, at most 255 characters.</summary>
    private static string DisplayName(string? originalName, string extension)
    {
        var name = Path.GetFileName((originalName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            return "video" + extension;
        }

        return name.Length <= 255 ? name : name[..255];
    }

    private sealed record MediaInfo(string FileName, long Size, string MimeType, int DurationMs, DateTime UploadedAt);
}

/// <summary>What one <see cref="MediaStore.SweepExpired"/> run deleted: expired files, and abandoned partial uploads.</summary>
public sealed record MediaSweep(int Expired, int AbandonedUploads)
{
    public int Total => Expired + AbandonedUploads;
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Every publish, upload and published video the sandbox knows, plus the 24-hour counters behind TikTok's caps.
/// With a <see cref="SandboxStateFile"/> every publish, upload and post is written through, and the fixture videos and
/// posts are seeded from the moment the file was first seeded, so a restarted sandbox still knows each publish_id and
/// counts the same posts against the caps. Thread-safe: one lock guards all of it, including the
/// <see cref="PublishRecord"/>s it hands out through its methods.
/// </summary>
public sealed class PublishBook
{
    // Publish and upload ids count up from the process's start time in microseconds, so a restarted sandbox never hands
    // out an id that an earlier run gave and Midx still holds (its database refuses a second job with one publish_id).
    private static long s_sequence = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PublishRecord> _publishes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadSession> _uploads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _directPosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _activePublishers = new(StringComparer.Ordinal);
    private readonly List<SandboxVideo> _seededVideos = [];
    private readonly Queue<PublishScenario> _scenarios = new();
    private readonly SandboxStateFile? _state;

    public PublishBook(DateTimeOffset now, int postCap, SandboxStateFile? state = null)
    {
        _state = state;
        if (state?.Query("SELECT value FROM meta WHERE key = 'seeded_at'", row => row.GetInt64(0)) is [var seededAt])
        {
            Seed(SandboxStateFile.At(seededAt), postCap);
            Load(state);
        }
        else
        {
            Seed(now, postCap);
        }
    }

    public void Reset(DateTimeOffset now, int postCap)
    {
        lock (_gate)
        {
            _publishes.Clear();
            _uploads.Clear();
            _directPosts.Clear();
            _activePublishers.Clear();
            _seededVideos.Clear();
            _scenarios.Clear();
            if (_state is not null)
            {
                _state.Execute("DELETE FROM publishes; DELETE FROM uploads; DELETE FROM direct_posts; DELETE FROM active_publishers; DELETE FROM meta;");
                foreach (var kept in Directory.EnumerateFiles(_state.UploadsFolder))
                {
                    File.Delete(kept);
                }
            }

            Seed(now, postCap);
        }
    }

    /// <summary>Queue scenarios that the next publishes take, in order, instead of the switch defaults.</summary>
    public void QueueScenario(PublishScenario scenario, int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _scenarios.Enqueue(scenario);
            }
        }
    }

    public CreatorUsage UsageOf(string openId, DateTimeOffset now)
    {
        lock (_gate)
        {
            return Usage(openId, now);
        }
    }

    /// <summary>
    /// Runs the account and app checks and creates the publish in one step under the lock, so two inits cannot both
    /// slip under a cap.
    /// </summary>
    public (TikTokApiError? Error, PublishRecord? Publish) Init(
        PublishInitRequest request, SandboxCreator creator, TikTokSandboxSwitches switches, DateTimeOffset now, string? body)
    {
        lock (_gate)
        {
            var (error, effectivePrivacy) = PublishInitRules.Evaluate(request, creator, Usage(creator.OpenId, now), switches);
            if (error is not null)
            {
                return (error, null);
            }

            var number = Interlocked.Increment(ref s_sequence);
            var id = (request.Flow, request.Source) switch
            {
                (PublishFlow.Direct, PublishSourceKind.FileUpload) => $"v_pub_file~v2-1.{number}",
                (PublishFlow.Direct, PublishSourceKind.PullFromUrl) => $"v_pub_url~v2.{number}",
                (PublishFlow.Inbox, PublishSourceKind.FileUpload) => $"v_inbox_file~v2.{number}",
                _ => $"v_inbox_url~v2.{number}",
            };

            UploadSession? upload = null;
            if (request.Source == PublishSourceKind.FileUpload)
            {
                upload = new UploadSession(number.ToString(CultureInfo.InvariantCulture), SandboxTokens.UploadToken(),
                    request.VideoSize, request.ChunkSize, request.ChunkCount, now.AddSeconds(switches.UploadUrlTtlSeconds), _state);
                _uploads[upload.UploadId] = upload;
            }

            var scenario = _scenarios.Count > 0
                ? _scenarios.Dequeue()
                : new PublishScenario(TimeSpan.FromSeconds(switches.ProcessingDelaySeconds), TimeSpan.FromSeconds(switches.ModerationDelaySeconds));
            var publish = new PublishRecord
            {
                PublishId = id,
                OpenId = creator.OpenId,
                Flow = request.Flow,
                Source = request.Source,
                CreatedAt = now,
                Scenario = scenario,
                PostId = 7_000_000_000_000_000_000 + number,
                Upload = upload,
                VideoUrl = request.VideoUrl,
                Title = request.Title,
                RequestedPrivacy = request.PrivacyLevel,
                EffectivePrivacy = effectivePrivacy,
                RequestBody = body,
            };
            _publishes[id] = publish;
            Save(publish);

            if (request.Flow == PublishFlow.Direct)
            {
                Posts(creator.OpenId).Add(now);
                _activePublishers[creator.OpenId] = now;
                _state?.Execute("INSERT INTO direct_posts (open_id, at) VALUES ($openId, $at); INSERT OR REPLACE INTO active_publishers (open_id, at) VALUES ($openId, $at);",
                    ("$openId", creator.OpenId), ("$at", SandboxStateFile.Ticks(now)));
            }

            return (null, publish);
        }
    }

    public UploadSession? FindUpload(string? uploadId, string? uploadToken)
    {
        lock (_gate)
        {
            return uploadId is not null && _uploads.TryGetValue(uploadId, out var upload)
                && string.Equals(upload.UploadToken, uploadToken, StringComparison.Ordinal) ? upload : null;
        }
    }

    /// <summary>Runs <paramref name="read"/> on a publish under the book's lock; null when the id is unknown.</summary>
    public T? With<T>(string publishId, Func<PublishRecord, T> read)
    {
        lock (_gate)
        {
            return _publishes.TryGetValue(publishId, out var publish) ? read(publish) : default;
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> on a publish under the book's lock and keeps the publish when it says it changed;
    /// false when it refused or the id is unknown.
    /// </summary>
    public bool Change(string publishId, Func<PublishRecord, bool> change)
    {
        lock (_gate)
        {
            if (!_publishes.TryGetValue(publishId, out var publish) || !change(publish))
            {
                return false;
            }

            Save(publish);
            return true;
        }
    }

    public IReadOnlyList<T> All<T>(Func<PublishRecord, T> read)
    {
        lock (_gate)
        {
            return _publishes.Values.OrderBy(p => p.CreatedAt).Select(read).ToList();
        }
    }

    /// <summary>The creator's publicly visible videos at <paramref name="now"/>, newest first (what the Display API lists).</summary>
    public IReadOnlyList<SandboxVideo> PublicVideos(string openId, DateTimeOffset now)
    {
        lock (_gate)
        {
            var published = _publishes.Values
                .Where(p => p.OpenId == openId)
                .Select(p => (Publish: p, Since: p.PubliclyAvailableSince(now)))
                .Where(x => x.Since is not null)
                .Select(x => new SandboxVideo(x.Publish.PostId.ToString(CultureInfo.InvariantCulture), openId, x.Since!.Value, x.Publish.Title ?? "", 30));
            return _seededVideos.Where(v => v.OpenId == openId).Concat(published)
                .OrderByDescending(v => v.CreateTime).ThenByDescending(v => v.Id, StringComparer.Ordinal).ToList();
        }
    }

    private CreatorUsage Usage(string openId, DateTimeOffset now)
    {
        var dayAgo = now.AddHours(-24);
        var posts = Posts(openId);
        posts.RemoveAll(t => t <= dayAgo);
        foreach (var stale in _activePublishers.Where(p => p.Value <= dayAgo).Select(p => p.Key).ToList())
        {
            _activePublishers.Remove(stale);
        }

        var pending = _publishes.Values.Count(p => p.OpenId == openId && p.Flow == PublishFlow.Inbox && p.CreatedAt > dayAgo
            && p.StatusAt(now).Status is not (PublishStatusNames.PublishComplete or PublishStatusNames.Failed));
        return new CreatorUsage(posts.Count, pending, _activePublishers.ContainsKey(openId), _activePublishers.Count);
    }

    private List<DateTimeOffset> Posts(string openId)
    {
        if (!_directPosts.TryGetValue(openId, out var posts))
        {
            posts = [];
            _directPosts[openId] = posts;
        }

        return posts;
    }

    private void Save(PublishRecord publish) =>
        _state?.Execute("INSERT OR REPLACE INTO publishes (publish_id, record_json) VALUES ($id, $json)",
            ("$id", publish.PublishId), ("$json", JsonSerializer.Serialize(publish, UploadById.Writing)));

    private void Load(SandboxStateFile state)
    {
        var uploads = UploadSession.LoadAll(state).ToDictionary(u => u.UploadId, StringComparer.Ordinal);
        var reading = new JsonSerializerOptions { Converters = { new UploadById(uploads) } };
        foreach (var publish in state.Query("SELECT record_json FROM publishes", row => JsonSerializer.Deserialize<PublishRecord>(row.GetString(0), reading)!))
        {
            _publishes[publish.PublishId] = publish;
        }

        foreach (var (id, upload) in uploads)
        {
            _uploads[id] = upload;
        }

        foreach (var (openId, at) in state.Query("SELECT open_id, at FROM direct_posts", row => (row.GetString(0), row.GetInt64(1))))
        {
            Posts(openId).Add(SandboxStateFile.At(at));
        }

        foreach (var (openId, at) in state.Query("SELECT open_id, at FROM active_publishers", row => (row.GetString(0), row.GetInt64(1))))
        {
            _activePublishers[openId] = SandboxStateFile.At(at);
        }
    }

    /// <summary>The seeding moment is kept so the fixture videos keep their dates and the capped creator's posts age out once.</summary>
    private void Seed(DateTimeOffset now, int postCap)
    {
        _state?.Execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded_at', $at)", ("$at", SandboxStateFile.Ticks(now)));
        foreach (var creator in TikTokFixtures.Creators)
        {
            // "At the daily cap" means postCap posts from other apps in the last 24 h; they age out like real ones.
            if (creator.AtDailyPostCap)
            {
                Posts(creator.OpenId).AddRange(Enumerable.Repeat(now, postCap));
            }

            for (var i = 1; i <= creator.SeededVideoCount; i++)
            {
                _seededVideos.Add(new SandboxVideo($"73000000000000000{i:00}", creator.OpenId, now.AddDays(-i), $"Earlier video {i} #sandbox", 15 * i));
            }
        }
    }
}

/// <summary>
/// A video as the Display API sees it (https://developers.tiktok.com/doc/tiktok-api-v2-video-object).
/// </summary>
public sealed record SandboxVideo(string Id, string OpenId, DateTimeOffset CreateTime, string Title, int DurationSeconds);

/// <summary>Writes a publish's upload as its upload id, which the state file keeps in its own table, and reads it back from those.</summary>
file sealed class UploadById(IReadOnlyDictionary<string, UploadSession> uploads) : JsonConverter<UploadSession>
{
    public static readonly JsonSerializerOptions Writing = new() { Converters = { new UploadById(new Dictionary<string, UploadSession>()) } };

    public override UploadSession Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => uploads[reader.GetString()!];

    public override void Write(Utf8JsonWriter writer, UploadSession value, JsonSerializerOptions options) => writer.WriteStringValue(value.UploadId);
}

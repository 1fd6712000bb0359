using System.Text.Json.Serialization;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// One <c>publish_id</c> and its status state machine
/// (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status). The status is never stored:
/// it is computed from the sandbox clock and the moments things happened (upload finished, user posted the draft,
/// access removed, download cancelled), so advancing the clock moves the timers without any background work. Those
/// moments are what <see cref="PublishBook"/> writes to its state file as JSON, with the upload named by its id.
/// Not thread-safe on its own: <see cref="PublishBook"/> guards every read and change with its lock.
/// </summary>
public sealed class PublishRecord
{
    /// <summary>What the sandbox pretends a PULL_FROM_URL video weighs, to report <c>downloaded_bytes</c>.</summary>
    public const long PulledVideoSize = 24_000_000;

    public required string PublishId { get; init; }

    public required string OpenId { get; init; }

    public required PublishFlow Flow { get; init; }

    public required PublishSourceKind Source { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required PublishScenario Scenario { get; init; }

    /// <summary>The post id TikTok will give this video if it ever becomes publicly available.</summary>
    public required long PostId { get; init; }

    public UploadSession? Upload { get; init; }

    public string? VideoUrl { get; init; }

    public string? Title { get; init; }

    /// <summary>Privacy asked for in <c>post_info</c> (Direct Post only).</summary>
    public string? RequestedPrivacy { get; init; }

    /// <summary>Privacy TikTok applies: the requested one, or SELF_ONLY when an unaudited client is forced private.</summary>
    public string? EffectivePrivacy { get; set; }

    /// <summary>The request body as received, for inspection by tests.</summary>
    public string? RequestBody { get; init; }

    [JsonInclude]
    public DateTimeOffset? UserPostedAt { get; private set; }

    [JsonInclude]
    public DateTimeOffset? AuthRemovedAt { get; private set; }

    [JsonInclude]
    public DateTimeOffset? CancelledAt { get; private set; }

    public PublishStatus StatusAt(DateTimeOffset now)
    {
        var startedAt = Source == PublishSourceKind.FileUpload ? Upload?.CompletedAt : CreatedAt;
        if (startedAt is null)
        {
            return Interrupted(now) ?? Processing(now, progress: 0);
        }

        var doneAt = startedAt.Value + Scenario.ProcessingDelay;
        if (Scenario.Stuck || now < doneAt)
        {
            var elapsed = (now - startedAt.Value).TotalSeconds;
            var total = Scenario.ProcessingDelay.TotalSeconds;
            var progress = Scenario.Stuck || total <= 0 ? 0.5 : Math.Clamp(elapsed / total, 0, 1);
            return Interrupted(now) ?? Processing(now, progress);
        }

        if (Interrupted(doneAt) is { } interrupted)
        {
            return interrupted;
        }

        if (Scenario.PullFails && Source == PublishSourceKind.PullFromUrl)
        {
            return Failed(doneAt, "video_pull_failed");
        }

        if (Scenario.FailReason is { } reason)
        {
            return Failed(doneAt, reason);
        }

        if (Flow == PublishFlow.Inbox)
        {
            return UserPostedAt is { } posted
                ? Complete(now, posted, EffectivePrivacy)
                : new PublishStatus(PublishStatusNames.SendToUserInbox, doneAt, null, [], Transferred(1), Source);
        }

        return Complete(now, doneAt, EffectivePrivacy);
    }

    /// <summary>The moment the post id became public, or null if it is not (yet) public at <paramref name="now"/>.</summary>
    public DateTimeOffset? PubliclyAvailableSince(DateTimeOffset now)
    {
        var status = StatusAt(now);
        return status.PostIds.Count > 0 ? status.Since + Scenario.ModerationDelay : null;
    }

    /// <summary>The creator tapped the inbox notification and posted the draft with <paramref name="privacy"/>.</summary>
    public bool MarkUserPosted(DateTimeOffset now, string privacy)
    {
        if (Flow != PublishFlow.Inbox || StatusAt(now).Status != PublishStatusNames.SendToUserInbox)
        {
            return false;
        }

        UserPostedAt = now;
        EffectivePrivacy = privacy;
        return true;
    }

    /// <summary>The creator removed Midx's access while TikTok was still working on this publish.</summary>
    public bool MarkAuthRemoved(DateTimeOffset now)
    {
        if (IsTerminalOrDelivered(StatusAt(now).Status))
        {
            return false;
        }

        AuthRemovedAt = now;
        return true;
    }

    /// <summary>
    /// Cancel is best-effort and only for a PULL_FROM_URL download still in progress
    /// (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide).
    /// </summary>
    public bool Cancel(DateTimeOffset now)
    {
        if (Source != PublishSourceKind.PullFromUrl || StatusAt(now).Status != PublishStatusNames.ProcessingDownload)
        {
            return false;
        }

        CancelledAt = now;
        return true;
    }

    public static bool IsTerminalOrDelivered(string status) =>
        status is PublishStatusNames.PublishComplete or PublishStatusNames.Failed or PublishStatusNames.SendToUserInbox;

    private PublishStatus? Interrupted(DateTimeOffset at)
    {
        if (CancelledAt is { } cancelled && cancelled <= at)
        {
            return Failed(cancelled, "publish_cancelled");
        }

        return AuthRemovedAt is { } removed && removed <= at ? Failed(removed, "auth_removed") : null;
    }

    private PublishStatus Processing(DateTimeOffset now, double progress) =>
        Source == PublishSourceKind.FileUpload
            ? new PublishStatus(PublishStatusNames.ProcessingUpload, now, null, [], Transferred(progress), Source)
            : new PublishStatus(PublishStatusNames.ProcessingDownload, now, null, [], Transferred(progress), Source);

    private PublishStatus Failed(DateTimeOffset at, string reason) =>
        new(PublishStatusNames.Failed, at, reason, [], Transferred(1), Source);

    private PublishStatus Complete(DateTimeOffset now, DateTimeOffset completedAt, string? privacy)
    {
        // Only public posts get an id, and only once moderation has finished.
        var isPublic = privacy == PrivacyLevels.PublicToEveryone && now >= completedAt + Scenario.ModerationDelay;
        return new PublishStatus(PublishStatusNames.PublishComplete, completedAt, null, isPublic ? [PostId] : [], Transferred(1), Source);
    }

    private long Transferred(double progress) => Source == PublishSourceKind.FileUpload
        ? Upload?.ReceivedBytes ?? 0
        : (long)(PulledVideoSize * progress);
}

/// <summary>Status at one moment. <see cref="Since"/> is when the status began (for terminal ones) or the query time.</summary>
public sealed record PublishStatus(
    string Status,
    DateTimeOffset Since,
    string? FailReason,
    IReadOnlyList<long> PostIds,
    long TransferredBytes,
    PublishSourceKind Source);

/// <summary>How a publish will play out, fixed at init from the switches and any scenario a test queued.</summary>
public sealed record PublishScenario(TimeSpan ProcessingDelay, TimeSpan ModerationDelay, string? FailReason = null, bool Stuck = false, bool PullFails = false);

public enum PublishFlow
{
    Direct,
    Inbox,
}

public enum PublishSourceKind
{
    FileUpload,
    PullFromUrl,
}

using System.Globalization;
using Midx.Core.Admin;
using Midx.Core.Publishing;

namespace Midx.App.Admin;

/// <summary>How the console writes times, durations, sizes and states: UTC, unambiguous, the same on every page.</summary>
public static class AdminText
{
    public static string Time(DateTime? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "—";

    public static string ShortTime(DateTime value) => value.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture);

    public static string IsoTime(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The step between a chart's y-axis ticks: one per item for small counts, about five ticks for large ones.</summary>
    public static int ChartTickStep(int max) => Math.Max(1, (max + 4) / 5);

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The account an upload went to; a disconnected one is named from the upload's consent record and marked.</summary>
    public static string Account(UploadRow row, string? displayName = null) => row.AccountDisconnected
        ? PostAccountName.Describe(row.AccountUsername, displayName, disconnected: true)
        : "@" + (row.AccountUsername ?? "unknown");

    public static string Duration(TimeSpan? value)
    {
        if (value is not { } d)
        {
            return "—";
        }

        if (d < TimeSpan.FromSeconds(1))
        {
            return $"{(int)d.TotalMilliseconds} ms";
        }

        if (d < TimeSpan.FromMinutes(1))
        {
            return d.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
        }

        if (d < TimeSpan.FromHours(1))
        {
            return $"{(int)d.TotalMinutes} min {d.Seconds} s";
        }

        if (d < TimeSpan.FromDays(1))
        {
            return $"{(int)d.TotalHours} h {d.Minutes} min";
        }

        return $"{(int)d.TotalDays} d {d.Hours} h";
    }

    /// <summary>How the console names a publish mode, in the grid, its filter and an upload's page.</summary>
    public static string Mode(PublishMode mode) => mode == PublishMode.Direct ? "Direct post" : "Inbox draft";

    /// <summary>How the console names where a video came from, in the grid, its filter and an upload's page.</summary>
    public static string Source(VideoSource source) => source == VideoSource.File ? "File upload" : "From URL";

    /// <summary>How the console names a workspace's kind, in the list, a user's page and a workspace's page.</summary>
    public static string WorkspaceKind(bool isPersonal) => isPersonal ? "Personal" : "Shared";

    /// <summary>A workspace's own posting boundary (an installation may also set inbox drafts only for every workspace).</summary>
    public static string PostingBoundary(bool inboxDraftsOnly) => inboxDraftsOnly ? "Inbox drafts only" : "Direct post and inbox drafts";

    /// <summary>A workspace's review rule, and how many posts wait for it.</summary>
    public static string Review(bool requiresReview, int awaiting) =>
        (requiresReview ? "Posts need approval" : "Posts go without approval") + (awaiting > 0 ? $" · {Number(awaiting)} awaiting review" : "");

    /// <summary>The same words the creator's pages and the live feed use for a state.</summary>
    public static string State(JobState state) => JobStateMachine.Label(state);
}

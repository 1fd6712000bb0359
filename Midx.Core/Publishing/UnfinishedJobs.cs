namespace Midx.Core.Publishing;

/// <summary>
/// Jobs whose work is not over: not yet Published, Failed or Cancelled, or Published with a status check still planned
/// (TikTok's post id). A superset of the jobs a disconnect changes; <see cref="JobStateMachine.OnDisconnect"/> decides.
/// </summary>
internal static class UnfinishedJobs
{
    public static IQueryable<PublishJob> Unfinished(this IQueryable<PublishJob> jobs) => jobs.Where(j =>
        (j.State != JobState.Published && j.State != JobState.Failed && j.State != JobState.Cancelled) || j.NextPollAt != null);
}

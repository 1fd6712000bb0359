using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.Webhooks;
using Midx.Core.Workspaces;

namespace Midx.Core.TikTok;

/// <summary>
/// Disconnects a TikTok account (privacy promise 10, listed on /privacy; revoke:
/// https://developers.tiktok.com/doc/oauth-user-access-token-management): Midx loses its access, the user keeps
/// the history of what was posted. The access token is read first (refreshed if it has expired: TikTok revokes only a
/// live access token); then, in one transaction, the account's unfinished posts are settled
/// (<see cref="JobStateMachine.OnDisconnect"/>: a post not yet sent is cancelled, one TikTok has is no longer followed,
/// each with a plain message through <see cref="ApplyJobChangeCommand"/>) and the row with both tokens is deleted (the
/// posts keep their rows, without the account); after the commit the token is revoked at TikTok and the disconnect is
/// audited. While a post is being sent to TikTok (init under way or bytes uploading) nothing is changed: Midx could
/// neither finish nor cleanly stop it without the token, so the user is asked to wait or cancel the upload first.
/// The local delete happens even when TikTok cannot be reached or refuses the revoke, and the result says so.
/// When the whole user is being deleted, the posts are left to that deletion and nothing waits for them.
/// Who may: a member allowed to link accounts in the account's workspace; when a user is deleted, every account of the
/// workspaces that go with them, so that each token is revoked rather than dropped with their rows.
/// </summary>
public sealed class DisconnectTikTokAccountCommand(
    MidxDbContext db,
    TikTokApiClient tikTok,
    TikTokAccessTokens tokens,
    ApplyJobChangeCommand apply,
    ReleaseJobMediaCommand release,
    AuditLog audit,
    TimeProvider time,
    ILogger<DisconnectTikTokAccountCommand> logger)
{
    private IQueryable<TikTokAccount> Disconnectable(Guid userId, Guid accountId, TikTokDisconnectPurpose purpose) =>
        purpose == TikTokDisconnectPurpose.UserDeleted
            ? db.TikTokAccounts.Where(a => a.Id == accountId && db.WorkspacesOnlyOf(userId).Contains(a.WorkspaceId))
            : db.TikTokAccounts.Where(a => a.Id == accountId && db.WorkspacesWhere(userId, WorkspacePermission.LinkAccounts).Contains(a.WorkspaceId));

    public async Task<TikTokDisconnectResult> ExecuteAsync(
        Guid userId, Guid accountId, TikTokDisconnectPurpose purpose, CancellationToken cancellationToken)
    {
        var owned = await Disconnectable(userId, accountId, purpose).AsNoTracking()
            .Select(a => new { a.Id, a.WorkspaceId, a.Username, a.DisplayName, a.TokenState })
            .SingleOrDefaultAsync(cancellationToken);
        if (owned is null)
        {
            return new TikTokDisconnectResult(TikTokDisconnectOutcome.NotFound, null, DisconnectedPosts.None);
        }

        var (accessToken, revokeProblem) = owned.TokenState == TokenState.Active
            ? await AccessTokenAsync(accountId, cancellationToken)
            : (null, "no usable token");

        db.ChangeTracker.Clear();
        var posts = DisconnectedPosts.None;
        var settled = new List<PublishJob>();
        var failedWithVideo = new List<PublishJob>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (purpose == TikTokDisconnectPurpose.UserAsked)
            {
                var name = PostAccountName.Of(owned.Username, owned.DisplayName) ?? "the TikTok account";
                (posts, settled) = await SettlePostsAsync(accountId, name, cancellationToken);
                if (posts.Sending > 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    logger.LogInformation("User {UserId} asked to disconnect TikTok account {AccountId} while {Sending} posts were being sent; nothing changed",
                        userId, accountId, posts.Sending);
                    return new TikTokDisconnectResult(TikTokDisconnectOutcome.PostsBeingSent, owned.Username, posts);
                }
            }

            // Failed posts kept their video for a retry, which needs the account; read them before the link is cut.
            failedWithVideo = await db.PublishJobs.AsNoTracking()
                .Where(j => j.TikTokAccountId == accountId && j.State == JobState.Failed && j.MediaPath != null)
                .ToListAsync(cancellationToken);
            if (await Disconnectable(userId, accountId, purpose).ExecuteDeleteAsync(cancellationToken) == 1)
            {
                // The DELETE bypasses the change tracker, so its webhook event is staged here, in the same transaction.
                await WebhookOutbox.AddAsync(db, owned.WorkspaceId, WebhookEventTypes.AccountDisconnected,
                    new WebhookAccountData(accountId, null), time.GetUtcNow().UtcDateTime, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // The settled jobs still carry the account id in memory; nothing below may save them.
        db.ChangeTracker.Clear();

        // After the commit: the file of a cancelled post, or of a failed one that can no longer be retried, is no
        // longer needed by anything (promise 7).
        foreach (var job in failedWithVideo)
        {
            job.TikTokAccountId = null;
        }

        foreach (var job in settled.Concat(failedWithVideo))
        {
            await release.ExecuteAsync(job, cancellationToken);
        }

        var revoked = false;
        if (accessToken is not null)
        {
            (revoked, revokeProblem) = await RevokeAsync(accountId, accessToken, cancellationToken);
        }

        await audit.WriteAsync(TikTokAuditActions.Disconnected, userId, userId,
            $"TikTok account {accountId} (@{owned.Username}) disconnected; tokens deleted; "
            + (revoked ? "access revoked at TikTok" : $"not revoked at TikTok: {revokeProblem}")
            + $"; posts kept ({posts.Cancelled} not yet sent cancelled, {posts.Unfollowed} no longer followed)", cancellationToken);
        logger.LogInformation("User {UserId} disconnected TikTok account {AccountId}; revoked at TikTok: {Revoked}; {Cancelled} posts cancelled, {Unfollowed} no longer followed",
            userId, accountId, revoked, posts.Cancelled, posts.Unfollowed);
        return new TikTokDisconnectResult(revoked ? TikTokDisconnectOutcome.Revoked : TikTokDisconnectOutcome.DeletedButNotRevoked, owned.Username, posts);
    }

    /// <summary>
    /// Cancels the account's posts not yet sent and stops following the ones TikTok has, unless a post is being sent:
    /// then only counts. On PostgreSQL the account's row and its jobs are locked first (on SQLite the transaction holds
    /// the write lock), so no worker moves a job and no new post is added for the account until the transaction ends.
    /// </summary>
    private async Task<(DisconnectedPosts Posts, List<PublishJob> Settled)> SettlePostsAsync(Guid accountId, string name, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "TikTokAccounts" WHERE "Id" = {accountId} FOR UPDATE""", cancellationToken);
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "PublishJobs" WHERE "TikTokAccountId" = {accountId} FOR UPDATE""", cancellationToken);
        }

        var jobs = await db.PublishJobs.Where(j => j.TikTokAccountId == accountId).Unfinished()
            .OrderBy(j => j.CreatedAt).ToListAsync(cancellationToken);
        var effects = jobs.Select(j => (Job: j, Effect: JobStateMachine.OnDisconnect(j.State, j.NextPollAt is not null))).ToList();
        var posts = DisconnectedPosts.Count(effects.Select(e => e.Effect));
        if (posts.Sending > 0)
        {
            return (posts, []);
        }

        var settled = new List<PublishJob>();
        foreach (var (job, effect) in effects.Where(e => e.Effect != DisconnectEffect.None))
        {
            // A hold note or an earlier refusal no longer says why this post stands where it does.
            job.ErrorCode = null;
            job.ErrorMessage = null;
            job.ErrorLogId = null;
            job.NextPollAt = null;
            var update = effect == DisconnectEffect.Cancel
                ? await apply.ExecuteAsync(job, new JobChange(JobState.Cancelled)
                {
                    Message = $"Cancelled because {name} was disconnected before it was sent. Nothing was posted on TikTok.",
                    ErrorCode = ErrorCatalog.AccountDisconnected,
                }, cancellationToken)
                : await apply.NoteAsync(job, StoppedFollowingMessage(job, name), ErrorCatalog.AccountDisconnected, keepOnJob: true, cancellationToken);
            if (update is null)
            {
                // The jobs (PostgreSQL) or the whole database (SQLite) are locked, so nothing can have moved the job: a bug.
                throw new InvalidOperationException($"Job {job.Id} changed while its account was being disconnected.");
            }

            settled.Add(job);
        }

        return (posts, settled);
    }

    private static string StoppedFollowingMessage(PublishJob job, string name) => job.State switch
    {
        JobState.SentToInbox =>
            $"Midx stopped checking this draft when {name} was disconnected. It is in your TikTok inbox; if you post it from there, it appears on your profile as usual.",
        JobState.Published =>
            $"Midx stopped waiting for this post's link when {name} was disconnected. The post is on TikTok: you'll find it on your profile.",
        _ => $"Midx stopped following this post when {name} was disconnected. "
            + (job.Source == VideoSource.Url ? "TikTok was fetching the video from its link" : "TikTok had the whole video")
            + $" — check your TikTok {(job.Mode == PublishMode.Inbox ? "inbox" : "profile")} for the result.",
    };

    private async Task<(string? AccessToken, string? Problem)> AccessTokenAsync(Guid accountId, CancellationToken cancellationToken)
    {
        try
        {
            var token = await tokens.GetFreshAccessTokenAsync(accountId, cancellationToken);
            return (token.AccessToken, token.AccessToken is null ? token.Outcome.ToString() : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            logger.LogWarning("Refreshing TikTok account {AccountId} before revoking failed: TikTok could not be reached ({Fault})", accountId, ex.GetType().Name);
            return (null, "TikTok unreachable");
        }
    }

    private async Task<(bool Revoked, string? Problem)> RevokeAsync(Guid accountId, string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await tikTok.RevokeAsync(accessToken, cancellationToken);
            return (answer.IsSuccess, answer.Error is { } error ? $"{error.Code} (log_id {error.LogId})" : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            logger.LogWarning("Revoking TikTok account {AccountId} failed: TikTok could not be reached ({Fault})", accountId, ex.GetType().Name);
            return (false, "TikTok unreachable");
        }
    }
}

/// <summary>What a disconnect did, and what it did (or would do) to the account's unfinished posts.</summary>
public sealed record TikTokDisconnectResult(TikTokDisconnectOutcome Outcome, string? Username, DisconnectedPosts Posts);

/// <summary>
/// The account's unfinished posts a disconnect touches: <see cref="Cancelled"/> not yet sent (cancelled),
/// <see cref="Sending"/> on their way to TikTok (the disconnect waits for them), <see cref="Unfollowed"/> TikTok has
/// (Midx stops following them).
/// </summary>
public sealed record DisconnectedPosts(int Cancelled, int Sending, int Unfollowed)
{
    public static DisconnectedPosts None { get; } = new(0, 0, 0);

    public static DisconnectedPosts Count(IEnumerable<DisconnectEffect> effects)
    {
        var all = effects.ToList();
        return new(all.Count(e => e == DisconnectEffect.Cancel), all.Count(e => e == DisconnectEffect.Wait), all.Count(e => e == DisconnectEffect.StopFollowing));
    }
}

/// <summary>Who asked: the user on the accounts page, or the deletion of the whole user (which deletes the posts too).</summary>
public enum TikTokDisconnectPurpose
{
    UserAsked,
    UserDeleted,
}

public enum TikTokDisconnectOutcome
{
    /// <summary>Revoked at TikTok and deleted here.</summary>
    Revoked,

    /// <summary>Deleted here; TikTok could not be reached or refused, so the creator should remove Midx in the TikTok app.</summary>
    DeletedButNotRevoked,

    /// <summary>Nothing changed: a post is being sent to TikTok right now; wait for it or cancel it, then disconnect.</summary>
    PostsBeingSent,

    /// <summary>No such account for this user.</summary>
    NotFound,
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Midx.Core.Api;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;

namespace Midx.Core.Webhooks;

/// <summary>
/// Turns the changes a SaveChanges is about to write into webhook events, in the same SaveChanges and so the same
/// transaction (https://learn.microsoft.com/ef/core/logging-events-diagnostics/interceptors#savechanges-interception):
/// every new <see cref="PublishEvent"/> that records a post's move to another state (or a post just made), and a tracked
/// account turning "needs reconnect". Changes written around the change tracker stage their events themselves with
/// <see cref="WebhookOutbox"/> (the token refresh's conditional UPDATE, the disconnect's DELETE). When the save fails, the
/// deliveries it staged are taken back, so a caller that saves again does not send an event twice.
/// </summary>
public sealed class WebhookOutboxInterceptor(TimeProvider time, WebhookDispatchSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfQueued(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfQueued(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // A synchronous save blocks on the read of the workspace's endpoints, so its events are staged all the same.
        StageAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await StageAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Unstage(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Unstage(eventData.Context);
        return Task.CompletedTask;
    }

    // A lost optimistic check (ApplyJobChangeCommand's) is reported here rather than as a failed save.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Unstage(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Unstage(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private async Task StageAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not MidxDbContext db)
        {
            return;
        }

        var entries = db.ChangeTracker.Entries().ToList();
        var jobs = entries.Where(e => e.Entity is PublishJob).ToDictionary(e => ((PublishJob)e.Entity).Id);
        foreach (var entry in entries.Where(e => e is { State: EntityState.Added, Entity: PublishEvent }))
        {
            var history = (PublishEvent)entry.Entity;
            if (jobs.TryGetValue(history.JobId, out var job) && Moved(job, history.State) is var (moved, previous) && moved)
            {
                await AddPostEventsAsync(db, (PublishJob)job.Entity, history, previous, cancellationToken);
            }
        }

        foreach (var entry in entries.Where(e => e is { State: EntityState.Modified, Entity: TikTokAccount }))
        {
            var state = entry.Property(nameof(TikTokAccount.TokenState));
            if (state.IsModified && (TokenState)state.CurrentValue! == TokenState.NeedsReconnect && (TokenState)state.OriginalValue! != TokenState.NeedsReconnect)
            {
                var account = (TikTokAccount)entry.Entity;
                await WebhookOutbox.AddAsync(db, account.WorkspaceId, WebhookEventTypes.AccountNeedsReconnect,
                    new WebhookAccountData(account.Id, ApiNames.Of(TokenState.NeedsReconnect)), time.GetUtcNow().UtcDateTime, cancellationToken);
            }
        }
    }

    /// <summary>Whether the history line records a move (or a new post), and the state it left; a note without a move is no event.</summary>
    private static (bool Moved, JobState? Previous) Moved(EntityEntry job, JobState to)
    {
        if (job.State == EntityState.Added)
        {
            return (true, null);
        }

        var from = (JobState)job.Property(nameof(PublishJob.State)).OriginalValue!;
        return (from != to, from);
    }

    private static async Task AddPostEventsAsync(MidxDbContext db, PublishJob job, PublishEvent history, JobState? previous, CancellationToken cancellationToken)
    {
        var data = new WebhookPostData(job.Id, job.TikTokAccountId, ApiNames.Of(history.State),
            previous is { } from ? ApiNames.Of(from) : null, history.ErrorCode ?? job.ErrorCode, history.LogId ?? job.ErrorLogId);
        await WebhookOutbox.AddAsync(db, job.WorkspaceId, WebhookEventTypes.PostStatusChanged, data, history.At, cancellationToken);
        WebhookEventTypes? specific = history.State switch
        {
            JobState.Published => WebhookEventTypes.PostPublished,
            JobState.Failed => WebhookEventTypes.PostFailed,
            JobState.AwaitingReview => WebhookEventTypes.PostAwaitingReview,
            _ => null,
        };
        if (specific is { } type)
        {
            await WebhookOutbox.AddAsync(db, job.WorkspaceId, type, data, history.At, cancellationToken);
        }
    }

    /// <summary>Wakes the dispatcher after a save that wrote deliveries (here or through <see cref="WebhookOutbox"/>); a context that still tracks older ones wakes it for nothing, which costs one claim.</summary>
    private void NotifyIfQueued(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<WebhookDelivery>().Any() == true)
        {
            signal.Notify();
        }
    }

    private static void Unstage(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<WebhookDelivery>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}

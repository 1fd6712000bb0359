using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>The claim's PostgreSQL path (<c>FOR UPDATE SKIP LOCKED</c>) on a real server, for several instances.</summary>
public sealed class ClaimDueJobsPostgresTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();

    [Fact]
    public async Task Execute_OnPostgresTwoInstancesAtOnce_EachDueJobGoesToExactlyOne()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var now = _time.GetUtcNow().UtcDateTime;
        var due = new List<Guid>();
        Guid future;
        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync();
            var user = new User { GoogleSubject = "sub", Email = "pg@midx.test", Name = "Pg", CreatedAt = now, LastSeenAt = now };
            var account = new TikTokAccount { UserId = user.Id, WorkspaceId = user.Id, OpenId = "open-pg", ConnectedAt = now, LastSeenAt = now };
            db.AddPerson(user);
            db.TikTokAccounts.Add(account);
            for (var i = 0; i < 8; i++)
            {
                var job = Job(user, account, now, JobState.Queued);
                due.Add(job.Id);
                db.PublishJobs.Add(job);
            }

            var scheduled = Job(user, account, now, JobState.Scheduled);
            scheduled.ScheduledAt = now.AddHours(1);
            future = scheduled.Id;
            db.PublishJobs.Add(scheduled);
            await db.SaveChangesAsync();
        }

        var claims = await Task.WhenAll(ClaimAsync(database, "a"), ClaimAsync(database, "b"));

        Assert.Equal(due.Order(), claims.SelectMany(c => c).Order());
        Assert.DoesNotContain(future, claims.SelectMany(c => c));
        await using var check = Context(database);
        var leased = await check.PublishJobs.Where(j => j.LeaseOwner != null).ToListAsync();
        Assert.Equal(8, leased.Count);
        Assert.All(leased, j => Assert.Equal(now + TimeSpan.FromMinutes(5), j.LeaseExpiresAt));
        Assert.Empty(await ClaimAsync(database, "c"));
    }

    private async Task<IReadOnlyList<Guid>> ClaimAsync(PostgresDatabase database, string owner)
    {
        await using var db = Context(database);
        return await new ClaimDueJobsCommand(db, Options.Create(new PublishingOptions { LeaseDuration = TimeSpan.FromMinutes(5) }), _time)
            .ExecuteAsync(owner, 8, CancellationToken.None);
    }

    private static PublishJob Job(User user, TikTokAccount account, DateTime now, JobState state) => new()
    {
        UserId = user.Id,
        WorkspaceId = user.Id,
        TikTokAccountId = account.Id,
        SubmissionKey = Guid.NewGuid().ToString("N"),
        State = state,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static MidxDbContext Context(PostgresDatabase database) =>
        new(new DbContextOptionsBuilder<MidxDbContext>().UseNpgsql(database.ConnectionString).Options);
}

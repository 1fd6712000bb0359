using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Accounts;
using Midx.Core.Data;
using Midx.Core.TikTok;
using Midx.Tests.Support;

namespace Midx.Tests.Publishing;

/// <summary>The status-check limit on a real PostgreSQL server, where several instances share it.</summary>
public sealed class StatusPollRateLimiterPostgresTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();

    [Fact]
    public async Task TryAcquire_OnPostgresTwoInstancesAskingTogether_GrantThirtyInEveryMinuteAndNeverMore()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var start = _time.GetUtcNow().UtcDateTime;
        var account = new TikTokAccount { OpenId = "open-pg", ConnectedAt = start, LastSeenAt = start };
        await using (var db = Context(database))
        {
            await db.Database.MigrateAsync();
            var user = new User { GoogleSubject = "sub", Email = "pg@midx.test", Name = "Pg", CreatedAt = start, LastSeenAt = start };
            account.UserId = user.Id;
            account.WorkspaceId = user.Id;
            db.AddPerson(user);
            db.Add(account);
            await db.SaveChangesAsync();
        }

        var grants = await StatusPollRateLimiterTests.AskTogetherAsync(() => Context(database), account.Id, _time, TimeSpan.FromMinutes(2));

        StatusPollRateLimiterTests.AssertThirtyInEveryMinute(grants, start, TimeSpan.FromMinutes(2));
        await using var check = Context(database);
        Assert.Equal(grants.Max() + TimeSpan.FromSeconds(2), await check.TikTokAccounts.Select(a => a.NextStatusPollAt).SingleAsync());
    }

    private static MidxDbContext Context(PostgresDatabase database) =>
        new(new DbContextOptionsBuilder<MidxDbContext>().UseNpgsql(database.ConnectionString).Options);
}

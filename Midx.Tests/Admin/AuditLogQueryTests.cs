using Midx.Core.Admin;

namespace Midx.Tests.Admin;

public sealed class AuditLogQueryTests : AdminDatabase
{
    [Fact]
    public async Task Execute_Filters_MatchActionUserAsActorOrSubjectAndInclusiveDays()
    {
        var ada = Db.AddUser("ada@example.test", Now, isAdmin: true);
        var grace = Db.AddUser("grace@example.test", Now);
        var day = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var signIn = Add("account.signed-in", day.AddHours(8), grace.Id, grace.Id);
        var grant = Add(AdminAuditActions.GrantedAdmin, day.AddDays(1).AddHours(23), ada.Id, grace.Id);
        var adaSignIn = Add("account.signed-in", day.AddDays(2), ada.Id, ada.Id);
        var anonymous = Add("account.deleted", day.AddDays(-1), null, null);
        await Db.SaveChangesAsync();

        async Task<Guid[]> Ids(AuditFilter filter) =>
            (await new AuditLogQuery(NewContext()).ExecuteAsync(filter, null, 50, CancellationToken.None)).Rows.Select(r => r.Id).ToArray();

        Assert.Equal([adaSignIn, grant, signIn, anonymous], await Ids(new AuditFilter()));
        Assert.Equal([adaSignIn, signIn], await Ids(new AuditFilter { Action = "account.signed-in" }));
        Assert.Equal([grant, signIn], await Ids(new AuditFilter { UserId = grace.Id }));
        Assert.Equal([adaSignIn, grant], await Ids(new AuditFilter { UserEmail = "ada@example.test" }));
        Assert.Empty(await Ids(new AuditFilter { UserEmail = "nobody@example.test" }));
        Assert.Equal([grant, signIn], await Ids(new AuditFilter { From = DateOnly.FromDateTime(day), To = DateOnly.FromDateTime(day.AddDays(1)) }));

        var rows = (await new AuditLogQuery(NewContext()).ExecuteAsync(new AuditFilter { Action = AdminAuditActions.GrantedAdmin }, null, 50, CancellationToken.None)).Rows;
        Assert.Equal(("ada@example.test", "grace@example.test"), (rows[0].ActorEmail, rows[0].SubjectEmail));
    }

    [Fact]
    public async Task Execute_WalkingPages_VisitsEveryEventOnceNewestFirst()
    {
        var ids = Enumerable.Range(0, 12).Select(i => Add("account.signed-in", Now.AddMinutes(-(i / 4)), null, null)).ToList();
        await Db.SaveChangesAsync();

        var seen = new List<AuditRow>();
        KeysetCursor? after = null;
        do
        {
            var page = await new AuditLogQuery(NewContext()).ExecuteAsync(new AuditFilter(), after, 5, CancellationToken.None);
            seen.AddRange(page.Rows);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(ids.Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(seen.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
    }

    [Fact]
    public async Task Execute_WalkingPagesOldestFirst_VisitsEveryEventOnceAcrossEqualTimestamps()
    {
        // Four events share each timestamp, so every page boundary of five falls inside a run of equal times.
        var ids = Enumerable.Range(0, 12).Select(i => Add("account.signed-in", Now.AddMinutes(-(i / 4)), null, null)).ToList();
        await Db.SaveChangesAsync();
        var filter = new AuditFilter { OldestFirst = true };

        var seen = new List<AuditRow>();
        KeysetCursor? after = null;
        var pages = 0;
        do
        {
            var page = await new AuditLogQuery(NewContext()).ExecuteAsync(filter, after, 5, CancellationToken.None);
            seen.AddRange(page.Rows);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(seen.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
        Assert.Equal(12, seen.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Execute_ByUserId_SaysWhoseTrailItIsAndNobodyForADeletedUser()
    {
        var grace = Db.AddUser("grace@example.test", Now);
        Add("account.signed-in", Now, grace.Id, grace.Id);
        await Db.SaveChangesAsync();

        var trail = await new AuditLogQuery(NewContext()).ExecuteAsync(new AuditFilter { UserId = grace.Id }, null, 50, CancellationToken.None);
        var deleted = await new AuditLogQuery(NewContext()).ExecuteAsync(new AuditFilter { UserId = Guid.NewGuid() }, null, 50, CancellationToken.None);
        var everyone = await new AuditLogQuery(NewContext()).ExecuteAsync(new AuditFilter(), null, 50, CancellationToken.None);

        Assert.Equal("grace@example.test", trail.TrailOf);
        Assert.Null(deleted.TrailOf);
        Assert.Empty(deleted.Rows);
        Assert.Null(everyone.TrailOf);
    }

    [Fact]
    public async Task Export_Filters_StreamsEveryMatchingEventInTheViewsOrder()
    {
        var grace = Db.AddUser("grace@example.test", Now);
        var older = Add("account.signed-in", Now.AddHours(-2), grace.Id, grace.Id);
        var newer = Add("account.signed-in", Now.AddHours(-1), grace.Id, grace.Id);
        Add("tiktok.linked", Now, grace.Id, grace.Id);
        await Db.SaveChangesAsync();

        var oldestFirst = await new AuditExportQuery(NewContext())
            .ExecuteAsync(new AuditFilter { Action = "account.signed-in", OldestFirst = true }, CancellationToken.None).ToListAsync();

        Assert.Equal([older, newer], oldestFirst.Select(r => r.Id));
    }

    private Guid Add(string action, DateTime at, Guid? actor, Guid? subject)
    {
        var audit = new AuditEvent { Id = Guid.NewGuid(), At = at, Action = action, ActorUserId = actor, SubjectUserId = subject };
        Db.AuditEvents.Add(audit);
        return audit.Id;
    }
}

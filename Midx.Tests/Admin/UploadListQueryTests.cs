using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.Errors;
using Midx.Core.Publishing;

namespace Midx.Tests.Admin;

public sealed class UploadListQueryTests : AdminDatabase
{
    [Theory]
    [InlineData(UploadOrder.NewestFirst)]
    [InlineData(UploadOrder.OldestFirst)]
    public async Task Execute_WalkingEveryPage_ReturnsEachUploadOnceInOrderEvenWithEqualTimestamps(UploadOrder order)
    {
        var user = Db.AddUser("grace@example.test", Now);
        var account = Db.AddAccount(user, "grace", Now);
        var expected = new List<Guid>();
        for (var i = 0; i < 23; i++)
        {
            // Three uploads share each timestamp, so page boundaries fall between equal timestamps and the id is what
            // keeps the order total and the pages disjoint.
            expected.Add(Db.AddJob(account, Now.AddMinutes(-(i / 3)), id: Guid.NewGuid()).Id);
        }

        await Db.SaveChangesAsync();
        var query = new UploadListQuery(NewContext());

        var seen = new List<UploadRow>();
        KeysetCursor? after = null;
        var pages = 0;
        do
        {
            var page = await query.ExecuteAsync(new UploadFilter { Order = order }, after, pageSize: 5, CancellationToken.None);
            seen.AddRange(page.Rows);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(5, pages);
        Assert.Equal(23, seen.Count);
        Assert.Equal(expected.Order(), seen.Select(r => r.Id).Order());
        var ordered = order == UploadOrder.NewestFirst
            ? seen.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            : seen.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);
        Assert.Equal(ordered.Select(r => r.Id), seen.Select(r => r.Id));
        Assert.All(seen, r => Assert.Equal("grace@example.test", r.UserEmail));
        Assert.All(seen, r => Assert.Equal("grace", r.AccountUsername));
    }

    [Fact]
    public async Task Execute_WorkspaceFilter_ReturnsOnlyThePostsOfThatWorkspaceWhoeverSentThem()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        var grace = Db.AddUser("grace@example.test", Now);
        var studio = Db.AddWorkspace("Orbit Studio", ada, Now);
        Db.AddMember(studio, grace, Midx.Core.Workspaces.WorkspaceRole.Editor, Now);
        var shared = Db.AddAccount(ada, "orbit", Now).In(studio);
        var own = Db.AddAccount(grace, "grace", Now);
        var byAda = Db.AddJob(shared, Now.AddMinutes(-2));
        var byGrace = Db.AddJob(shared, Now.AddMinutes(-1));
        byGrace.UserId = grace.Id;
        Db.AddJob(own, Now);
        await Db.SaveChangesAsync();

        var page = await new UploadListQuery(NewContext()).ExecuteAsync(new UploadFilter { WorkspaceId = studio.Id }, null, 50, CancellationToken.None);

        Assert.Equal([byGrace.Id, byAda.Id], page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Execute_ExactlyOnePageOfRows_HasNoNextPage()
    {
        var account = Db.AddAccount(Db.AddUser("a@example.test", Now), "a", Now);
        for (var i = 0; i < 5; i++)
        {
            Db.AddJob(account, Now.AddMinutes(-i));
        }

        await Db.SaveChangesAsync();

        var page = await new UploadListQuery(NewContext()).ExecuteAsync(new UploadFilter(), null, 5, CancellationToken.None);

        Assert.Equal(5, page.Rows.Count);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Execute_EachFilter_ReturnsOnlyTheUploadsThatMatchIt()
    {
        var ada = Db.AddUser("ada@example.test", Now);
        var grace = Db.AddUser("grace@example.test", Now);
        var adaMain = Db.AddAccount(ada, "ada_main", Now);
        var adaSide = Db.AddAccount(ada, "ada_side", Now);
        var graceAccount = Db.AddAccount(grace, "grace", Now);
        var day = new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);

        var published = Db.AddJob(adaMain, day.AddHours(1));
        var failedSpam = Db.AddJob(adaMain, day.AddDays(1).AddHours(23).AddMinutes(59), JobState.Failed, errorCode: "spam_risk_text");
        var failedNoCode = Db.AddJob(adaSide, day.AddDays(2), JobState.Failed);
        var inbox = Db.AddJob(adaSide, day.AddDays(3), JobState.SentToInbox, mode: PublishMode.Inbox);
        var fromUrl = Db.AddJob(graceAccount, day.AddDays(4), JobState.Queued, source: VideoSource.Url);
        var beforeRange = Db.AddJob(graceAccount, day.AddSeconds(-1), JobState.Cancelled);
        await Db.SaveChangesAsync();

        async Task<Guid[]> Ids(UploadFilter filter) =>
            (await new UploadListQuery(NewContext()).ExecuteAsync(filter, null, 50, CancellationToken.None)).Rows.Select(r => r.Id).ToArray();

        Assert.Equal([failedNoCode.Id, failedSpam.Id], await Ids(new UploadFilter { State = JobState.Failed }));
        Assert.Equal([inbox.Id], await Ids(new UploadFilter { Mode = PublishMode.Inbox }));
        Assert.Equal([fromUrl.Id], await Ids(new UploadFilter { Source = VideoSource.Url }));
        Assert.Equal([inbox.Id, failedNoCode.Id], await Ids(new UploadFilter { Account = adaSide.Id.ToString() }));
        Assert.Equal([inbox.Id, failedNoCode.Id], await Ids(new UploadFilter { Account = "@ada_side" }));
        Assert.Empty(await Ids(new UploadFilter { Account = "nobody" }));
        Assert.Equal([fromUrl.Id, beforeRange.Id], await Ids(new UploadFilter { UserId = grace.Id }));
        Assert.Equal(
            [failedSpam.Id, published.Id],
            await Ids(new UploadFilter { From = DateOnly.FromDateTime(day), To = DateOnly.FromDateTime(day.AddDays(1)) }));
        Assert.Equal([failedSpam.Id], await Ids(new UploadFilter { ErrorCode = "spam_risk_text" }));
        Assert.Equal([failedNoCode.Id], await Ids(new UploadFilter { State = JobState.Failed, ErrorCode = ErrorCatalog.NoCode.Value }));
        Assert.Equal(
            [failedSpam.Id],
            await Ids(new UploadFilter { State = JobState.Failed, Account = "ada_main", From = DateOnly.FromDateTime(day.AddDays(1)) }));
    }

    [Fact]
    public async Task Execute_AccountDisconnected_NamesItFromTheConsentRecordAndMarksIt()
    {
        var user = Db.AddUser("grace@example.test", Now);
        var gone = Db.AddAccount(user, "grace.old", Now);
        var linked = Db.AddAccount(user, "grace", Now);
        var kept = Db.AddJob(gone, Now.AddMinutes(-1));
        Db.ConsentRecords.Add(new ConsentRecord
        {
            JobId = kept.Id, UserId = user.Id, AgreedAt = Now, CreatorNickname = "Grace H.", CreatorUsername = "grace.old",
            DeclarationText = "By posting…", ShownJson = "{}",
        });
        Db.AddJob(linked, Now);
        await Db.SaveChangesAsync();
        await Db.TikTokAccounts.Where(a => a.Id == gone.Id).ExecuteDeleteAsync();

        var rows = (await new UploadListQuery(NewContext()).ExecuteAsync(new UploadFilter(), null, 10, CancellationToken.None)).Rows;
        var detail = await new UploadDetailQuery(NewContext()).ExecuteAsync(kept.Id, CancellationToken.None);

        var row = Assert.Single(rows, r => r.Id == kept.Id);
        Assert.Equal(((Guid?)null, "grace.old", true), (row.AccountId, row.AccountUsername, row.AccountDisconnected));
        Assert.Equal("@grace.old (disconnected)", Midx.App.Admin.AdminText.Account(row));
        Assert.Equal("@grace", Midx.App.Admin.AdminText.Account(Assert.Single(rows, r => r.Id != kept.Id)));
        Assert.Equal(row, detail!.Upload);
        Assert.Equal("Grace H.", detail.AccountDisplayName);
        Assert.StartsWith($"{kept.Id},{UploadCsvTime(kept.CreatedAt)},{user.Id},grace@example.test,,grace.old,", UploadCsv.Line(row));
    }

    private static string UploadCsvTime(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

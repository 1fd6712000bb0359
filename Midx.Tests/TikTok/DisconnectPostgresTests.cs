using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Publishing;
using Midx.App.TikTok;
using Midx.Core.Data;
using Midx.Core.Errors;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.TikTok;

/// <summary>
/// The disconnect on the multi-instance path: the account's row and jobs are locked in the transaction (PostgreSQL's
/// FOR UPDATE), the posts are settled, the account goes, and its posts stay without it.
/// </summary>
public sealed class DisconnectPostgresTests : IAsyncLifetime
{
    private PostgresDatabase _database = default!;
    private MidxAppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _app = new MidxAppFactory(new Dictionary<string, string?>
        {
            ["Midx:Database:Provider"] = "Postgres",
            ["Midx:Database:ConnectionString"] = _database.ConnectionString,
            ["Midx:KeyRing:MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Midx:Publishing:WorkerEnabled"] = "false",
        });
    }

    [Fact]
    public async Task Disconnect_OnPostgres_WaitsForAnUploadThenCancelsUnsentPostsAndKeepsTheRest()
    {
        using var avery = await _app.SignInAsync("avery@sandbox.midx.test");
        var accountId = await avery.LinkTikTokAsync("public");
        var scheduled = await avery.SubmitScheduledAsync("Tomorrow's sunrise");
        var uploading = await avery.SubmitScheduledAsync("Harbour at dusk");
        var published = await avery.SubmitScheduledAsync("Blue hour");
        await _app.UpdateJobAsync(published, j => (j.State, j.ScheduledAt, j.PublishId, j.CompletedAt) = (JobState.Published, null, "v_pub_file~v2.1", DateTime.UtcNow));
        await _app.UpdateJobAsync(uploading, j => (j.State, j.ScheduledAt, j.InitStartedAt, j.PublishId) = (JobState.Uploading, null, DateTime.UtcNow, "v_pub_file~v2.2"));

        using var refused = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(accountId));
        Assert.Equal(nameof(AccountsNotice.PostsBeingSent), _app.NoticeIn(refused)?.Code);
        Assert.All(await _app.JobsAsync(), j => Assert.Equal(accountId, j.TikTokAccountId));

        using var cancel = await avery.PostDialogFormAsync(JobPage.Url(uploading), JobEndpoints.CancelPath(uploading));
        using var disconnected = await avery.PostDialogFormAsync("/accounts", TikTokEndpoints.DisconnectPath(accountId));

        Assert.Equal(nameof(AccountsNotice.Disconnected), _app.NoticeIn(disconnected)?.Code);
        Assert.EndsWith("1 post not yet sent to TikTok was cancelled.", _app.NoticeIn(disconnected)?.Text);
        var jobs = (await _app.JobsAsync()).ToDictionary(j => j.Id);
        Assert.All(jobs.Values, j => Assert.Null(j.TikTokAccountId));
        Assert.Equal((JobState.Cancelled, ErrorCatalog.AccountDisconnected.Value), (jobs[scheduled].State, jobs[scheduled].ErrorCode));
        Assert.Equal(JobState.Cancelled, jobs[uploading].State);
        Assert.Equal(JobState.Published, jobs[published].State);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<MidxDbContext>().TikTokAccounts.ToListAsync());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}

using System.Net;
using Midx.Core.Publishing;
using Midx.Tests.Publishing;
using Midx.Tests.Support;

namespace Midx.Tests.Data;

/// <summary>
/// EF Core warns when a query may give unpredictable results or run badly (a row limit without an order, a query split
/// it had to guess at, ...). A typical run of the app, the worker and every page, logs none of them.
/// </summary>
public sealed class QueryWarningsTests
{
    [Fact]
    public async Task App_PostPublishedAndEveryPageVisited_LogsNoEntityFrameworkCoreWarning()
    {
        await using var app = await WorkerTestApp.StartAsync("public");
        var job = await app.WaitForStateAsync((await app.SubmitAsync(PublishMode.Direct)).Id, JobState.Published);
        Assert.Equal(JobState.Published, job.State);
        using var admin = await app.App.SignInAsync("ada@sandbox.midx.test", "Ada");

        foreach (var page in new[] { "/", "/compose", "/history", $"/jobs/{job.Id}", "/accounts", "/settings", "/settings/export" })
        {
            using var response = await app.Client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {response.StatusCode}");
        }

        foreach (var page in new[] { "/admin", "/admin/uploads", $"/admin/uploads/{job.Id}", "/admin/failures", "/admin/users", $"/admin/users/{app.UserId}", "/admin/audit", "/admin/security" })
        {
            using var response = await admin.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {response.StatusCode}");
        }

        // Three warnings are expected, at startup: on SQLite the WorkspaceOwnership migration rebuilds three tables to give them
        // their foreign key to Workspaces, ApiPosting rebuilds two for their foreign key to ApiKeys, and HostedConnect rebuilds
        // OAuthLinkStates to let a connect link's state have no user; SQLite switches its foreign key checks off for that only
        // outside a transaction.
        string[] rebuilding = ["from migration 'WorkspaceOwnership'", "from migration 'ApiPosting'", "from migration 'HostedConnect'"];
        Assert.DoesNotContain(app.App.Logs.Lines, l => l.StartsWith("Warning Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            && !(l.Contains("PRAGMA foreign_keys = 0", StringComparison.Ordinal) && rebuilding.Any(m => l.Contains(m, StringComparison.Ordinal))));
    }
}

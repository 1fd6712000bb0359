using Microsoft.EntityFrameworkCore;
using Midx.Core.Admin;
using Midx.Core.TikTok;
using Midx.Tests.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Admin;

/// <summary>The audit log's and token health's CSV exports over real HTTP: what they hold and their audit line (who may download them: <see cref="AdminConsoleTests"/>).</summary>
public sealed class AuditAndTokenExportTests(AdminConsoleFixture fixture) : IClassFixture<AdminConsoleFixture>
{
    [Fact]
    public async Task AuditExport_FilteredView_HoldsExactlyTheFilteredEventsInItsOrderAndIsAudited()
    {
        var grace = fixture.Seed.GraceId;
        var expected = await fixture.App.QueryAsync(db => db.AuditEvents
            .Where(e => e.Action == "tiktok.linked" && (e.ActorUserId == grace || e.SubjectUserId == grace))
            .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Id).ToListAsync());

        var csv = await fixture.Admin.Client.GetStringAsync($"/admin/audit/export.csv?action=tiktok.linked&user={grace}&order=oldest");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditCsv.Header.TrimEnd(), lines[0]);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(id => id.ToString()), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.Contains(",tiktok.linked,", l));
        var admin = await fixture.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail);
        var audit = (await fixture.App.AuditAsync(AdminAuditActions.ExportedAudit)).Last();
        Assert.Equal(admin.Id, audit.ActorUserId);
        Assert.Equal($"filters action=tiktok.linked&user={grace}&order=oldest", audit.Detail);
    }

    [Theory]
    [InlineData("reconnect", "apollo.margaret")]
    [InlineData("failing", "spanning.radia")]
    public async Task TokensExport_Problem_HoldsExactlyTheAccountsWithItAndIsAudited(string problem, string username)
    {
        var csv = await fixture.Admin.Client.GetStringAsync("/admin/tokens/export.csv?problem=" + problem);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(TokenCsv.Header.TrimEnd(), lines[0]);
        var line = Assert.Single(lines.Skip(1));
        Assert.Equal(username, line.Split(',')[1]);
        Assert.Contains("," + problem + ",", line);
        var admin = await fixture.App.UserByEmailAsync(AdminConsoleFixture.AdminEmail);
        var audit = (await fixture.App.AuditAsync(AdminAuditActions.ExportedTokens)).Last();
        Assert.Equal(admin.Id, audit.ActorUserId);
        Assert.Equal("problem=" + problem, audit.Detail);
    }

    [Fact]
    public async Task TokensExport_All_HoldsEveryAccountThatNeedsAttentionOnce()
    {
        var expected = await fixture.App.QueryAsync(db => db.TikTokAccounts
            .Where(a => a.TokenState == TokenState.NeedsReconnect || a.RefreshFailures > 0 || a.AccessTokenExpiresAt < DateTime.UtcNow)
            .Select(a => a.Id).ToListAsync());

        var csv = await fixture.Admin.Client.GetStringAsync("/admin/tokens/export.csv?problem=all");

        var ids = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => Guid.Parse(l.Split(',')[0])).ToList();
        Assert.Equal(expected.Order(), ids.Order());
        Assert.Equal("every account that needs attention", (await fixture.App.AuditAsync(AdminAuditActions.ExportedTokens)).Last().Detail);
    }
}

using Midx.Core.Admin;
using Midx.Core.TikTok;

namespace Midx.Tests.Admin;

public sealed class TokenAttentionQueryTests : AdminDatabase
{
    [Fact]
    public async Task Execute_EachIssue_ListsOnlyItsAccountsMostPressingFirstAndAllOfThemOnce()
    {
        var grace = Db.AddUser("grace@example.test", Now);
        var reconnect = Account(grace, "reconnect", a => (a.TokenState, a.TokenProblem) = (TokenState.NeedsReconnect, "invalid_grant"));
        var failingOnce = Account(grace, "failing-once", a => a.RefreshFailures = 1);
        var failingThrice = Account(grace, "failing-thrice", a => (a.RefreshFailures, a.AccessTokenExpiresAt) = (3, Now.AddHours(-1)));
        var expired = Account(grace, "expired", a => a.AccessTokenExpiresAt = Now.AddMinutes(-5));
        Account(grace, "healthy", _ => { });
        await Db.SaveChangesAsync();

        async Task<string> List(TokenIssue? issue)
        {
            var page = await new TokenAttentionQuery(NewContext(), Time).ExecuteAsync(issue, 0, 50, CancellationToken.None);
            return $"{string.Join(", ", page.Rows.Select(r => r.Username))} of {page.Total}";
        }

        Assert.Equal("reconnect of 1", await List(TokenIssue.NeedsReconnect));
        Assert.Equal("failing-thrice, failing-once of 2", await List(TokenIssue.RefreshFailing));
        Assert.Equal("failing-thrice, expired of 2", await List(TokenIssue.AccessExpired));
        Assert.Equal("reconnect, failing-thrice, failing-once, expired of 4", await List(null));
        var rows = (await new TokenAttentionQuery(NewContext(), Time).ExecuteAsync(null, 0, 50, CancellationToken.None)).Rows;
        Assert.Equal(
            [TokenIssue.NeedsReconnect, TokenIssue.RefreshFailing, TokenIssue.RefreshFailing, TokenIssue.AccessExpired],
            rows.Select(r => r.Issue));
        Assert.Equal(["invalid_grant", TokenIssues.Explain(TokenIssue.AccessExpired, 0)], new[] { rows[0].Problem, rows[3].Problem });
        Assert.Equal("grace@example.test", rows[0].UserEmail);
        Assert.Equal((reconnect.Id, failingThrice.Id, failingOnce.Id, expired.Id), (rows[0].AccountId, rows[1].AccountId, rows[2].AccountId, rows[3].AccountId));
    }

    [Fact]
    public async Task Execute_SecondPage_ContinuesWithTheTotalOfAll()
    {
        var grace = Db.AddUser("grace@example.test", Now);
        for (var i = 0; i < 7; i++)
        {
            Account(grace, $"failing-{i}", a => a.RefreshFailures = i + 1);
        }

        await Db.SaveChangesAsync();

        var first = await new TokenAttentionQuery(NewContext(), Time).ExecuteAsync(TokenIssue.RefreshFailing, 0, 5, CancellationToken.None);
        var second = await new TokenAttentionQuery(NewContext(), Time).ExecuteAsync(TokenIssue.RefreshFailing, 1, 5, CancellationToken.None);

        Assert.Equal((5, 7), (first.Rows.Count, first.Total));
        Assert.Equal(["failing-1", "failing-0"], second.Rows.Select(r => r.Username));
        Assert.Equal(7, second.Total);
    }

    [Fact]
    public async Task Export_Issue_StreamsEveryMatchingAccount()
    {
        var grace = Db.AddUser("grace@example.test", Now);
        Account(grace, "reconnect", a => a.TokenState = TokenState.NeedsReconnect);
        Account(grace, "failing", a => a.RefreshFailures = 2);
        await Db.SaveChangesAsync();

        var rows = await new TokenExportQuery(NewContext(), Time).ExecuteAsync(TokenIssue.RefreshFailing, CancellationToken.None).ToListAsync();

        Assert.Equal(["failing"], rows.Select(r => r.Username));
    }

    private TikTokAccount Account(Midx.Core.Accounts.User owner, string username, Action<TikTokAccount> configure)
    {
        var account = Db.AddAccount(owner, username, Now);
        account.AccessTokenExpiresAt = Now.AddHours(20);
        configure(account);
        return account;
    }
}

using Midx.Core.Admin;
using Midx.Core.TikTok;

namespace Midx.Tests.Admin;

public sealed class AuditAndTokenCsvTests
{
    private static readonly Guid Id = Guid.Parse("0193a5b0-0000-7000-8000-000000000001");
    private static readonly Guid Actor = Guid.Parse("0193a5b0-0000-7000-8000-000000000002");
    private static readonly Guid Subject = Guid.Parse("0193a5b0-0000-7000-8000-000000000003");

    [Fact]
    public void Line_AuditEvent_WritesEveryColumnInHeaderOrderWithDeletedPeopleEmpty()
    {
        var row = new AuditRow(Id, new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc), "admin.disabled-user", Actor, "ada@example.test",
            Subject, null, "=spam, says the admin");

        Assert.Equal(
            $"{Id},2026-11-22T09:30:00Z,admin.disabled-user,{Actor},ada@example.test,{Subject},,\"'=spam, says the admin\"\r\n",
            AuditCsv.Line(row));
        Assert.Equal("id,at_utc,action,actor_user_id,actor_email,subject_user_id,subject_email,detail\r\n", AuditCsv.Header);
    }

    [Fact]
    public void Line_TokenAccount_WritesStatesAndTheProblemNeverAToken()
    {
        var row = new TokenAttentionRow(Id, Actor, "grace@example.test", "gracebakes", "Grace", TokenState.Active, null, 2,
            new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc), null, new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc));

        Assert.Equal(
            $"{Id},gracebakes,Grace,{Actor},grace@example.test,Active,failing,2,2026-11-22T09:30:00Z,,2026-11-23T09:30:00Z,"
            + $"{TokenIssues.Explain(TokenIssue.RefreshFailing, 2)}\r\n",
            TokenCsv.Line(row));
        Assert.Equal(TokenCsv.Columns.Length, TokenCsv.Header.Split(',').Length);
    }

    [Theory]
    [InlineData("reconnect", TokenIssue.NeedsReconnect)]
    [InlineData("FAILING", TokenIssue.RefreshFailing)]
    [InlineData(" expired ", TokenIssue.AccessExpired)]
    [InlineData("all", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Parse_ProblemValue_NamesTheIssueOrAll(string? value, TokenIssue? expected) =>
        Assert.Equal(expected, TokenIssues.Parse(value));
}

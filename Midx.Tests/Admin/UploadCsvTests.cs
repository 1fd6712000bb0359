using Midx.Core.Admin;
using Midx.Core.Publishing;

namespace Midx.Tests.Admin;

public sealed class UploadCsvTests
{
    [Theory]
    [InlineData("plain.mp4", "plain.mp4")]
    [InlineData("a,b.mp4", "\"a,b.mp4\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData(null, "")]
    public void Cell_Value_IsQuotedAndDefusedForSpreadsheets(string? value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void Line_Upload_WritesEveryColumnInHeaderOrder()
    {
        var id = Guid.Parse("0193a5b0-0000-7000-8000-000000000001");
        var user = Guid.Parse("0193a5b0-0000-7000-8000-000000000002");
        var account = Guid.Parse("0193a5b0-0000-7000-8000-000000000003");
        var row = new UploadRow(
            id, new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc), user, "grace@example.test", account, "grace",
            PublishMode.Inbox, VideoSource.File, JobState.Failed, "my, video.mp4", 2048, "SELF_ONLY", null,
            new DateTime(2026, 11, 22, 9, 31, 5, DateTimeKind.Utc), null, "v_pub_1", "spam_risk_text", "Caption is spam", "LOG1");

        var line = UploadCsv.Line(row);

        Assert.Equal(
            $"{id},2026-11-22T09:30:00Z,{user},grace@example.test,{account},grace,Inbox,File,Failed,\"my, video.mp4\",2048,SELF_ONLY,,"
            + "2026-11-22T09:31:05Z,,v_pub_1,spam_risk_text,Caption is spam,LOG1\r\n",
            line);
        Assert.Equal(UploadCsv.Columns.Length, UploadCsv.Header.Split(',').Length);
    }
}

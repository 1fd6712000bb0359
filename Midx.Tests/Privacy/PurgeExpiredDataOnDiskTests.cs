using Microsoft.Extensions.DependencyInjection;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Privacy;
using Midx.Tests.Support;

namespace Midx.Tests.Privacy;

public sealed class PurgeExpiredDataOnDiskTests : IDisposable
{
    private const string PurgedText = "expired detail that must not outlive its retention";

    private readonly MidxAppFactory _app = new();

    [Fact]
    public async Task Promise04_Purge_LeavesNoPurgedAuditTextInDatabaseFiles()
    {
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
            var longAgo = TimeProvider.System.GetUtcNow().UtcDateTime.AddYears(-10);
            db.AuditEvents.Add(new AuditEvent { At = longAgo, Action = "old", Detail = PurgedText });
            await db.SaveChangesAsync();
        }

        Assert.NotEmpty(RawDatabaseFiles.Find(_app.DataFolder, PurgedText));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<PurgeExpiredDataCommand>().ExecuteAsync(CancellationToken.None);
            Assert.Equal(1, result.AuditEvents);
        }

        Assert.Empty(RawDatabaseFiles.Find(_app.DataFolder, PurgedText));
    }

    public void Dispose() => _app.Dispose();
}

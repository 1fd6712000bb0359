using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Midx.Core.Data;
using Midx.Core.Webhooks;

namespace Midx.Tests.Data;

/// <summary>Every SQLite connection the app's registration opens has Midx's pragmas set, not only the first one.</summary>
public sealed class SqliteConnectionPragmasTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("midx-pragmas-").FullName;

    [Fact]
    public async Task AppContext_EachConnection_DeletesSecurelyAndWaitsForOtherWritersInsideSqlite()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, EnvironmentName = "Production" });
        builder.AddMidxDatabase();
        builder.Services.AddMidxWebhooks();
        await using var services = builder.Services.BuildServiceProvider();

        for (var i = 0; i < 2; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
            await db.Database.OpenConnectionAsync();

            Assert.Equal(1, await PragmaAsync(db, "secure_delete"));
            Assert.Equal(30_000, await PragmaAsync(db, "busy_timeout"));
        }
    }

    private static async Task<long> PragmaAsync(MidxDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

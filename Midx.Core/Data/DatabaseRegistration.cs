using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Midx.Core.Webhooks;

namespace Midx.Core.Data;

public static class DatabaseRegistration
{
    public static IHostApplicationBuilder AddMidxDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Midx:Database:ConnectionString is required when Midx:Database:Provider is Postgres.")
            .ValidateOnStart();

        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebhookOutboxInterceptor>();
        builder.Services.AddDbContext<MidxDbContext>((services, options) =>
        {
            // Webhook events are written by the same SaveChanges as the change they report.
            options.AddInterceptors(services.GetRequiredService<WebhookOutboxInterceptor>());
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var midx = services.GetRequiredService<IOptions<MidxOptions>>().Value;
            if (database.Provider == DatabaseProvider.Postgres)
            {
                options.UseNpgsql(database.ConnectionString);
            }
            else
            {
                options.UseSqlite(SqliteConnectionString(database, midx, contentRoot))
                    .AddInterceptors(new SqliteConnectionPragmas());
            }
        });
        return builder;
    }

    public static string SqliteConnectionString(DatabaseOptions database, MidxOptions midx, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        var folder = Path.GetFullPath(midx.DataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "midx.db")};Default Timeout=30";
    }

    /// <summary>Applies pending migrations; SQLite is switched to WAL so readers never wait for the worker.</summary>
    public static async Task MigrateMidxDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MidxDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}

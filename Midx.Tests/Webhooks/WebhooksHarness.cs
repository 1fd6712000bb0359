using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Webhooks;
using Midx.Tests.Support;

namespace Midx.Tests.Webhooks;

/// <summary>
/// Midx.Core's webhooks over a migrated database (a SQLite file, or PostgreSQL when given a connection string) with the
/// outbox interceptor on every context, as the app registers it; a fake clock; a person with their personal workspace, a
/// linked account and a queued post. Private addresses are allowed unless a test says otherwise, for the loopback receiver.
/// </summary>
internal sealed class WebhooksHarness : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"midx-webhooks-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    private WebhooksHarness(string? postgres, Action<WebhookOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<WebhookOutboxInterceptor>();
        services.AddDbContext<MidxDbContext>((sp, options) =>
        {
            if (postgres is null)
            {
                options.UseSqlite($"Data Source={_file};Default Timeout=30;Pooling=False");
            }
            else
            {
                options.UseNpgsql(postgres);
            }

            options.AddInterceptors(sp.GetRequiredService<WebhookOutboxInterceptor>());
        });
        services.AddMidxPublishing();
        services.AddMidxWebhooks();
        services.AddScoped<SendWebhookAgainCommand>();
        services.Configure<WebhookOptions>(o =>
        {
            o.AllowPrivateAddresses = true;
            configure?.Invoke(o);
        });
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = TestClock.Create();

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public User User { get; private set; } = default!;

    public TikTokAccount Account { get; private set; } = default!;

    public PublishJob Job { get; private set; } = default!;

    public WebhookDispatcher Dispatcher => _services.GetRequiredService<WebhookDispatcher>();

    public static async Task<WebhooksHarness> CreateAsync(Action<WebhookOptions>? configure = null, string? postgres = null)
    {
        var harness = new WebhooksHarness(postgres, configure);
        var now = harness.Now;
        await harness.RunAsync(async (MidxDbContext db) =>
        {
            await db.Database.MigrateAsync();
            harness.User = db.AddPerson(new User { GoogleSubject = "sub-ada", Email = "ada@midx.test", Name = "Ada", CreatedAt = now, LastSeenAt = now });
            harness.Account = new TikTokAccount
            {
                UserId = harness.User.Id, WorkspaceId = harness.User.Id, OpenId = "open-ada", Username = "ada", ConnectedAt = now, LastSeenAt = now,
            };
            harness.Job = new PublishJob
            {
                UserId = harness.User.Id, WorkspaceId = harness.User.Id, TikTokAccountId = harness.Account.Id, SubmissionKey = Guid.NewGuid().ToString("N"),
                State = JobState.Queued, FileName = "clip.mp4", FileSize = 9582, MimeType = "video/mp4", Caption = "Harbour at dusk",
                PrivacyLevel = "SELF_ONLY", CreatedAt = now, UpdatedAt = now,
            };
            db.AddRange(harness.Account, harness.Job);
            return await db.SaveChangesAsync();
        });
        return harness;
    }

    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> ReadAsync<T>(Func<MidxDbContext, Task<T>> read) => RunAsync(read);

    /// <summary>Adds an endpoint through the real command, as the person's Owner, and hands back its id and secret.</summary>
    public async Task<(Guid Id, string Secret)> AddEndpointAsync(string url, WebhookEventTypes events = WebhookEventTypes.PostStatusChanged)
    {
        var issued = await RunAsync((WebhookEndpointCommands commands) => commands.CreateAsync(User.Id, User.Id, url, events, CancellationToken.None));
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return (issued.EndpointId!.Value, issued.Secret!);
    }

    /// <summary>Moves the seeded post through the real <see cref="ApplyJobChangeCommand"/>.</summary>
    public async Task<JobUpdate?> MoveJobAsync(JobChange change)
    {
        await using var scope = _services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.SingleAsync(j => j.Id == Job.Id);
        return await scope.ServiceProvider.GetRequiredService<ApplyJobChangeCommand>().ExecuteAsync(job, change, CancellationToken.None);
    }

    /// <summary>Adds a line to the seeded post's history without moving it, as a hold does.</summary>
    public async Task NoteJobAsync(string message)
    {
        await using var scope = _services.CreateAsyncScope();
        var job = await scope.ServiceProvider.GetRequiredService<MidxDbContext>().PublishJobs.SingleAsync(j => j.Id == Job.Id);
        await scope.ServiceProvider.GetRequiredService<ApplyJobChangeCommand>()
            .NoteAsync(job, message, Midx.Core.Errors.ErrorCatalog.HeldUserDisabled, keepOnJob: false, CancellationToken.None);
    }

    public Task<List<WebhookDelivery>> DeliveriesAsync() =>
        ReadAsync(db => db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync());

    public Task<int> DispatchAsync(string owner = "dispatcher-a") => Dispatcher.DispatchDueAsync(owner, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (File.Exists(_file))
        {
            File.Delete(_file);
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Privacy;
using Midx.Core.TikTok;
using Midx.Core.Webhooks;
using Midx.Tests.Support;

namespace Midx.Tests.Privacy;

public sealed class PurgeExpiredDataCommandTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _time = TestClock.Create();
    private MidxDbContext _db = default!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new MidxDbContext(new DbContextOptionsBuilder<MidxDbContext>().UseSqlite(_connection).Options);
        await _db.Database.MigrateAsync();
    }

    [Fact]
    public async Task Promise04_LogsAndAuditEvents_DeletedOncePastRetention()
    {
        var user = new User { GoogleSubject = "s", Email = "e@x.test", Name = "N", CreatedAt = Now, LastSeenAt = Now };
        _db.AddPerson(user);
        _db.AuditEvents.Add(new AuditEvent { At = Now, Action = "old" });
        _db.WorkerHeartbeats.Add(new WorkerHeartbeat { Id = "gone@host:1", Worker = "PublishWorker", Instance = "host:1", LastBeatAt = Now });
        _db.OAuthLinkStates.Add(new OAuthLinkState { Id = "expired", UserId = user.Id, WorkspaceId = user.Id, CodeVerifier = "v", CreatedAt = Now, ExpiresAt = Now.AddMinutes(10) });
        await _db.SaveChangesAsync();

        _time.Advance(TimeSpan.FromDays(30));
        _db.AuditEvents.Add(new AuditEvent { At = Now, Action = "recent" });
        _db.OAuthLinkStates.Add(new OAuthLinkState { Id = "pending", UserId = user.Id, WorkspaceId = user.Id, CodeVerifier = "v", CreatedAt = Now, ExpiresAt = Now.AddMinutes(10) });
        await _db.SaveChangesAsync();
        _time.Advance(TimeSpan.FromDays(1));

        var result = await Command(auditDays: 30).ExecuteAsync(CancellationToken.None);

        Assert.Equal(new PurgeExpiredDataCommand.Result(AuditEvents: 1, Heartbeats: 1, LinkStates: 2, WebhookDeliveries: 0, ConnectLinks: 0), result);
        Assert.Equal(["recent"], await _db.AuditEvents.Select(e => e.Action).ToListAsync());
        Assert.Empty(await _db.WorkerHeartbeats.ToListAsync());
        Assert.Empty(await _db.OAuthLinkStates.ToListAsync());
    }

    [Fact]
    public async Task Execute_WithinRetention_KeepsEverything()
    {
        _db.AuditEvents.Add(new AuditEvent { At = Now, Action = "signed_in" });
        await _db.SaveChangesAsync();
        _time.Advance(TimeSpan.FromDays(89));

        var result = await Command(auditDays: 90).ExecuteAsync(CancellationToken.None);

        Assert.Equal(0, result.AuditEvents);
        Assert.Single(await _db.AuditEvents.ToListAsync());
    }

    [Fact]
    public async Task Execute_WebhookDeliveriesPastRetention_FinishedOnesDeletedOneStillTriedKept()
    {
        var user = new User { GoogleSubject = "s", Email = "e@x.test", Name = "N", CreatedAt = Now, LastSeenAt = Now };
        _db.AddPerson(user);
        var endpoint = new WebhookEndpoint { WorkspaceId = user.Id, Url = "https://hooks.example.com/midx", Events = WebhookEventTypes.PostPublished, SecretCipher = "c", CreatedAt = Now };
        _db.WebhookEndpoints.Add(endpoint);
        foreach (var status in new[] { WebhookDeliveryStatus.Delivered, WebhookDeliveryStatus.GivenUp, WebhookDeliveryStatus.Pending })
        {
            _db.WebhookDeliveries.Add(new WebhookDelivery { EndpointId = endpoint.Id, EventType = "post.published", Payload = "{}", CreatedAt = Now, Status = status });
        }

        await _db.SaveChangesAsync();
        _time.Advance(TimeSpan.FromDays(31));
        _db.WebhookDeliveries.Add(new WebhookDelivery { EndpointId = endpoint.Id, EventType = "post.published", Payload = "{}", CreatedAt = Now, Status = WebhookDeliveryStatus.Delivered });
        await _db.SaveChangesAsync();

        var result = await Command(auditDays: 30).ExecuteAsync(CancellationToken.None);

        Assert.Equal(2, result.WebhookDeliveries);
        Assert.Equal([WebhookDeliveryStatus.Pending, WebhookDeliveryStatus.Delivered],
            (await _db.WebhookDeliveries.AsNoTracking().ToListAsync()).Select(d => d.Status).Order());
    }

    [Fact]
    public async Task Execute_ConnectLinksExpiredLongerThanTheRetention_AreDeletedAndRecentOnesKept()
    {
        var user = new User { GoogleSubject = "s", Email = "e@x.test", Name = "N", CreatedAt = Now, LastSeenAt = Now };
        _db.AddPerson(user);
        var app = new Midx.Core.Connect.ApiApp { WorkspaceId = user.Id, Name = "Shop", RedirectUrls = ["https://shop.example/connected"], CreatedAt = Now };
        _db.ApiApps.Add(app);
        Midx.Core.Connect.ConnectLink Link(string state) => new()
        {
            WorkspaceId = user.Id, AppId = app.Id, TokenHash = state, RedirectUrl = "https://shop.example/connected", State = state,
            CreatedAt = Now, ExpiresAt = Now.AddMinutes(30),
        };
        _db.ConnectLinks.Add(Link("old"));
        await _db.SaveChangesAsync();
        _time.Advance(TimeSpan.FromDays(31));
        _db.ConnectLinks.Add(Link("recent"));
        await _db.SaveChangesAsync();

        var result = await Command(auditDays: 30).ExecuteAsync(CancellationToken.None);

        Assert.Equal(1, result.ConnectLinks);
        Assert.Equal(["recent"], await _db.ConnectLinks.AsNoTracking().Select(l => l.State).ToListAsync());
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    private PurgeExpiredDataCommand Command(int auditDays) =>
        new(_db, Options.Create(new RetentionOptions { AuditDays = auditDays }), _time, new ScrubDeletedBytesCommand(_db, NullLogger<ScrubDeletedBytesCommand>.Instance));

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

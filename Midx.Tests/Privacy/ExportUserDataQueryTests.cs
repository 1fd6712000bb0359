using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Data;
using Midx.Core.Privacy;
using Midx.Core.Publishing;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Midx.Tests.Support;

namespace Midx.Tests.Privacy;

public sealed class ExportUserDataQueryTests : IAsyncLifetime
{
    private const string AccessCipher = "CfDJ8-access-cipher-text-that-must-not-leave";
    private const string RefreshCipher = "CfDJ8-refresh-cipher-text-that-must-not-leave";

    // Tables that hold no personal data at all; every other table is user-owned and must be covered by the export.
    // WebhookDeliveries carry ids and states of a workspace's posts and accounts on their way to its endpoints, nothing about a person.
    // A connect link is made by an API key for an integrator's own user, who is no Midx user.
    private static readonly string[] NotUserOwned = ["DataProtectionKeys", "WorkerHeartbeats", "ApiKeyUsage", "WebhookDeliveries", "ConnectLinks"];

    private static readonly Dictionary<string, Func<JsonElement, JsonElement>> SectionOf = new()
    {
        ["Users"] = root => root.GetProperty("profile"),
        ["TikTokAccounts"] = root => root.GetProperty("tikTokAccounts")[0],
        ["PublishJobs"] = root => root.GetProperty("uploads")[0],
        ["PublishEvents"] = root => root.GetProperty("uploads")[0].GetProperty("statusHistory")[0],
        ["ConsentRecords"] = root => root.GetProperty("uploads")[0].GetProperty("consent"),
        ["AuditEvents"] = root => root.GetProperty("auditEvents")[0],
        ["OAuthLinkStates"] = root => root.GetProperty("pendingTikTokLinks")[0],
        ["Workspaces"] = root => root.GetProperty("workspaces")[0].GetProperty("workspace"),
        ["WorkspaceMembers"] = root => root.GetProperty("workspaces")[0],
        ["WorkspaceInvitations"] = root => root.GetProperty("invitations")[0],
        ["ApiKeys"] = root => root.GetProperty("apiKeys")[0],
        ["WebhookEndpoints"] = root => root.GetProperty("webhookEndpoints")[0],
        ["ApiApps"] = root => root.GetProperty("apiApps")[0],
    };

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider _time = TestClock.Create();
    private MidxDbContext _db = default!;
    private User _user = default!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new MidxDbContext(new DbContextOptionsBuilder<MidxDbContext>().UseSqlite(_connection).Options);
        await _db.Database.MigrateAsync();
        _user = await SeedUserWithOneOfEverythingAsync("ada@example.test");
        await SeedUserWithOneOfEverythingAsync("someone.else@example.test");
    }

    [Fact]
    public async Task Promise11_Export_EveryColumnOfEveryUserOwnedTableIsExportedOrExcludedWithReason()
    {
        var root = await ExportJsonAsync();

        foreach (var entity in _db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            if (NotUserOwned.Contains(table))
            {
                continue;
            }

            Assert.True(SectionOf.ContainsKey(table), $"Table {table} is new: add it to the export (and to this test) or to NotUserOwned.");
            var section = SectionOf[table](root);
            foreach (var property in entity.GetProperties())
            {
                var key = $"{table}.{property.Name}";
                var exported = section.TryGetProperty(JsonNamingPolicy.CamelCase.ConvertName(property.Name), out _);
                var excluded = ExportUserDataQuery.ExcludedColumns.TryGetValue(key, out var reason) && !string.IsNullOrWhiteSpace(reason);
                Assert.True(exported ^ excluded, $"{key} must be either exported or excluded with a reason (exported={exported}, excluded={excluded}).");
            }
        }
    }

    [Fact]
    public async Task Execute_OwnDataOnly_NoTokensAndSchemaVersioned()
    {
        var root = await ExportJsonAsync();
        var json = root.GetRawText();

        Assert.Equal(ExportUserDataQuery.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(_time.GetUtcNow().UtcDateTime, root.GetProperty("exportedAt").GetDateTime());
        Assert.Equal("ada@example.test", root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Single(root.GetProperty("tikTokAccounts").EnumerateArray());
        Assert.Single(root.GetProperty("uploads").EnumerateArray());
        Assert.Equal("Published", root.GetProperty("uploads")[0].GetProperty("state").GetString());
        Assert.DoesNotContain("someone.else", json);
        Assert.DoesNotContain(AccessCipher, json);
        Assert.DoesNotContain(RefreshCipher, json);
        Assert.DoesNotContain("CfDJ8-webhook-secret-cipher", json);
        Assert.DoesNotContain("upload_token", json);
    }

    [Fact]
    public async Task Execute_AccountDisconnected_ExportsTheUploadWithoutAnAccountAndWithItsConsent()
    {
        await _db.TikTokAccounts.Where(a => a.UserId == _user.Id).ExecuteDeleteAsync();

        var root = await ExportJsonAsync();

        Assert.Empty(root.GetProperty("tikTokAccounts").EnumerateArray());
        var upload = Assert.Single(root.GetProperty("uploads").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, upload.GetProperty("tikTokAccountId").ValueKind);
        Assert.Equal("Summer recap", upload.GetProperty("caption").GetString());
        Assert.Equal("Ada", upload.GetProperty("consent").GetProperty("creatorNickname").GetString());
        Assert.Equal("PUBLISH_COMPLETE", upload.GetProperty("statusHistory")[0].GetProperty("tikTokStatus").GetString());
    }

    [Fact]
    public async Task Execute_UnknownUser_ReturnsNull()
    {
        Assert.Null(await new ExportUserDataQuery(_db, _time).ExecuteAsync(Guid.NewGuid(), CancellationToken.None));
    }

    private async Task<JsonElement> ExportJsonAsync()
    {
        var export = await new ExportUserDataQuery(_db, _time).ExecuteAsync(_user.Id, CancellationToken.None);
        return JsonDocument.Parse(JsonSerializer.Serialize(export, ExportUserDataQuery.JsonOptions)).RootElement;
    }

    private async Task<User> SeedUserWithOneOfEverythingAsync(string email)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var user = new User { GoogleSubject = "sub-" + email, Email = email, Name = email.Split('@')[0], CreatedAt = now, LastSeenAt = now };
        var account = new TikTokAccount
        {
            UserId = user.Id, WorkspaceId = user.Id, OpenId = "open-" + email, GrantedScopes = "user.info.basic,video.publish", ConnectedAt = now, LastSeenAt = now,
            AccessTokenCipher = AccessCipher, RefreshTokenCipher = RefreshCipher,
        };
        var job = new PublishJob
        {
            UserId = user.Id, WorkspaceId = user.Id, TikTokAccountId = account.Id, SubmissionKey = Guid.NewGuid().ToString("N"), Caption = "Summer recap",
            State = JobState.Published, CreatedAt = now, UpdatedAt = now, UploadUrl = "https://upload.test/video/?upload_id=1&upload_token=secret",
        };
        _db.AddPerson(user);
        _db.AddRange(
            account,
            job,
            new PublishEvent { JobId = job.Id, At = now, State = JobState.Published, TikTokStatus = "PUBLISH_COMPLETE" },
            new ConsentRecord { JobId = job.Id, UserId = user.Id, AgreedAt = now, CreatorNickname = "Ada", DeclarationText = "By posting…", ShownJson = "{}" },
            new AuditEvent { At = now, ActorUserId = user.Id, SubjectUserId = user.Id, Action = "signed_in" },
            new WorkspaceInvitation
            {
                WorkspaceId = user.Id, Email = "invited-by-" + email, Role = WorkspaceRole.Editor, TokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
                InvitedByUserId = user.Id, CreatedAt = now, ExpiresAt = now + WorkspaceInvitation.Lifetime,
            },
            new Midx.Core.Api.ApiKey
            {
                WorkspaceId = user.Id, Name = "Zapier", Prefix = "midx_" + Guid.NewGuid().ToString("N")[..8], SecretHash = new string('0', 64),
                Scopes = Midx.Core.Api.ApiScope.Read, CreatedByUserId = user.Id, CreatedAt = now,
            },
            new Midx.Core.Webhooks.WebhookEndpoint
            {
                WorkspaceId = user.Id, Url = "https://hooks.example.test/midx", Events = Midx.Core.Webhooks.WebhookEventTypes.PostPublished,
                SecretCipher = "CfDJ8-webhook-secret-cipher", CreatedByUserId = user.Id, CreatedAt = now,
            },
            new Midx.Core.Connect.ApiApp { WorkspaceId = user.Id, Name = "Shop", RedirectUrls = ["https://shop.example/connected"], CreatedByUserId = user.Id, CreatedAt = now },
            new OAuthLinkState { Id = "state-" + email, UserId = user.Id, WorkspaceId = user.Id, CodeVerifier = "verifier", CreatedAt = now, ExpiresAt = now.AddMinutes(10) });
        await _db.SaveChangesAsync();
        return user;
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

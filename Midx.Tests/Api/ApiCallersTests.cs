using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Api;
using Midx.Core.Data;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using Midx.Tests.Workspaces;

namespace Midx.Tests.Api;

/// <summary>Who calls the API, found from the key presented, and the key's use counted per day.</summary>
public sealed class ApiCallersTests : WorkspacesDatabase, IAsyncLifetime
{
    private User _ada = default!;
    private Workspace _team = default!;

    private ApiKeyCommands Keys => new(Db, Audit, Time);

    private ApiCallers Callers => new(Db, Time);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _ada = await AddUserAsync("ada@midx.test", "Ada");
        _team = await AddSharedAsync("Harbour Films", (_ada, WorkspaceRole.Owner));
    }

    [Fact]
    public async Task Authenticate_ActiveKey_IsTheCallerWithItsWorkspaceAndScopes()
    {
        var issued = await CreateAsync(ApiScope.Read);

        var caller = await Callers.AuthenticateAsync(issued.Key, CancellationToken.None);

        Assert.Equal(new ApiCaller(issued.KeyId!.Value, ApiKeySecret.PrefixOf(issued.Key)!, _team.Id, ApiScope.Read), caller);
    }

    public static TheoryData<string?> Malformed => new()
    {
        null,
        "",
        "midx_",
        "Bearer midx_abcd1234_0123456789abcdefghjkmnpqrstvwxyz",
        "midx_abcd1234-0123456789abcdefghjkmnpqrstvwxyz",
        "mdx__abcd1234_0123456789abcdefghjkmnpqrstvwxyz",
        "midx_abcd1234_0123456789abcdefghjkmnpqrstvwxy",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Authenticate_MalformedKey_IsNobody(string? presented)
    {
        await CreateAsync();

        Assert.Null(await Callers.AuthenticateAsync(presented, CancellationToken.None));
    }

    [Fact]
    public async Task Authenticate_WellFormedKeyMidxNeverMade_IsNobody()
    {
        await CreateAsync();

        Assert.Null(await Callers.AuthenticateAsync(ApiKeySecret.New().Key, CancellationToken.None));
    }

    [Fact]
    public async Task Authenticate_PrefixOfAKeyWithAnotherSecret_IsNobodyAndIsNoUse()
    {
        var issued = await CreateAsync();
        var forged = ApiKeySecret.PrefixOf(issued.Key) + ApiKeySecret.New().Key[^33..];
        Assert.Equal(ApiKeySecret.PrefixOf(issued.Key), ApiKeySecret.PrefixOf(forged));

        Assert.Null(await Callers.AuthenticateAsync(forged, CancellationToken.None));
        Assert.Null(await LastUsedAtAsync(issued));
    }

    [Fact]
    public async Task Authenticate_RevokedKey_IsNobody()
    {
        var issued = await CreateAsync();
        await Keys.RevokeAsync(_ada.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);

        Assert.Null(await Callers.AuthenticateAsync(issued.Key, CancellationToken.None));
        Assert.Null(await LastUsedAtAsync(issued));
    }

    [Fact]
    public async Task Authenticate_KeyAtItsExpiry_IsNobodyFromThatMomentOn()
    {
        var issued = await Keys.CreateAsync(_ada.Id, _team.Id, "Campaign", ApiScope.Read, Now.AddDays(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await Callers.AuthenticateAsync(issued.Key, CancellationToken.None));

        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await Callers.AuthenticateAsync(issued.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Authenticate_KeyUsedOftenWithinAMinute_WritesItsLastUseAtMostOnceAMinute()
    {
        var issued = await CreateAsync();
        var first = Now;

        await Callers.AuthenticateAsync(issued.Key, CancellationToken.None);
        Assert.Equal(first, await LastUsedAtAsync(issued));
        Time.Advance(TimeSpan.FromSeconds(59));
        await Callers.AuthenticateAsync(issued.Key, CancellationToken.None);
        Assert.Equal(first, await LastUsedAtAsync(issued));
        Time.Advance(TimeSpan.FromSeconds(2));
        await Callers.AuthenticateAsync(issued.Key, CancellationToken.None);

        Assert.Equal(first.AddSeconds(61), await LastUsedAtAsync(issued));
    }

    [Fact]
    public async Task Record_RequestsOverTwoDays_CountsRequestsErrorsAndPostsPerDay()
    {
        var issued = await CreateAsync();
        var today = DateOnly.FromDateTime(Now);
        var keyId = issued.KeyId!.Value;

        await Callers.RecordAsync(keyId, error: false, postCreated: true, CancellationToken.None);
        await Callers.RecordAsync(keyId, error: true, postCreated: false, CancellationToken.None);
        await Callers.RecordAsync(keyId, error: false, postCreated: false, CancellationToken.None);
        Time.Advance(TimeSpan.FromDays(1));
        await Callers.RecordAsync(keyId, error: false, postCreated: true, CancellationToken.None);
        await Callers.RecordAsync(keyId, error: false, postCreated: true, CancellationToken.None);

        var usage = await ReadAsync(db => db.ApiKeyUsage.Where(u => u.KeyId == keyId).OrderBy(u => u.Day).ToListAsync());
        Assert.Equal([(today, 3, 1, 1), (today.AddDays(1), 2, 0, 2)], usage.Select(u => (u.Day, u.Requests, u.Errors, u.PostsCreated)));
    }

    /// <summary>
    /// Two requests of a key, each on its own connection as two app instances (or two threads) have, both find no row for
    /// the new day before either adds it: the test holds each after its count found nothing until the other got there too.
    /// </summary>
    [Fact]
    public async Task Record_TwoFirstRequestsOfTheDayAtOnce_BothCountAndNeitherFails()
    {
        var file = Path.Combine(Path.GetTempPath(), $"midx-api-usage-{Guid.NewGuid():N}.db");
        var time = TestClock.Create();
        try
        {
            var keyId = await CreateKeyInAsync(file, time);
            var meeting = new Rendezvous(2);

            await Task.WhenAll(
                Task.Run(() => RecordOnItsOwnConnectionAsync(file, time, meeting, keyId, error: false)),
                Task.Run(() => RecordOnItsOwnConnectionAsync(file, time, meeting, keyId, error: true)));

            Assert.True(meeting.Met, "Both requests should have found no row for the day before either added one.");
            await using var db = FileContext(file);
            var usage = await db.ApiKeyUsage.AsNoTracking().SingleAsync();
            Assert.Equal((DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), 2, 1, 1), (usage.Day, usage.Requests, usage.Errors, usage.PostsCreated));
        }
        finally
        {
            foreach (var side in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(file + side);
            }
        }
    }

    private static async Task<Guid> CreateKeyInAsync(string file, FakeTimeProvider time)
    {
        await using var db = FileContext(file);
        await db.Database.MigrateAsync();
        var owner = db.AddPerson(new User { GoogleSubject = "sub-ada", Email = "ada@midx.test", Name = "Ada", CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
        var issued = await new ApiKeyCommands(db, new AuditLog(db, time), time).CreateAsync(owner.Id, owner.Id, "Shop sync", ApiScope.Read, null, CancellationToken.None);
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return issued.KeyId!.Value;
    }

    private static async Task RecordOnItsOwnConnectionAsync(string file, TimeProvider time, Rendezvous meeting, Guid keyId, bool error)
    {
        await using var db = FileContext(file, new HoldFirstEmptyCount(meeting));
        await new ApiCallers(db, time).RecordAsync(keyId, error, postCreated: !error, CancellationToken.None);
    }

    private static MidxDbContext FileContext(string file, params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<MidxDbContext>()
            .UseSqlite($"Data Source={file};Default Timeout=30;Pooling=False")
            .AddInterceptors(interceptors)
            .Options);

    private async Task<IssuedApiKey> CreateAsync(ApiScope scopes = ApiScope.Read)
    {
        var issued = await Keys.CreateAsync(_ada.Id, _team.Id, "Shop sync", scopes, null, CancellationToken.None);
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return issued;
    }

    private Task<DateTime?> LastUsedAtAsync(IssuedApiKey issued) =>
        ReadAsync(db => db.ApiKeys.Where(k => k.Id == issued.KeyId).Select(k => k.LastUsedAt).SingleAsync());

    /// <summary>Lets each of <paramref name="parties"/> go on only once all have arrived (or after ten seconds, which fails the test).</summary>
    private sealed class Rendezvous(int parties)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool Met => _all.Task.IsCompletedSuccessfully;

        public async Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) == parties)
            {
                _all.SetResult();
            }

            await _all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Holds a context's first count of the day that found no row, until the other request's count found none either.</summary>
    private sealed class HoldFirstEmptyCount(Rendezvous meeting) : DbCommandInterceptor
    {
        private bool _held;

        public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            if (!_held && result == 0 && command.CommandText.StartsWith("UPDATE \"ApiKeyUsage\"", StringComparison.Ordinal))
            {
                _held = true;
                await meeting.ArriveAsync();
            }

            return result;
        }
    }
}

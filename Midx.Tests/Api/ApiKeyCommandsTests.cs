using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Api;
using Midx.Core.Workspaces;
using Midx.Tests.Workspaces;

namespace Midx.Tests.Api;

/// <summary>An Owner makes, revokes and rotates a workspace's API keys; nobody else can, and a refusal changes nothing.</summary>
public sealed class ApiKeyCommandsTests : WorkspacesDatabase, IAsyncLifetime
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
    public async Task Create_Owner_StoresOnlyTheHashOfTheKeyItHandsOutAndAuditsIt()
    {
        var issued = await Keys.CreateAsync(_ada.Id, _team.Id, "  Shop sync ", ApiScope.Read, Now.AddDays(30), CancellationToken.None);

        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        var key = await ReadAsync(db => db.ApiKeys.AsNoTracking().SingleAsync());
        Assert.Equal(issued.KeyId, key.Id);
        Assert.Equal(ApiKeySecret.Hash(issued.Key!), key.SecretHash);
        Assert.StartsWith(key.Prefix + "_", issued.Key);
        Assert.Equal(key.Prefix, ApiKeySecret.PrefixOf(issued.Key));
        Assert.Matches("^midx_[0-9a-hjkmnp-tv-z]{8}_[0-9a-hjkmnp-tv-z]{32}$", issued.Key);
        Assert.Equal(("Shop sync", ApiScope.Read, _team.Id, _ada.Id, Now, Now.AddDays(30)),
            (key.Name, key.Scopes, key.WorkspaceId, key.CreatedByUserId, key.CreatedAt, key.ExpiresAt));
        Assert.Null(key.LastUsedAt);
        var audit = Assert.Single(await AuditAsync(AuditActions.ApiKeyCreated));
        Assert.Equal((_ada.Id, $"key {key.Prefix} (read) in workspace {_team.Id}"), (audit.ActorUserId!.Value, audit.Detail));
        Assert.DoesNotContain(issued.Key!, audit.Detail);
    }

    [Fact]
    public async Task Create_OwnerOfTheirPersonalWorkspace_MakesAKeyThere()
    {
        var issued = await Keys.CreateAsync(_ada.Id, _ada.Id, "Home script", ApiScope.Read, null, CancellationToken.None);

        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        Assert.Equal(_ada.Id, (await Callers.AuthenticateAsync(issued.Key, CancellationToken.None))!.WorkspaceId);
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Create_MemberWhoIsNotAnOwner_IsNotAllowedAndMakesNoKey(WorkspaceRole role)
    {
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Dockside", (_ada, WorkspaceRole.Owner), (bob, role));

        var issued = await Keys.CreateAsync(bob.Id, team.Id, "Mine", ApiScope.Read, null, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.NotAllowed, ApiKeyCommands.NotAllowedMessage), (issued.Result.Outcome, issued.Result.Message));
        Assert.Equal((null, null), (issued.KeyId, issued.Key));
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Create_Stranger_IsToldThereIsNoSuchWorkspaceAndMakesNoKey()
    {
        var eve = await AddUserAsync("eve@midx.test", "Eve");

        var issued = await Keys.CreateAsync(eve.Id, _team.Id, "Mine", ApiScope.Read, null, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.NotFound, WorkspaceActionResult.NotFoundMessage), (issued.Result.Outcome, issued.Result.Message));
        await AssertNothingChangedAsync();
    }

    public static TheoryData<string?, ApiScope, int?, string> Refusals => new()
    {
        { null, ApiScope.Read, null, ApiKeyCommands.NameRequired },
        { "   ", ApiScope.Read, null, ApiKeyCommands.NameRequired },
        { new string('k', ApiKey.MaxNameLength + 1), ApiScope.Read, null, ApiKeyCommands.NameTooLong },
        { "Shop sync", ApiScope.None, null, ApiKeyCommands.ScopeRequired },
        { "Shop sync", ApiScope.Read, 0, ApiKeyCommands.ExpiryInPast },
        { "Shop sync", ApiScope.Read, -60, ApiKeyCommands.ExpiryInPast },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Create_AgainstARule_IsRefusedWithWhyAndMakesNoKey(string? name, ApiScope scopes, int? expiresInMinutes, string message)
    {
        var expiresAt = expiresInMinutes is { } minutes ? Now.AddMinutes(minutes) : (DateTime?)null;

        var issued = await Keys.CreateAsync(_ada.Id, _team.Id, name, scopes, expiresAt, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.Refused, message), (issued.Result.Outcome, issued.Result.Message));
        Assert.Null(issued.Key);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task Create_NameOfTheLongestLength_IsMade()
    {
        var issued = await Keys.CreateAsync(_ada.Id, _team.Id, new string('k', ApiKey.MaxNameLength), ApiScope.Read, null, CancellationToken.None);

        Assert.True(issued.Result.Succeeded, issued.Result.Message);
    }

    [Fact]
    public async Task Revoke_Owner_TheKeyIsRefusedFromThenOnAndItIsAudited()
    {
        var issued = await CreateAsync();
        Assert.NotNull(await Callers.AuthenticateAsync(issued.Key, CancellationToken.None));

        var result = await Keys.RevokeAsync(_ada.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);

        Assert.True(result.Succeeded, result.Message);
        Assert.Null(await Callers.AuthenticateAsync(issued.Key, CancellationToken.None));
        Assert.Equal(Now, await ReadAsync(db => db.ApiKeys.Select(k => k.RevokedAt).SingleAsync()));
        var audit = Assert.Single(await AuditAsync(AuditActions.ApiKeyRevoked));
        Assert.Equal(_ada.Id, audit.ActorUserId);
    }

    [Fact]
    public async Task Revoke_AlreadyRevoked_IsRefusedAndKeepsTheFirstRevocation()
    {
        var issued = await CreateAsync();
        await Keys.RevokeAsync(_ada.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);
        var revokedAt = Now;
        Time.Advance(TimeSpan.FromHours(1));

        var again = await Keys.RevokeAsync(_ada.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.Refused, ApiKeyCommands.AlreadyRevoked), (again.Outcome, again.Message));
        Assert.Equal(revokedAt, await ReadAsync(db => db.ApiKeys.Select(k => k.RevokedAt).SingleAsync()));
        Assert.Single(await AuditAsync(AuditActions.ApiKeyRevoked));
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task RevokeAndRotate_MemberWhoIsNotAnOwner_AreNotAllowedAndTheKeyKeepsWorking(WorkspaceRole role)
    {
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        await ReadAsync(db =>
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = _team.Id, UserId = bob.Id, Role = role, JoinedAt = Now });
            return db.SaveChangesAsync();
        });
        var issued = await CreateAsync();

        var revoked = await Keys.RevokeAsync(bob.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);
        var rotated = await Keys.RotateAsync(bob.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);

        Assert.Equal([WorkspaceActionOutcome.NotAllowed, WorkspaceActionOutcome.NotAllowed], [revoked.Outcome, rotated.Result.Outcome]);
        Assert.Null(rotated.Key);
        Assert.Equal(1, await ReadAsync(db => db.ApiKeys.CountAsync()));
        Assert.NotNull(await Callers.AuthenticateAsync(issued.Key, CancellationToken.None));
        Assert.Empty(await AuditAsync(AuditActions.ApiKeyRevoked));
        Assert.Empty(await AuditAsync(AuditActions.ApiKeyRotated));
    }

    [Fact]
    public async Task RevokeAndRotate_KeyOfAnotherWorkspace_IsNoSuchKeyThere()
    {
        var home = await Keys.CreateAsync(_ada.Id, _ada.Id, "Home script", ApiScope.Read, null, CancellationToken.None);

        var revoked = await Keys.RevokeAsync(_ada.Id, _team.Id, home.KeyId!.Value, CancellationToken.None);
        var rotated = await Keys.RotateAsync(_ada.Id, _team.Id, home.KeyId!.Value, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.Refused, ApiKeyCommands.NoSuchKey), (revoked.Outcome, revoked.Message));
        Assert.Equal((WorkspaceActionOutcome.Refused, ApiKeyCommands.NoSuchKey), (rotated.Result.Outcome, rotated.Result.Message));
        Assert.NotNull(await Callers.AuthenticateAsync(home.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Rotate_Owner_TheNewKeyWorksAndTheOldOneUntilTheOverlapEnds()
    {
        var old = await CreateAsync(ApiScope.Read);
        Time.Advance(TimeSpan.FromHours(2));

        var rotated = await Keys.RotateAsync(_ada.Id, _team.Id, old.KeyId!.Value, CancellationToken.None);

        Assert.True(rotated.Result.Succeeded, rotated.Result.Message);
        var overlapEnds = Now + ApiKeyCommands.RotationOverlap;
        var successor = await ReadAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == rotated.KeyId));
        Assert.Equal(("Shop sync", ApiScope.Read, old.KeyId, (DateTime?)null, ApiKeySecret.Hash(rotated.Key!)),
            (successor.Name, successor.Scopes, successor.RotatedFromKeyId, successor.ExpiresAt, successor.SecretHash));
        Assert.Equal(overlapEnds, await ReadAsync(db => db.ApiKeys.Where(k => k.Id == old.KeyId).Select(k => k.ExpiresAt).SingleAsync()));
        Assert.EndsWith($"works until {overlapEnds:yyyy-MM-dd HH:mm} UTC.", rotated.Result.Message);
        Assert.Equal(successor.Id, (await Callers.AuthenticateAsync(rotated.Key, CancellationToken.None))?.KeyId);
        Assert.Equal(old.KeyId, (await Callers.AuthenticateAsync(old.Key, CancellationToken.None))?.KeyId);
        Assert.Single(await AuditAsync(AuditActions.ApiKeyRotated));

        Time.Advance(ApiKeyCommands.RotationOverlap - TimeSpan.FromSeconds(1));
        Assert.NotNull(await Callers.AuthenticateAsync(old.Key, CancellationToken.None));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await Callers.AuthenticateAsync(old.Key, CancellationToken.None));
        Assert.NotNull(await Callers.AuthenticateAsync(rotated.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Rotate_OldKeyExpiringBeforeTheOverlapEnds_KeepsItsExpiryForBoth()
    {
        var expiresAt = Now.AddHours(3);
        var old = await Keys.CreateAsync(_ada.Id, _team.Id, "Shop sync", ApiScope.Read, expiresAt, CancellationToken.None);

        var rotated = await Keys.RotateAsync(_ada.Id, _team.Id, old.KeyId!.Value, CancellationToken.None);

        Assert.True(rotated.Result.Succeeded, rotated.Result.Message);
        var expiries = await ReadAsync(db => db.ApiKeys.ToDictionaryAsync(k => k.Id, k => k.ExpiresAt));
        Assert.Equal(expiresAt, expiries[old.KeyId!.Value]);
        Assert.Equal(expiresAt, expiries[rotated.KeyId!.Value]);
        Time.Advance(TimeSpan.FromHours(3));
        Assert.Null(await Callers.AuthenticateAsync(old.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Rotate_RevokedKey_IsRefusedAndMakesNoKey()
    {
        var issued = await CreateAsync();
        await Keys.RevokeAsync(_ada.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);

        var rotated = await Keys.RotateAsync(_ada.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.Refused, ApiKeyCommands.AlreadyRevoked), (rotated.Result.Outcome, rotated.Result.Message));
        Assert.Null(rotated.Key);
        Assert.Equal(1, await ReadAsync(db => db.ApiKeys.CountAsync()));
        Assert.Empty(await AuditAsync(AuditActions.ApiKeyRotated));
    }

    [Fact]
    public async Task Rotate_ExpiredKey_IsRefusedRatherThanMakingAKeyBornExpired()
    {
        var issued = await Keys.CreateAsync(_ada.Id, _team.Id, "Campaign", ApiScope.Read, Now.AddDays(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromDays(1));

        var rotated = await Keys.RotateAsync(_ada.Id, _team.Id, issued.KeyId!.Value, CancellationToken.None);

        Assert.Equal((WorkspaceActionOutcome.Refused, ApiKeyCommands.AlreadyExpired), (rotated.Result.Outcome, rotated.Result.Message));
        Assert.Null(rotated.Key);
        Assert.Equal(1, await ReadAsync(db => db.ApiKeys.CountAsync()));
    }

    private async Task<IssuedApiKey> CreateAsync(ApiScope scopes = ApiScope.Read)
    {
        var issued = await Keys.CreateAsync(_ada.Id, _team.Id, "Shop sync", scopes, null, CancellationToken.None);
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return issued;
    }

    private async Task AssertNothingChangedAsync()
    {
        Assert.False(await ReadAsync(db => db.ApiKeys.AnyAsync()));
        Assert.Empty(await AuditAsync(AuditActions.ApiKeyCreated));
    }
}

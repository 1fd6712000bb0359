using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Midx.Core.Accounts;
using Midx.Core.Api;
using Midx.Core.Workspaces;
using Midx.Tests.Workspaces;

namespace Midx.Tests.Api;

/// <summary>A workspace's keys as its settings list them: for an Owner only, newest first, with a week's use and never a secret.</summary>
public sealed class ApiKeysQueryTests : WorkspacesDatabase, IAsyncLifetime
{
    private User _ada = default!;
    private User _grace = default!;
    private Workspace _team = default!;

    private ApiKeyCommands Keys => new(Db, Audit, Time);

    private ApiKeysQuery Query => new(Db, Time);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        _grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        _team = await AddSharedAsync("Harbour Films", (_ada, WorkspaceRole.Owner), (_grace, WorkspaceRole.Owner));
    }

    [Fact]
    public async Task Execute_Owner_ListsTheWorkspacesKeysNewestFirstWithWhoMadeThem()
    {
        var first = await CreateAsync(_ada, _team.Id, "Shop sync");
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await CreateAsync(_grace, _team.Id, "Newsletter");
        await CreateAsync(_ada, _ada.Id, "Home script");
        await Keys.RevokeAsync(_ada.Id, _team.Id, first.KeyId!.Value, CancellationToken.None);

        var keys = await Query.ExecuteAsync(_ada.Id, _team.Id, CancellationToken.None);

        Assert.Equal([second.KeyId!.Value, first.KeyId!.Value], keys.Select(k => k.Id));
        Assert.Equal([("Newsletter", "Grace Hopper"), ("Shop sync", "Ada Lovelace")], keys.Select(k => (k.Name, k.CreatedBy!)));
        Assert.Equal([ApiKeySecret.PrefixOf(second.Key), ApiKeySecret.PrefixOf(first.Key)], keys.Select(k => k.Prefix));
        Assert.Equal([false, true], keys.Select(k => k.RevokedAt is not null));
    }

    [Fact]
    public async Task Execute_Keys_NeverCarryTheSecretOrItsHash()
    {
        var issued = await CreateAsync(_ada, _team.Id, "Shop sync");

        var keys = await Query.ExecuteAsync(_ada.Id, _team.Id, CancellationToken.None);

        // The page carries the list into the browser as it is (persisted state): what serializes is what a reader could see.
        var carried = JsonSerializer.Serialize(keys);
        Assert.DoesNotContain(issued.Key!, carried);
        Assert.DoesNotContain(ApiKeySecret.Hash(issued.Key!), carried);
        Assert.DoesNotContain(nameof(ApiKey.SecretHash), carried);
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Execute_MemberWhoIsNotAnOwner_ListsNothing(WorkspaceRole role)
    {
        var bob = await AddUserAsync("bob@midx.test", "Bob");
        var team = await AddSharedAsync("Dockside", (_ada, WorkspaceRole.Owner), (bob, role));
        await CreateAsync(_ada, team.Id, "Shop sync");

        Assert.Empty(await Query.ExecuteAsync(bob.Id, team.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Execute_Stranger_ListsNothing()
    {
        var eve = await AddUserAsync("eve@midx.test", "Eve");
        await CreateAsync(_ada, _team.Id, "Shop sync");

        Assert.Empty(await Query.ExecuteAsync(eve.Id, _team.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Execute_KeyUsedOverTwoWeeks_CarriesOnlyTheLastDaysNewestFirst()
    {
        var issued = await CreateAsync(_ada, _team.Id, "Shop sync");
        var today = DateOnly.FromDateTime(Now);
        await ReadAsync(db =>
        {
            foreach (var daysAgo in new[] { 0, 3, ApiKeysQuery.UsageDays - 1, ApiKeysQuery.UsageDays, 2 * ApiKeysQuery.UsageDays })
            {
                db.ApiKeyUsage.Add(new ApiKeyUsage { KeyId = issued.KeyId!.Value, Day = today.AddDays(-daysAgo), Requests = 10 + daysAgo, Errors = daysAgo });
            }

            return db.SaveChangesAsync();
        });

        var key = Assert.Single(await Query.ExecuteAsync(_ada.Id, _team.Id, CancellationToken.None));

        var oldest = ApiKeysQuery.UsageDays - 1;
        Assert.Equal([(today, 10, 0), (today.AddDays(-3), 13, 3), (today.AddDays(-oldest), 10 + oldest, oldest)], key.Usage.Select(u => (u.Day, u.Requests, u.Errors)));
    }

    private async Task<IssuedApiKey> CreateAsync(User owner, Guid workspaceId, string name)
    {
        var issued = await Keys.CreateAsync(owner.Id, workspaceId, name, ApiScope.Read, null, CancellationToken.None);
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return issued;
    }
}

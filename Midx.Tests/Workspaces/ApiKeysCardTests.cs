using Bunit;
using Microsoft.EntityFrameworkCore;
using Midx.App.Workspaces;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Api;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Workspaces;

/// <summary>The API keys card of a workspace's page: an Owner makes, reads, revokes and rotates keys; nobody else sees it.</summary>
public sealed class ApiKeysCardTests : WorkspacesPageTestContext
{
    private User _ada = default!;
    private Workspace _team = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await AddUserAsync("ada@midx.test", "Ada Lovelace");
        _team = await AddSharedAsync("Harbour Films", (_ada, WorkspaceRole.Owner));
    }

    [Fact]
    public async Task Create_NameAndScopes_ShowsTheWholeKeyOnceAndListsItByItsPrefix()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-api-keys-empty]");

        page.Find("input[data-api-key-name-input]").Input("Shop sync");
        page.Find("[data-api-key-scope-choice=read] input").Change(true);
        page.Find("[data-api-key-create]").Click();

        var secret = Text(page.WaitForElement("[data-api-key-secret]"));
        var stored = await WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync());
        Assert.Equal(ApiKeySecret.Hash(secret), stored.SecretHash);
        Assert.Equal(("Shop sync", ApiScope.Read, (DateTime?)null), (stored.Name, stored.Scopes, stored.ExpiresAt));
        Assert.Equal("Key \"Shop sync\" created. Copy it now: Midx shows it only this once.", Text(page.Find("[data-api-key-issued-message]")));
        page.WaitForAssertion(() => Assert.Equal(ApiKeysList.Shown(stored.Prefix), Text(page.Find("[data-api-key-prefix]"))));
        Assert.Equal("Shop sync", Text(page.Find("[data-api-key-name]")));
        Assert.Equal(["read"], page.FindAll("[data-api-key-scope]").Select(Text));
        Assert.Equal(ApiKeysStateChip.Label(ApiKeysStateChip.KeyState.Active), Text(page.Find("[data-api-key-state]")));
        Assert.Equal("22 Nov 2026, 09:00 UTC by Ada Lovelace", Text(page.Find("[data-api-key-created]")));
        Assert.Equal(ApiKeysList.NeverUsed, Text(page.Find("[data-api-key-last-used]")));
        Assert.Equal(ApiKeysList.NoExpiry, Text(page.Find("[data-api-key-expires]")));
        Assert.Equal(ApiKeysUsage.NoUse, Text(page.Find("[data-api-key-usage]")));
        Assert.Null(page.Find("input[data-api-key-name-input]").GetAttribute("value"));

        var reopened = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        reopened.WaitForAssertion(() => Assert.Equal(ApiKeysList.Shown(stored.Prefix), Text(reopened.Find("[data-api-key-prefix]"))));
        Assert.Empty(reopened.FindAll("[data-api-key-issued]"));
        Assert.DoesNotContain(secret, reopened.Markup);
        Assert.DoesNotContain(stored.SecretHash, reopened.Markup);
    }

    [Fact]
    public async Task Create_NoScope_SaysWhatIsMissingAndMakesNoKey()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-api-key-form]");

        page.Find("input[data-api-key-name-input]").Input("Shop sync");
        page.Find("[data-api-key-scope-choice=read] input").Change(false);
        page.Find("[data-api-key-create]").Click();

        page.WaitForAssertion(() => Assert.Equal(ApiKeyCommands.ScopeRequired, Text(page.Find("[data-api-key-error]"))));
        Assert.Empty(page.FindAll("[data-api-key-issued]"));
        Assert.Equal(ApiKeysList.NoKeys, Text(page.Find("[data-api-keys-empty]")));
        Assert.False(await WithDbAsync(db => db.ApiKeys.AnyAsync()));
    }

    [Fact]
    public async Task Create_ExpiryDate_TheKeyEndsAsThatDayBeginsInUtc()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-api-key-form]");

        page.Find("input[data-api-key-name-input]").Input("Campaign");
        page.Find("[data-api-key-scope-choice=read] input").Change(true);
        var picker = page.FindComponent<MudBlazor.MudDatePicker>();
        await page.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2026, 12, 31)));
        page.Find("[data-api-key-create]").Click();

        page.WaitForElement("[data-api-key-secret]");
        var expiresAt = await WithDbAsync(db => db.ApiKeys.Select(k => k.ExpiresAt).SingleAsync());
        Assert.Equal(new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc), expiresAt);
        page.WaitForAssertion(() => Assert.Equal("31 Dec 2026, 00:00 UTC", Text(page.Find("[data-api-key-expires]"))));
    }

    [Fact]
    public void HideKey_AfterCreating_TakesTheKeyOffThePage()
    {
        SignIn(_ada);
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-api-key-form]");
        page.Find("input[data-api-key-name-input]").Input("Shop sync");
        page.Find("[data-api-key-scope-choice=read] input").Change(true);
        page.Find("[data-api-key-create]").Click();
        var secret = Text(page.WaitForElement("[data-api-key-secret]"));

        page.Find("[data-api-key-hide]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-api-key-issued]")));
        Assert.DoesNotContain(secret, page.Markup);
        Assert.Single(page.FindAll("[data-api-key]"));
    }

    [Fact]
    public void CopyKey_AfterCreating_CopiesTheWholeKeyAndSaysSo()
    {
        var copy = Context.JSInterop.SetupModule("./js/clipboard.js").Setup<bool>("copy", _ => true);
        copy.SetResult(true);
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));
        page.WaitForElement("[data-api-key-form]");
        page.Find("input[data-api-key-name-input]").Input("Shop sync");
        page.Find("[data-api-key-scope-choice=read] input").Change(true);
        page.Find("[data-api-key-create]").Click();
        var secret = Text(page.WaitForElement("[data-api-key-secret]"));

        page.Find("[data-api-key-copy]").Click();

        providers.WaitForAssertion(() => Assert.Contains("The key is copied.", Text(providers.Find(".mud-snackbar"))));
        Assert.Equal(secret, Assert.Single(copy.Invocations).Arguments.Single());
    }

    [Theory]
    [InlineData(WorkspaceRole.Publisher)]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task Render_MemberWhoIsNotAnOwner_ShowsNoKeysAtAll(WorkspaceRole role)
    {
        var bob = await AddUserAsync("bob@midx.test", "Bob Member");
        await WithDbAsync(db =>
        {
            db.WorkspaceMembers.Add(new WorkspaceMember { WorkspaceId = _team.Id, UserId = bob.Id, Role = role, JoinedAt = UtcNow });
            return db.SaveChangesAsync();
        });
        var key = await CreateKeyAsync("Shop sync");
        SignIn(bob);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-members-table]");
        Assert.Empty(page.FindAll("[data-api-keys]"));
        Assert.DoesNotContain(key.Prefix, page.Markup);
    }

    [Fact]
    public void Render_PersonalWorkspaceWithoutKeys_ShowsTheCardWithItsEmptyStateAndTheDocs()
    {
        SignIn(_ada);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _ada.Id));

        var card = page.WaitForElement("[data-api-keys]");
        Assert.Equal(ApiKeysList.NoKeys, Text(page.Find("[data-api-keys-empty]")));
        Assert.StartsWith("Keys let your own tools use Midx's API for this workspace", Text(page.Find("[data-api-keys-about]")));
        Assert.Equal(Midx.App.Api.ApiEndpoints.DocsPath, card.QuerySelector("[data-api-keys-about] a")?.GetAttribute("href"));
        Assert.Equal(ApiScopes.All.Select(s => s.Name), page.FindAll("[data-api-key-scope-choice]").Select(c => c.GetAttribute("data-api-key-scope-choice")));
        Assert.All(ApiScopes.All, s => Assert.Contains(s.Description, Text(card)));
    }

    [Fact]
    public async Task Render_KeysOfTheWorkspace_NewestFirstWithTheirRequestsPostsAndErrorsByDay()
    {
        var old = await CreateKeyAsync("Old tool");
        var shop = await CreateKeyAsync("Shop sync", created: UtcNow.AddMinutes(5));
        await WithDbAsync(db =>
        {
            db.ApiKeyUsage.Add(new ApiKeyUsage { KeyId = shop.Id, Day = DateOnly.FromDateTime(UtcNow), Requests = 12, Errors = 1, PostsCreated = 3 });
            db.ApiKeyUsage.Add(new ApiKeyUsage { KeyId = shop.Id, Day = DateOnly.FromDateTime(UtcNow).AddDays(-2), Requests = 4 });
            return db.SaveChangesAsync();
        });
        await WithDbAsync(db => db.ApiKeys.Where(k => k.Id == shop.Id).ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, UtcNow)));
        SignIn(_ada);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForAssertion(() => Assert.Equal(["Shop sync", "Old tool"], page.FindAll("[data-api-key-name]").Select(Text)));
        var shopRow = page.Find($"[data-api-key='{shop.Id}']");
        Assert.Equal("22 Nov 2026, 09:00 UTC", Text(shopRow.QuerySelector("[data-api-key-last-used]")));
        Assert.Equal(["Sun 22 Nov 12 3 1", "Fri 20 Nov 4 0 0"], shopRow.QuerySelectorAll("[data-api-key-usage-day]").Select(Text));
        Assert.Equal(ApiKeysUsage.NoUse, Text(page.Find($"[data-api-key='{old.Id}'] [data-api-key-usage]")));
    }

    [Fact]
    public async Task Revoke_Confirmed_SaysSoAndTheKeyIsRevokedWithNoMoreActions()
    {
        var key = await CreateKeyAsync("Shop sync");
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-revoke-api-key]").Click();

        var dialog = providers.WaitForElement("[data-api-key-dialog]");
        Assert.Contains($"Midx refuses {ApiKeysList.Shown(key.Prefix)} from now on", Text(dialog));
        providers.Find("[data-api-key-confirm]").Click();
        page.WaitForAssertion(() => Assert.Equal(ApiKeysStateChip.Label(ApiKeysStateChip.KeyState.Revoked), Text(page.Find("[data-api-key-state]"))));
        Assert.Empty(page.FindAll("[data-revoke-api-key]"));
        Assert.Empty(page.FindAll("[data-rotate-api-key]"));
        Assert.Equal("22 Nov 2026, 09:00 UTC", Text(page.Find("[data-api-key-revoked]")));
        providers.WaitForAssertion(() => Assert.Contains($"Key \"Shop sync\" ({key.Prefix}…) is revoked", Text(providers.Find(".mud-snackbar"))));
        Assert.NotNull(await WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task Revoke_Cancelled_KeepsTheKeyWorking()
    {
        var key = await CreateKeyAsync("Shop sync");
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-revoke-api-key]").Click();
        providers.WaitForElements(".mud-dialog button").Single(b => Text(b) == "Keep it as it is").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
        Assert.Null(await WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.RevokedAt).SingleAsync()));
        Assert.Equal(ApiKeysStateChip.Label(ApiKeysStateChip.KeyState.Active), Text(page.Find("[data-api-key-state]")));
    }

    [Fact]
    public async Task Rotate_Confirmed_ShowsTheNewKeyOnceAndTheOldOneUntilItsOverlapEnds()
    {
        var old = await CreateKeyAsync("Shop sync");
        SignIn(_ada);
        var providers = RenderMudProviders();
        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForElement("[data-rotate-api-key]").Click();

        var dialog = providers.WaitForElement("[data-api-key-dialog]");
        Assert.Contains($"The old key {ApiKeysList.Shown(old.Prefix)} keeps working for 24 more hours", Text(dialog));
        providers.Find("[data-api-key-confirm]").Click();
        var secret = Text(page.WaitForElement("[data-api-key-secret]"));
        var successor = await WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.RotatedFromKeyId == old.Id));
        Assert.Equal(ApiKeySecret.Hash(secret), successor.SecretHash);
        Assert.EndsWith($"The old key ({old.Prefix}…) works until 2026-11-23 09:00 UTC.", Text(page.Find("[data-api-key-issued-message]")));
        page.WaitForAssertion(() => Assert.Equal([ApiKeysList.Shown(successor.Prefix), ApiKeysList.Shown(old.Prefix)],
            page.FindAll("[data-api-key-prefix]").Select(Text)));
        Assert.Equal([ApiKeysStateChip.Label(ApiKeysStateChip.KeyState.Active), ApiKeysStateChip.Label(ApiKeysStateChip.KeyState.Rotated)],
            page.FindAll("[data-api-key-state]").Select(Text));
        var oldRow = page.Find($"[data-api-key='{old.Id}']");
        Assert.Equal("23 Nov 2026, 09:00 UTC", Text(oldRow.QuerySelector("[data-api-key-expires]")));
        Assert.Null(oldRow.QuerySelector("[data-rotate-api-key]"));
        Assert.NotNull(oldRow.QuerySelector("[data-revoke-api-key]"));
    }

    [Fact]
    public async Task Render_ExpiredKey_SaysExpiredAndOffersNothing()
    {
        var key = await CreateKeyAsync("Last year's campaign");
        await WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(k => k.SetProperty(x => x.ExpiresAt, UtcNow.AddDays(-1))));
        SignIn(_ada);

        var page = Render<WorkspacePage>(p => p.Add(c => c.Id, _team.Id));

        page.WaitForAssertion(() => Assert.Equal(ApiKeysStateChip.Label(ApiKeysStateChip.KeyState.Expired), Text(page.Find("[data-api-key-state]"))));
        Assert.Equal("21 Nov 2026, 09:00 UTC", Text(page.Find("[data-api-key-expires]")));
        Assert.Empty(page.FindAll("[data-revoke-api-key]"));
        Assert.Empty(page.FindAll("[data-rotate-api-key]"));
    }

    /// <summary>A key of the team made by Ada through the real command, at <paramref name="created"/> (the tests' now by default).</summary>
    private async Task<ApiKey> CreateKeyAsync(string name, DateTime? created = null)
    {
        await using var db = NewContext();
        var time = TestClock.Create();
        time.SetUtcNow(created ?? UtcNow);
        var issued = await new ApiKeyCommands(db, new AuditLog(db, time), time)
            .CreateAsync(_ada.Id, _team.Id, name, ApiScope.Read, expiresAt: null, CancellationToken.None);
        Assert.True(issued.Result.Succeeded, issued.Result.Message);
        return await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == issued.KeyId);
    }
}

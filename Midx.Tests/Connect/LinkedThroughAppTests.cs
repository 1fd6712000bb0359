using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.TikTok;
using Midx.Core.Admin;
using Midx.Core.Connect;
using Midx.Core.TikTok;
using Midx.Core.Workspaces;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Connect;

/// <summary>Where an account linked through an API app says so: its card on the accounts page, and the console's workspace page, which lists the apps without buttons.</summary>
public sealed class LinkedThroughAppTests : PageTestContext
{
    public LinkedThroughAppTests() => Context.Services.AddMidxAdmin();

    [Fact]
    public async Task ConsoleWorkspacePage_AppAndAccountLinkedThroughIt_ListsTheAppReadOnlyAndNamesItOnTheAccount()
    {
        var grace = await AddUserAsync("grace@midx.test", "Grace Hopper");
        var account = await AddAccountAsync(grace.Id, "shop.creator", a => (a.UserId, a.LinkedThroughApp) = (null, "Shop Studio"));
        var app = new ApiApp { WorkspaceId = grace.Id, Name = "Shop Studio", RedirectUrls = ["https://shop.example/connected"], CreatedByUserId = grace.Id, CreatedAt = UtcNow };
        await using (var db = NewContext())
        {
            db.ApiApps.Add(app);
            await db.SaveChangesAsync();
        }

        var page = Render<Midx.App.Admin.WorkspacePage>(p => p.Add(c => c.Id, grace.Id));

        page.WaitForAssertion(() => Assert.Contains("through API app “Shop Studio”", Text(page.Find($"[data-workspace-account='{account.Id}']"))));
        var listed = page.Find($"[data-workspace-api-apps] [data-api-app='{app.Id}']");
        Assert.Equal("https://shop.example/connected", Text(listed.QuerySelector("[data-api-app-url]")));
        Assert.Contains("by Grace Hopper", Text(listed));
        Assert.Empty(listed.QuerySelectorAll("[data-delete-api-app], [data-remove-api-app-url], [data-api-app-url-form]"));
    }

    [Fact]
    public void AccountCard_LinkedThroughAnApp_SaysWhichApp()
    {
        Context.Services.AddCascadingValue(_ => new WorkspaceMembership(Guid.CreateVersion7(), "Personal", IsPersonal: true, InboxDraftsOnly: false, WorkspaceRole.Owner));
        var scopes = new TikTokOptions().ScopeList.ToArray();
        var account = new TikTokAccountSummary(Guid.NewGuid(), "Creator", "creator", null, UtcNow.AddDays(-3), UtcNow.AddHours(-1), TokenState.Active, null,
            UtcNow.AddHours(20), UtcNow.AddHours(2), 0, scopes, [], LinkedThroughApp: "Shop Studio");

        var card = Render<TikTokAccountCard>(p => p.Add(c => c.Account, account));

        Assert.Equal("through the API app “Shop Studio”", Text(card.Find("[data-linked-through]")));
    }
}

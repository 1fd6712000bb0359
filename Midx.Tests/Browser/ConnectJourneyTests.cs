using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Midx.App.Api;
using Midx.App.Workspaces;
using Midx.Core.Api;
using Midx.Core.Data;
using Midx.Tests.Support;

namespace Midx.Tests.Browser;

/// <summary>
/// An Owner registers an API app on the workspace page; someone with no Midx account opens a connect link made for it,
/// continues to the sandbox TikTok, authorizes, lands on the app's redirect URL, and finds the link spent when they open it again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectJourneyTests(BrowserFixture browser) : IDisposable
{
    private readonly MidxAppFactory _app = new();

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task HostedConnect_OwnerRegistersAnAppAndAVisitorLinksTheirTikTok_BackAtTheAppWithTheAccount(int width)
    {
        var redirectUrl = $"{_app.ServerAddress}shop/connected";
        await using var owner = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var page = owner.Page;
        await page.SetViewportSizeAsync(width, 900);
        await owner.SignInAsync("Grace Hopper");
        var ownerId = await InDbAsync(db => db.Users.Where(u => u.Name == "Grace Hopper").Select(u => u.Id).SingleAsync());
        await page.GotoAsync(WorkspacePage.Url(ownerId));
        await owner.WaitForCircuitAsync();

        await page.GetByLabel("App name").FillAsync("Shop Studio");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create app" }).ClickAsync();
        await page.GetByLabel("Add a redirect URL").FillAsync(redirectUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the URL to Shop Studio" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-api-app-urls] code")).ToHaveTextAsync(redirectUrl);
        // The card alone: the fixed app bar and the notices would lie over it once it is scrolled into view.
        await page.AddStyleTagAsync(new() { Content = ".mud-appbar, .mud-snackbar { visibility: hidden; }" });
        await page.Locator("[data-api-apps]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"api-apps-{width}.png") });
        Assert.True(owner.Errors.Count == 0, string.Join("\n", owner.Errors));

        var url = await NewLinkAsync(ownerId, redirectUrl);
        await using var visitor = await BrowserPage.OpenAsync(browser, _app.ServerAddress);
        var person = visitor.Page;
        await person.SetViewportSizeAsync(width, 900);
        await person.GotoAsync(url);
        await Assertions.Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Link your TikTok account to Shop Studio", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(person.Locator("[data-connect-workspace]")).ToContainTextAsync("Grace Hopper");
        await visitor.ScreenshotAsync($"connect-page-{width}");

        await person.GetByRole(AriaRole.Button, new() { Name = "Continue to TikTok" }).ClickAsync();
        await person.GetByLabel("Avery Stone").CheckAsync();
        await person.GetByRole(AriaRole.Button, new() { Name = "Authorize" }).ClickAsync();
        await person.WaitForURLAsync(new Regex("/shop/connected\\?account_id=[0-9a-f-]{36}&state=cart-7$"));

        await person.GotoAsync(url);
        await Assertions.Expect(person.Locator("[data-connect-refused]")).ToHaveAttributeAsync("data-connect-refused", "connect_link_used");
        await visitor.ScreenshotAsync($"connect-refused-{width}");
        Assert.Equal(1, await InDbAsync(db => db.TikTokAccounts.CountAsync(a => a.WorkspaceId == ownerId && a.LinkedThroughApp == "Shop Studio")));
    }

    private async Task<string> NewLinkAsync(Guid ownerId, string redirectUrl)
    {
        var appId = await InDbAsync(db => db.ApiApps.Where(a => a.WorkspaceId == ownerId).Select(a => a.Id).SingleAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyCommands>().CreateAsync(ownerId, ownerId, "Shop", ApiScope.Connect, null, CancellationToken.None);
        using var api = new HttpClient { BaseAddress = _app.ServerAddress };
        var request = new HttpRequestMessage(HttpMethod.Post, ApiEndpoints.BasePath + "/connect-links")
        {
            Content = JsonContent.Create(new { appId, redirectUrl, state = "cart-7" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.Key);
        using var response = await api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
    }

    private async Task<T> InDbAsync<T>(Func<MidxDbContext, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MidxDbContext>());
    }

    public void Dispose() => _app.Dispose();
}

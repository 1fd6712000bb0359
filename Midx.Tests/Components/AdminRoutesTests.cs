using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Accounts;
using Midx.App.Components;
using Midx.Core.Accounts;
using Midx.Tests.Support;

namespace Midx.Tests.Components;

/// <summary>
/// On the circuit, where the router decides instead of the HTTP pipeline: a signed-in person who is not an admin who
/// reaches an admin address (a link, the back button, Blazor's own navigation) gets the "admins only" message in the
/// page's place, and no admin component renders at all.
/// </summary>
public sealed class AdminRoutesTests : PageTestContext
{
    /// <summary>
    /// Every page of the console the circuit's router serves, found from the policy they carry; a page marked
    /// <c>[ExcludeFromInteractiveRouting]</c> would be plain HTTP, where the 403 tests cover it.
    /// </summary>
    private static readonly string[] Templates = typeof(Program).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).OfType<AuthorizeAttribute>().Any(a => a.Policy == AdminPolicy.Name)
            && !t.IsDefined(typeof(ExcludeFromInteractiveRoutingAttribute), inherit: false))
        .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).OfType<RouteAttribute>())
        .Select(r => r.Template)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> AdminAddresses =>
        new(Templates.Select(t => t.Replace("{Id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)));

    [Fact]
    public void AdminAddresses_EveryConsolePage_RunsOnTheCircuit() =>
        Assert.Equal(
            ["/admin", "/admin/audit", "/admin/failures", "/admin/security", "/admin/tokens", "/admin/uploads",
             "/admin/uploads/{Id:guid}", "/admin/users", "/admin/users/{Id:guid}", "/admin/workspaces", "/admin/workspaces/{Id:guid}"],
            Templates);

    [Theory]
    [MemberData(nameof(AdminAddresses))]
    public async Task AdminAddress_CreatorOnTheCircuit_SeesAdminsOnlyAndNoConsole(string address)
    {
        SignIn(await AddUserAsync("avery@midx.test", "Avery"));
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        var routes = Render<Routes>();

        routes.WaitForAssertion(() => Assert.Contains("only for administrators", routes.Markup));
        Assert.Empty(routes.FindAll("nav[aria-label='Admin console']"));
        Assert.Empty(routes.FindAll(".mud-table, .mud-chart, [data-admin-feed]"));
    }
}

using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Midx.App.Privacy;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;
using MudBlazor;

namespace Midx.Tests.Components;

public sealed class DeleteAccountDialogTests : MudBlazorTestContext
{
    private const string Email = "avery@midx.test";

    private const string DeleteText = "Delete my account permanently";

    [Fact]
    public async Task Open_NothingTyped_DeleteIsDisabledWithATooltipThatSaysWhy()
    {
        var providers = await OpenAsync();

        var delete = DeleteButton(providers);
        Assert.True(delete.HasAttribute("disabled"));
        providers.Find(".mud-dialog .mud-tooltip-root").PointerEnter();
        providers.WaitForAssertion(() => Assert.Contains("Type your email address above first.", providers.Markup));
    }

    [Fact]
    public async Task Open_AsksForTheAccountsOwnEmailAddress()
    {
        var providers = await OpenAsync();

        Assert.Contains($"Type your email address, {Email}, to confirm", Text(providers.Find(".mud-dialog label")));
        Assert.Equal("Delete your Midx account", Text(providers.Find(".mud-dialog-title")));
    }

    [Fact]
    public async Task TypeEmail_OtherCaseAndSurroundingSpaces_EnablesDeleteAndCarriesWhatWasTyped()
    {
        var providers = await OpenAsync();

        providers.Find(".mud-dialog input[type=email]").Input("  Avery@MIDX.test ");

        providers.WaitForAssertion(() => Assert.False(DeleteButton(providers).HasAttribute("disabled")));
        Assert.Equal("  Avery@MIDX.test ", providers.Find(".mud-dialog form input[type=hidden][name=email]").GetAttribute("value"));
        Assert.Empty(providers.FindAll(".mud-dialog form .mud-tooltip-root"));
    }

    [Fact]
    public async Task TypeEmail_AnotherAddress_KeepsDeleteDisabledAndCarriesWhatWasTyped()
    {
        var providers = await OpenAsync();

        providers.Find(".mud-dialog input[type=email]").Input("avery@midx.test.example");

        providers.WaitForAssertion(() => Assert.Equal("avery@midx.test.example",
            providers.Find(".mud-dialog form input[type=hidden][name=email]").GetAttribute("value")));
        Assert.True(DeleteButton(providers).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Open_FormPostsToTheDeleteEndpointWithTheAntiforgeryToken()
    {
        var providers = await OpenAsync();

        var form = providers.Find(".mud-dialog form");
        Assert.Equal(("post", PrivacyEndpoints.DeletePath), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(AntiforgeryToken, form.QuerySelector($"input[name={AntiforgeryForms.TokenField}]")?.GetAttribute("value"));
        Assert.Equal(PrivacyEndpoints.ExportPath, providers.FindAll(".mud-dialog a").Single(a => Text(a) == "Download my data").GetAttribute("href"));
    }

    [Fact]
    public async Task ClickKeepMyAccount_ClosesTheDialog()
    {
        var providers = await OpenAsync();

        providers.FindAll(".mud-dialog button").Single(b => Text(b) == "Keep my account").Click();

        providers.WaitForAssertion(() => Assert.Empty(providers.FindAll(".mud-dialog")));
    }

    /// <summary>Opens the dialog the way SettingsPage does.</summary>
    private async Task<IRenderedComponent<ContainerFragment>> OpenAsync()
    {
        var providers = RenderMudProviders();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        await providers.InvokeAsync(() => dialogs.ShowAsync<DeleteAccountDialog>("Delete your Midx account",
            new DialogParameters<DeleteAccountDialog> { { d => d.Email, Email } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true }));
        providers.WaitForElement(".mud-dialog");
        return providers;
    }

    private static IElement DeleteButton(IRenderedComponent<ContainerFragment> providers) =>
        providers.FindAll(".mud-dialog form button[type=submit]").Single(b => Text(b) == DeleteText);
}

using Bunit;
using Midx.App.Admin;
using Midx.Core.Admin;
using Midx.Tests.Support;
using static Midx.Tests.Support.ElementText;

namespace Midx.Tests.Components;

/// <summary>The security page's revoke dialog: a real form to the revoke endpoint, its button disabled until a reason and REVOKE are given.</summary>
public sealed class SecurityPageTests : MudBlazorTestContext
{
    [Fact]
    public void RevokeDialog_ButtonDisabledUntilBothAReasonAndRevokeAreGiven()
    {
        var providers = Open();

        Assert.True(Submit(providers).HasAttribute("disabled"));
        providers.Find("input[data-revoke-reason]").Input("Backup copied to a USB drive");
        providers.WaitForAssertion(() => Assert.Equal("Backup copied to a USB drive", Hidden(providers, "reason")));
        Assert.True(Submit(providers).HasAttribute("disabled"));
        providers.Find("input[data-revoke-confirm]").Input("revoke");
        providers.WaitForAssertion(() => Assert.Equal("revoke", Hidden(providers, "confirm")));
        Assert.True(Submit(providers).HasAttribute("disabled"));
        providers.Find("input[data-revoke-confirm]").Input(RevokeKeysDialog.ConfirmWord);
        providers.WaitForAssertion(() => Assert.False(Submit(providers).HasAttribute("disabled")));

        providers.Find("input[data-revoke-reason]").Input("   ");
        providers.WaitForAssertion(() => Assert.True(Submit(providers).HasAttribute("disabled")));
    }

    [Fact]
    public void RevokeDialog_FormPostsToTheRevokeEndpointWithTheAntiforgeryTokenAndALimitedReason()
    {
        var providers = Open();

        var form = providers.Find(".mud-dialog form");
        Assert.Equal(("post", AdminEndpoints.RevokeKeysPath), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(AntiforgeryToken, form.QuerySelector($"input[name={AntiforgeryForms.TokenField}]")?.GetAttribute("value"));
        Assert.Equal(AdminActionReason.MaxLength.ToString(), providers.Find("input[data-revoke-reason]").GetAttribute("maxlength"));
        Assert.Equal("submit", Submit(providers).GetAttribute("type"));
        Assert.Equal(RevokeKeysDialog.SubmitText, Text(Submit(providers)));
        Assert.Contains("Type REVOKE to confirm", Text(providers.Find(".mud-dialog")));
    }

    [Fact]
    public void Page_ExplainsWhatRevokingDoesBeforeAnyDialog()
    {
        var page = Render<SecurityPage>();

        Assert.Contains("everyone is signed out, including you;", Text(page.Find("ul")));
        Assert.Contains("keys revoke-all", page.Markup);
        Assert.Empty(page.FindAll("form"));
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> Open()
    {
        var providers = RenderMudProviders();
        var page = Render<SecurityPage>();
        page.Find("button[data-revoke-open]").Click();
        providers.WaitForElement(".mud-dialog form");
        return providers;
    }

    private static AngleSharp.Dom.IElement Submit(IRenderedComponent<Bunit.Rendering.ContainerFragment> providers) =>
        providers.Find(".mud-dialog button[data-revoke-submit]");

    private static string? Hidden(IRenderedComponent<Bunit.Rendering.ContainerFragment> providers, string name) =>
        providers.Find($".mud-dialog form input[type=hidden][name={name}]").GetAttribute("value");
}

using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Midx.App.Components.Shared;
using Midx.Core;
using MudBlazor;
using MudBlazor.Services;

namespace Midx.Tests.Support;

/// <summary>
/// A bunit context with what Midx's MudBlazor components need: MudBlazor's services (disposed asynchronously, hence
/// <see cref="IAsyncLifetime"/>), loose JavaScript interop, an interactive Server renderer, the tests' clock
/// (<see cref="TestClock"/>), a fixed antiforgery token for the forms, flash notices over throw-away keys and the app's
/// options.
/// </summary>
public abstract class MudBlazorTestContext : IAsyncLifetime
{
    /// <summary>What the clock reads: components are rendered at one moment, which no test advances.</summary>
    public static readonly DateTimeOffset Now = TestClock.Start;

    public const string AntiforgeryToken = "test-token";

    private bool _rendererReady;

    protected MudBlazorTestContext()
    {
        // Two CPU cores are shared by every test run: a second for a dialog or a snackbar to appear would be flaky.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton<TimeProvider>(TestClock.Create());
        Context.Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryStateProvider>();
        Context.Services.AddSingleton(new FlashNotices(new EphemeralDataProtectionProvider()));
        Context.Services.AddSingleton(Options.Create(MidxSettings));
    }

    protected BunitContext Context { get; } = new();

    /// <summary>The app's <c>Midx</c> settings; change them before the first render.</summary>
    protected MidxOptions MidxSettings { get; } = new() { OperatorName = "Midx Test Operator", ContactEmail = "privacy@midx.test" };

    protected DateTime UtcNow => Now.UtcDateTime;

    /// <summary>False renders as a prerender would (no circuit yet); set it before the first render.</summary>
    protected bool Interactive { get; set; } = true;

    /// <summary>Renders <typeparamref name="TComponent"/> once every service is registered (the renderer resolves them).</summary>
    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        EnsureRenderer();
        return Context.Render(parameters);
    }

    /// <summary>
    /// The popover, dialog and snackbar providers, as MainLayout renders them: dialogs, snackbars and tooltips appear in
    /// this markup, not in the component that opened them.
    /// </summary>
    protected IRenderedComponent<ContainerFragment> RenderMudProviders()
    {
        EnsureRenderer();
        return Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
        });
    }

    private void EnsureRenderer()
    {
        if (!_rendererReady)
        {
            Context.SetRendererInfo(Interactive ? new RendererInfo("Server", isInteractive: true) : new RendererInfo("Static", isInteractive: false));
            _rendererReady = true;
        }
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();

    private sealed class FixedAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() =>
            new(AntiforgeryToken, AntiforgeryForms.TokenField);
    }
}

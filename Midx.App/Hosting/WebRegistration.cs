using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Midx.App.Accounts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.Options;
using Midx.App.Components.Shared;
using MudBlazor.Services;

namespace Midx.App.Hosting;

public static class WebRegistration
{
    /// <summary>The largest message a browser may send its circuit.</summary>
    public const int MaxCircuitMessageBytes = 1024 * 1024;

    public static WebApplicationBuilder AddMidxWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(options =>
        {
            // A prerendered page hands the state it read to its circuit in one message from the browser. SignalR's
            // default 32 KB is less than a history page of long captions or the admin overview at scale; their
            // largest (20 posts, 2,200-character captions in a script of three-byte letters) takes less than half of this.
            options.MaximumReceiveMessageSize = MaxCircuitMessageBytes;
        });
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, CircuitSessionRevalidation>();
        builder.Services.AddSingleton<FreshScope>();
        builder.Services.AddSingleton<FlashNotices>();
        builder.Services.AddAntiforgery(options =>
        {
            // Like the session cookie: only over HTTPS, except on the plain-HTTP 127.0.0.1 of Development.
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "midx.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = builder.Environment.IsDevelopment()
                    ? CookieSecurePolicy.SameAsRequest
                    : CookieSecurePolicy.Always;
                options.LoginPath = "/signin";
            });
        builder.Services.AddAuthorization();

        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        AddForwardedHeaders(builder.Services);
        return builder;
    }

    public static WebApplication UseMidxSecurity(this WebApplication app)
    {
        // First, so HTTPS redirection, secure cookies, Google's redirect URI and the sign-in limit all see the client
        // and scheme the proxy saw.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    private static void AddForwardedHeaders(IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
            {
                // The middleware believes every sender when both lists are empty, and the framework's defaults trust
                // loopback: so nothing is forwarded unless a proxy is named, and then only from the ones named.
                var trustsAProxy = proxy.Value.KnownProxies.Length > 0 || proxy.Value.KnownNetworks.Length > 0;
                forwarded.ForwardedHeaders = trustsAProxy ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // Obsolete, but cleared as well so no default 127.0.0.0/8 can survive in it.
                forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
                foreach (var address in proxy.Value.KnownProxies)
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(address));
                }

                foreach (var network in proxy.Value.KnownNetworks)
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            });
    }

    /// <summary>Antiforgery validation, and the form-expired page instead of a bare 400 when a token does not fit.</summary>
    public static WebApplication UseMidxAntiforgery(this WebApplication app)
    {
        app.UseAntiforgery();
        app.Use(FormExpiredResponse.InvokeAsync);
        return app;
    }

    /// <summary>
    /// The interactive app. Its circuit closes when the sign-in it was opened with expires, and Blazor adds no
    /// Content-Security-Policy of its own: <see cref="SecurityHeadersMiddleware"/> sends the one policy, with
    /// <c>frame-ancestors 'none'</c>.
    /// </summary>
    public static WebApplication MapMidxComponents(this WebApplication app)
    {
        app.MapRazorComponents<Components.App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null)
            // .NET 10 has no typed option for the circuit's connection yet: its dispatcher options are endpoint metadata.
            .Add(endpoint =>
            {
                foreach (var connection in endpoint.Metadata.OfType<HttpConnectionDispatcherOptions>())
                {
                    connection.CloseOnAuthenticationExpiration = true;
                }
            });
        return app;
    }
}

using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Midx.App.Accounts;
using Microsoft.AspNetCore.Http.Connections;
using Midx.App.Components.Shared;
using MudBlazor.Services;

namespace Midx.App.Hosting;

public static class WebRegistration
{
    public static WebApplicationBuilder AddMidxWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
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
        builder.Services.AddSignalR();
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
                options.AccessDeniedPath = "/access-denied";
            });
        builder.Services.AddAuthorization();

        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseMidxSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
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

using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.Google;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Midx.App.Sandbox;
using Midx.Core.Accounts;
using Midx.Core.Admin;
using Midx.Core.Privacy;

namespace Midx.App.Accounts;

/// <summary>
/// Google sign-in with the stock Google handler (<c>Microsoft.AspNetCore.Authentication.Google</c>): authorization code
/// flow with PKCE (S256) and state, profile from Google's OpenID userinfo endpoint. It is switched on by the presence
/// of <c>Authentication:Google</c> credentials, or by sandbox mode, where the sandbox re-points the same handler at the
/// stand-in Google (<see cref="Sandbox.Google.SandboxGoogleRegistration"/>).
/// </summary>
public static class AccountRegistration
{
    public const string GoogleScheme = GoogleDefaults.AuthenticationScheme;
    public const string CallbackPath = "/account/signin/google/callback";

    /// <summary>The rate-limiting policy on starting a sign-in (<see cref="AccountEndpoints.SignInWithGooglePath"/>).</summary>
    public const string SignInRateLimitPolicy = "sign-in";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GoogleSignInOptions>()
            .BindConfiguration(GoogleSignInOptions.Section)
            .Validate(o => !o.IsHalfConfigured,
                "Authentication:Google needs both ClientId and ClientSecret (or neither, to switch Google sign-in off).")
            .PostConfigure<SecretRedactor>((o, redactor) => redactor.RegisterSecret(o.ClientSecret))
            .ValidateOnStart();
        services.AddOptions<SessionLifetimeOptions>()
            .BindConfiguration(SessionLifetimeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SignInRateLimitOptions>()
            .BindConfiguration(SignInRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddMidxAccounts();
        services.AddScoped<GoogleSignInEvents>();
        services.AddScoped<SessionCookieEvents>();

        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SessionLifetimeOptions>>((cookie, session) =>
            {
                cookie.ExpireTimeSpan = TimeSpan.FromDays(session.Value.Days);
                cookie.SlidingExpiration = true;
                cookie.EventsType = typeof(SessionCookieEvents);
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy.Name, policy => policy.RequireAuthenticatedUser().RequireRole(AdminPolicy.Role));

        AddSignInRateLimit(services);

        var google = builder.Configuration.GetSection(GoogleSignInOptions.Section).Get<GoogleSignInOptions>() ?? new();
        if (google.IsConfigured || builder.Configuration.IsSandbox())
        {
            AddGoogle(builder);
        }

        return builder;
    }

    private static void AddGoogle(WebApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddAuthentication().AddGoogle(GoogleScheme, "Google", _ => { });
        builder.Services.AddOptions<GoogleOptions>(GoogleScheme)
            .Configure<IOptions<GoogleSignInOptions>>((o, google) =>
            {
                o.ClientId = google.Value.ClientId ?? "";
                o.ClientSecret = google.Value.ClientSecret ?? "";
                o.CallbackPath = CallbackPath;
                o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("email");
                o.Scope.Add("profile");
                o.UsePkce = true;

                // The handler maps sub, email and name itself; GoogleSignInEvents also needs these two.
                o.ClaimActions.MapJsonKey(GoogleClaimTypes.EmailVerified, "email_verified", ClaimValueTypes.Boolean);
                o.ClaimActions.MapJsonKey(GoogleClaimTypes.Picture, "picture");

                // Google's access token is used once, to read the profile, and never stored.
                o.SaveTokens = false;
                o.AdditionalAuthorizationParameters["prompt"] = "select_account";
                o.EventsType = typeof(GoogleSignInEvents);

                // Google returns with a top-level GET, which Lax cookies survive; the framework's default (None)
                // would need Secure even on plain-HTTP development machines.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            });
    }

    private static void AddSignInRateLimit(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<SignInRateLimitOptions>>((limiter, signIn) =>
            {
                var permits = signIn.Value.PermitsPerMinute;
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = (context, cancellationToken) =>
                {
                    var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                    return SignInRateLimitPage.WriteAsync(context.HttpContext, retryAfter, cancellationToken);
                };

                // Only starting a sign-in counts. Google's callback is never refused: by then the person has already
                // chosen their account at Google, and its state and code are single-use and bound to the correlation
                // cookie, so there is nothing to gain from hammering it.
                limiter.AddPolicy(SignInRateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress(context),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            });
    }

    /// <summary>The connection's address, or the client's as a known proxy forwarded it (<see cref="Hosting.ProxyOptions"/>).</summary>
    private static string ClientAddress(HttpContext context) =>
        (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString();
}

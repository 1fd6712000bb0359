using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Midx.Core.Accounts;

namespace Midx.App.Accounts;

/// <summary>
/// A circuit makes no HTTP requests, so the cookie check of <see cref="SessionCookieEvents"/> never sees it. Every
/// 30 seconds this checks the circuit's session against the database the same way, in a scope of its own: when the user
/// was disabled or deleted, or their security stamp changed (sign out everywhere, revoked keys), the circuit's user
/// becomes anonymous, and Blazor ends what the person could see.
/// </summary>
public sealed class CircuitSessionRevalidation(ILoggerFactory loggers, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionStampQuery>().IsCurrentAsync(user, cancellationToken);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Midx.Core.Admin;

namespace Midx.Core.Accounts;

/// <summary>
/// Midx.Core's sign-in and profile services, for the app and the tests alike. The Google handler and the session
/// cookie that use them are the host's (<c>Midx.App.Accounts.AccountRegistration</c>).
/// </summary>
public static class AccountsRegistration
{
    public static IServiceCollection AddMidxAccounts(this IServiceCollection services)
    {
        services.AddScoped<GoogleSignInCommand>();
        services.AddScoped<SessionStampQuery>();
        services.AddScoped<UserProfileQuery>();
        services.TryAddScoped<AuditLog>();
        return services;
    }
}

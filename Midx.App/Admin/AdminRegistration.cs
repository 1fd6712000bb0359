using Microsoft.AspNetCore.Authorization;
using Midx.Core.Admin;

namespace Midx.App.Admin;

/// <summary>
/// The admin console: Midx.Core's queries and audited commands (<see cref="Core.Admin.AdminRegistration"/>) and the
/// console's endpoints, all behind <see cref="Accounts.AdminPolicy"/>
/// (registered with sign-in, in AccountRegistration).
/// </summary>
public static class AdminRegistration
{
    public static WebApplicationBuilder AddAdminConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddMidxAdmin();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenStatusResultHandler>();
        return builder;
    }
}

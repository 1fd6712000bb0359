using Microsoft.AspNetCore.Authorization;
using Midx.Core.Admin;

namespace Midx.App.Admin;

/// <summary>
/// The admin console: its queries, its audited commands and its endpoints, all behind <see cref="Accounts.AdminPolicy"/>
/// (registered with sign-in, in AccountRegistration).
/// </summary>
public static class AdminRegistration
{
    public static WebApplicationBuilder AddAdminConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<OverviewCountersQuery>();
        services.AddScoped<WorkerHealthQuery>();
        services.AddScoped<TokenHealthQuery>();
        services.AddScoped<DailyUploadsQuery>();
        services.AddScoped<RecentActivityQuery>();
        services.AddScoped<UserListQuery>();
        services.AddScoped<UserDetailQuery>();
        services.AddScoped<UploadListQuery>();
        services.AddScoped<UploadExportQuery>();
        services.AddScoped<UploadDetailQuery>();
        services.AddScoped<FailureGroupsQuery>();
        services.AddScoped<AuditLogQuery>();
        services.AddScoped<AuditActionsQuery>();
        services.AddScoped<SetAdminRoleCommand>();
        services.AddScoped<SetUserDisabledCommand>();
        services.AddScoped<CancelUploadCommand>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenStatusResultHandler>();
        return builder;
    }
}

using Microsoft.AspNetCore.Authorization;
using Midx.Core.Admin;

namespace Midx.App.Admin;

/// <summary>The admin console: its queries, its audited commands and its endpoints, all behind the Admin policy.</summary>
public static class AdminRegistration
{
    public const string Policy = "Admin";

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
        services.AddScoped<AdminActionAudit>();
        services.AddScoped<SetAdminRoleCommand>();
        services.AddScoped<SetUserDisabledCommand>();
        services.AddScoped<CancelUploadCommand>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenStatusResultHandler>();

        // Stand-in until the sign-in work lands its own registration of the same policy (same name, same rule).
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireAuthenticatedUser().RequireRole("Admin"));
        return builder;
    }
}

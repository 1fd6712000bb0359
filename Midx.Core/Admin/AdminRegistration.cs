using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Midx.Core.Admin;

/// <summary>
/// Midx.Core's admin console queries and audited commands, the audit log, and the heartbeat recorder that the app's
/// workers write to and <see cref="WorkerHealthQuery"/> reads; for the app and the tests alike.
/// </summary>
public static class AdminRegistration
{
    public static IServiceCollection AddMidxAdmin(this IServiceCollection services)
    {
        services.AddScoped<OverviewCountersQuery>();
        services.AddScoped<WorkerHealthQuery>();
        services.AddScoped<TokenHealthQuery>();
        services.AddScoped<DailyUploadsQuery>();
        services.AddScoped<RecentActivityQuery>();
        services.AddScoped<UserListQuery>();
        services.AddScoped<UserDetailQuery>();
        services.AddScoped<UploadListQuery>();
        services.AddScoped<WorkspaceListQuery>();
        services.AddScoped<WorkspaceDetailQuery>();
        services.AddScoped<UploadExportQuery>();
        services.AddScoped<UserExportQuery>();
        services.AddScoped<UploadDetailQuery>();
        services.AddScoped<FailureGroupsQuery>();
        services.AddScoped<AuditLogQuery>();
        services.AddScoped<AuditActionsQuery>();
        services.AddScoped<AuditExportQuery>();
        services.AddScoped<TokenAttentionQuery>();
        services.AddScoped<TokenExportQuery>();
        services.AddScoped<SetAdminRoleCommand>();
        services.AddScoped<SetUserDisabledCommand>();
        services.AddScoped<CancelUploadCommand>();
        services.AddScoped<SendWebhookAgainCommand>();
        services.TryAddScoped<AuditLog>();
        services.TryAddScoped<WorkerHeartbeatRecorder>();
        return services;
    }
}

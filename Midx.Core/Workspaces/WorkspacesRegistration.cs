using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Midx.Core.Admin;

namespace Midx.Core.Workspaces;

/// <summary>Midx.Core's workspaces: who belongs where, with which role, and how people join.</summary>
public static class WorkspacesRegistration
{
    public static IServiceCollection AddMidxWorkspaces(this IServiceCollection services)
    {
        services.AddScoped<MyWorkspacesQuery>();
        services.AddScoped<UpdateWorkspaceSettingsCommand>();
        services.AddScoped<WorkspaceMembersQuery>();
        services.AddScoped<CreateWorkspaceCommand>();
        services.AddScoped<InviteMemberCommand>();
        services.AddScoped<RevokeInvitationCommand>();
        services.AddScoped<ChangeMemberRoleCommand>();
        services.AddScoped<RemoveMemberCommand>();
        services.AddScoped<InvitationQuery>();
        services.AddScoped<AcceptInvitationCommand>();
        services.AddScoped<Api.ApiKeyCommands>();
        services.AddScoped<Api.ApiKeysQuery>();
        services.AddScoped<Api.ApiCallers>();
        services.AddScoped<Api.ApiPostsQuery>();
        services.TryAddScoped<AuditLog>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Midx.Core.Workspaces;

/// <summary>Midx.Core's workspaces: who belongs where, with which role, and how people join.</summary>
public static class WorkspacesRegistration
{
    public static IServiceCollection AddMidxWorkspaces(this IServiceCollection services)
    {
        services.AddScoped<MyWorkspacesQuery>();
        return services;
    }
}

using Midx.Core.Workspaces;

namespace Midx.App.Workspaces;

public static class WorkspacesRegistration
{
    public static WebApplicationBuilder AddWorkspaces(this WebApplicationBuilder builder)
    {
        builder.Services.AddMidxWorkspaces();
        return builder;
    }
}

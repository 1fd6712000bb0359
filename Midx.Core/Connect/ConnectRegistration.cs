using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Midx.Core.Admin;

namespace Midx.Core.Connect;

/// <summary>Midx.Core's API apps and hosted connect links.</summary>
public static class ConnectRegistration
{
    public static IServiceCollection AddMidxConnect(this IServiceCollection services)
    {
        services.AddOptions<ConnectOptions>().BindConfiguration(ConnectOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ApiAppCommands>();
        services.AddScoped<ApiAppsQuery>();
        services.AddScoped<CreateConnectLinkCommand>();
        services.AddScoped<ConnectLinksQuery>();
        services.AddScoped<FinishConnectLinkCommand>();
        services.TryAddScoped<AuditLog>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Midx.Core.Admin;

namespace Midx.Core.Webhooks;

/// <summary>
/// Midx.Core's webhooks, for the app and the tests alike: the endpoints' commands and query, the dispatcher and its
/// HTTP client, which connects only through <see cref="WebhookConnectGuard"/>, follows no redirect and uses no proxy (a
/// proxy would resolve the host itself, past the guard). <see cref="WebhookOptions"/> come from the host; the
/// <see cref="WebhookOutboxInterceptor"/> comes with the <c>DbContext</c> (<c>AddMidxDatabase</c>).
/// </summary>
public static class WebhooksRegistration
{
    public static IServiceCollection AddMidxWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>();
        services.AddSingleton<WebhookSecret>();
        services.AddSingleton<WebhookConnectGuard>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddScoped<WebhookEndpointCommands>();
        services.AddScoped<WebhooksQuery>();
        services.AddScoped<ClaimDueWebhookDeliveriesCommand>();
        services.AddScoped<SendWebhookDeliveryCommand>();
        services.TryAddScoped<AuditLog>();
        services.AddHttpClient(SendWebhookDeliveryCommand.HttpClientName)
            // The time limit is per attempt, inside SendWebhookDeliveryCommand, and covers the answer's body too.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<WebhookConnectGuard>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            // An endpoint's URL is the integrator's and may carry a credential in its query: the client's own request logs would write it out.
            .RemoveAllLoggers();
        return services;
    }
}

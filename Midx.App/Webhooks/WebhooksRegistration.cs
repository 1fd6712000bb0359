using Midx.Core.Webhooks;

namespace Midx.App.Webhooks;

public static class WebhooksRegistration
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.LeaseDuration > o.Timeout * 2,
                "Midx:Webhooks:LeaseDuration must be more than twice Midx:Webhooks:Timeout, so an attempt ends before another instance may take its delivery.")
            .Validate(o => o.FirstRetryDelay <= o.MaxRetryDelay, "Midx:Webhooks:FirstRetryDelay must not be longer than Midx:Webhooks:MaxRetryDelay.")
            .ValidateOnStart();
        builder.Services.AddMidxWebhooks();
        if (builder.Configuration.GetValue($"{WebhookOptions.Section}:{nameof(WebhookOptions.DispatcherEnabled)}", true))
        {
            builder.Services.AddSingleton<WebhookDispatchWorker>();
            builder.Services.AddHostedService(services => services.GetRequiredService<WebhookDispatchWorker>());
        }

        return builder;
    }
}

using Midx.Core.Privacy;

namespace Midx.App.Privacy;

public static class PrivacyRegistration
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddMidxPrivacy();
        builder.Services.AddSingleton<RetentionWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionWorker>());
        return builder;
    }
}

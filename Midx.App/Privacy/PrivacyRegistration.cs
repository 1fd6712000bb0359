using Midx.Core.Admin;
using Midx.Core.Privacy;

namespace Midx.App.Privacy;

public static class PrivacyRegistration
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PurgeExpiredDataCommand>();
        builder.Services.AddScoped<ExportUserDataQuery>();
        builder.Services.AddScoped<DeleteAccountCommand>();
        builder.Services.AddScoped<RevokeAllKeysCommand>();
        builder.Services.AddScoped<WorkerHeartbeatRecorder>();
        builder.Services.AddSingleton<RetentionWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RetentionWorker>());
        return builder;
    }
}

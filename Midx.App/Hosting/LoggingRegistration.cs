using Microsoft.Extensions.DependencyInjection.Extensions;
using Midx.Core.Privacy;

namespace Midx.App.Hosting;

public static class LoggingRegistration
{
    public static WebApplicationBuilder AddRedactedLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });

        builder.Services.AddSingleton<SecretRedactor>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new RedactingLoggerFactory(
            ActivatorUtilities.CreateInstance<LoggerFactory>(services),
            services.GetRequiredService<SecretRedactor>())));
        return builder;
    }
}

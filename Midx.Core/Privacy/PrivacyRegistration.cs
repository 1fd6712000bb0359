using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Midx.Core.Admin;

namespace Midx.Core.Privacy;

/// <summary>Midx.Core's export, erasure, retention and key revocation commands, for the app and the tests alike.</summary>
public static class PrivacyRegistration
{
    public static IServiceCollection AddMidxPrivacy(this IServiceCollection services)
    {
        services.AddScoped<ScrubDeletedBytesCommand>();
        services.AddScoped<PurgeExpiredDataCommand>();
        services.AddScoped<ExportUserDataQuery>();
        services.AddScoped<DeleteAccountCommand>();
        services.AddScoped<RevokeAllKeysCommand>();
        services.TryAddScoped<AuditLog>();
        return services;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Midx.Core.Data;

public static class DataProtectionRegistration
{
    /// <summary>Fixed, so a new content root or container path never orphans the key ring.</summary>
    public const string ApplicationName = "Midx";

    public const string MasterKeyProblem =
        "Midx:KeyRing:MasterKey must be 32 random bytes in base64 (for example `openssl rand -base64 32`), set with the "
        + "environment variable Midx__KeyRing__MasterKey or user-secrets. It is required outside Development and sandbox mode.";

    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in the database (<see cref="MidxDbContext.DataProtectionKeys"/>),
    /// encrypted at rest with <c>Midx:KeyRing:MasterKey</c> (<see cref="DataProtectionKeyEncryptor"/>), new keys
    /// using AES-256-GCM. In Development and sandbox mode a missing master key is generated under the data folder.
    /// </summary>
    public static IHostApplicationBuilder AddMidxDataProtection(this IHostApplicationBuilder builder)
    {
        var allowLocalKey = builder.Environment.IsDevelopment()
            || builder.Configuration.GetValue<bool>($"{MidxOptions.Section}:{nameof(MidxOptions.Sandbox)}");
        builder.Services.AddMidxDataProtection(allowLocalKey, builder.Environment.ContentRootPath);
        return builder;
    }

    public static IServiceCollection AddMidxDataProtection(this IServiceCollection services, bool allowLocalKey, string contentRoot)
    {
        services.AddOptions<DataProtectionKeyRingOptions>()
            .BindConfiguration(DataProtectionKeyRingOptions.Section)
            .Validate(o => allowLocalKey || !string.IsNullOrWhiteSpace(o.MasterKey), MasterKeyProblem)
            .Validate(o => string.IsNullOrWhiteSpace(o.MasterKey) || DataProtectionMasterKey.TryDecode(o.MasterKey, out _), MasterKeyProblem)
            .ValidateOnStart();

        services.AddSingleton(sp => DataProtectionMasterKey.Resolve(
            sp.GetRequiredService<IOptions<DataProtectionKeyRingOptions>>().Value.MasterKey,
            allowLocalKey,
            Path.GetFullPath(sp.GetRequiredService<IOptions<MidxOptions>>().Value.DataFolder, contentRoot)));

        // Tokens are encrypted with AES-256-GCM (README, "Tokens, keys and a leak"). Each key records its algorithm, so
        // keys made before this setting (AES-256-CBC with HMAC) keep decrypting what they protected until they expire
        // or are revoked; only new keys use GCM. GCM authenticates by itself: ValidationAlgorithm is not used with it.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<MidxDbContext>()
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlEncryptor = new DataProtectionKeyEncryptor(sp.GetRequiredService<DataProtectionMasterKey>())));
        return services;
    }
}

using Microsoft.AspNetCore.Authentication.Google;
using Microsoft.Extensions.Options;
using Midx.Core.Privacy;

namespace Midx.App.Sandbox.Google;

public static class SandboxGoogleRegistration
{
    /// <summary>Registers the stand-in Google and, in sandbox mode, points Midx's Google handler at it.</summary>
    public static WebApplicationBuilder AddSandboxGoogle(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxGoogleOptions>()
            .BindConfiguration(SandboxGoogleOptions.Section)
            .ValidateDataAnnotations()
            .PostConfigure<SecretRedactor>((o, redactor) =>
            {
                redactor.RegisterSecret(o.ClientSecret);
                redactor.RegisterSecret(SandboxGoogleOptions.DefaultClientSecret);
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<SandboxGoogleGrants>();
        builder.Services.AddSingleton<SandboxGoogleSigningKey>();
        builder.Services.AddSingleton<SandboxGoogleIdToken>();
        if (builder.Configuration.IsSandbox())
        {
            builder.Services.AddSingleton<IPostConfigureOptions<GoogleOptions>, SandboxGoogleClientConfiguration>();
        }

        return builder;
    }
}

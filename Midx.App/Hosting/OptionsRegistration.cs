using Midx.Core;
using Midx.Core.Privacy;

namespace Midx.App.Hosting;

public static class OptionsRegistration
{
    public static WebApplicationBuilder AddMidxOptions(this WebApplicationBuilder builder)
    {
        var isProduction = builder.Environment.IsProduction();
        builder.Services.AddOptions<MidxOptions>()
            .BindConfiguration(MidxOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !isProduction || !o.Sandbox || o.AllowSandboxInProduction,
                "Midx:Sandbox is on in Production. The sandbox replaces Google and TikTok with stand-ins that accept any "
                + "sign-in, so it is refused here; turn Midx:Sandbox off, or set Midx:AllowSandboxInProduction=true "
                + "if this is a deliberate demo.")
            .ValidateOnStart();
        builder.Services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}

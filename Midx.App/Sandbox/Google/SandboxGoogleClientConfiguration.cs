using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;
using Midx.App.Accounts;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// Re-points Midx's Google handler at the stand-in. The browser is sent to a relative authorize URL (whatever host it
/// used), while the handler's own server-to-server calls need this process's absolute address, which exists only
/// once Kestrel has bound its port. Options are built on the first request, by which time it has, so the origin is
/// read here rather than at start-up.
/// </summary>
public sealed class SandboxGoogleClientConfiguration(SandboxOrigin origin) : IPostConfigureOptions<OAuthOptions>
{
    public void PostConfigure(string? name, OAuthOptions options)
    {
        if (name != AccountRegistration.GoogleScheme)
        {
            return;
        }

        options.ClientId = SandboxGoogleOptions.DefaultClientId;
        options.ClientSecret = SandboxGoogleOptions.DefaultClientSecret;
        options.AuthorizationEndpoint = SandboxGoogleEndpoints.AuthorizePath;
        options.TokenEndpoint = new Uri(origin.Origin, SandboxGoogleEndpoints.TokenPath).ToString();
        options.UserInformationEndpoint = new Uri(origin.Origin, SandboxGoogleEndpoints.UserInfoPath).ToString();
    }
}

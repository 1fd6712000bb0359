using Microsoft.AspNetCore.Authentication.Google;
using Microsoft.Extensions.Options;
using Midx.App.Accounts;

namespace Midx.App.Sandbox.Google;

/// <summary>
/// Re-points Midx's Google handler at the stand-in, on this process's own origin (<see cref="SandboxOrigin"/>), which
/// exists only once Kestrel has bound its port. Options are built on the first request, by which time it has, so the
/// origin is read here rather than at start-up.
/// </summary>
public sealed class SandboxGoogleClientConfiguration(SandboxOrigin origin) : IPostConfigureOptions<GoogleOptions>
{
    public void PostConfigure(string? name, GoogleOptions options)
    {
        if (name != AccountRegistration.GoogleScheme)
        {
            return;
        }

        options.ClientId = SandboxGoogleOptions.DefaultClientId;
        options.ClientSecret = SandboxGoogleOptions.DefaultClientSecret;

        // Absolute, never relative: the Google handler reads back the query of the URL it built with new Uri(...),
        // and on Linux a relative one parses as a file path with no query, so every parameter (client_id, state,
        // code_challenge...) would be dropped and sign-in would loop.
        options.AuthorizationEndpoint = new Uri(origin.Origin, SandboxGoogleEndpoints.AuthorizePath).ToString();
        options.TokenEndpoint = new Uri(origin.Origin, SandboxGoogleEndpoints.TokenPath).ToString();
        options.UserInformationEndpoint = new Uri(origin.Origin, SandboxGoogleEndpoints.UserInfoPath).ToString();
    }
}

namespace Midx.App.Sandbox.Google;

/// <summary>How the stand-in's userinfo endpoint fails, for tests of the step after a successful code exchange.</summary>
public enum SandboxGoogleUserInfoFault
{
    None,

    /// <summary>
    /// The access token no longer works (the person removed Midx's access between consent and the profile read):
    /// 401 with <c>invalid_token</c>, exactly as for a token Google never issued.
    /// </summary>
    RevokedToken,

    /// <summary>Google's API is down: 503 with Google's JSON error envelope.</summary>
    Unavailable,
}

namespace Midx.App.Accounts;

/// <summary>Why a sign-in ended on the error page; the page explains each in plain words.</summary>
public enum SignInFailureReason
{
    /// <summary>The person pressed "Cancel"/"Deny" at Google (error=access_denied).</summary>
    Denied,

    /// <summary>The state was forged, tampered with or expired, or the correlation cookie was missing.</summary>
    State,

    /// <summary>Google would not exchange the code (replayed, expired, wrong client secret or PKCE verifier).</summary>
    Exchange,

    /// <summary>Google's userinfo could not be read or lacked the subject id or email.</summary>
    Profile,

    UnverifiedEmail,

    Disabled,

    /// <summary>Google sign-in is not configured on this server.</summary>
    NotConfigured,
}

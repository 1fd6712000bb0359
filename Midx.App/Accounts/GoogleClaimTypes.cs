namespace Midx.App.Accounts;

/// <summary>
/// Claims the Google handler does not map on its own, named like its own <c>urn:google:profile</c>. They live only on
/// the principal handed to <see cref="GoogleSignInEvents"/>; the session cookie carries Midx's own claims instead.
/// </summary>
public static class GoogleClaimTypes
{
    public const string EmailVerified = "urn:google:email_verified";

    public const string Picture = "urn:google:picture";
}

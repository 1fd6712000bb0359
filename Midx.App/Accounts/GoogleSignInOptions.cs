namespace Midx.App.Accounts;

/// <summary>
/// Settings under <c>Authentication:Google</c>: the OAuth client created in the Google Cloud console. Both come from
/// environment variables or user-secrets, never from a committed file. Without them (and outside sandbox mode)
/// Google sign-in is switched off and the sign-in page says so.
/// </summary>
public sealed class GoogleSignInOptions
{
    public const string Section = "Authentication:Google";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public bool IsHalfConfigured => string.IsNullOrWhiteSpace(ClientId) != string.IsNullOrWhiteSpace(ClientSecret);
}

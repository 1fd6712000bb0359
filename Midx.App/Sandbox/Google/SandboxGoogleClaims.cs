namespace Midx.App.Sandbox.Google;

/// <summary>
/// The claims about an account that Google releases for the granted scopes, in userinfo and in the id_token:
/// <c>sub</c> always, <c>email</c> and <c>email_verified</c> with <c>email</c>, and <c>name</c>, <c>given_name</c>,
/// <c>family_name</c> and <c>picture</c> with <c>profile</c>
/// (https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload).
/// </summary>
public static class SandboxGoogleClaims
{
    public static Dictionary<string, object> For(SandboxGoogleIdentity identity, string scope, Uri origin)
    {
        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = identity.Subject };
        if (scopes.Contains("email"))
        {
            claims["email"] = identity.Email;
            claims["email_verified"] = identity.EmailVerified;
        }

        if (scopes.Contains("profile"))
        {
            var names = identity.Name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            claims["name"] = identity.Name;
            AddIfPresent(claims, "given_name", names.ElementAtOrDefault(0));
            AddIfPresent(claims, "family_name", names.ElementAtOrDefault(1));
            claims["picture"] = identity.PictureUrl(origin);
        }

        return claims;
    }

    private static void AddIfPresent(Dictionary<string, object> claims, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            claims[name] = value;
        }
    }
}

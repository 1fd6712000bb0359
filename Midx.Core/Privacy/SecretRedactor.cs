using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Midx.Core.Privacy;

/// <summary>
/// The one rule for keeping secrets out of logs: OAuth tokens, authorization codes, PKCE verifiers and client
/// secrets are replaced by <see cref="Mask"/> wherever they appear in a log message or a structured log value.
/// Known secret values (client secrets from configuration) are registered and masked literally; everything else
/// is found by shape: query-string or form parameters and JSON fields with secret names, bearer headers, and
/// invitation and connect links.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[redacted]";

    private readonly ConcurrentDictionary<string, byte> _knownSecrets = new(StringComparer.Ordinal);

    /// <summary>Names whose values are always secret, as structured-log keys or as URL/form/JSON parameter names.</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    public void RegisterSecret(string? value)
    {
        // Very short values would mask ordinary words; real secrets are long.
        if (!string.IsNullOrEmpty(value) && value.Length >= 8)
        {
            _knownSecrets.TryAdd(value, 0);
        }
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _knownSecrets.Keys)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = SecretParameter().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Mask);
        text = SecretJsonField().Replace(text, m => m.Groups["head"].Value + Mask + "\"");
        text = SecretLinkPath().Replace(text, m => m.Groups["head"].Value + Mask);
        return BearerToken().Replace(text, "Bearer " + Mask);
    }

    [GeneratedRegex(@"(^|_|-|\.)(access_?token|refresh_?token|id_?token|token|code|code_?verifier|client_?secret|secret|password|upload_?token|authorization)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<name>\b(?:access_token|refresh_token|id_token|code|code_verifier|client_secret|upload_token|token))(?<sep>=)[^&\s""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    [GeneratedRegex(@"(?<head>""(?:access_token|refresh_token|id_token|code|code_verifier|client_secret|upload_token)""\s*:\s*"")[^""]*""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretJsonField();

    // A workspace invitation's and a hosted connect link's secret is a segment of its link (/invitations/{secret},
    // /connect/{secret}), which the host logs with every request, and which a sign-in return address carries escaped.
    [GeneratedRegex(@"(?<head>(?:/|%2F)(?:invitations|connect)(?:/|%2F))[A-Za-z0-9_\-]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLinkPath();

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-\._~\+/=:!]+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();
}

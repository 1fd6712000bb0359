namespace Midx.App.Accounts;

/// <summary>Links to the sign-in pages, so no one hard-codes their routes or query names.</summary>
public static class SignInLinks
{
    public const string SignInPath = "/signin";
    public const string ErrorPath = "/signin/error";

    public static string For(SignInFailureReason reason, string? returnUrl) =>
        WithReturnUrl($"{ErrorPath}?reason={ReasonName(reason)}", returnUrl, "&");

    public static string SignIn(string? returnUrl) => WithReturnUrl(SignInPath, returnUrl, "?");

    /// <summary>The reason as it appears in the error page's query string and in audit details: "unverified-email".</summary>
    public static string ReasonName(SignInFailureReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static SignInFailureReason? ParseReason(string? name) =>
        Enum.GetValues<SignInFailureReason>().Select(r => (SignInFailureReason?)r).FirstOrDefault(r => ReasonName(r!.Value) == name);

    private static string WithReturnUrl(string path, string? returnUrl, string separator) =>
        ReturnUrl.IsLocal(returnUrl) && returnUrl != ReturnUrl.Home
            ? $"{path}{separator}returnUrl={Uri.EscapeDataString(returnUrl!)}"
            : path;
}

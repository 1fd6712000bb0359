using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Midx.Core.Accounts;
using Midx.Core.Admin;

namespace Midx.App.Accounts;

/// <summary>
/// The Google handler's hooks: read the profile from userinfo, turn it into a Midx user and session, and turn every
/// remote failure (denied consent, forged or expired state, a code Google refuses) into the sign-in error page
/// instead of an exception. Scoped, so it shares the request's database context.
/// </summary>
public sealed class GoogleSignInEvents(
    GoogleSignInCommand signIn,
    AuditLog audit,
    ILogger<GoogleSignInEvents> logger) : OAuthEvents
{
    public override async Task CreatingTicket(OAuthCreatingTicketContext context)
    {
        var cancellationToken = context.HttpContext.RequestAborted;
        var profile = await ReadProfileAsync(context, cancellationToken);
        var result = await signIn.ExecuteAsync(profile, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            var reason = refusal == SignInRefusal.Disabled ? SignInFailureReason.Disabled : SignInFailureReason.UnverifiedEmail;
            throw new SignInFailedException(reason, $"Sign-in refused: {refusal}.", context.Properties);
        }

        var user = result.User!;
        logger.LogInformation("User {UserId} signed in with Google (new: {Created}, admin: {IsAdmin})", user.Id, result.Created, user.IsAdmin);
        context.Principal = SessionPrincipal.Create(user);

        // A persistent cookie, so the session survives closing the browser for the configured days.
        context.Properties.IsPersistent = true;
    }

    public override async Task RemoteFailure(RemoteFailureContext context)
    {
        var failure = context.Failure;
        var reason = Classify(failure);
        var properties = (failure as SignInFailedException)?.Properties ?? context.Properties;

        // Refusals by GoogleSignInCommand are audited with the user they concern; everything else is audited here.
        if (failure is not SignInFailedException { Reason: SignInFailureReason.Disabled or SignInFailureReason.UnverifiedEmail })
        {
            await TryAuditAsync(reason);
        }

        logger.LogWarning("Google sign-in failed: {Reason} ({Failure})", reason, failure?.Message);
        context.Response.Redirect(SignInLinks.For(reason, properties?.RedirectUri));
        context.HandleResponse();
    }

    private async Task TryAuditAsync(SignInFailureReason reason)
    {
        try
        {
            // Not the request's token: a visitor closing the tab must not erase the record of a failed sign-in.
            await audit.WriteAsync(AuditActions.SignInRefused, null, null, SignInLinks.ReasonName(reason), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The person still gets the error page; a failed audit write is logged, not shown.
            logger.LogError(ex, "Could not audit a failed Google sign-in ({Reason})", reason);
        }
    }

    internal static SignInFailureReason Classify(Exception? failure)
    {
        if (failure is SignInFailedException refused)
        {
            return refused.Reason;
        }

        var error = failure?.Data["error"] as string;
        if (string.Equals(error, "access_denied", StringComparison.Ordinal))
        {
            return SignInFailureReason.Denied;
        }

        if (!string.IsNullOrEmpty(error))
        {
            return SignInFailureReason.Exchange;
        }

        // The handler reports these two with fixed messages and no error code: "The oauth state was missing or
        // invalid." (forged or tampered state) and "Correlation failed." (no matching cookie: expired, another
        // browser, or a replayed callback).
        var message = failure?.Message ?? "";
        if (message.Contains("state", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Correlation", StringComparison.OrdinalIgnoreCase))
        {
            return SignInFailureReason.State;
        }

        return SignInFailureReason.Exchange;
    }

    private static async Task<GoogleProfile> ReadProfileAsync(OAuthCreatingTicketContext context, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await context.Backchannel.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SignInFailedException(SignInFailureReason.Profile,
                $"Google userinfo answered {(int)response.StatusCode}.", context.Properties);
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = json.RootElement;
        var subject = String(root, "sub");
        var email = String(root, "email");
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(email))
        {
            throw new SignInFailedException(SignInFailureReason.Profile,
                "Google userinfo lacked the subject id or the email address.", context.Properties);
        }

        return new GoogleProfile(subject, email, IsTrue(root, "email_verified"), String(root, "name"), String(root, "picture"));
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Google sends a JSON boolean; some of its older endpoints sent the string "true".
    private static bool IsTrue(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Midx.Core.Accounts;
using Midx.Core.Admin;

namespace Midx.App.Accounts;

/// <summary>
/// The Google handler's hooks: turn the profile it read from userinfo into a Midx user and session, and turn every
/// remote failure (denied consent, forged or expired state, a code Google refuses, a profile Google will not give)
/// into the sign-in error page instead of an exception. Scoped, so it shares the request's database context.
/// </summary>
public sealed class GoogleSignInEvents(
    GoogleSignInCommand signIn,
    AuditLog audit,
    ILogger<GoogleSignInEvents> logger) : OAuthEvents
{
    public override async Task CreatingTicket(OAuthCreatingTicketContext context)
    {
        var cancellationToken = context.HttpContext.RequestAborted;
        var profile = ReadProfile(context.Principal ?? new ClaimsPrincipal());
        var result = await signIn.ExecuteAsync(profile, cancellationToken);
        if (result.Refusal is { } refusal)
        {
            var reason = refusal == SignInRefusal.Disabled ? SignInFailureReason.Disabled : SignInFailureReason.UnverifiedEmail;
            throw new SignInFailedException(reason, $"Sign-in refused: {refusal}.");
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
        var properties = context.Properties ?? PropertiesFromState(context);

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

        // The Google handler throws this one itself, after a successful code exchange, when userinfo does not answer
        // 2xx: "An error occurred when retrieving Google user information (Unauthorized). ..." with no status code
        // set. A transport fault (either step) is an HttpRequestException too, but without those words.
        if (failure is HttpRequestException && failure.Message.Contains("Google user information", StringComparison.Ordinal))
        {
            return SignInFailureReason.Profile;
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

    /// <summary>
    /// A failure thrown while the ticket is built (userinfo refused, sign-in refused) reaches this event without the
    /// sign-in's properties, so the return URL is read back from the state the handler validated before the exchange.
    /// </summary>
    private static AuthenticationProperties? PropertiesFromState(RemoteFailureContext context) =>
        context.Options is OAuthOptions oauth && context.Request.Query["state"].FirstOrDefault() is { Length: > 0 } state
            ? oauth.StateDataFormat.Unprotect(state)
            : null;

    private static GoogleProfile ReadProfile(ClaimsPrincipal google)
    {
        var subject = google.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = google.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(email))
        {
            throw new SignInFailedException(SignInFailureReason.Profile, "Google userinfo lacked the subject id or the email address.");
        }

        // The claim holds Google's JSON boolean as "True"; bool.TryParse ignores case, so the string "true" some of
        // Google's older endpoints sent reads the same.
        var emailVerified = bool.TryParse(google.FindFirstValue(GoogleClaimTypes.EmailVerified), out var verified) && verified;
        return new GoogleProfile(subject, email, emailVerified,
            google.FindFirstValue(ClaimTypes.Name), google.FindFirstValue(GoogleClaimTypes.Picture));
    }
}

using System.Text.Encodings.Web;
using Midx.App.Hosting;

namespace Midx.App.Accounts;

/// <summary>
/// What someone sees who has started too many sign-ins from one address within a minute. The rate limiter answers
/// before any endpoint runs, so this is a small self-contained page rather than a Razor page.
/// </summary>
public static class SignInRateLimitPage
{
    public const string Title = "Too many sign-ins";

    public const string Message =
        "Too many sign-ins were started from your network in the last minute. Please wait a moment and try again.";

    /// <summary>Writes the page with <c>Retry-After</c> (<see cref="RetryAfterHeader"/>).</summary>
    public static async ValueTask WriteAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        RetryAfterHeader.Set(context.Response, retryAfter);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = HtmlEncoder.Default;
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{html.Encode(Title)} — Midx</title>
            </head>
            <body>
            <main data-signin-rate-limited>
            <h1>{html.Encode(Title)}</h1>
            <p>{html.Encode(Message)}</p>
            <p><a href="{html.Encode(SignInLinks.SignInPath)}">Back to sign-in</a></p>
            </main>
            </body>
            </html>
            """, cancellationToken);
    }
}

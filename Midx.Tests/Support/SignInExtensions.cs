namespace Midx.Tests.Support;

/// <summary>
/// Signs a person in through the sandbox Google over real HTTP, exactly as a browser would, and hands back a client
/// that carries the session cookie:
/// <code>using var grace = await app.SignInAsync("grace@sandbox.midx.test", "Grace Hopper");</code>
/// The same email is always the same Google account (and so the same Midx user); emails listed in the app's
/// <c>Midx:Admins</c> (in Development: ada@sandbox.midx.test) are admins.
/// </summary>
public static class SignInExtensions
{
    /// <summary>A new client (cookies kept, redirects not followed) signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignInAsync(
        this MidxAppFactory app, string email, string? name = null, CancellationToken cancellationToken = default) =>
        (await app.SignInFlowAsync(email, name, cancellationToken: cancellationToken)).Client;

    /// <summary>
    /// Like <see cref="SignInAsync"/>, but returns the whole <see cref="SignInFlow"/> (its cookies, its session cookie),
    /// optionally with a specific Google subject id.
    /// </summary>
    public static async Task<SignInFlow> SignInFlowAsync(
        this MidxAppFactory app, string email, string? name = null, string? subject = null, CancellationToken cancellationToken = default)
    {
        var flow = new SignInFlow(app);
        var authorize = await flow.StartAsync(cancellationToken: cancellationToken);
        var callback = await flow.ChooseCustomAsync(authorize, email, name ?? email, subject, cancellationToken);
        var landing = await flow.CompleteAsync(callback, cancellationToken);
        if (landing.AbsolutePath.StartsWith("/signin/error", StringComparison.Ordinal) || flow.SessionCookie is null)
        {
            flow.Dispose();
            throw new InvalidOperationException($"Signing in as {email} failed; Midx sent the browser to {landing.PathAndQuery}.");
        }

        SignedInClients.Remember(flow.Client, app, email);
        return flow;
    }
}

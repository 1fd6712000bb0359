using System.Runtime.CompilerServices;

namespace Midx.Tests.Support;

/// <summary>
/// Which app and person a signed-in test client belongs to, so a helper that acts as that person on the server (posting
/// the way the compose page does) needs only the client.
/// </summary>
internal static class SignedInClients
{
    private static readonly ConditionalWeakTable<HttpClient, Session> Sessions = new();

    public static void Remember(HttpClient client, MidxAppFactory app, string email) => Sessions.AddOrUpdate(client, new Session(app, email));

    public static (MidxAppFactory App, string Email) Of(HttpClient client) => Sessions.TryGetValue(client, out var session)
        ? (session.App, session.Email)
        : throw new InvalidOperationException("This client was not signed in with SignInAsync.");

    private sealed record Session(MidxAppFactory App, string Email);
}

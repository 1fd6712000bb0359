using System.Globalization;
using System.Security.Cryptography;

namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// The whole state of the sandbox TikTok, in memory: its clock, switches, OAuth codes and tokens, rate-limit windows,
/// publishes and uploads, armed faults, the consent hook and the request journal. One singleton per process. Given a
/// <see cref="SandboxStateFile"/>, the codes, tokens, publishes and uploads (what TikTok's servers remember) are also
/// written through to it and loaded from it on start, so they outlive the process.
/// Thread-safe: each part guards its own state with a lock, and the switches and consent hook are immutable records
/// swapped atomically, so endpoints may run concurrently.
/// </summary>
public sealed class TikTokSandbox
{
    private TikTokSandboxSwitches _switches = new();
    private ConsentHook _consent = ConsentHook.ShowPage;

    public TikTokSandbox(TimeProvider time, string clientSecret, SandboxStateFile? state = null)
    {
        Clock = new TikTokSandboxClock(time);
        ClientSecret = clientSecret;
        Codes = new AuthorizationCodeStore(state);
        Tokens = new TokenStore(state);
        Publishes = new PublishBook(Clock.GetUtcNow(), _switches.PostCapPerCreator, state);
    }

    public TikTokSandboxClock Clock { get; }

    public string ClientKey => TikTokFixtures.ClientKey;

    public string ClientSecret { get; }

    public AuthorizationCodeStore Codes { get; }

    public TokenStore Tokens { get; }

    public SlidingWindowRateLimiter RateLimiter { get; } = new();

    public FaultInjector Faults { get; } = new();

    public RequestJournal Journal { get; } = new();

    public PublishBook Publishes { get; }

    public TikTokSandboxSwitches Switches
    {
        get => Volatile.Read(ref _switches);
        set => Volatile.Write(ref _switches, value);
    }

    /// <summary>How the authorize page answers: show the page to a person, or approve/deny straight away for tests.</summary>
    public ConsentHook Consent
    {
        get => Volatile.Read(ref _consent);
        set => Volatile.Write(ref _consent, value);
    }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public bool IsClient(string? clientKey) => string.Equals(clientKey, ClientKey, StringComparison.Ordinal);

    public bool IsClientSecret(string? secret) =>
        secret is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(ClientSecret));

    /// <summary>TikTok-style log id: UTC timestamp then 20 hex digits, e.g. 20220829194722CBE87ED59D524E727021.</summary>
    public string NewLogId() =>
        Now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Convert.ToHexString(RandomNumberGenerator.GetBytes(10));

    /// <summary>Back to a fresh sandbox: the test controls to their defaults and TikTok's memory, the state file's too, emptied.</summary>
    public void Reset()
    {
        Clock.Reset();
        Switches = new TikTokSandboxSwitches();
        Consent = ConsentHook.ShowPage;
        Codes.Reset();
        Tokens.Reset();
        RateLimiter.Reset();
        Faults.Reset();
        Journal.Reset();
        Publishes.Reset(Now, Switches.PostCapPerCreator);
    }

    /// <summary>Tokens for a fixture creator without the browser, as if the person had approved <paramref name="scopes"/>.</summary>
    public IssuedTokens IssueTokens(SandboxCreator creator, IReadOnlyList<string> scopes)
    {
        var (access, refresh) = Switches.TokenLifetimes;
        return Tokens.Issue(creator.OpenId, scopes, access, refresh, Now);
    }
}

/// <summary>
/// What the sandbox authorize page does, set by a test: show the consent page, or answer at once for a fixture creator,
/// optionally with fewer scopes than asked, as when a creator unticks some.
/// </summary>
public sealed record ConsentHook(ConsentDecision Decision, string CreatorKey, IReadOnlyList<string>? Scopes)
{
    public static readonly ConsentHook ShowPage = new(ConsentDecision.Page, TikTokFixtures.Public.Key, null);
}

public enum ConsentDecision
{
    /// <summary>Show the consent page to a person.</summary>
    Page,

    /// <summary>Redirect back at once with a code for the hook's creator and scopes (null scopes: all offered).</summary>
    Approve,

    /// <summary>Redirect back at once with <c>error=access_denied</c>.</summary>
    Deny,
}

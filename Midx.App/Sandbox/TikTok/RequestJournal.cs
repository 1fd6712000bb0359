namespace Midx.App.Sandbox.TikTok;

/// <summary>
/// Every request the sandbox TikTok received, newest last, so tests can check what Midx actually sent. Credentials are
/// never kept: only the headers that describe the call are recorded (never Cookie, which on the consent page is a
/// Midx session), the Authorization header and secret-bearing form fields are replaced by a marker that only shows
/// they were present. Keeps the latest <see cref="Capacity"/> entries. Thread-safe: all state is guarded by one lock.
/// </summary>
public sealed class RequestJournal
{
    public const int Capacity = 2000;
    public const string Redacted = "<redacted>";

    private static readonly HashSet<string> SecretFields =
        new(["client_secret", "code", "code_verifier", "refresh_token", "token", "access_token"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> KeptHeaders =
        new(["Authorization", "Content-Type", "Content-Length", "Content-Range", "Accept", "User-Agent"], StringComparer.OrdinalIgnoreCase);

    private readonly Lock _gate = new();
    private readonly LinkedList<JournalEntry> _entries = new();
    private long _sequence;

    public void Add(JournalEntry entry)
    {
        lock (_gate)
        {
            _entries.AddLast(entry with { Sequence = ++_sequence });
            if (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<JournalEntry> Snapshot(string? endpoint)
    {
        lock (_gate)
        {
            return _entries.Where(e => endpoint is null || e.Endpoint == endpoint).ToList();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    public static IReadOnlyDictionary<string, string> Headers(IHeaderDictionary headers) =>
        headers.Where(h => KeptHeaders.Contains(h.Key))
            .ToDictionary(h => h.Key, h => RedactHeader(h.Key, h.Value.ToString()), StringComparer.OrdinalIgnoreCase);

    private static string RedactHeader(string name, string value) =>
        string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
            ? (value.StartsWith("Bearer ", StringComparison.Ordinal) ? "Bearer " + Redacted : Redacted)
            : value;

    public static string RedactField(string name, string value) => SecretFields.Contains(name) ? Redacted : value;
}

/// <summary>One received request. <c>Body</c> is the JSON text for JSON calls; <c>Form</c> the fields of form posts.</summary>
public sealed record JournalEntry(
    long Sequence,
    DateTimeOffset At,
    string Endpoint,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string>? Form,
    string? Body,
    long? ContentLength,
    string LogId);

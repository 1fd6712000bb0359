using Midx.Core.Privacy;

namespace Midx.App.Hosting;

/// <summary>
/// Wraps the framework's logger factory so that every logger, whatever provider it writes to (console, test
/// capture, a future sink), receives messages and structured values already passed through <see cref="SecretRedactor"/>.
/// Redacting at the factory, not in one provider, is what makes "never reaches a log sink" hold.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var values = state as IEnumerable<KeyValuePair<string, object?>>;
            var message = formatter(state, exception);

            // A value logged under a secret name ({AccessToken}, {code}) is masked wherever it was formatted into the text.
            foreach (var secret in values?.Where(kv => IsSecretValue(kv)) ?? [])
            {
                message = message.Replace(secret.Value!.ToString()!, SecretRedactor.Mask, StringComparison.Ordinal);
            }

            var redacted = redactor.Redact(message);
            inner.Log(logLevel, eventId, new RedactedState(message, redacted, values, redactor), exception, static (s, _) => s.Message);
        }
    }

    private static bool IsSecretValue(KeyValuePair<string, object?> kv) =>
        kv.Key != "{OriginalFormat}" && kv.Value?.ToString() is { Length: > 0 } && SecretRedactor.IsSecretName(kv.Key);

    private sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _values;

        public RedactedState(string original, string redacted, IEnumerable<KeyValuePair<string, object?>>? values, SecretRedactor redactor)
        {
            Message = redacted;
            _values = values?.Select(kv => new KeyValuePair<string, object?>(kv.Key, RedactValue(kv, original, redacted, redactor))).ToList() ?? [];
        }

        public string Message { get; }

        public int Count => _values.Count;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;

        // A value the message rule masked in context ("Bearer {Header}") is masked as a structured value too.
        private static object? RedactValue(KeyValuePair<string, object?> kv, string original, string redacted, SecretRedactor redactor) => kv.Value switch
        {
            null => null,
            _ when IsSecretValue(kv) => SecretRedactor.Mask,
            string s when s.Length >= 8 && original.Contains(s, StringComparison.Ordinal) && !redacted.Contains(s, StringComparison.Ordinal) => SecretRedactor.Mask,
            string s => redactor.Redact(s),
            IFormattable or bool => kv.Value,
            var other => redactor.Redact(other.ToString() ?? ""),
        };
    }
}

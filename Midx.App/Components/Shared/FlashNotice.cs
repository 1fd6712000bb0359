namespace Midx.App.Components.Shared;

/// <summary>
/// A one-time message for the next page, after a redirect: shown there as a snackbar. <paramref name="Code"/> names the
/// outcome (an <c>AccountsNotice</c>, say) for scripts and tests; <paramref name="Text"/> is what the person reads.
/// </summary>
public sealed record FlashNotice(string Code, string Text, bool Good);

namespace Midx.Core.Accounts;

/// <summary>What Google's userinfo endpoint says about the person signing in.</summary>
public sealed record GoogleProfile(string Subject, string Email, bool EmailVerified, string? Name, string? Picture);

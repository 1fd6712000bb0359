namespace Midx.Core.Admin;

/// <summary>What a failure code means and what the person who posted can do about it.</summary>
public sealed record FailureExplanation(string Code, FailureSource Source, string Meaning, string WhatToDo);

public enum FailureSource
{
    TikTok,
    Midx,
}

using Midx.Core.Publishing;

namespace Midx.App.Publishing;

/// <summary>How a post is named on its page and in the history: its caption's first line, else its file's name.</summary>
public static class PostTitle
{
    public const int MaxLength = 90;

    public static string Of(PublishJob job) => Of(job.Caption, job.FileName);

    public static string Of(string caption, string? fileName)
    {
        if (string.IsNullOrWhiteSpace(caption))
        {
            return fileName ?? "Post from a link";
        }

        var line = caption.Split('\n')[0];
        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)].TrimEnd() + "…";
    }
}

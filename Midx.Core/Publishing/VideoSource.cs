namespace Midx.Core.Publishing;

public enum VideoSource
{
    File,
    Url,
}

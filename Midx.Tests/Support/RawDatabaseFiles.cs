using System.Text;

namespace Midx.Tests.Support;

/// <summary>
/// Reads the SQLite files in an app's data folder byte by byte, the way someone holding a copy of the disk would: a
/// query only sees live rows, while freed pages and old WAL frames keep deleted text until SQLite overwrites them.
/// </summary>
public static class RawDatabaseFiles
{
    private static readonly string[] Suffixes = ["", "-wal", "-shm", "-journal"];

    /// <summary>Each needle found in UTF-8 in midx.db or its side files, as "needle in file".</summary>
    public static IReadOnlyList<string> Find(string dataFolder, params string[] needles)
    {
        var found = new List<string>();
        foreach (var suffix in Suffixes)
        {
            var path = Path.Combine(dataFolder, "midx.db" + suffix);
            if (!File.Exists(path))
            {
                continue;
            }

            // The app may still hold the file open; sharing read-write lets us read it as it is on disk.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            found.AddRange(needles
                .Where(needle => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0)
                .Select(needle => $"{needle} in {Path.GetFileName(path)}"));
        }

        return found;
    }
}

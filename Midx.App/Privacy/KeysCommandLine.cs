using Midx.Core.Data;
using Midx.Core.Privacy;

namespace Midx.App.Privacy;

/// <summary>
/// <c>dotnet Midx.App.dll keys revoke-all [reason]</c>: runs <see cref="RevokeAllKeysCommand"/> against the configured
/// database and exits, without starting the web server. Restart running instances afterwards so none keeps a cached key.
/// </summary>
public static class KeysCommandLine
{
    public static bool IsKeysCommand(string[] args) => args.Length >= 1 && args[0] == "keys";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args is not ["keys", "revoke-all", ..])
        {
            await output.WriteLineAsync("Usage: dotnet Midx.App.dll keys revoke-all [reason]");
            return 2;
        }

        var reason = args.Length > 2 ? string.Join(' ', args[2..]) : "revoked from the command line";
        await services.MigrateMidxDatabaseAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RevokeAllKeysCommand>().ExecuteAsync(null, reason, cancellationToken);
        await output.WriteLineAsync(
            $"All encryption keys revoked and a new key created. {result.AccountsToReconnect} TikTok account(s) must reconnect "
            + $"({result.RevokedAtTikTok} revoked at TikTok). Everyone signs in again. Restart running Midx instances now.");
        return 0;
    }
}

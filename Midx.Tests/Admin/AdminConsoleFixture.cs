using Midx.Tests.Support;

namespace Midx.Tests.Admin;

/// <summary>
/// One running app with a month of seeded activity, an admin session (Ada, an admin by configuration) and a signed-in
/// creator without the role, shared by the console's integration tests.
/// </summary>
public sealed class AdminConsoleFixture : IAsyncLifetime
{
    public const string AdminEmail = "ada@sandbox.midx.test";
    public const string CreatorEmail = "visitor@example.test";

    public MidxAppFactory App { get; } = new(new Dictionary<string, string?> { ["Midx:SignIn:PermitsPerMinute"] = "1000" });

    internal ConsoleSeed Seed { get; private set; } = default!;

    public SignInFlow Admin { get; private set; } = default!;

    public SignInFlow Creator { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Seed = await ConsoleSeed.AddToAsync(App, DateTime.UtcNow);
        Admin = await App.SignInFlowAsync(AdminEmail, "Ada Lovelace");
        Creator = await App.SignInFlowAsync(CreatorEmail, "Vic Visitor");
    }

    public Task DisposeAsync()
    {
        Admin.Dispose();
        Creator.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}

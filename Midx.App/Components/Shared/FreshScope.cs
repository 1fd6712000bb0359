namespace Midx.App.Components.Shared;

/// <summary>
/// Runs one operation of an interactive component in a DI scope of its own. A circuit lives for hours and its scope with
/// it, so a component never injects a query or command (and the <c>DbContext</c> behind it) directly: each click or load
/// gets a fresh one, disposed as soon as the operation ends.
/// </summary>
public sealed class FreshScope(IServiceScopeFactory scopes)
{
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> operation)
        where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdminConsole.Tests.Infrastructure;

/// <summary>The one place that registers MudBlazor for component tests.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    // Pages read real emulators; on a busy two-core CI machine a first read can take seconds, and bUnit's default of
    // one second failed a list that was only slow. A wait ends as soon as its assertion holds, so a passing test pays nothing.
    static MudTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(30);

    protected MudTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        PrerenderState = AddBunitPersistentComponentState();
    }

    /// <summary>What a prerender handed to the live page (pages read it instead of reading again); empty unless a test persists something.</summary>
    protected BunitPersistentComponentState PrerenderState { get; }

    /// <summary>Signed in with the console's viewer policy only: what a viewer's circuit sees.</summary>
    protected void AsViewer() => AddAuthorization().SetAuthorized("Test viewer").SetPolicies(AdminConsole.Security.Policies.Viewer);

    protected void AsAdmin() => AddAuthorization().SetAuthorized("Test admin").SetPolicies(AdminConsole.Security.Policies.Viewer, AdminConsole.Security.Policies.Admin);

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    /// <summary>Set-up that awaits, after the constructor and before the test (and its first render).</summary>
    protected virtual Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable; xunit 2 calls this before Dispose.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}

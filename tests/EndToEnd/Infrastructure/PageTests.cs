using Xunit.Abstractions;

namespace EndToEnd.Infrastructure;

/// <summary>
/// Tests that drive a console's pages in Chromium. After each test, passed or failed, the pages it opened describe
/// themselves into its output (<see cref="ConsoleAppFixture.DescribePagesAsync"/>), which <c>dotnet test</c> shows for a
/// failed test only: a failure on CI says what the browser saw and what the console logged.
/// </summary>
public abstract class PageTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The console this class's pages are opened on.</summary>
    protected abstract ConsoleAppFixture App { get; }

    protected ITestOutputHelper Output => output;

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => App.DescribePagesAsync(output);
}

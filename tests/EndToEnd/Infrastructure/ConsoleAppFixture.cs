using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EndToEnd.Infrastructure;

/// <summary>
/// The console as a newcomer runs it: the built app started as its own process on a fresh in-memory sandbox
/// (emulators on free ports), and Debian's Chromium driven by Playwright. New tables and indexes are ACTIVE at once;
/// <see cref="IndexDelayConsoleAppFixture"/> holds them in CREATING like the real service, for the test that watches it.
/// </summary>
public class ConsoleAppFixture : IAsyncLifetime
{
    protected virtual bool RealisticDelays => false;

    /// <summary>Settings a fixture adds to the app's environment (<c>Platform__...</c>), over the defaults below.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<PageJournal> journals = new();
    private Process? app;
    private IPlaywright? playwright;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePort()}");
    /// <summary>The app's DynamoDB Local, for tests that put data there the way another writer would.</summary>
    public int DynamoDbPort { get; } = FreePort();
    public IBrowser Browser { get; private set; } = null!;
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        // Playwright's 5 s for an expectation is too short on two shared cores (a first circuit's JIT alone can take it);
        // waiting longer for the same state asks nothing less of the page.
        Assertions.SetDefaultExpectTimeout(30_000);
        Directory.CreateDirectory(ScreenshotFolder);
        app = StartApp();
        // The browser starts while the console does (its emulators, its provisioning): neither waits for the other.
        var browser = LaunchBrowserAsync();
        var ready = WaitForAppAsync();
        try
        {
            await Task.WhenAll(ready, browser); // the console's failure, if any, is the one thrown
        }
        finally
        {
            if (browser.IsCompletedSuccessfully) Browser = browser.Result;
        }
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync(new() { BaseURL = BaseUrl.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(60_000);
        return Watch(page);
    }

    /// <summary>Keeps a journal of a page this app's test opened another way (its own context or viewport).</summary>
    public IPage Watch(IPage page)
    {
        journals.Enqueue(new PageJournal(page));
        return page;
    }

    /// <summary>
    /// Writes what each page opened since the last call went through and shows now, then the app's last log lines, to a
    /// test's output; <c>dotnet test</c> prints a test's output only when it fails.
    /// </summary>
    public async Task DescribePagesAsync(ITestOutputHelper testOutput)
    {
        while (journals.TryDequeue(out var journal)) testOutput.WriteLine($"page:\n{await journal.DescribeAsync()}");
        testOutput.WriteLine($"the console's last log lines:\n{string.Join('\n', output.TakeLast(40))}");
    }

    /// <summary>Opens a page and waits until its circuit is live: prerendered buttons do nothing before that.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
        await LoadedAsync(page);
    }

    /// <summary>
    /// Until the page has shown what it reads (no loading bar left), as a user waits before clicking: the circuit is live
    /// before the page's reads end, and what they bring moves the page's buttons. A click given in between lands where
    /// the button was (an end-to-end click once started nothing that way, with the circuit live). A job's own bar may
    /// run on: after 30 s the test goes on, each of its steps waiting for what it needs.
    /// </summary>
    private static async Task LoadedAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear.mud-progress-indeterminate')", null, new() { Timeout = 30_000 });
        }
        catch (TimeoutException) { }
    }

    /// <summary>
    /// Follows a link of the navigation menu, as an admin does, and waits until the page it opens is live. Within a live
    /// circuit that is at once. Should the browser load the page itself instead (a circuit that is not connected does not
    /// take the link), the page is prerendered first and its buttons do nothing until a circuit starts, as after
    /// <see cref="OpenAsync"/>. On loaded CI cores a Dry run clicked right after this link once started nothing.
    /// </summary>
    public static async Task NavigateAsync(IPage page, string link)
    {
        var menu = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = link, Exact = true });
        var href = await menu.GetAttributeAsync("href") ?? throw new InvalidOperationException($"The menu's {link} has no href.");
        await menu.ClickAsync();
        await page.WaitForURLAsync(new Uri(new Uri(page.Url), href).ToString());
        await Assertions.Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
        await LoadedAsync(page);
    }

    /// <summary>Brings the sandbox to the post-rollout schema through the Tables page, as an admin would.</summary>
    public static async Task ApplySchemaAsync(IPage page)
    {
        await OpenAsync(page, "/tables");
        if (await page.GetByTestId("no-drift").IsVisibleAsync()) return;
        await page.GetByTestId("apply-schema").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 180_000 });
        await Assertions.Expect(page.GetByTestId("no-drift")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    private Process StartApp()
    {
        var dll = Path.Combine(AppFolder(), "AdminConsole.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppFolder() };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(BaseUrl.ToString());
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Platform__Mode"] = "Sandbox";
        info.Environment["Platform__Sandbox__InMemory"] = "true";
        info.Environment["Platform__Sandbox__DynamoDbPort"] = DynamoDbPort.ToString();
        info.Environment["Platform__Sandbox__CognitoPort"] = FreePort().ToString();
        info.Environment["Platform__Sandbox__ProductCount"] = "120";
        info.Environment["Platform__Sandbox__RealisticDelays"] = RealisticDelays ? "true" : "false";
        // A report's check that takes longer than its 10 s is amber ("no answer"): on a busy machine a green check may.
        info.Environment["Platform__Verification__CheckTimeoutSeconds"] = "60";
        foreach (var (key, value) in Settings) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The app's own build output, built by the project reference, in this test run's configuration.</summary>
    internal static string AppFolder()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Admin.sln"))) root = root.Parent;
        return Path.Combine(root!.FullName, "src", "AdminConsole", "bin", configuration, testBin.Name);
    }

    private async Task WaitForAppAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            if (app!.HasExited) throw new InvalidOperationException($"The console exited with {app.ExitCode}:\n{string.Join('\n', output)}");
            try
            {
                if ((await http.GetAsync(new Uri(BaseUrl, "/health/live"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The console did not answer at {BaseUrl}:\n{string.Join('\n', output)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public virtual async Task DisposeAsync()
    {
        // The app's own log, beside the screenshots, for when a test fails.
        await File.WriteAllLinesAsync(Path.Combine(ScreenshotFolder, $"app-{BaseUrl.Port}.log"), output);
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (app is { HasExited: false })
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
        app?.Dispose();
    }
}

/// <summary>The app on a DynamoDB Local whose new tables and indexes pass through CREATING and backfilling.</summary>
public sealed class IndexDelayConsoleAppFixture : ConsoleAppFixture
{
    protected override bool RealisticDelays => true;
}

using System.Diagnostics;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Sandbox;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Scale;
using CreatorPlatform.Core.Verification;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CreatorPlatform.Benchmarks.Scale;

/// <summary>
/// Page loads as the user sees them: the published console (what the Dockerfile ships) as its own process on a sandbox
/// whose emulators the benchmark runs (the console joins them, as a second console of a checkout does, and reaches each
/// through a proxy that adds the round trip), Chromium through Playwright, each page opened in a new tab (a new circuit)
/// until it is interactive and nothing on it is still loading: a tab of a browser that has opened the console before (its
/// fingerprinted assets cached, as production serves them), and a first visit (a new browser profile, nothing cached).
/// The sandbox is rolled out from this process (schema, migration, the group), grown to each number of creators (users
/// written into cognito-local's pool file while the console is stopped; a new console process for each size), then the
/// analytics rebuild, the platform walk and a verification report run, so every page shows what it shows in service.
/// p50 and p95 per page, and the console's own time to serve the page (its log).
/// </summary>
internal static class PageLoadBenchmark
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("Overview", "/"), ("Creators", "/creators"), ("one creator", $"/creators/{ScaleSeed.Slug(7)}"), ("Tables", "/tables"),
        ("Migration", "/migration"), ("Analytics", "/analytics"), ("Verification", "/verification"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Arg(args, "--creators", "100,1000");
        var loads = Arg(args, "--loads", "20")[0];
        var latencies = Arg(args, "--latencies", "0");
        // The walk and the verification report sign every creator in, and cognito-local rewrites its pool file at each
        // sign-in: at 10,000 creators they may be given a time budget, after which they stop and the pages show what is stored.
        var jobSeconds = Arg(args, "--job-seconds", "0")[0];
        // The pool also holds users who are no creator (shoppers, people who signed up and stopped), and creators have products.
        var otherUsers = Arg(args, "--other-users", "0")[0];
        var productsPerCreator = Arg(args, "--products-per-creator", ScaleSeed.ProductsPerCreator.ToString())[0];
        var (dynamoDbPort, cognitoPort, appPort) = (SandboxEmulators.FreePort(), SandboxEmulators.FreePort(), SandboxEmulators.FreePort());
        var baseUrl = $"http://127.0.0.1:{appPort}";
        // The benchmark starts the sandbox's emulators in a data folder of its own, and the console joins them, as a second
        // console of a checkout does: creators' users are written straight into cognito-local's pool file while the console
        // is stopped (thousands through its API would take hours). The console reaches each emulator through a proxy that
        // adds the round trip (Platform:Sandbox:*ClientEndpoint); the benchmark's own set-up goes straight to the ports.
        var dataFolder = Directory.CreateTempSubdirectory("pages-sandbox-").FullName;
        var tools = Path.Combine(RepositoryPaths.Root, ".sandbox", "tools");
        Directory.CreateSymbolicLink(Path.Combine(dataFolder, "tools"), tools); // the console's folder layout: tools/ (shared, restored once) and data/
        await using var emulators = await SandboxEmulators.StartAsync(tools, Path.Combine(dataFolder, "data"),
            dynamoDbPort, cognitoPort, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None, realisticDelays: false);
        await using var dynamoDbProxy = new global::Benchmarks.Migration.LatencyProxy(dynamoDbPort, TimeSpan.Zero);
        await using var cognitoProxy = new global::Benchmarks.Migration.LatencyProxy(cognitoPort, TimeSpan.Zero);
        var app = StartApp(appPort, dataFolder, (dynamoDbPort, cognitoPort), (dynamoDbProxy.Port, cognitoProxy.Port));
        try
        {
            await WaitForAsync(baseUrl, app);
            var poolId = await SandboxPoolAsync((dynamoDbPort, cognitoPort));
            await using var setup = ScaleBenchmark.Services((dynamoDbPort, cognitoPort), null, poolId, TimeSpan.Zero, new ScaleBenchmark.Counter());
            await RunJobAsync(setup, SchemaApplier.JobKind, setup.GetRequiredService<SchemaApplier>().ApplyAsync);
            await RunJobAsync(setup, MigrationJob.JobKind, setup.GetRequiredService<MigrationJob>().RunAsync);
            await setup.GetRequiredService<CreatorsGroupService>().EnsureAsync(CancellationToken.None);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium", Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            Console.WriteLine($"Page loads in Chromium: {string.Join(", ", sizes)} creators ({productsPerCreator} products and one user each, "
                + $"{otherUsers:N0} other users in the pool), round trips {string.Join(", ", latencies)} ms, {loads} loads a page, "
                + $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine("\n| creators | round trip | page | served in p50 / p95 | content p50 / p95 | interactive p50 / p95 | slowest | first visit: content p50 / p95 | "
                + "first visit: interactive p50 / p95 |");
            Console.WriteLine("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            // A browser that has opened the console before: its tabs share one profile, so fingerprinted assets come from its cache.
            await using var returning = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
            var seeded = 0;
            foreach (var size in sizes)
            {
                var clock = Stopwatch.StartNew();
                // A fresh console process for each size: what it learned of the last one (its caches) does not carry over.
                await StopAsync(app);
                if (seeded == 0 && otherUsers > 0)
                    await ScalePoolFile.AddUsersAsync(emulators, poolId, null, Enumerable.Range(0, otherUsers).Select(i => $"user-{i:D6}").ToList(), CancellationToken.None);
                await ScaleSeed.AddCreatorsAsync(setup, poolId, seeded, size, 16, emulators, productsPerCreator: productsPerCreator);
                seeded = size;
                app = StartApp(appPort, dataFolder, (dynamoDbPort, cognitoPort), (dynamoDbProxy.Port, cognitoProxy.Port));
                await WaitForAsync(baseUrl, app);
                await PrepareAsync(setup, jobSeconds);
                Console.Error.WriteLine($"{size:N0} creators seeded, rebuilt, walked and verified in {clock.Elapsed.TotalSeconds:N0} s");
                // A console just started compiles each page's code on its first views: every page twice before any is measured.
                for (var warm = 0; warm < 2; warm++)
                    foreach (var (_, path) in Pages) await LoadAsync(returning, baseUrl + path);
                foreach (var latency in latencies)
                {
                    dynamoDbProxy.Delay = cognitoProxy.Delay = TimeSpan.FromMilliseconds(latency);
                    foreach (var (name, path) in Pages)
                    {
                        await LoadAsync(returning, baseUrl + path); // the first load at each round trip: the console's connections settle
                        Served.Clear();
                        var (content, times, firstContent, firstTimes) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
                        for (var i = 0; i < loads; i++)
                        {
                            var (shown, interactive) = await LoadAsync(returning, baseUrl + path);
                            content.Add(shown);
                            times.Add(interactive);
                            await using var fresh = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
                            (shown, interactive) = await LoadAsync(fresh, baseUrl + path);
                            firstContent.Add(shown);
                            firstTimes.Add(interactive);
                        }
                        var server = Served.Where(r => r.Path == path).Select(r => r.Ms).ToList();
                        foreach (var list in new[] { content, times, firstContent, firstTimes, server }) list.Sort();
                        Console.WriteLine($"| {size:N0} | {latency} ms | {name} (`{path}`) | {(server.Count > 0 ? Pair(server) : "?")} | {Pair(content)} | {Pair(times)} | "
                            + $"{times[^1]:N0} ms | {Pair(firstContent)} | {Pair(firstTimes)} |");
                    }
                }
            }
            return 0;
        }
        finally
        {
            await StopAsync(app);
            try { Directory.Delete(dataFolder, recursive: true); }
            catch (IOException) { }
        }
    }

    private static async Task StopAsync(Process app)
    {
        if (!app.HasExited) app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();
        app.Dispose();
    }

    /// <summary>What the schedules would have done by now: the rollups, the walk's facts, a stored verification report.</summary>
    private static async Task PrepareAsync(ServiceProvider setup, int jobSeconds)
    {
        var today = Core.Analytics.DateRange.Today(TimeProvider.System);
        var scope = new Core.Analytics.AnalyticsScope(null, Core.Analytics.DateRange.LastDays(2, today));
        var rebuilder = setup.GetRequiredService<Core.Analytics.AnalyticsRebuilder>();
        await RunJobAsync(setup, Core.Analytics.AnalyticsRebuilder.JobKind, job => rebuilder.RebuildAsync(job, scope, "benchmark"));
        await RunJobAsync(setup, PlatformWalk.JobKind, setup.GetRequiredService<PlatformWalk>().RunAsync, jobSeconds);
        await RunJobAsync(setup, VerificationReportService.JobKind, job => setup.GetRequiredService<VerificationReportService>().RunJobAsync(job), jobSeconds);
    }

    /// <summary>
    /// From the navigation until the server-rendered page (its data included) is shown, and until it is interactive and
    /// shows no loading bar: what the user waits for before reading, and before clicking.
    /// </summary>
    private static async Task<(double Content, double Interactive)> LoadAsync(IBrowserContext profile, string url)
    {
        var page = await profile.NewPageAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 120_000 });
            var content = clock.Elapsed.TotalMilliseconds;
            try
            {
                await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=interactive]') && !document.querySelector('.mud-progress-linear')",
                    null, new() { Timeout = 120_000, PollingInterval = 10 });
            }
            catch (TimeoutException)
            {
                // Say what never settled: the circuit, or which panel kept its loading bar; the page as it stood is kept as a picture.
                var shot = Path.Combine(Path.GetTempPath(), $"pages-timeout-{Guid.NewGuid():N}.png");
                await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
                var state = await page.EvaluateAsync<string>("() => 'interactive: ' + !!document.querySelector('[data-testid=interactive]') + '; loading bars in: ' + "
                    + "[...document.querySelectorAll('.mud-progress-linear')].map(e => e.closest('[data-testid]')?.getAttribute('data-testid') ?? '?').join(', ')");
                throw new TimeoutException($"{url} did not settle in 120 s ({state}); screenshot {shot}");
            }
            return (content, clock.Elapsed.TotalMilliseconds);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static string Pair(List<double> sorted) => $"{Percentile(sorted, 0.50):N0} / {Percentile(sorted, 0.95):N0} ms";

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Runs a job to its end, or stops it after <paramref name="budgetSeconds"/> (0: no budget) and says so.</summary>
    private static async Task RunJobAsync(ServiceProvider services, string kind, Func<JobContext, Task> work, int budgetSeconds = 0)
    {
        var runner = services.GetRequiredService<JobRunner>();
        var run = runner.Start(kind, kind, work);
        if (budgetSeconds > 0 && await Task.WhenAny(run.Completion, Task.Delay(TimeSpan.FromSeconds(budgetSeconds))) != run.Completion)
        {
            await runner.CancelAsync(run, CancellationToken.None);
            await run.Completion;
            Console.Error.WriteLine($"{kind} stopped after its budget of {budgetSeconds} s ({run.State}); the pages show what was stored before it.");
            return;
        }
        await run.Completion;
        if (run.State != JobState.Succeeded) throw new InvalidOperationException($"{kind} ended {run.State}: {run.Error}");
    }

    private static async Task<string> SandboxPoolAsync((int, int) ports)
    {
        await using var probe = ScaleBenchmark.Services(ports, null, null, TimeSpan.Zero, new ScaleBenchmark.Counter());
        // The console provisions its sandbox after it answers: wait for its pool.
        for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; await Task.Delay(1000))
        {
            var pools = await probe.GetRequiredService<ICognitoClient>().ListUserPoolsAsync(new() { MaxResults = 60 });
            if (pools.UserPools?.FirstOrDefault(p => p.Name == SandboxUsers.PoolName)?.Id is { } id) return id;
        }
        throw new InvalidOperationException("The console's sandbox has no user pool.");
    }

    private static Process StartApp(int appPort, string dataFolder, (int DynamoDb, int Cognito) ports, (int DynamoDb, int Cognito) proxies)
    {
        // The published output, as the Dockerfile ships it: a build's output serves every asset with Cache-Control: no-cache
        // (MapStaticAssets' development handling of a build manifest), so a browser would fetch them again on every load.
        var dll = PublishedConsole.Require(PublishedConsole.Dll);
        var info =
            new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{appPort}" }) info.ArgumentList.Add(a);
        info.Environment["Platform__Mode"] = "Sandbox";
        info.Environment["Platform__Sandbox__DataFolder"] = dataFolder;
        info.Environment["Platform__Sandbox__RealisticDelays"] = "false";
        info.Environment["Platform__Sandbox__DynamoDbPort"] = ports.DynamoDb.ToString();
        info.Environment["Platform__Sandbox__CognitoPort"] = ports.Cognito.ToString();
        info.Environment["Platform__Sandbox__DynamoDbClientEndpoint"] = $"http://127.0.0.1:{proxies.DynamoDb}";
        info.Environment["Platform__Sandbox__CognitoClientEndpoint"] = $"http://127.0.0.1:{proxies.Cognito}";
        // The benchmark runs the jobs itself, before measuring: no schedule may start one during the loads.
        info.Environment["Platform__Walk__Schedule"] = "00:00:00";
        info.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        info.Environment["Platform__Analytics__Schedule__Enabled"] = "false";
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Keep(e.Data);
            if (e.Data?.Contains("fail", StringComparison.OrdinalIgnoreCase) == true) Console.Error.WriteLine($"app: {e.Data}");
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The console's last lines of output, for when it exits before it answers.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> Tail = new();

    /// <summary>The console's own time for each page it served (ASP.NET Core's "Request finished" log), by path.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentQueue<(string Path, double Ms)> Served = new();

    private static readonly System.Text.RegularExpressions.Regex Finished =
        new(@"Request finished HTTP/[\d.]+ GET https?://[^/\s]+(?<path>/\S*) - 200 - text/html\S* (?<ms>[\d.]+)ms");

    private static void Keep(string? line)
    {
        if (line is null) return;
        if (Finished.Match(line) is { Success: true } m)
            Served.Enqueue((m.Groups["path"].Value, double.Parse(m.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Tail.Enqueue(line);
        while (Tail.Count > 20) Tail.TryDequeue(out _);
    }

    private static async Task WaitForAsync(string baseUrl, Process app)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var deadline = DateTime.UtcNow.AddMinutes(5); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            if (app.HasExited) throw new InvalidOperationException($"The console exited with {app.ExitCode}:\n{string.Join('\n', Tail)}");
            try
            {
                if ((await http.GetAsync($"{baseUrl}/health/ready")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
        }
        throw new TimeoutException($"The console did not answer at {baseUrl}.");
    }

    private static List<int> Arg(string[] args, string name, string fallback) =>
        (args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback).Split(',').Select(int.Parse).ToList();
}

using System.Net;
using System.Net.Sockets;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorPlatform.Core.Tests.Sandbox;

/// <summary>Two consoles of one checkout on one sandbox data folder, as two terminals would run them.</summary>
public sealed class SharedEmulatorsTests : IDisposable
{
    private static readonly string Tools = Path.Combine(RepositoryPaths.Root, ".sandbox", "tools");
    private readonly string data = Directory.CreateTempSubdirectory("sandbox-shared-").FullName;
    private readonly int dynamoDbPort = SandboxEmulators.FreePort();
    private readonly int cognitoPort = SandboxEmulators.FreePort();

    [Fact]
    public async Task A_second_console_joins_the_emulators_the_manifest_names_and_keeps_them_when_the_first_leaves()
    {
        var first = await StartAsync();

        var second = await StartAsync();
        await first.DisposeAsync();
        var stillThere = await AnswersAsync(dynamoDbPort);
        await second.DisposeAsync();

        Assert.False(first.Joined);
        Assert.True(second.Joined);
        Assert.Equal(first.ProcessIds, second.ProcessIds);
        Assert.True(stillThere);
        Assert.False(await AnswersAsync(dynamoDbPort));
        Assert.False(File.Exists(Path.Combine(data, "emulators.json")));
    }

    [Fact]
    public async Task Something_else_listening_on_the_port_is_not_joined_but_refused_with_the_reason()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, dynamoDbPort);
        squatter.Start();

        var error = await Assert.ThrowsAsync<SandboxException>(StartAsync);

        Assert.Contains($"Port {dynamoDbPort} is taken by process {Environment.ProcessId}", error.Message);
        Assert.Contains("not by this checkout's sandbox", error.Message);
        Assert.Contains("emulators.json", error.Message);
    }

    [Fact]
    public async Task Emulators_left_running_by_a_console_that_died_are_adopted_by_the_next_one()
    {
        var crashed = await StartAsync();
        var pids = crashed.ProcessIds;
        ForgetUsers(); // as if its process had been killed: it never left

        var next = await StartAsync();
        await next.DisposeAsync();

        Assert.True(next.Joined);
        Assert.Equal(pids, next.ProcessIds);
        Assert.False(await AnswersAsync(dynamoDbPort));
    }

    private Task<SandboxEmulators> StartAsync() =>
        SandboxEmulators.StartAsync(Tools, data, dynamoDbPort, cognitoPort, NullLogger.Instance, CancellationToken.None, realisticDelays: false);

    private void ForgetUsers()
    {
        var path = Path.Combine(data, "emulators.json");
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), "\"Users\":\\s*\\[[^\\]]*\\]", "\"Users\": []"));
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        // A stopped emulator refuses at once; a running one gets time to answer on a busy machine.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.PostAsync($"http://127.0.0.1:{port}/", new StringContent("{}"));
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => Directory.Delete(data, recursive: true);
}

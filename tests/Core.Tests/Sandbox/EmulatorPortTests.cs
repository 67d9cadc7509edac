using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorPlatform.Core.Tests.Sandbox;

/// <summary>One emulator per port: a port another program listens on, on any interface, is never started on nor joined.</summary>
public sealed class EmulatorPortTests : IDisposable
{
    private static readonly string Tools = Path.Combine(RepositoryPaths.Root, ".sandbox", "tools");
    private readonly string data = Directory.CreateTempSubdirectory("sandbox-ports-").FullName;
    private readonly int dynamoDbPort = SandboxEmulators.FreePort();
    private readonly int cognitoPort = SandboxEmulators.FreePort();

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")] // IPv6 only: 127.0.0.1 looks free, but DynamoDB Local binds every interface
    public async Task A_port_another_process_listens_on_for_every_interface_refuses_the_start_names_that_process_and_leaves_no_emulator(string address)
    {
        using var squatter = new TcpListener(IPAddress.Parse(address), dynamoDbPort);
        if (address == "::") squatter.Server.DualMode = false;
        squatter.Start();

        var error = await Assert.ThrowsAsync<SandboxException>(() =>
            SandboxEmulators.StartAsync(Tools, null, dynamoDbPort, cognitoPort, NullLogger.Instance, CancellationToken.None, realisticDelays: false));

        Assert.Contains($"Port {dynamoDbPort} is taken by process {Environment.ProcessId}", error.Message);
        Assert.Empty(EmulatorsOn(dynamoDbPort));
    }

    [Fact]
    public async Task An_emulator_the_manifest_names_is_not_joined_when_another_process_answers_on_its_port_and_the_manifest_is_left_as_it_was()
    {
        using var named = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var identity = new WorkerProcess(Environment.MachineName, named.Id, new DateTimeOffset(named.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds());
        var manifest = Path.Combine(data, "emulators.json");
        File.WriteAllText(manifest, JsonSerializer.Serialize(new EmulatorManifest("set", new EmulatorEntry(dynamoDbPort, identity), null, [])));
        var written = File.ReadAllText(manifest);
        using var impostor = new HttpListener { Prefixes = { $"http://127.0.0.1:{dynamoDbPort}/" } };
        impostor.Start();
        _ = AnswerAsDynamoDbAsync(impostor);

        try
        {
            var error = await Assert.ThrowsAsync<SandboxException>(() =>
                SandboxEmulators.StartAsync(Tools, data, dynamoDbPort, cognitoPort, NullLogger.Instance, CancellationToken.None, realisticDelays: false));

            Assert.Contains($"Port {dynamoDbPort} is taken by process {Environment.ProcessId}", error.Message);
            Assert.Contains("not by this checkout's sandbox", error.Message);
            Assert.Equal(written, File.ReadAllText(manifest));
            Assert.Empty(EmulatorsOn(cognitoPort));
        }
        finally
        {
            named.Kill();
        }
    }

    /// <summary>Answers every request as DynamoDB answers ListTables: the probe alone cannot tell it from the emulator.</summary>
    private static async Task AnswerAsDynamoDbAsync(HttpListener listener)
    {
        try
        {
            while (listener.IsListening)
            {
                var context = await listener.GetContextAsync();
                var body = Encoding.UTF8.GetBytes("""{"TableNames":[]}""");
                context.Response.ContentType = "application/x-amz-json-1.0";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { }
    }

    /// <summary>Processes of this user started as an emulator on <paramref name="port"/> (DynamoDB Local's -port, cognito-local's PORT).</summary>
    private static List<int> EmulatorsOn(int port)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var command = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var environment = command.Any(c => c.Contains("cognito-local", StringComparison.Ordinal))
                    ? File.ReadAllText(Path.Combine(dir, "environ")).Split('\0') : [];
                if ((command.Contains("DynamoDBLocal.jar") && command.Contains(port.ToString())) || environment.Contains($"PORT={port}")) found.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return found;
    }

    public void Dispose() => Directory.Delete(data, recursive: true);
}

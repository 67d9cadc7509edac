using System.Net.Sockets;
using System.Text;
using CreatorPlatform.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AdminConsole.Tests.Security;

/// <summary>Requests without a usable Host, written byte for byte on a socket (an HTTP client always sends one).</summary>
public sealed class RequestHostTests
{
    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n")]
    [InlineData("GET / HTTP/1.0\r\nConnection: close\r\n\r\n")]
    public async Task A_request_with_an_empty_or_missing_Host_gets_400(string request)
    {
        var port = SandboxEmulators.FreePort();
        await using var app = ConsoleAppBuilder.Build(port);
        app.MapGet("/", () => Results.Text("served"));
        await app.StartAsync();

        var empty = await StatusLineAsync(port, request);
        var named = await StatusLineAsync(port, $"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");

        Assert.Equal("HTTP/1.1 400 Bad Request", empty);
        Assert.Equal("HTTP/1.1 200 OK", named);
        await app.StopAsync();
    }

    private static async Task<string> StatusLineAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)) ?? "";
    }
}

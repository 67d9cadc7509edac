using System.CommandLine;

namespace AdminConsole.Cli;

/// <summary><c>healthcheck</c>: the container's HEALTHCHECK, since the runtime image has no curl.</summary>
internal static class HealthCheckVerb
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The liveness endpoint.", DefaultValueFactory = _ => "http://127.0.0.1:8080/health/live" };
        var command = new Command("healthcheck", "Exit 0 when the running console answers its liveness endpoint.") { url };
        command.Hidden = true;
        command.SetAction(async (parse, ct) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
            try
            {
                return (await http.GetAsync(parse.GetValue(url), ct)).IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return 1;
            }
        });
        return command;
    }
}

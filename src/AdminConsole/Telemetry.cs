using CreatorPlatform.Core.Jobs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdminConsole;

/// <summary>
/// OpenTelemetry traces and metrics: requests, outgoing HTTP (every AWS call: the SDK and the Cognito and
/// CloudFormation clients all go through HttpClient) and jobs. Off unless <c>Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class Telemetry
{
    public static void AddConsoleTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint)) return;
        var otlp = new Uri(endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["Telemetry:ServiceName"] ?? "admin-console"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation().AddSource(JobTelemetry.Name).AddOtlpExporter(o => o.Endpoint = otlp))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(JobTelemetry.Name)
                .AddOtlpExporter(o => o.Endpoint = otlp));
    }
}

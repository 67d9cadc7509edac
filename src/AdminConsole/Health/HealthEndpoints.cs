using System.Text.Json;
using AdminConsole.Security;
using CreatorPlatform.Core.Monitoring;
using CreatorPlatform.Core.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminConsole.Health;

/// <summary>Readiness: DynamoDB answers with these credentials, as Core's probe last found it (cached for a few seconds).</summary>
public sealed class DynamoDbReadiness(ReadinessProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var readiness = await probe.CheckAsync(ct);
        return readiness.State switch
        {
            ReadinessState.Ready => HealthCheckResult.Healthy(readiness.Description),
            ReadinessState.Degraded => HealthCheckResult.Degraded(readiness.Description),
            _ => HealthCheckResult.Unhealthy(readiness.Description),
        };
    }
}

public static class HealthEndpoints
{
    public static void AddConsoleHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DynamoDbReadiness>("dynamodb", tags: ["ready"], timeout: TimeSpan.FromSeconds(10));

    public static void MapConsoleHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    /// <summary>Anyone gets the status word; only a signed-in admin gets what failed and why.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var admin = context.RequestServices.GetRequiredService<ConsoleRoles>().RoleOf(context.User) == AdminRole.Admin;
        if (!admin)
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString());
        }
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description, ms = e.Value.Duration.TotalMilliseconds }),
        }));
    }
}

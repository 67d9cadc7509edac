using System.Text.Json;
using AdminConsole.Security;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdminConsole.Health;

/// <summary>Readiness: DynamoDB answers with these credentials (a DescribeTable of the console's own table).</summary>
public sealed class DynamoDbReadiness(IServiceProvider services, PlatformSchema schema) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            // Resolved here: without credentials the client cannot even be made, and that is "not ready", not a crash.
            var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
            var table = await dynamoDb.DescribeTableAsync(schema.Ops.Name, ct);
            return HealthCheckResult.Healthy($"DynamoDB reachable; {schema.Ops.Name} is {table.Table.TableStatus}.");
        }
        catch (ResourceNotFoundException)
        {
            return HealthCheckResult.Degraded($"DynamoDB reachable, but {schema.Ops.Name} does not exist yet (Tables & indexes → Apply schema).");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"DynamoDB not reachable with the configured credentials: {e.Message}");
        }
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

using Amazon.DynamoDBv2;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Sandbox;

/// <summary>
/// Puts the sandbox in the platform's pre-rollout state: ProductsTable with its two legacy indexes and seeded legacy
/// products, and a user pool with the default creator's user and a few others. Nothing of the rollout exists yet.
/// </summary>
public sealed class SandboxProvisioner(IAmazonDynamoDB dynamoDb, PlatformSchema schema, SandboxUsers users, IOptions<PlatformOptions> options, ILogger<SandboxProvisioner> logger)
{
    public async Task<SandboxManifest> ProvisionAsync(CancellationToken ct)
    {
        var sandbox = options.Value.Sandbox;
        logger.LogInformation("Sandbox: provisioning the pre-rollout platform ({Count} legacy products)", sandbox.ProductCount);
        var legacy = schema.LegacyProducts;
        await dynamoDb.CreateTableAsync(TableRequests.Create(legacy), ct);
        await WaitForActiveAsync(legacy.Name, ct);
        await BatchWriter.PutAllAsync(dynamoDb, legacy.Name, LegacyProducts.Generate(sandbox.ProductCount, sandbox.Seed), ct);
        // The console's own table exists from the start in the sandbox; in AWS mode an admin creates it.
        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.Ops), ct);
        await WaitForActiveAsync(schema.Ops.Name, ct);
        await dynamoDb.UpdateTimeToLiveAsync(TableRequests.EnableTtl(schema.Ops), ct);
        var userPoolId = await users.ProvisionAsync(ct);
        return new SandboxManifest(DateTimeOffset.UtcNow, userPoolId, sandbox.ProductCount, sandbox.Seed);
    }

    /// <summary>Deletes every table and the user pool, so that <see cref="ProvisionAsync"/> can start over.</summary>
    public async Task ClearAsync(SandboxManifest? manifest, CancellationToken ct)
    {
        var tables = (await dynamoDb.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest(), ct)).TableNames ?? [];
        foreach (var table in tables)
            await dynamoDb.DeleteTableAsync(table, ct);
        if (manifest?.UserPoolId is { } poolId) await users.DeletePoolAsync(poolId, ct);
    }

    private async Task WaitForActiveAsync(string table, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await dynamoDb.DescribeTableAsync(table, ct)).Table.TableStatus?.Value != "ACTIVE")
        {
            if (DateTime.UtcNow > deadline) throw new SandboxException($"{table} did not become ACTIVE within 2 minutes in DynamoDB Local.");
            await Task.Delay(200, ct);
        }
    }
}

/// <summary>What the sandbox knows of itself: the stand-in for the platform stack's outputs.</summary>
public sealed record SandboxManifest(DateTimeOffset ProvisionedAt, string? UserPoolId, int ProductCount, int Seed);

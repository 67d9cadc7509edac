using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Aws;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Web;

/// <summary>
/// The console whose DynamoDB client records every operation and answers each, as DynamoDB does for a table that does
/// not exist, with ResourceNotFoundException: what a page or an endpoint asks of DynamoDB, without any DynamoDB.
/// </summary>
public sealed class RecordingConsoleFactory : ConsoleFactory
{
    private readonly List<string> operations = [];

    public IReadOnlyList<string> Operations { get { lock (operations) return operations.ToList(); } }

    public void Clear() { lock (operations) operations.Clear(); }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton<IAmazonDynamoDB>(sp => Infrastructure.NoTablesDynamoDb.Client(sp.GetRequiredService<AwsContext>(), operations)));
    }
}

using Amazon.KeyManagementService;
using CreatorPlatform.Core.Aws;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace CreatorPlatform.Core.Security;

public static class DataProtectionSetup
{
    public const string ApplicationName = "CreatorPlatform.AdminConsole";

    /// <summary>Keys in the ops table (<see cref="OpsTableXmlRepository"/>), encrypted with KMS when a key id is set.</summary>
    public static IServiceCollection AddConsoleDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<OpsTableXmlRepository>();
        services.AddSingleton<IAmazonKeyManagementService>(sp =>
        {
            var aws = sp.GetRequiredService<AwsContext>();
            var config = new AmazonKeyManagementServiceConfig { RegionEndpoint = aws.Region };
            if (aws.EndpointOverride("KMS") is { } endpoint) config.ServiceURL = endpoint.ToString();
            return new AmazonKeyManagementServiceClient(aws.Credentials, config);
        });
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            o.XmlRepository = sp.GetRequiredService<OpsTableXmlRepository>();
            // Read raw where the host has a configuration: this runs while the pipeline is built, before the options are validated.
            var keyId = sp.GetService<IConfiguration>() is { } configuration
                ? configuration[$"{PlatformOptions.Section}:{nameof(PlatformOptions.DataProtectionKmsKeyId)}"]
                : sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.DataProtectionKmsKeyId;
            if (!string.IsNullOrWhiteSpace(keyId)) o.XmlEncryptor = new KmsXmlEncryptor(sp, keyId);
        });
        return services;
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core;

/// <summary>Checks the settings at start, so that a typo is a message rather than a failure half-way through a job.</summary>
public sealed partial class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions o)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(o.Mode)) errors.Add(PlatformModes.Unknown(o.Mode.ToString()));
        if (string.IsNullOrWhiteSpace(o.Region) || !RegionPattern().IsMatch(o.Region))
            errors.Add($"Platform:Region '{o.Region}' is not an AWS region name such as us-east-1.");
        foreach (var (key, value) in TableNames(o.Tables))
            if (string.IsNullOrWhiteSpace(value) || !TableNamePattern().IsMatch(value))
                errors.Add($"Platform:Tables:{key} '{value}' is not a valid DynamoDB table name (3-255 of a-z A-Z 0-9 _ - .).");
        foreach (var host in o.ImageHosts.Where(h => !ImageHostPattern().IsMatch(h)))
            errors.Add($"Platform:ImageHosts '{host}' is not a host name such as m.media-amazon.com or *.cloudfront.net (no scheme, path or port).");
        if (string.IsNullOrWhiteSpace(o.StackName))
            errors.Add("Platform:StackName is empty; the platform's stack is PinterestAffiliateStorageStack.");
        if (string.IsNullOrWhiteSpace(o.CreatorsGroup.Name))
            errors.Add("Platform:CreatorsGroup:Name is empty.");
        if (o.CreatorsGroup.Precedence < 0)
            errors.Add("Platform:CreatorsGroup:Precedence must be zero or more.");
        var access = o.CreatorAccess;
        if (new[] { access.CreatorRoleGroup, access.AdminRoleGroup, access.FrontendAdminGroup }.Any(string.IsNullOrWhiteSpace))
            errors.Add("Platform:CreatorAccess: CreatorRoleGroup, AdminRoleGroup and FrontendAdminGroup must name groups.");
        if (!CustomClaimPattern().IsMatch(access.CreatorIdClaim ?? ""))
            errors.Add($"Platform:CreatorAccess:CreatorIdClaim '{access.CreatorIdClaim}' must be a custom attribute claim such as custom:creatorId.");
        if (string.IsNullOrWhiteSpace(o.DefaultCreator.Slug) || string.IsNullOrWhiteSpace(o.DefaultCreator.Username))
            errors.Add("Platform:DefaultCreator needs a Slug and a Username.");
        if (o.Mode == PlatformMode.Sandbox)
        {
            if (!ValidPort(o.Sandbox.DynamoDbPort) || !ValidPort(o.Sandbox.CognitoPort) || o.Sandbox.DynamoDbPort == o.Sandbox.CognitoPort)
                errors.Add("Platform:Sandbox:DynamoDbPort and CognitoPort must be two different ports between 1024 and 65535.");
            if (o.Sandbox.ProductCount is < 0 or > 1_000_000)
                errors.Add("Platform:Sandbox:ProductCount must be between 0 and 1000000.");
            if (!string.IsNullOrWhiteSpace(o.Sandbox.DynamoDbClientEndpoint)
                && !(Uri.TryCreate(o.Sandbox.DynamoDbClientEndpoint, UriKind.Absolute, out var client) && client.Scheme is "http" or "https"))
                errors.Add($"Platform:Sandbox:DynamoDbClientEndpoint '{o.Sandbox.DynamoDbClientEndpoint}' must be an http URL such as "
                    + "http://127.0.0.1:8422 (where the console reaches DynamoDB Local), or empty for DynamoDbPort itself.");
            if (!string.IsNullOrWhiteSpace(o.Sandbox.CognitoClientEndpoint)
                && !(Uri.TryCreate(o.Sandbox.CognitoClientEndpoint, UriKind.Absolute, out var cognito) && cognito.Scheme is "http" or "https"))
                errors.Add($"Platform:Sandbox:CognitoClientEndpoint '{o.Sandbox.CognitoClientEndpoint}' must be an http URL such as "
                    + "http://127.0.0.1:9422 (where the console reaches cognito-local), or empty for CognitoPort itself.");
            if (o.Sandbox.SilentProbesBeforeRestart < 2)
                errors.Add("Platform:Sandbox:SilentProbesBeforeRestart must be 2 or more: one missed check may be a busy machine.");
        }
        if (o.Aws.RequestTimeoutSeconds is < 1 or > 300)
            errors.Add("Platform:Aws:RequestTimeoutSeconds must be between 1 and 300.");
        var m = o.Migration;
        if (m.Segments is < 1 or > 1000 || m.SegmentsPerWorker is < 1 or > 1000 || m.MaxConcurrency is < 1 or > 1024 || m.ScanPageSize is < 1 or > 10_000)
            errors.Add("Platform:Migration: Segments and SegmentsPerWorker must be 1-1000, MaxConcurrency 1-1024 and ScanPageSize 1-10000.");
        if (!Enum.IsDefined(m.WriteMode) || m.TransactionItems is < 1 or > Migration.TransactionalBackfillWriter.MaxItems)
            errors.Add($"Platform:Migration: WriteMode must be Auto, Single or Transaction, and TransactionItems 1-{Migration.TransactionalBackfillWriter.MaxItems}.");
        if (m.MaxWriteRate < 0 || m.PricePerMillionWriteUnits < 0 || m.LeaseSeconds < 5)
            errors.Add("Platform:Migration: MaxWriteRate and PricePerMillionWriteUnits must be zero or more, LeaseSeconds at least 5.");
        if (m.ProgressSeconds is < 1 or > 300)
            errors.Add("Platform:Migration:ProgressSeconds must be between 1 and 300.");
        if (o.Analytics.MaxRangeDays is < 1 or > 3660)
            errors.Add("Platform:Analytics:MaxRangeDays must be between 1 and 3660.");
        if (o.Analytics.Schedule.Interval < TimeSpan.FromMinutes(1) || o.Analytics.Schedule.Interval > TimeSpan.FromDays(1))
            errors.Add("Platform:Analytics:Schedule:Interval must be between 00:01:00 and 1.00:00:00 (a TimeSpan).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool ValidPort(int port) => port is >= 1024 and <= 65535;

    private static IEnumerable<(string, string)> TableNames(TableNameOptions t) =>
    [
        (nameof(t.Products), t.Products), (nameof(t.Creators), t.Creators), (nameof(t.AnalyticsEvents), t.AnalyticsEvents),
        (nameof(t.AnalyticsSummaries), t.AnalyticsSummaries), (nameof(t.Ops), t.Ops),
    ];

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-\\d$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^custom:[A-Za-z0-9_]{1,20}$")]
    private static partial Regex CustomClaimPattern();

    [GeneratedRegex("^(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$")]
    private static partial Regex ImageHostPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}

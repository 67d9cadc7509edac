namespace CreatorPlatform.Core.Tests.Rollback;

/// <summary>DescribeContinuousBackups answers as the DynamoDB API reference documents them (response syntax, errors).</summary>
internal static class PitrResponses
{
    public const string ContentType = "application/x-amz-json-1.0";

    // EarliestRestorableDateTime 1764547200 = 2025-12-01T00:00:00Z; Latest 1767052800 = 2025-12-30T00:00:00Z.
    public const string Enabled = """
        {
          "ContinuousBackupsDescription": {
            "ContinuousBackupsStatus": "ENABLED",
            "PointInTimeRecoveryDescription": {
              "EarliestRestorableDateTime": 1764547200,
              "LatestRestorableDateTime": 1767052800,
              "PointInTimeRecoveryStatus": "ENABLED",
              "RecoveryPeriodInDays": 35
            }
          }
        }
        """;

    public const string Disabled = """
        {
          "ContinuousBackupsDescription": {
            "ContinuousBackupsStatus": "ENABLED",
            "PointInTimeRecoveryDescription": { "PointInTimeRecoveryStatus": "DISABLED" }
          }
        }
        """;

    public const string TableNotFound = """
        {"__type":"com.amazonaws.dynamodb.v20120810#TableNotFoundException","message":"Table not found: ProductsTable"}
        """;
}

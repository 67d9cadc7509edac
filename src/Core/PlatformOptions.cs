namespace CreatorPlatform.Core;

public enum PlatformMode { Sandbox, Aws }

/// <summary>The <c>Platform</c> section of appsettings.json.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    public PlatformMode Mode { get; set; } = PlatformMode.Sandbox;
    public string Region { get; set; } = "us-east-1";
    public string? Profile { get; set; }
    public string StackName { get; set; } = "PinterestAffiliateStorageStack";
    /// <summary>The stack whose AWS::Lambda::Function resources are the platform's functions (deployment guide, step 6).</summary>
    public string BackendStackName { get; set; } = "PinterestAffiliateBackendStack";
    /// <summary>Function names to check instead of discovering them from <see cref="BackendStackName"/>; empty: discover.</summary>
    public List<string> LambdaFunctions { get; set; } = [];
    /// <summary>
    /// The table variables the functions' code reads; null: <see cref="Verification.LambdaVariableOptions.Defaults"/>. (A list
    /// with defaults in its initializer would have configured items appended to it by the binder.)
    /// </summary>
    public List<Verification.LambdaVariableOptions>? LambdaVariables { get; set; }
    /// <summary>Empty: read from the stack's <c>UserPoolId</c> output (in the sandbox, from the sandbox itself).</summary>
    /// <summary>" --profile NAME" for a command an admin copies, when a profile is set; nothing with the default chain.</summary>
    public string ProfileArgument() => string.IsNullOrWhiteSpace(Profile) ? "" : $" --profile {Profile}";
    public string? UserPoolId { get; set; }
    /// <summary>
    /// A KMS key (id, ARN or alias) that encrypts the web app's data-protection keys in the ops table; empty: stored
    /// unencrypted, readable by whoever can read the table.
    /// </summary>
    public string? DataProtectionKmsKeyId { get; set; }
    /// <summary>Host names the product images come from; the console's pages load images from these hosts only (CSP img-src).</summary>
    public List<string> ImageHosts { get; set; } = [];
    public TableNameOptions Tables { get; set; } = new();
    /// <summary>The group the platform's frontend reads to show creator screens (the guide's step 8.1).</summary>
    public CreatorsGroupOptions CreatorsGroup { get; set; } = new();
    public CreatorAccessOptions CreatorAccess { get; set; } = new();
    public DefaultCreatorOptions DefaultCreator { get; set; } = new();
    public SandboxOptions Sandbox { get; set; } = new();
    public AwsCallOptions Aws { get; set; } = new();
    public MigrationOptions Migration { get; set; } = new();
    public VerificationOptions Verification { get; set; } = new();
    public AnalyticsOptions Analytics { get; set; } = new();
    public AuditOptions Audit { get; set; } = new();
}

/// <summary>How the console's AWS clients wait for an answer.</summary>
public sealed class AwsCallOptions
{
    /// <summary>
    /// How long one attempt of a DynamoDB call waits for its answer (the SDK's <c>ClientConfig.Timeout</c>, which v4 applies to
    /// the whole HTTP exchange; it has no separate read/write timeout) before the SDK tries again. The SDK retries a timed-out
    /// attempt more often than MaxErrorRetry says (6 to 10 attempts were seen against a stalled proxy), so a network that
    /// accepts and never answers costs a page several times this before it can say so; a scan page of a large table must fit
    /// within one attempt. The console's signed clients (Cognito, CloudFormation, Lambda, CloudWatch) wait as long per attempt,
    /// at most <see cref="Aws.AwsRetry.MaxAttempts"/> attempts. 1-300.
    /// </summary>
    public int RequestTimeoutSeconds { get; set; } = 30;
}

public sealed class AuditOptions
{
    /// <summary>
    /// Where audit entries that could not be written are kept until a later start writes them. Unset: the sandbox's data
    /// folder (nothing for a sandbox in memory), or the user's local application data folder in Mode=Aws.
    /// </summary>
    public string? SpoolFolder { get; set; }
}

public sealed class AnalyticsOptions
{
    /// <summary>The longest range of days a page, a reconcile or a rebuild may cover: each day costs a Query per creator.</summary>
    public int MaxRangeDays { get; set; } = 400;
    /// <summary>The scheduled rebuild and the freshness probe.</summary>
    public Analytics.AnalyticsScheduleOptions Schedule { get; set; } = new();
}

public sealed class VerificationOptions
{
    /// <summary>How long one check of the report may take before it is reported amber as unanswered.</summary>
    public int CheckTimeoutSeconds { get; set; } = 10;
    /// <summary>The checks that scan every product (migration completeness) get longer.</summary>
    public int ScanTimeoutSeconds { get; set; } = 120;
    /// <summary>Products in the sample, as the guide's <c>--max-items 5</c>.</summary>
    public int ProductSample { get; set; } = 5;
    /// <summary>Hours of CloudWatch metrics shown beside each table.</summary>
    public int MetricHours { get; set; } = 3;
}

public sealed class TableNameOptions
{
    public string Products { get; set; } = "ProductsTable";
    public string Creators { get; set; } = "CreatorsTable";
    public string AnalyticsEvents { get; set; } = "AnalyticsEventsTable";
    public string AnalyticsSummaries { get; set; } = "AnalyticsSummariesTable";
    public string Ops { get; set; } = "AdminConsoleOpsTable";
}

public sealed class CreatorsGroupOptions
{
    public string Name { get; set; } = "Creators";
    public string Description { get; set; } = "Content creators with product management access";
    public int Precedence { get; set; } = 10;
}

/// <summary>
/// What the platform's code reads to decide who is a creator (PLATFORM.md). The defaults are what the code does today;
/// a platform team that changes its code changes these settings.
/// </summary>
public sealed class CreatorAccessOptions
{
    /// <summary>The group the backend maps to the creator role (<c>authContext.ts</c>: lowercase, singular).</summary>
    public string CreatorRoleGroup { get; set; } = "creator";
    /// <summary>The group the backend maps to the admin role.</summary>
    public string AdminRoleGroup { get; set; } = "admin";
    /// <summary>The group the frontend shows admin screens to; the CDK creates it with precedence 1.</summary>
    public string FrontendAdminGroup { get; set; } = "Admins";
    /// <summary>The ID token claim that carries the creator's id; a custom attribute of the pool.</summary>
    public string CreatorIdClaim { get; set; } = "custom:creatorId";

    public string CreatorIdAttribute => CreatorIdClaim.StartsWith("custom:", StringComparison.Ordinal) ? CreatorIdClaim["custom:".Length..] : CreatorIdClaim;
}

public sealed class DefaultCreatorOptions
{
    public string Slug { get; set; } = "jesskoufo";
    public string DisplayName { get; set; } = "Jess Koufo";
    public string Username { get; set; } = "jesskoufo";
}

public sealed class SandboxOptions
{
    /// <summary>Relative paths are resolved against the repository root (the folder holding Admin.sln).</summary>
    public string DataFolder { get; set; } = ".sandbox";
    public int DynamoDbPort { get; set; } = 8421;
    public int CognitoPort { get; set; } = 9421;
    /// <summary>
    /// Where the console's DynamoDB client reaches the sandbox's DynamoDB Local (an http URL, e.g. a proxy in front of
    /// <see cref="DynamoDbPort"/>); empty: the emulator's own port. The emulator still starts on <see cref="DynamoDbPort"/>,
    /// and the supervisor checks it there, so a slow proxy never gets a healthy emulator restarted; every data call
    /// (pages, jobs, the readiness probe, provisioning) goes through this endpoint.
    /// </summary>
    public string? DynamoDbClientEndpoint { get; set; }
    /// <summary>The same for cognito-local: where the console's Cognito calls reach it; empty: <see cref="CognitoPort"/> itself.</summary>
    public string? CognitoClientEndpoint { get; set; }
    public int ProductCount { get; set; } = 300;
    public int Seed { get; set; } = 20261125;
    /// <summary>Tests run the emulators in memory on free ports; the app keeps its data in <see cref="DataFolder"/>.</summary>
    public bool InMemory { get; set; }
    /// <summary>New indexes pass through CREATING for about half a minute, like the real service; off for quick scripted runs.</summary>
    public bool RealisticDelays { get; set; } = true;
    /// <summary>How often the emulators are checked; one that stopped is restarted.</summary>
    public int SuperviseMilliseconds { get; set; } = 2000;
    /// <summary>
    /// Checks in a row a running emulator may leave unanswered (hung, stopped by a signal) before it is killed and started
    /// again; at least 2. Ten (20 s and more) so that a machine too busy to answer a check in 3 s for a while does not
    /// cost an in-memory sandbox its data.
    /// </summary>
    public int SilentProbesBeforeRestart { get; set; } = 10;
}

public sealed class MigrationOptions
{
    /// <summary>Parallel scan segments (TotalSegments); each is a unit of work that a worker claims.</summary>
    public int Segments { get; set; } = 4;
    /// <summary>Segments one worker scans at once; the others stay free for workers that join the run.</summary>
    public int SegmentsPerWorker { get; set; } = 4;
    /// <summary>Upper bound of concurrent UpdateItem calls; the job starts lower, backs off on throttling and climbs again.</summary>
    public int MaxConcurrency { get; set; } = 64;
    /// <summary>Items written per second at most, for production tables; 0 means no limit.</summary>
    public int MaxWriteRate { get; set; }
    /// <summary>Items per Scan page; one page per segment is in memory at a time.</summary>
    public int ScanPageSize { get; set; } = 500;
    /// <summary>
    /// Single: one conditional UpdateItem per product (1 write unit per KB). Transaction: up to <see cref="TransactionItems"/>
    /// of them in one TransactWriteItems, far fewer requests at twice the write units. Auto: Transaction on the sandbox, Single on AWS.
    /// </summary>
    public Migration.BackfillWriteMode WriteMode { get; set; } = Migration.BackfillWriteMode.Auto;
    /// <summary>Products per transaction in Transaction mode (DynamoDB allows 100).</summary>
    public int TransactionItems { get; set; } = 100;
    /// <summary>On-demand price in USD per million write request units (us-east-1).</summary>
    public decimal PricePerMillionWriteUnits { get; set; } = 0.625m;
    /// <summary>How long a lease or a segment claim lasts without a heartbeat before another worker may take it over.</summary>
    public int LeaseSeconds { get; set; } = 30;
    /// <summary>How often a running migration stores its progress in its history record, where other consoles and replicas read it.</summary>
    public int ProgressSeconds { get; set; } = 5;
}

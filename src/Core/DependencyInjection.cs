using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Monitoring;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Troubleshooting;
using CreatorPlatform.Core.Verification;
using CreatorPlatform.Core.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core;

public static class DependencyInjection
{
    /// <summary>Core's services for the web app and the CLI alike.</summary>
    public static IHostApplicationBuilder AddCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCore(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlatformOptions>().Bind(configuration.GetSection(PlatformOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddConsoleCache();
        services.AddSingleton<AwsContext>();
        services.AddAwsHttpClients();
        services.AddDefaultAWSOptions(sp => sp.GetRequiredService<AwsContext>().SdkOptions(), ServiceLifetime.Singleton);
        services.AddAWSService<IAmazonDynamoDB>((config, sp) => sp.GetRequiredService<AwsContext>().ConfigureDynamoDb(config));

        // Who acts: the web app's circuit or request (ambient), or the operator the CLI registers before this.
        services.TryAddSingleton<ICurrentActor, AmbientActor>();
        services.AddSingleton<AdminAuthorizer>();
        services.AddSingleton<AuditSpool>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditReader>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<PlatformSchema>();
        services.AddSingleton<SchemaStatusService>();
        services.AddSingleton<TableReads>();
        services.AddSingleton<MissingTableAdvice>();
        services.AddSingleton<TwoIndexDeploy>();
        services.AddSingleton<SchemaApplier>();
        services.AddJobKind(new JobKindTraits(SchemaApplier.JobKind) { CreatesOpsTable = true });
        services.AddSingleton<TablesScreen>();

        services.AddSingleton<RolloutChecklist>();
        services.AddSingleton<IRolloutCheck, TablesCreatedCheck>();
        services.AddSingleton<IRolloutCheck, IndexesActiveCheck>();

        // Creators and the migration
        services.AddSingleton<CreatorStore>();
        services.AddSingleton<DefaultCreator>();
        services.AddSingleton<JobLease>();
        services.AddSingleton<BackfillCheckpoints>();
        services.AddSingleton<TransactionalBackfillWriter>();
        services.AddSingleton<ProductBackfill>();
        services.AddSingleton<BackfillPageWriter>();
        services.AddSingleton<EditedProductWriter>();
        services.AddSingleton<MigrationVerifier>();
        services.AddSingleton<MigrationDryRun>();
        services.AddSingleton<FeaturedRepair>();
        services.AddSingleton<MigrationHistory>();
        services.AddSingleton<MigrationJob>();
        services.AddJobKind(new JobKindTraits(MigrationJob.JoinKind) { HoldsLease = false });
        // The migration's family shares its lease: a repair never writes products beside a migration or an undo.
        services.AddJobKind(new JobKindTraits(FeaturedRepair.JobKind) { Lease = MigrationJob.LeaseName });
        services.AddSingleton<MigrationStateService>();
        services.AddSingleton<MigrationProgressEstimator>();
        services.AddSingleton<MigrationProgressRecorder>();
        services.AddSingleton<MigrationScreen>();
        services.AddSingleton<MigrationJobs>();
        services.AddMigrationUndo();
        services.AddSingleton<IRolloutCheck, MigrationDoneCheck>();
        services.AddSingleton<IRolloutCheck, VerificationCleanCheck>();

        // Creators: the Cognito group, the sub linkage, the consistency report and onboarding
        services.AddSingleton<UserPoolLocator>();
        services.AddSingleton<CognitoUsers>();
        services.AddSingleton<KnownUsernames>();
        services.AddSingleton<CreatorDirectory>();
        services.AddSingleton<CreatorsGroupService>();
        services.AddSingleton<LinkageService>();
        services.AddSingleton<CreatorOverview>();
        services.AddSingleton<CreatorScreen>();
        services.AddSingleton<ConsistencyReport>();
        services.AddSingleton<SlugAvailability>();
        services.AddSingleton<OnboardingProgressStore>();
        services.AddSingleton<OnboardingService>();
        services.AddSingleton<OnboardingChecks>();
        services.AddSingleton<OnboardingCleanup>();
        services.AddSingleton<IRolloutCheck, CreatorsGroupCheck>();
        services.AddSingleton<IRolloutCheck, DefaultCreatorInGroupCheck>();
        services.AddSingleton<IRolloutCheck, DefaultCreatorLinkedCheck>();

        // Creator access as the platform's code decides it
        services.AddSingleton<PoolAccess>();
        services.AddSingleton<SandboxSignIn>();
        services.AddSingleton<AccessCheckService>();
        services.AddSingleton<AccessEnsureService>();
        services.AddSingleton<IRolloutCheck, CreatorsCanWorkCheck>();

        // Verification report, monitoring and troubleshooting; sections in the guide's order
        services.AddSingleton<Troubleshooter>();
        services.AddSingleton<IVerificationSection, SchemaSection>();
        services.AddSingleton<IVerificationSection, DefaultCreatorSection>();
        services.AddSingleton<IVerificationSection, ProductSampleSection>();
        services.AddSingleton<IVerificationSection, LambdaEnvironmentSection>();
        services.AddSingleton<IVerificationSection, MigrationCompletenessSection>();
        services.AddSingleton<IVerificationSection, ConsistencySection>();
        services.AddSingleton<IVerificationSection, AccessSection>();
        services.AddSingleton<VerificationReportStore>();
        services.AddSingleton<VerificationReportService>();
        services.AddSingleton<JobUsageService>();
        services.AddSingleton<TableMetricsService>();
        services.AddSingleton<IndexBuildClock>();
        services.AddSingleton<ReadinessProbe>();

        // The sandbox project replaces this with its runtime; without it there is no sandbox to tell of.
        services.TryAddSingleton<ISandboxState, NoSandbox>();

        // Platform-wide facts from one paced walk over every creator, stored for the screens to show with their age.
        services.AddOptions<Walk.WalkOptions>().Bind(configuration.GetSection(Walk.WalkOptions.Section));
        services.AddSingleton<Walk.PlatformFactsStore>();
        services.AddSingleton<Walk.PlatformWalk>();
        services.AddSingleton<Walk.WalkSchedule>();

        services.AddRollback();
        // Last, so that its verification section (freshness) closes the report.
        services.AddAnalytics();
        return services;
    }
}

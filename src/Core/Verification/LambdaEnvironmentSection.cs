using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudFormation;
using CreatorPlatform.Core.Aws.Lambda;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Verification;

/// <summary>
/// "Verify Lambda Environment Variables": every function of the backend stack (or the ones listed in settings) has
/// the table variables its code reads (<see cref="PlatformOptions.LambdaVariables"/>), and each names a table that
/// exists. An unset variable with a fallback in the code is amber when the fallback is the configured table, red when not.
/// </summary>
public sealed class LambdaEnvironmentSection(ILambdaClient lambda, ICloudFormationClient cloudFormation, IAmazonDynamoDB dynamoDb, AwsContext aws,
    Troubleshooter troubleshooter, IOptions<PlatformOptions> options) : IVerificationSection
{
    public const string FunctionType = "AWS::Lambda::Function";
    public string Name => "Lambda environment";
    public ConsoleScreen Link => ConsoleScreen.Verification;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        if (LambdaClient.Endpoint(aws) is null)
            return [new(Name, "Lambda functions", CheckState.Amber, ["No Lambda runs in the sandbox: the functions' environment can only be checked against AWS."], Link)];
        var o = options.Value;
        List<string> functions;
        if (o.LambdaFunctions.Count > 0) functions = o.LambdaFunctions;
        else
        {
            try
            {
                functions = (await cloudFormation.ListAllStackResourcesAsync(o.BackendStackName, ct))
                    .Where(r => r.ResourceType == FunctionType && r.PhysicalResourceId is not null).Select(r => r.PhysicalResourceId!).ToList();
            }
            catch (StackNotFoundException e)
            {
                return [new(Name, $"Stack {o.BackendStackName}", CheckState.Red, [$"The backend stack {e.StackName} does not exist, so it has no functions to check."], Link)
                    { Trouble = troubleshooter.StackMissing(e.StackName) }];
            }
            if (functions.Count == 0)
                return [new(Name, $"Stack {o.BackendStackName}", CheckState.Red,
                    [$"The stack has no {FunctionType} resources; set Platform:LambdaFunctions to check named functions."], Link)];
        }
        var tables = new ConcurrentDictionary<string, Task<string?>>();
        return await Task.WhenAll(functions.Select(f => CheckFunctionAsync(f, tables, ct)));
    }

    private async Task<VerificationLine> CheckFunctionAsync(string function, ConcurrentDictionary<string, Task<string?>> tables, CancellationToken ct)
    {
        GetFunctionConfigurationResponse config;
        try
        {
            config = await lambda.GetFunctionConfigurationAsync(new() { FunctionName = function }, ct);
        }
        catch (AwsServiceException e)
        {
            var refused = troubleshooter.Explain(e, "lambda:GetFunctionConfiguration", function);
            var missing = refused.Kind == TroubleKind.FunctionMissing;
            return new(Name, function, missing ? CheckState.Red : CheckState.Amber,
                [missing ? refused.Explanation : $"Could not be checked: {refused.Explanation}"], Link) { Trouble = refused };
        }
        var variables = config.Environment?.Variables ?? [];
        var evidence = new List<string>();
        var state = CheckState.Green;
        Trouble? trouble = null;
        var misread = new List<string>();
        foreach (var expected in options.Value.LambdaVariables ?? [.. LambdaVariableOptions.Defaults])
        {
            var name = expected.Name;
            if (!variables.TryGetValue(name, out var table) || string.IsNullOrWhiteSpace(table))
            {
                var configured = expected.ConfiguredTable(options.Value.Tables);
                if (expected.Fallback is null) { evidence.Add($"{name} is not set."); state = CheckState.Red; }
                else if (expected.Fallback == configured)
                {
                    evidence.Add($"{name} is not set: the code falls back to {expected.Fallback}, which is the configured table; set it so the function does not depend on the " +
                        $"fallback.");
                    if (state == CheckState.Green) state = CheckState.Amber;
                }
                else
                {
                    evidence.Add($"{name} is not set: the code falls back to {expected.Fallback}, but the table is {configured ?? $"(unknown table '{expected.Table}')"}.");
                    state = CheckState.Red;
                    misread.Add(name);
                }
                continue;
            }
            var problem = await tables.GetOrAdd(table, t => TableProblemAsync(t, ct));
            if (problem is null) evidence.Add($"{name} = {table} (exists)");
            else if (problem.StartsWith("missing", StringComparison.Ordinal))
            {
                evidence.Add($"{name} = {table}, which does not exist.");
                state = CheckState.Red;
            }
            else
            {
                evidence.Add($"{name} = {table}; whether it exists could not be checked: {problem}");
                if (state == CheckState.Green) state = CheckState.Amber;
            }
        }
        if (misread.Count > 0) trouble = new(TroubleKind.Other, $"{function} reads {string.Join(" and ", misread)}, which are not set",
            "The function's code reads these names (the CDK sets only the *_TABLE_NAME ones), and without them it falls back to tables that are not the platform's.",
            $"Set {string.Join(" and ", misread)} on the function to the configured tables in the backend stack, then redeploy it: npx cdk deploy " +
                $"{options.Value.BackendStackName}{options.Value.ProfileArgument()}.");
        else if (state == CheckState.Red) trouble = new(TroubleKind.Other, $"{function} is not wired to the new tables",
            "The function reads its table names from these variables; without them (or with a wrong name) it cannot reach the new tables.",
            $"Redeploy the backend stack after the storage stack (deployment guide, step 6): npx cdk deploy {options.Value.BackendStackName}{options.Value.ProfileArgument()}.");
        return new(Name, function, state, evidence, Link) { Trouble = trouble };
    }

    /// <summary>Null when the table exists; "missing" when it does not; otherwise why it could not be told.</summary>
    private async Task<string?> TableProblemAsync(string table, CancellationToken ct)
    {
        try
        {
            await dynamoDb.DescribeTableAsync(table, ct);
            return null;
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) { return "missing"; }
        catch (AmazonDynamoDBException e) { return AwsErrors.Explain(e, "dynamodb:DescribeTable", table); }
    }
}

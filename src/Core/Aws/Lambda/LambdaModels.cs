namespace CreatorPlatform.Core.Aws.Lambda;

// Shapes named and spelled like AWSSDK.Lambda's (v4: collections may be null).

public sealed record GetFunctionConfigurationRequest
{
    public string? FunctionName { get; init; }
    public string? Qualifier { get; init; }
}

public sealed record GetFunctionConfigurationResponse
{
    public string? FunctionName { get; init; }
    public string? FunctionArn { get; init; }
    public string? Runtime { get; init; }
    public string? Role { get; init; }
    public string? Handler { get; init; }
    public string? LastModified { get; init; }
    public string? State { get; init; }
    public EnvironmentResponse? Environment { get; init; }
}

public sealed record EnvironmentResponse
{
    public Dictionary<string, string>? Variables { get; init; }
    public EnvironmentError? Error { get; init; }
}

public sealed record EnvironmentError
{
    public string? ErrorCode { get; init; }
    public string? Message { get; init; }
}

using CreatorPlatform.Core;

namespace CreatorPlatform.Sandbox;

/// <summary>The sandbox could not start; the message says what to do, so callers print it instead of a stack trace.</summary>
public sealed class SandboxException(string message, Exception? inner = null) : Exception(message, inner);

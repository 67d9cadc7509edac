using System.Text.RegularExpressions;

namespace CreatorPlatform.Core.Security;

/// <summary>
/// What a viewer may read of a stored error (a run's error, an onboarding's last error, a job's log line): AWS's own
/// words name roles, accounts and resources (ARNs, account ids, request ids), so those become the plain message and the
/// next step. Admins read the stored text as it is.
/// </summary>
public static partial class ViewerText
{
    public const string AdminSeesDetails = "An admin sees AWS's own words.";

    public static string Plain(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return "";
        var text = UntrustedText.Visible(stored);
        if (!AwsDetail().IsMatch(text)) return text;
        if (Denied().IsMatch(text)) return $"AWS refused the request: the console's role lacks a permission. {AdminSeesDetails}";
        if (text.Contains("Throttl", StringComparison.OrdinalIgnoreCase)) return $"AWS throttled the requests: run it again later. {AdminSeesDetails}";
        if (text.Contains("ResourceNotFound", StringComparison.Ordinal) || text.Contains("not found", StringComparison.OrdinalIgnoreCase))
            return $"AWS could not find a table, pool or stack the console needs. {AdminSeesDetails}";
        return $"AWS answered with an error. {AdminSeesDetails}";
    }

    // An ARN, a 12-digit account id, an access key id, or AWS's request id.
    [GeneratedRegex(@"arn:aws[a-z-]*:|(?<!\d)\d{12}(?!\d)|\b(AKIA|ASIA)[A-Z0-9]{16}\b|RequestId|Request ID", RegexOptions.IgnoreCase)]
    private static partial Regex AwsDetail();

    [GeneratedRegex(@"not authorized|AccessDenied|UnauthorizedOperation|explicit deny", RegexOptions.IgnoreCase)]
    private static partial Regex Denied();
}

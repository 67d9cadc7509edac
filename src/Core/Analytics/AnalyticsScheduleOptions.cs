namespace CreatorPlatform.Core.Analytics;

/// <summary><c>Platform:Analytics:Schedule</c>: the web app's scheduled rebuild of today and yesterday.</summary>
public sealed class AnalyticsScheduleOptions
{
    /// <summary>Unset: on in the sandbox, off in Mode=Aws until an admin turns it on.</summary>
    public bool? Enabled { get; set; }
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public bool IsEnabled(PlatformMode mode) => Enabled ?? mode == PlatformMode.Sandbox;
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using CreatorPlatform.Core.Security;

namespace AdminConsole.Cli;

/// <summary>
/// Options whose values are checked while the command line is parsed, before anything starts: numbers within a range,
/// ids and names of a shape and length. A bad value is a parse error, so the verb never runs and nothing is written.
/// </summary>
internal static class CliArgs
{
    public static Option<T?> Number<T>(string name, string description, T min, T max) where T : struct, INumber<T> =>
        new(name) { Description = $"{description} ({min:N0} to {max:N0})", CustomParser = r => ParseNumber<T>(r, name, min, max) };

    public static Option<T> Number<T>(string name, string description, T min, T max, T fallback) where T : struct, INumber<T> => new(name)
    {
        Description = $"{description} ({min:N0} to {max:N0})",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => r.Tokens.Count == 0 ? fallback : ParseNumber<T>(r, name, min, max) ?? fallback,
    };

    /// <summary>A run id as History and the log show it: letters, digits and <c>-_.:</c>.</summary>
    public static Option<string?> RunId(string description) => Text("--run", description, 64, RunIdCharacter, "letters, digits and - _ . :");

    /// <summary>A creator's slug to look up: any visible text, since a creator the platform's sign-up made may break the console's slug rules.</summary>
    public static Option<string?> Slug(string description, bool required = true) =>
        Required(Text("--slug", description, 200, c => !char.IsWhiteSpace(c), "no spaces"), required);

    /// <summary>A Cognito Username (at most 128 characters, no spaces) or an e-mail alias.</summary>
    public static Option<string?> User(string name, string description, bool required = true) =>
        Required(Text(name, description, 254, c => !char.IsWhiteSpace(c), "no spaces: a username or an e-mail"), required);

    public static Option<string?> Text(string name, string description, int maxLength, Func<char, bool> allowed, string shape) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var value = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
            if (value is null) return null;
            if (value.Length == 0 || value.Length > maxLength || UntrustedText.HasControls(value) || !value.All(allowed))
                r.AddError($"{name} takes 1 to {maxLength} characters ({shape}); got {Shown(value)}.");
            return value;
        },
    };

    /// <summary>Usernames or e-mails given as arguments: at most 100, each of the shape <see cref="User"/> checks.</summary>
    public static Argument<T> Users<T>(Argument<T> argument)
    {
        argument.Validators.Add(r =>
        {
            if (r.Tokens.Count > 100) r.AddError($"At most 100 users at once; got {r.Tokens.Count:N0}.");
            foreach (var value in r.Tokens.Select(t => t.Value).Where(v => v.Length == 0 || v.Length > 254 || UntrustedText.HasControls(v) || v.Any(char.IsWhiteSpace)).Take(3))
                r.AddError($"A user is a username or an e-mail of 1 to 254 characters with no spaces; got {Shown(value)}.");
        });
        return argument;
    }

    /// <summary>A value as an error message may repeat it: short, and with its control characters made visible.</summary>
    public static string Shown(string? value) => value is null ? "nothing"
        : $"'{UntrustedText.Visible(value.Length > 40 ? value[..40] + "…" : value)}'" + (value.Length > 40 ? $" ({value.Length:N0} characters)" : "");

    public static bool Refused(CommandResult command, Option<string?> option)
    {
        try
        {
            command.GetValue(option);
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    public static bool RunIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';

    private static Option<string?> Required(Option<string?> option, bool required)
    {
        option.Required = required;
        return option;
    }

    private static T? ParseNumber<T>(ArgumentResult r, string name, T min, T max) where T : struct, INumber<T>
    {
        var token = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
        if (T.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        r.AddError($"{name} takes a whole number from {min:N0} to {max:N0}; got {Shown(token)}.");
        return null;
    }
}

using CreatorPlatform.Core.Security;
using MudBlazor;

namespace AdminConsole.Components.Shared;

public static class Confirmations
{
    /// <summary>
    /// True when the admin confirmed; <paramref name="typeToConfirm"/> non-null makes them type it first. The title and the message
    /// name slugs and usernames: both are shown as text, their direction overrides and line breaks visibly.
    /// </summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yesText,
        string? typeToConfirm = null, bool destructive = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message }, { d => d.YesText, yesText }, { d => d.ConfirmText, typeToConfirm }, { d => d.Destructive, destructive },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(UntrustedText.Visible(title), parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}

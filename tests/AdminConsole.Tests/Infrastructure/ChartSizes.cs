using Microsoft.AspNetCore.Components;

namespace AdminConsole.Tests.Infrastructure;

/// <summary>
/// The console's charts fill their card: each draws once the browser has told it its element's size (MudBlazor's own
/// observer calls the chart back). Here each chart the component rendered is told a card's size, as the browser would.
/// </summary>
public static class ChartSizes
{
    public static async Task MeasureChartsAsync(this BunitContext context, IRenderedComponent<IComponent> cut, double width = 1000, double height = 280)
    {
        foreach (var call in context.JSInterop.Invocations.Where(i => i.Identifier == "mudObserveElementSize").ToList())
        {
            var chart = call.Arguments[0]!.GetType().GetProperty("Value")!.GetValue(call.Arguments[0])!;
            var callback = chart.GetType().GetMethod("OnElementSizeChanged")!;
            var size = Activator.CreateInstance(callback.GetParameters()[0].ParameterType)!;
            size.GetType().GetProperty("Width")!.SetValue(size, width);
            size.GetType().GetProperty("Height")!.SetValue(size, height);
            await cut.InvokeAsync(() => callback.Invoke(chart, [size]) as Task ?? Task.CompletedTask);
        }
    }
}

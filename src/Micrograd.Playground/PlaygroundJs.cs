using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Micrograd.Playground;

/// <summary>The page's JavaScript module (wwwroot/js/playground.js), imported once on first use.</summary>
public sealed class PlaygroundJs(IJSRuntime js) : IAsyncDisposable
{
    /// <summary>The module's path, relative to the page.</summary>
    public const string ModulePath = "./js/playground.js";

    private Task<IJSObjectReference>? _module;

    private Task<IJSObjectReference> Module => _module ??= js.InvokeAsync<IJSObjectReference>("import", ModulePath).AsTask();

    /// <summary>Draws DOT text as SVG inside <paramref name="element"/> with Graphviz (viz-js).</summary>
    public async Task RenderDotAsync(ElementReference element, string dot) =>
        await (await Module).InvokeVoidAsync("renderDot", element, dot);

    /// <summary>Draws the boundary image and the points (flat pixel x, pixel y, class triples).</summary>
    public async Task DrawTrainingAsync(ElementReference canvas, byte[] rgba, int cells, double[] points, string[] colors, int selected) =>
        await (await Module).InvokeVoidAsync("drawTraining", canvas, rgba, cells, points, colors, selected);

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true }) await _module.Result.DisposeAsync();
    }
}

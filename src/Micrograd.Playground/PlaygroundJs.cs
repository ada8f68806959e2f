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
    public async Task DrawTrainingAsync(ElementReference canvas, byte[] rgba, int cells, double[] points, double[] validation, string[] colors, int selected) =>
        await (await Module).InvokeVoidAsync("drawTraining", canvas, rgba, cells, points, validation, colors, selected);

    /// <summary>Draws each neuron's map into its canvas: <paramref name="rgba"/> the images of cells × cells one
    /// after the other, <paramref name="lines"/> four numbers per neuron, its zero line's ends as fractions of the
    /// size (negative: no line).</summary>
    public async Task DrawNeuronsAsync(ElementReference[] canvases, int cells, byte[] rgba, double[] lines) =>
        await (await Module).InvokeVoidAsync("drawNeurons", canvases, cells, rgba, lines);

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true }) await _module.Result.DisposeAsync();
    }
}

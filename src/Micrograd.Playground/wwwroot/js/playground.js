// The little the playground needs from the browser that Blazor does not give: Graphviz (viz-js, vendored
// under lib/viz-js) and drawing on a canvas. No arithmetic of the model lives here.
import { instance } from "../lib/viz-js/viz.js";

let viz = null;
let drawn = 0;

// Renders DOT text into `element` as SVG. Each finished drawing bumps data-drawn, so that tests can wait on it.
export async function renderDot(element, dot) {
  viz ??= await instance();
  const svg = viz.renderSVGElement(dot);
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  element.replaceChildren(svg);
  element.dataset.drawn = String(++drawn);
}

// Draws the decision boundary (an RGBA image of cells × cells, scaled up) and the points over it.
// points: flat [px, py, class, px, py, class, ...] in canvas pixels; colors: CSS colors by class.
export function drawTraining(canvas, rgba, cells, points, colors, selected) {
  const ctx = canvas.getContext("2d");
  const image = new ImageData(new Uint8ClampedArray(rgba), cells, cells);
  const small = new OffscreenCanvas(cells, cells);
  small.getContext("2d").putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
  for (let i = 0; i < points.length; i += 3) {
    ctx.beginPath();
    ctx.arc(points[i], points[i + 1], i / 3 === selected ? 7 : 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = colors[points[i + 2]];
    ctx.fill();
    ctx.lineWidth = i / 3 === selected ? 3 : 1.2;
    ctx.strokeStyle = i / 3 === selected ? "#000" : "#fff";
    ctx.stroke();
  }
  canvas.dataset.drawn = String((Number(canvas.dataset.drawn) || 0) + 1);
}

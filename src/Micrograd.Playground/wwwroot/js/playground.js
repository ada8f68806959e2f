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
// points: flat [px, py, class, px, py, class, ...] in canvas pixels; validation: the same, drawn as rings;
// colors: CSS colors by class.
export function drawTraining(canvas, rgba, cells, points, validation, colors, selected) {
  const ctx = canvas.getContext("2d");
  drawImage(ctx, rgba, cells, canvas.width, canvas.height);
  for (let i = 0; i < validation.length; i += 3) {
    ctx.beginPath();
    ctx.arc(validation[i], validation[i + 1], 3.5, 0, 2 * Math.PI);
    ctx.lineWidth = 1.8;
    ctx.strokeStyle = colors[validation[i + 2]];
    ctx.stroke();
  }
  for (let i = 0; i < points.length; i += 3) {
    ctx.beginPath();
    ctx.arc(points[i], points[i + 1], i / 3 === selected ? 7 : 4.5, 0, 2 * Math.PI);
    ctx.fillStyle = colors[points[i + 2]];
    ctx.fill();
    ctx.lineWidth = i / 3 === selected ? 3 : 1.2;
    ctx.strokeStyle = i / 3 === selected ? "#000" : "#fff";
    ctx.stroke();
  }
  bump(canvas);
}

// Draws each neuron's map into its canvas: rgba holds the images of cells × cells one after the other, lines
// four numbers per neuron, the zero line's ends [x0, y0, x1, y1] as fractions of the size (x0 < 0: no line).
export function drawNeurons(canvases, cells, rgba, lines) {
  const size = cells * cells * 4;
  for (let n = 0; n < canvases.length; n++) {
    const canvas = canvases[n];
    const ctx = canvas.getContext("2d");
    drawImage(ctx, rgba.subarray(n * size, (n + 1) * size), cells, canvas.width, canvas.height);
    const line = lines.slice(4 * n, 4 * n + 4);
    if (line[0] > -0.5) {
      ctx.beginPath();
      ctx.moveTo(line[0] * canvas.width, line[1] * canvas.height);
      ctx.lineTo(line[2] * canvas.width, line[3] * canvas.height);
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = "#000";
      ctx.stroke();
    }
    bump(canvas);
  }
}

function drawImage(ctx, rgba, cells, width, height) {
  const image = new ImageData(new Uint8ClampedArray(rgba), cells, cells);
  const small = new OffscreenCanvas(cells, cells);
  small.getContext("2d").putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, width, height);
}

// Each finished drawing bumps data-drawn, so that tests can wait on it.
function bump(canvas) {
  canvas.dataset.drawn = String((Number(canvas.dataset.drawn) || 0) + 1);
}

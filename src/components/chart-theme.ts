import type { Chart } from 'chart.js';

/** Chart colours taken from the page's theme (Starlight sets data-theme on <html>). */
export function palette() {
  const css = getComputedStyle(document.documentElement);
  const text = css.getPropertyValue('--sl-color-gray-2').trim() || '#444';
  const grid = css.getPropertyValue('--sl-color-gray-5').trim() || '#ddd';
  const whisker = css.getPropertyValue('--sl-color-white').trim() || '#000';
  return { text, grid, whisker, series: ['#2f6fdb', '#d9480f', '#2b8a3e', '#862e9c'] };
}
export type Palette = ReturnType<typeof palette>;

/**
 * Marks what a chart drew: its values and the text colour of its theme, on the
 * canvas (data-drawn, data-ink), so a browser test can compare them with the
 * runs and see a theme change reach the chart.
 */
export function markDrawn(chart: Chart, colours: Palette): void {
  chart.canvas.dataset.drawn = JSON.stringify(chart.data.datasets.map((d) => d.data));
  chart.canvas.dataset.ink = colours.text;
}

/**
 * Runs draw() once, when the figure comes near the viewport: a page with many
 * charts does not draw them all while it loads (the tables hold the same numbers).
 */
export function whenVisible(figure: HTMLElement, draw: () => void): void {
  if (!('IntersectionObserver' in window)) return draw();
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      draw();
    },
    { rootMargin: '300px 0px' },
  );
  observer.observe(figure);
}

/** Recolours the charts when the reader switches between light and dark. */
export function followTheme(charts: Chart[], recolour?: (chart: Chart, colours: Palette) => void): void {
  for (const chart of charts) markDrawn(chart, palette());
  new MutationObserver(() => {
    const colours = palette();
    for (const chart of charts) {
      const scales = chart.options.scales as Record<string, any>;
      for (const axis of Object.values(scales)) {
        axis.ticks.color = colours.text;
        axis.grid.color = colours.grid;
        if (axis.title) axis.title.color = colours.text;
      }
      (chart.options.plugins as any).legend.labels.color = colours.text;
      recolour?.(chart, colours);
      chart.update();
      markDrawn(chart, colours);
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

/**
 * Draws every figure that matches `selector` once it nears the viewport: the
 * figure's data is the JSON script inside it, `make` builds the chart on its
 * canvas in the page's colours; the charts then follow the theme.
 */
export function drawFigures<Spec>(
  selector: string,
  make: (canvas: HTMLCanvasElement, spec: Spec, colours: Palette) => Chart,
  recolour?: (chart: Chart, colours: Palette) => void,
): void {
  const charts: Chart[] = [];
  for (const figure of document.querySelectorAll<HTMLElement>(selector)) {
    whenVisible(figure, () => {
      const json = figure.querySelector('script[type="application/json"]')?.textContent;
      const canvas = figure.querySelector('canvas');
      if (!json || !canvas) return;
      const colours = palette();
      const chart = make(canvas, JSON.parse(json) as Spec, colours);
      figure.dataset.rendered = 'true';
      charts.push(chart);
      markDrawn(chart, colours);
    });
  }
  followTheme(charts, recolour);
}

/** Options of a bar chart in the page's colours; `y` adds to the value axis, `plugins` beside the legend. */
export function barOptions(colours: Palette, y: Record<string, unknown> = {}, plugins: Record<string, unknown> = {}) {
  const axis = () => ({ ticks: { color: colours.text }, grid: { color: colours.grid } });
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    scales: { x: axis(), y: { ...axis(), ...y } },
    plugins: { legend: { labels: { color: colours.text } }, ...plugins },
  };
}

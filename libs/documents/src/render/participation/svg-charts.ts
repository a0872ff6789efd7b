import { escapeHtml } from '../html/escape.js';

/**
 * Horizontal bar charts as inline SVG: no script, no external file, readable when printed. Each
 * chart is an image with a <title> and a <desc> that states every figure, so a screen reader gets
 * the data, not "chart"; the report also gives each chart's figures as a table.
 */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Shown as a lighter bar behind the value (coverage: members of the organisation). */
  readonly of?: number;
  /** The figure written after the bar. */
  readonly text: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 90;
const ROW = 26;
const BAR = 16;
const PAD = 8;

export function barChart(options: { id: string; title: string; description: string; bars: readonly Bar[]; dir: 'ltr' | 'rtl' }): string {
  const { id, bars, dir } = options;
  const max = Math.max(1, ...bars.map((b) => b.of ?? b.value));
  const barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 2 * PAD;
  const height = bars.length * ROW + PAD;
  // Right to left mirrors the chart: labels on the right, bars growing leftwards.
  const x = (fromStart: number, width = 0) => (dir === 'rtl' ? WIDTH - fromStart - width : fromStart);
  const labelAnchor = dir === 'rtl' ? 'start' : 'end';
  const valueAnchor = dir === 'rtl' ? 'end' : 'start';
  const rows = bars.map((b, i) => {
    const y = PAD + i * ROW;
    const width = (b.value / max) * barArea;
    const background = b.of !== undefined ? `<rect class="of" x="${x(LABEL_WIDTH, (b.of / max) * barArea).toFixed(1)}" y="${y}" width="${((b.of / max) * barArea).toFixed(1)}" height="${BAR}" fill="#d6dde8"/>` : '';
    return (
      `<g class="bar">` +
      `<text x="${x(LABEL_WIDTH - PAD)}" y="${y + BAR - 3}" text-anchor="${labelAnchor}">${escapeHtml(b.label)}</text>` +
      background +
      `<rect class="value" x="${x(LABEL_WIDTH, width).toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="#1a4f9c"/>` +
      `<text x="${x(LABEL_WIDTH + barArea + PAD)}" y="${y + BAR - 3}" text-anchor="${valueAnchor}">${escapeHtml(b.text)}</text>` +
      `</g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="13" direction="ltr">\n` +
    `<title id="${id}-title">${escapeHtml(options.title)}</title>\n<desc id="${id}-desc">${escapeHtml(options.description)}</desc>\n` +
    `${rows.join('\n')}\n</svg>`
  );
}

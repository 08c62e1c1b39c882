/**
 * The statistics' chart: Chart.js 4 (pinned in package.json), only the pieces a bar chart needs registered, so the
 * build leaves the rest of the library out. Bundled into the till's UI by `comptoir-dev ui`: nothing is fetched at
 * run time, and it draws on a <canvas> without inline scripts or styles (the shell's CSP allows it as it is).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartDataset } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** One series of the chart: its name, a value per label (cents), and its colour. */
export interface Series {
  label: string;
  values: number[];
  color: string;
}

/** Draws (or redraws) a bar chart of amounts on `canvas`; `money` writes cents as the shop does. */
export function drawBars(canvas: HTMLCanvasElement, previous: Chart | null, labels: string[], series: Series[], money: (cents: number) => string, stacked: boolean): Chart {
  const datasets: ChartDataset<'bar', number[]>[] = series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderRadius: 3, maxBarThickness: 48 }));
  if (previous && previous.canvas === canvas) {
    previous.data.labels = labels;
    previous.data.datasets = datasets;
    const scales = previous.options.scales as { x: { stacked: boolean }; y: { stacked: boolean } };
    scales.x.stacked = stacked;
    scales.y.stacked = stacked;
    previous.update();
    return previous;
  }
  previous?.destroy();
  return new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${money(Number(item.raw))}` } },
      },
      scales: {
        // Long names (articles) cut on the axis; the tooltip and the table give them whole.
        x: { stacked, ticks: { autoSkip: true, maxRotation: 50, callback(value) {
          const l = String(this.getLabelForValue(Number(value)));
          // About 7 px a character: as much of the name as the bar's share of the width holds, 12 characters at least.
          const room = Math.max(12, Math.floor(this.chart.width / Math.max(1, this.chart.data.labels?.length ?? 1) / 7));
          return l.length > room ? `${l.slice(0, room - 1)}…` : l;
        } } },
        y: { stacked, ticks: { callback: (v) => money(Math.round(Number(v))) } },
      },
    },
  });
}

/** Colours of the series, readable on white and told apart without relying on red and green alone. */
export const PALETTE = ['#2f7fd1', '#d9822b', '#6b4fbb', '#2e9d6a', '#c23b5a', '#7a8594', '#1f9fb4', '#b39a14'];

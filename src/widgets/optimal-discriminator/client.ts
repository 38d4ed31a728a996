import * as Plot from '@observablehq/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { HistoryChart, LiveChart } from '../../widget-host/live-chart';
import { controlsRow } from '../../widget-host/extra-controls';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import { OPTD_PRESETS } from './settings';
import type { OptimalDView } from './model';


export function mountOptimalDiscriminator(root: HTMLElement) {
  const later = frameQueue();
  const chartEl = chartBox();
  const historyBox = chartBox('V(D, G) over training steps against its maximum −log 4 + 2 JS');
  let presetSel: HTMLSelectElement;
  const gapBox = chartBox('max |D − D*| over training steps, against the 0.05 the tests ask for');

  const mainChart = new LiveChart(chartEl);
  const historyChart = new HistoryChart(historyBox, 'od-v');
  const gapChart = new HistoryChart(gapBox, 'od-g');

  return mountWidget(settings, root, {
    setup(charts, h) {
      const label = document.createElement('label');
      label.textContent = 'Preset pair ';
      presetSel = document.createElement('select');
      presetSel.setAttribute('data-action', 'preset');
      presetSel.append(new Option('(choose a pair)', ''));
      for (const [key, p] of Object.entries(OPTD_PRESETS)) presetSel.append(new Option(p.label, key));
      presetSel.addEventListener('change', () => {
        const p = OPTD_PRESETS[presetSel.value];
        if (!p) return;
        const errs = h.setParams({ pdata: p.pdata, pg: p.pg });
        if (errs.length) h.setStatus(errs.join(' '), 'error');
        else h.setStatus(`${p.label}: p_data = ${p.pdata}, p_g = ${p.pg}. The discriminator was reset.`);
      });
      label.append(presetSel);
      const row = controlsRow(label);
      chartEl.setAttribute('role', 'img');
      chartEl.setAttribute('aria-label', 'p_data and p_g (shaded, scaled by one factor so that the higher peak reaches 1), the learned D(x) and the optimal D*(x) dashed');
      const legend = document.createElement('p');
      legend.className = 'hint optd-legend';
      // One item per key, never broken inside; the densities share one scale factor, so their
      // heights compare (the taller one reaches 1).
      legend.innerHTML =
        '<span class="item"><span class="sw" style="background:var(--series-1)"></span> p<sub>data</sub></span> ' +
        '<span class="item"><span class="sw" style="background:var(--series-2)"></span> p<sub>g</sub> (one scale for both: the higher peak is 1)</span> ' +
        '<span class="item"><span class="ln" style="border-color:var(--series-3)"></span> D(x), the network</span> ' +
        '<span class="item"><span class="ln dash"></span> D*(x) = p<sub>data</sub> / (p<sub>data</sub> + p<sub>g</sub>)</span> ' +
        '<span class="item"><span class="ln half"></span> D = ½</span>';
      charts.append(row, chartEl, legend, historyBox, gapBox);
    },
    draw(view: OptimalDView) {
      const width = chartWidth(chartEl);
      let peak = 0;
      for (let i = 0; i < view.xs.length; i++) peak = Math.max(peak, view.pdata[i], view.pg[i]);
      const rows = Array.from(view.xs, (x, i) => ({
        x,
        pd: view.pdata[i] / peak,
        pg: view.pg[i] / peak,
        d: view.d[i],
        ds: view.dstar[i],
        masked: view.mask[i] === 0,
      }));
      // Only D moves while training: Plot redraws when the pair or the size changes, otherwise
      // D's path is moved in place (runtime/live-chart.ts).
      let sum = 0;
      for (let k = 0; k < view.xs.length; k++) sum += view.pdata[k] + 3 * view.pg[k];
      const frameKey = [width, view.xs[0], view.xs[view.xs.length - 1], view.xs.length, peak, sum].join(' ');
      later(chartEl, () =>
        mainChart.draw(
          frameKey,
          () => ({
            width,
            height: 260,
            x: { label: 'x', domain: [view.xs[0], view.xs[view.xs.length - 1]] },
            y: { label: 'D(x)  ·  scaled density', domain: [0, 1.02], grid: true },
            marks: [
              Plot.areaY(rows, { x: 'x', y: 'pd', fill: 'var(--series-1)', fillOpacity: 0.22 }),
              Plot.areaY(rows, { x: 'x', y: 'pg', fill: 'var(--series-2)', fillOpacity: 0.22 }),
              Plot.line(rows, { x: 'x', y: 'pd', stroke: 'var(--series-1)', strokeOpacity: 0.7 }),
              Plot.line(rows, { x: 'x', y: 'pg', stroke: 'var(--series-2)', strokeOpacity: 0.7 }),
              Plot.line(rows, { x: 'x', y: 'ds', stroke: 'currentColor', strokeDasharray: '6 4', strokeWidth: 1.5 }),
              Plot.line(rows, { x: 'x', y: 'd', stroke: 'var(--series-3)', strokeWidth: 2.5, className: 'od-d' }),
              Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.25 }),
            ],
          }),
          { 'od-d': { x: view.xs, y: view.d } },
        ),
      );
      const hist = view.history.filter((h) => Number.isFinite(h.value));
      later(historyBox, () => historyChart.draw(width, hist.map((h) => h.step), hist.map((h) => h.value), { yLabel: 'V(D, G)', stroke: 'var(--series-3)', rules: [view.valueOptimal] }));
      const gh = view.history.filter((h) => Number.isFinite(h.maxGap));
      later(gapBox, () => gapChart.draw(width, gh.map((h) => h.step), gh.map((h) => h.maxGap), { yLabel: 'max |D − D*|', stroke: 'var(--series-3)', rules: [0.05], include: [0] }));
    },
  });
}

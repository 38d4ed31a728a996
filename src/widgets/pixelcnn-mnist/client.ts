import * as Plot from '@observablehq/plot';
import { plot } from '../../widget-host/plot';
import { chartBox, chartWidth, frameQueue } from '../../widget-host/chart-box';
import { button, controlsRow, slider } from '../../widget-host/extra-controls';
import { mountWidget } from '../../widget-host/controller';
import * as settings from './settings';
import type { PixelcnnMnistView } from './model';

const PIX = 28;
const D = PIX * PIX;
const SCALE = 4;

function drawImages(canvas: HTMLCanvasElement, v: PixelcnnMnistView) {
  const n = v.n;
  const perRow = Math.min(n, 8);
  const rows = Math.ceil(n / perRow);
  const gap = 2;
  const W = perRow * (PIX * SCALE + gap);
  const H = rows * (PIX * SCALE + gap);
  if (canvas.width !== W || canvas.height !== H) {
    canvas.width = W;
    canvas.height = H;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx || !v.canvas) return;
  ctx.fillStyle = '#888';
  ctx.fillRect(0, 0, W, H);
  const img = ctx.createImageData(PIX, PIX);
  const tmp = document.createElement('canvas');
  tmp.width = PIX;
  tmp.height = PIX;
  const tctx = tmp.getContext('2d')!;
  ctx.imageSmoothingEnabled = false;
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < D; i++) {
      const drawn = i < v.cursor;
      const known = v.mode === 'complete' && i < v.start;
      const val = v.canvas[k * D + i];
      // Known (given) pixels white on black; drawn pixels white on dark blue; not yet drawn: grey.
      let r: number, g: number, b: number;
      if (!drawn && !known) [r, g, b] = [60, 60, 60];
      else if (val > 0.5) [r, g, b] = known ? [255, 255, 255] : [255, 220, 120];
      else [r, g, b] = known ? [0, 0, 0] : [10, 20, 60];
      img.data[4 * i] = r;
      img.data[4 * i + 1] = g;
      img.data[4 * i + 2] = b;
      img.data[4 * i + 3] = 255;
    }
    tctx.putImageData(img, 0, 0);
    const ox = (k % perRow) * (PIX * SCALE + gap);
    const oy = Math.floor(k / perRow) * (PIX * SCALE + gap);
    ctx.drawImage(tmp, ox, oy, PIX * SCALE, PIX * SCALE);
    if (v.cursor < D) {
      ctx.strokeStyle = '#ff3b30';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(ox + (v.cursor % PIX) * SCALE, oy + Math.floor(v.cursor / PIX) * SCALE, SCALE, SCALE);
    }
  }
}

export function mountPixelcnnMnist(root: HTMLElement) {
  const later = frameQueue();
  const nllBox = chartBox();
  const costBox = chartBox();
  let imgCanvas: HTMLCanvasElement;
  let imgNote: HTMLElement;
  let buttons: HTMLButtonElement[] = [];
  let busy = false;
  let last: PixelcnnMnistView | null = null;
  let offset = 0;

  const handle = mountWidget(settings, root, {
    setup(charts, h) {
      const sampleBtn = button('Sample digits pixel by pixel', 'sample');
      const { label: hideLabel, input: hide } = slider('Hide from row ', { min: '4', max: '24', value: '14', ariaLabel: 'First hidden row of the digits to complete' });
      const completeBtn = button('Hide the lower part and complete', 'complete');
      const stopBtn = button('Stop drawing');
      stopBtn.disabled = true;
      const row = controlsRow(sampleBtn, completeBtn, hideLabel, stopBtn);
      buttons = [sampleBtn, completeBtn];
      imgCanvas = document.createElement('canvas');
      imgCanvas.className = 'pcnn-images';
      imgCanvas.setAttribute('role', 'img');
      imgCanvas.setAttribute('aria-label', 'Digits being drawn one pixel at a time');
      imgNote = document.createElement('p');
      imgNote.className = 'hint';
      imgNote.setAttribute('aria-live', 'polite');
      charts.append(nllBox, row, imgCanvas, imgNote, costBox);

      let stop = false;
      stopBtn.addEventListener('click', () => (stop = true));
      async function run(start: () => Promise<unknown>, what: string) {
        if (busy) return;
        busy = true;
        stop = false;
        buttons.forEach((b) => (b.disabled = true));
        stopBtn.disabled = false;
        const wasRunning = h.running();
        let done = '';
        if (wasRunning) h.pause();
        try {
          await start();
          h.setStatus(`${what}: one forward pass per pixel; training is paused meanwhile${wasRunning ? ' and resumes afterwards' : ''}.`);
          for (;;) {
            // One row per command: each answer brings a report (and a redraw) from the worker.
            const r = (await h.command('sample_step', { pixels: 28 })) as { done: boolean };
            if (r.done || stop) break;
          }
          done = `${what} ${stop ? 'stopped' : 'done'}${wasRunning ? '; training resumed' : ''}.`;
        } catch (err) {
          h.setStatus((err as Error).message, 'error');
        } finally {
          busy = false;
          buttons.forEach((b) => (b.disabled = false));
          stopBtn.disabled = true;
          // Training that was running before goes on (also after Stop drawing): the reader
          // never has to press Play again because of a sample. (Play clears the status line,
          // so the outcome is written after it.)
          if (wasRunning && !h.running()) h.play();
          if (done) h.setStatus(done);
        }
      }
      sampleBtn.addEventListener('click', () => run(() => h.command('sample_start', { n: Number(h.values().samples) }), 'Sampling'));
      completeBtn.addEventListener('click', () => {
        const n = Number(h.values().samples);
        const o = offset;
        offset += n;
        run(() => h.command('complete_start', { n, hideFrom: Number(hide.value), offset: o }), 'Completion');
      });
    },
    draw(view: PixelcnnMnistView) {
      last = view;
      const width = chartWidth(nllBox);
      const pts = [
        ...view.steps.map((s, i) => ({ step: s, nll: view.trainNll[i], set: 'train (last 10 batches)' })),
        ...view.testSteps.map((s, i) => ({ step: s, nll: view.testNll[i], set: 'test (100 digits)' })),
      ];
      later(nllBox, () => nllBox.replaceChildren(
        plot({
          width,
          height: 220,
          x: { label: 'training step', domain: [0, Math.max(10, ...pts.map((p) => p.step))] },
          y: { label: 'NLL (nats per image)', grid: true, domain: [Math.max(0, Math.min(...pts.map((p) => p.nll)) - 10), Math.min(600, Math.max(...pts.map((p) => p.nll)) + 5)] },
          color: { legend: true, domain: ['train (last 10 batches)', 'test (100 digits)'], range: ['var(--series-1)', 'var(--series-2)'] },
          marks: [Plot.line(pts, { x: 'step', y: 'nll', stroke: 'set', z: 'set' }), Plot.dot(pts.filter((p) => p.set.startsWith('test')), { x: 'step', y: 'nll', fill: 'var(--series-2)', r: 2 })],
        }),
      ));
      if (view.canvas) {
        imgCanvas.hidden = false;
        drawImages(imgCanvas, view);
        const left = D - view.cursor;
        imgNote.textContent =
          view.mode === 'complete'
            ? `Completing ${view.n} test digits from row ${view.start / PIX}: white = given, yellow = drawn by the model, grey = still to draw (${left} pixels left).`
            : `Sampling ${view.n} digits: yellow = drawn by the model, grey = still to draw (${left} pixels left).`;
      } else {
        imgCanvas.hidden = true;
        imgNote.textContent = 'Press "Sample digits" to draw digits from the model one pixel at a time.';
      }
      // Cost: one training step against one full sampling run, both measured in this worker.
      const narrow = width < 480;
      const bars = [{ what: narrow ? 'training step' : 'one training step', ms: view.stepMs }];
      if (view.passMs > 0) bars.push({ what: narrow ? 'sampling pass' : 'one sampling pass', ms: view.passMs });
      if (view.sampleMs > 0) bars.push({ what: narrow ? 'full sample (784)' : 'one full sample (784 passes)', ms: view.sampleMs });
      else if (view.passMs > 0) bars.push({ what: narrow ? '784 passes (est.)' : '784 passes (estimated)', ms: view.passMs * D });
      const shown = bars.filter((b) => b.ms > 0);
      if (shown.length) {
        const full = view.sampleMs > 0 ? view.sampleMs : view.passMs * D;
        later(costBox, () => costBox.replaceChildren(
          plot({
            width,
            height: 40 + 28 * shown.length,
            // On a phone the bar labels take less room, so that the bars keep more than a third.
            marginLeft: narrow ? 128 : 190,
            marginRight: narrow ? 64 : 80,
            x: { label: 'milliseconds', grid: true },
            y: { label: null },
            marks: [Plot.barX(shown, { y: 'what', x: 'ms', fill: 'var(--series-3)' }), Plot.text(shown, { y: 'what', x: 'ms', text: (d: { ms: number }) => `${d.ms.toFixed(d.ms < 10 ? 1 : 0)} ms`, dx: 4, textAnchor: 'start' })],
          }),
          Object.assign(document.createElement('p'), {
            className: 'hint',
            textContent:
              full > 0 && view.stepMs > 0
                ? `Sampling one batch costs as much time as about ${Math.round(full / view.stepMs)} training steps.`
                : full > 0
                  ? 'Train a few steps to compare sampling with a training step.'
                  : 'Sample once to measure the cost of sampling.',
          }),
        ));
      }
    },
  });
  void last;
  return handle;
}

/**
 * Canvas drawing of a value stream map (no Chart.js). Everything is drawn in CSS pixels; the caller sizes the canvas
 * with `flowHeight`, scales the context for devicePixelRatio and passes the labels in. Text goes through fillText
 * only (never HTML), so step names from a form are drawn as plain text.
 *
 * Layout per row: [wait arrow][box][wait arrow][box]… with a timeline ladder (wait up, process down) under each row,
 * aligned with the arrows and boxes as in a classic VSM; rows wrap when the width is used up. The total lead time
 * is written at the bottom.
 */
import type { ValueStreamFigures } from '../analytics/valuestream';
import { cleanNumber, type Phase, type ValueRating, type VsmStep } from '../shared/valuestream';

export interface FlowLabels {
  /** Word drawn under the ⇄ badge on the arrow after a handoff step. */
  handoff: string;
  /** Wait time in days, e.g. "3 d" (keep it short: it sits on a 60 px arrow). */
  wait: (days: number) => string;
  /** Process time in hours, e.g. "1.5 h". */
  process: (hours: number) => string;
  phase: (p: Phase) => string;
  /** "Lead time"; drawn as "<leadTime>: <days(leadTimeDays)>". */
  leadTime: string;
  /** Formats a number of days for the summary; defaults to `wait`. */
  days?: (days: number) => string;
  /** When given, the rating is also written in each box (the colour band is not the only cue). */
  rating?: (r: ValueRating) => string;
  /** When given (with `waitTime`), the summary line shows the process and wait totals. */
  processTime?: string;
  waitTime?: string;
  /** When given (with `percent`), the summary line shows the value-added ratio. */
  valueAdded?: string;
  percent?: (ratio: number) => string;
  /** When given, the summary line names the bottleneck step. */
  bottleneck?: string;
}

export const FLOW_COLORS = {
  valueAdding: '#1a7f37',
  necessary: '#b38600',
  waste: '#b42318',
  handoff: '#b54708',
  text: '#1f2328',
  muted: '#57606a',
  line: '#57606a',
  border: '#57606a',
  background: '#ffffff',
} as const;
/** Text in the rating's colour, darkened where the band colour is too light for small text on white. */
const RATING_TEXT: Record<ValueRating, string> = {
  valueAdding: '#1a7f37',
  necessary: '#7d5e00',
  waste: '#b42318',
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const PAD = 16;
export const BOX_W = 150;
export const BOX_H = 106;
const BAND_H = 7;
const ARROW_W = 60;
const CELL_W = ARROW_W + BOX_W;
const ROW_GAP = 24;
const LADDER_GAP = 10;
const LADDER_H = 52;
const SUMMARY_H = 44;
const ROW_STRIDE = BOX_H + LADDER_GAP + LADDER_H + ROW_GAP;

/** Boxes per row: each box has its incoming wait arrow on the left; one more arrow width is kept free at the end. */
export function flowPerRow(width: number): number {
  if (!Number.isFinite(width)) return 1;
  return Math.max(1, Math.floor((width - 2 * PAD - ARROW_W) / CELL_W));
}

/** The canvas height (CSS px) needed for `stepsCount` steps at `width`. */
export function flowHeight(stepsCount: number, width: number): number {
  const n = Math.max(0, Math.floor(cleanNumber(stepsCount)));
  const rows = n === 0 ? 0 : Math.ceil(n / flowPerRow(width));
  const rowsH = rows === 0 ? 0 : rows * ROW_STRIDE;
  return PAD + rowsH + SUMMARY_H + PAD;
}

/** Where the box of each step is drawn (CSS px), e.g. for hit testing a click. */
export function flowBoxes(
  stepsCount: number,
  width: number,
): { x: number; y: number; w: number; h: number }[] {
  const per = flowPerRow(width);
  const n = Math.max(0, Math.floor(cleanNumber(stepsCount)));
  return Array.from({ length: n }, (_, i) => ({
    x: PAD + (i % per) * CELL_W + ARROW_W,
    y: PAD + Math.floor(i / per) * ROW_STRIDE,
    w: BOX_W,
    h: BOX_H,
  }));
}

type Measure = Pick<CanvasRenderingContext2D, 'measureText'>;

/** `text` cut (by code point) and ended with … so that it fits `max` px in the context's current font. */
export function fitText(ctx: Measure, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(chars.slice(0, mid).join('').trimEnd() + '…').width <= max) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/**
 * Greedy word wrap into at most `maxLines` lines, breaking at spaces and after hyphens ("Nachbestell-|Erinnerung");
 * a line that still does not fit, and the last line, are truncated with ….
 */
export function wrapText(ctx: Measure, text: string, max: number, maxLines: number): string[] {
  // Tokens with the separator that goes before them when they share a line with the previous token.
  const tokens: { s: string; sep: string }[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    word.split(/(?<=-)(?=[^-])/).forEach((part, k) => tokens.push({ s: part, sep: k === 0 ? ' ' : '' }));
  }
  const lines: string[] = [];
  let i = 0;
  while (i < tokens.length && lines.length < maxLines) {
    if (lines.length === maxLines - 1) {
      lines.push(
        fitText(
          ctx,
          tokens.slice(i).reduce((acc, t, k) => (k === 0 ? t.s : acc + t.sep + t.s), ''),
          max,
        ),
      );
      break;
    }
    let line = tokens[i++].s;
    while (i < tokens.length && ctx.measureText(line + tokens[i].sep + tokens[i].s).width <= max) {
      line += tokens[i].sep + tokens[i].s;
      i++;
    }
    lines.push(fitText(ctx, line, max));
  }
  return lines;
}

interface TextStyle {
  size: number;
  bold?: boolean;
  color: string;
  align?: CanvasTextAlign;
  max: number;
}

function text(ctx: CanvasRenderingContext2D, s: string, x: number, y: number, st: TextStyle) {
  ctx.font = `${st.bold ? 'bold ' : ''}${st.size}px ${FONT}`;
  ctx.fillStyle = st.color;
  ctx.textAlign = st.align ?? 'left';
  ctx.fillText(fitText(ctx, String(s ?? ''), st.max), x, y);
}

function arrow(ctx: CanvasRenderingContext2D, x0: number, x1: number, y: number, color: string) {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x0, y);
  ctx.lineTo(x1 - 6, y);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x1, y);
  ctx.lineTo(x1 - 7, y - 4);
  ctx.lineTo(x1 - 7, y + 4);
  ctx.closePath();
  ctx.fill();
}

function handoffBadge(ctx: CanvasRenderingContext2D, cx: number, midY: number, word: string) {
  ctx.fillStyle = FLOW_COLORS.handoff;
  ctx.fillRect(cx - 12, midY + 5, 24, 16);
  text(ctx, '⇄', cx, midY + 17, { size: 12, bold: true, color: '#ffffff', align: 'center', max: 22 });
  text(ctx, word, cx, midY + 33, { size: 10, color: FLOW_COLORS.handoff, align: 'center', max: ARROW_W - 4 });
}

function stepBox(ctx: CanvasRenderingContext2D, s: VsmStep, x: number, y: number, labels: FlowLabels) {
  const inner = BOX_W - 16;
  const rating: ValueRating = Object.hasOwn(RATING_TEXT, s.rating) ? s.rating : 'necessary';
  ctx.fillStyle = FLOW_COLORS.background;
  ctx.fillRect(x, y, BOX_W, BOX_H);
  ctx.strokeStyle = FLOW_COLORS.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, BOX_W - 1, BOX_H - 1);
  ctx.fillStyle = FLOW_COLORS[rating];
  ctx.fillRect(x, y, BOX_W, BAND_H);

  text(ctx, labels.phase(s.phase), x + 8, y + 24, { size: 11, color: FLOW_COLORS.muted, max: inner });
  // The name on up to two lines; a smaller font before cutting it (long German compounds).
  const name = String(s.name ?? '');
  let size: number;
  let nameLines: string[] = [];
  for (size = 13; size >= 11; size--) {
    ctx.font = `bold ${size}px ${FONT}`;
    nameLines = wrapText(ctx, name, inner, 2);
    if (!nameLines.some((l) => l.endsWith('…')) || size === 11) break;
  }
  if (nameLines.length === 0) nameLines.push('—');
  nameLines.forEach((line, k) =>
    text(ctx, line, x + 8, y + 44 + 16 * k, { size, bold: true, color: FLOW_COLORS.text, max: inner }),
  );
  text(ctx, String(s.owner ?? ''), x + 8, y + 80, { size: 12, color: FLOW_COLORS.muted, max: inner });
  const process = labels.process(cleanNumber(s.processHours));
  if (labels.rating) {
    // Process time on the left at its own width, the rating right-aligned in the rest of the line.
    ctx.font = `12px ${FONT}`;
    const processW = Math.min(ctx.measureText(process).width, inner / 2);
    text(ctx, process, x + 8, y + 98, { size: 12, color: FLOW_COLORS.text, max: inner / 2 });
    text(ctx, labels.rating(rating), x + BOX_W - 8, y + 98, {
      size: 10,
      bold: true,
      color: RATING_TEXT[rating],
      align: 'right',
      max: inner - processW - 6,
    });
  } else {
    text(ctx, process, x + 8, y + 98, { size: 12, color: FLOW_COLORS.text, max: inner });
  }
}

/** One step of the timeline ladder: wait on the upper level under the arrow, process on the lower under the box. */
function ladderStep(
  ctx: CanvasRenderingContext2D,
  s: VsmStep,
  cellX: number,
  top: number,
  labels: FlowLabels,
  bottleneck: boolean,
) {
  const boxX = cellX + ARROW_W;
  const waitY = top + 16;
  const procY = top + 34;
  const rating: ValueRating = Object.hasOwn(RATING_TEXT, s.rating) ? s.rating : 'necessary';
  ctx.strokeStyle = bottleneck ? FLOW_COLORS.waste : FLOW_COLORS.line;
  ctx.lineWidth = bottleneck ? 3 : 2;
  ctx.beginPath();
  ctx.moveTo(cellX, waitY);
  ctx.lineTo(boxX, waitY);
  ctx.stroke();
  ctx.strokeStyle = FLOW_COLORS.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(boxX, waitY);
  ctx.lineTo(boxX, procY);
  ctx.moveTo(boxX + BOX_W, procY);
  ctx.lineTo(boxX + BOX_W, waitY);
  ctx.stroke();
  ctx.strokeStyle = FLOW_COLORS[rating];
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(boxX, procY);
  ctx.lineTo(boxX + BOX_W, procY);
  ctx.stroke();
  text(ctx, labels.wait(cleanNumber(s.waitDays)), cellX + ARROW_W / 2, top + 11, {
    size: 10,
    bold: bottleneck,
    color: bottleneck ? FLOW_COLORS.waste : FLOW_COLORS.muted,
    align: 'center',
    max: ARROW_W - 4,
  });
  text(ctx, labels.process(cleanNumber(s.processHours)), boxX + BOX_W / 2, top + 48, {
    size: 11,
    color: FLOW_COLORS.text,
    align: 'center',
    max: BOX_W - 8,
  });
}

/**
 * Draws the map at (0, 0) in CSS pixels over `width` × `flowHeight(steps.length, width)` and returns that height.
 * `figures` must be the figures of `steps` (the worker's `valueStreamFigures(steps)`).
 */
export function drawValueStream(
  ctx: CanvasRenderingContext2D,
  steps: readonly VsmStep[],
  figures: ValueStreamFigures,
  labels: FlowLabels,
  width: number,
): { height: number } {
  const height = flowHeight(steps.length, width);
  const boxes = flowBoxes(steps.length, width);
  const bottleneck = figures.bottleneck?.index ?? -1;
  ctx.save();
  ctx.fillStyle = FLOW_COLORS.background;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';

  steps.forEach((s, i) => {
    const { x: boxX, y } = boxes[i];
    const cellX = boxX - ARROW_W;
    const midY = y + BOX_H / 2;
    const handoffBefore = i > 0 && steps[i - 1].handoff === true;
    const isBottleneck = i === bottleneck;

    // The queue in front of the step: an arrow labelled with the wait, marked when the previous step hands off.
    arrow(ctx, cellX + 4, boxX - 3, midY, handoffBefore ? FLOW_COLORS.handoff : FLOW_COLORS.line);
    text(ctx, labels.wait(cleanNumber(s.waitDays)), cellX + ARROW_W / 2, midY - 7, {
      size: 11,
      bold: isBottleneck,
      color: isBottleneck ? FLOW_COLORS.waste : FLOW_COLORS.muted,
      align: 'center',
      max: ARROW_W - 6,
    });
    if (handoffBefore) handoffBadge(ctx, cellX + ARROW_W / 2, midY, labels.handoff);

    stepBox(ctx, s, boxX, y, labels);

    // A handoff after the last step: a short outgoing arrow with the badge (space for it is kept in every row).
    if (i === steps.length - 1 && s.handoff === true) {
      const x0 = boxX + BOX_W;
      arrow(ctx, x0 + 3, x0 + ARROW_W - 4, midY, FLOW_COLORS.handoff);
      handoffBadge(ctx, x0 + ARROW_W / 2, midY, labels.handoff);
    }

    ladderStep(ctx, s, cellX, y + BOX_H + LADDER_GAP, labels, isBottleneck);
  });

  const days = labels.days ?? labels.wait;
  const sumY = height - PAD - SUMMARY_H;
  const maxW = Math.max(0, width - 2 * PAD);
  text(ctx, `${labels.leadTime}: ${days(figures.leadTimeDays)}`, PAD, sumY + 16, {
    size: 14,
    bold: true,
    color: FLOW_COLORS.text,
    max: maxW,
  });
  const parts: string[] = [];
  if (labels.processTime && labels.waitTime) {
    parts.push(
      `${labels.processTime}: ${days(figures.processDays)}`,
      `${labels.waitTime}: ${days(figures.waitDays)}`,
    );
  }
  if (labels.valueAdded && labels.percent && figures.valueAddedRatio !== null) {
    parts.push(`${labels.valueAdded}: ${labels.percent(figures.valueAddedRatio)}`);
  }
  if (labels.bottleneck && bottleneck >= 0 && bottleneck < steps.length) {
    parts.push(`${labels.bottleneck}: ${steps[bottleneck].name}`);
  }
  if (parts.length)
    text(ctx, parts.join(' · '), PAD, sumY + 36, { size: 12, color: FLOW_COLORS.muted, max: maxW });

  ctx.restore();
  return { height };
}

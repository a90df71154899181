import type { CDPSession } from 'playwright-core';

/**
 * One complete trace event (`X`, or a `B`/`E` pair joined), times in µs on the trace clock: `dur` as the clock on the
 * wall ran, `cpu` the time its thread ran (less where the system ran other threads meanwhile; `dur` when not traced).
 */
export type TraceSpan = { name: string; pid: number; tid: number; ts: number; dur: number; cpu: number; url?: string };

type RawEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: at the start, and the duration. */
  tts?: number;
  tdur?: number;
  id?: string;
  args?: { data?: Record<string, unknown> & { url?: string; cpuProfile?: CpuProfileChunk; timeDeltas?: number[]; startTime?: number } };
};

type CpuProfileChunk = {
  nodes?: { id: number; parent?: number; callFrame: { url?: string; functionName?: string } }[];
  samples?: number[];
};

const samplingCategory = 'disabled-by-default-v8.cpu_profiler';

/** What DevTools' Performance panel records: tasks, script entries and V8's sampling profiler. */
const categories = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  samplingCategory,
];

export type Trace = {
  spans: TraceSpan[];
  /** CPU profiler samples: when, and whether the content script is on the stack. */
  samples: { pid: number; tid: number; ts: number; interval: number; inScript: boolean }[];
  /** `performance.mark` names → trace time, from the page. */
  marks: Map<string, number>;
};

export type StartTraceOptions = {
  /**
   * Whether V8's sampling profiler runs (the default): it sees script that runs without a trace event (promise
   * continuations), but slows all script, several times over in a page's first badges. Tasks timed whole are timed
   * without it.
   */
  sampled?: boolean;
};

/**
 * Starts a Chromium trace on `cdp` (a page's session); the returned function stops it and reads it. Scripts whose
 * address starts with `scriptOrigin` are the content script's: the extension's origin, for content.js and the
 * session it imports.
 */
export async function startTrace(cdp: CDPSession, scriptOrigin: string, { sampled = true }: StartTraceOptions = {}): Promise<() => Promise<Trace>> {
  const events: RawEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as RawEvent[])));
  const includedCategories = sampled ? categories : categories.filter((category) => category !== samplingCategory);
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories } });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return readTrace(events, scriptOrigin);
  };
}

function readTrace(events: RawEvent[], scriptOrigin: string): Trace {
  const spans: TraceSpan[] = [];
  const open = new Map<string, RawEvent[]>();
  const marks = new Map<string, number>();
  const profiles = new Map<string, { pid: number; tid: number; time: number; nodes: Map<number, { parent?: number; url?: string }>; inScript: Map<number, boolean> }>();
  const samples: Trace['samples'] = [];
  for (const event of events) {
    const url = typeof event.args?.data?.url === 'string' ? event.args.data.url : undefined;
    if (event.ph === 'X') spans.push({ name: event.name, pid: event.pid, tid: event.tid, ts: event.ts, dur: event.dur ?? 0, cpu: event.tdur ?? event.dur ?? 0, url });
    else if (event.ph === 'B') {
      const key = `${event.pid}:${event.tid}`;
      open.set(key, [...(open.get(key) ?? []), event]);
    } else if (event.ph === 'E') {
      const stack = open.get(`${event.pid}:${event.tid}`);
      const begin = stack?.pop();
      if (begin !== undefined) {
        const beginUrl = typeof begin.args?.data?.url === 'string' ? begin.args.data.url : undefined;
        const cpu = begin.tts !== undefined && event.tts !== undefined ? event.tts - begin.tts : event.ts - begin.ts;
        spans.push({ name: begin.name, pid: begin.pid, tid: begin.tid, ts: begin.ts, dur: event.ts - begin.ts, cpu, url: beginUrl });
      }
    } else if ((event.ph === 'R' || event.ph === 'I' || event.ph === 'n' || event.ph === 'b') && event.name.startsWith('verity-bench:')) {
      if (!marks.has(event.name)) marks.set(event.name, event.ts);
    } else if (event.ph === 'P' && event.name === 'Profile' && event.id !== undefined) {
      profiles.set(`${event.pid}:${event.id}`, { pid: event.pid, tid: event.tid, time: event.args?.data?.startTime ?? event.ts, nodes: new Map(), inScript: new Map() });
    } else if (event.ph === 'P' && event.name === 'ProfileChunk' && event.id !== undefined) {
      const profile = profiles.get(`${event.pid}:${event.id}`);
      const chunk = event.args?.data?.cpuProfile;
      if (profile === undefined || chunk === undefined) continue;
      for (const node of chunk.nodes ?? []) profile.nodes.set(node.id, { parent: node.parent, url: node.callFrame.url });
      const deltas = event.args?.data?.timeDeltas ?? [];
      (chunk.samples ?? []).forEach((nodeId, index) => {
        const delta = deltas[index] ?? 0;
        profile.time += delta;
        samples.push({ pid: profile.pid, tid: profile.tid, ts: profile.time, interval: delta, inScript: onStack(profile, nodeId, scriptOrigin) });
      });
    }
  }
  // A sample's time is known once the next one is taken: its interval is the next one's delta.
  for (let index = 0; index < samples.length - 1; index++) samples[index]!.interval = samples[index + 1]!.pid === samples[index]!.pid ? samples[index + 1]!.interval : 0;
  return { spans, samples, marks };
}

function onStack(profile: { nodes: Map<number, { parent?: number; url?: string }>; inScript: Map<number, boolean> }, nodeId: number, scriptOrigin: string): boolean {
  const known = profile.inScript.get(nodeId);
  if (known !== undefined) return known;
  const node = profile.nodes.get(nodeId);
  const result = node === undefined ? false : node.url?.startsWith(scriptOrigin) === true || (node.parent !== undefined && onStack(profile, node.parent, scriptOrigin));
  profile.inScript.set(nodeId, result);
  return result;
}

/** A task of a thread's scheduler: Chromium names the outer one and the one it runs inside. */
const isTask = (span: TraceSpan) => span.name === 'RunTask' || span.name === 'ThreadControllerImpl::RunTask';

/** Script entry points: where the main thread starts running a script's code. */
const entryNames = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'v8.callFunction', 'v8.run']);

/** A frame's rendering steps. */
const renderingNames = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

export type ContentScriptTime = {
  /** Top-level script entries into the content script, summed (forced style and layout inside them included). */
  scriptingMs: number;
  /** CPU profiler samples with the content script on the stack, as ms. */
  sampledMs: number;
  /** The longest single one of those entries. */
  longestEntryMs: number;
  /** Style and layout forced inside those entries (part of scriptingMs). */
  forcedLayoutMs: number;
  /** Main-thread tasks in which the content script ran. */
  tasks: number;
  /** Style, layout, pre-paint and paint in those tasks outside the script: the frames its DOM changes cost. */
  renderingMs: number;
  /** Those tasks' whole durations, summed (the page's own work in them included). */
  taskMs: number;
  longestTaskMs: number;
  /**
   * The most of the content script's own time in one task: its entries there summed, or its samples there when they
   * come to more (microtasks, module compilation). The rest of such a task is the page's style, layout and paint.
   */
  longestScriptInTaskMs: number;
  /**
   * The content script's entries in one task summed as their thread ran (the time the system gave other threads
   * meanwhile left out), most in any task: promise continuations between entries are not in it.
   */
  longestScriptInTaskThreadMs: number;
};

/** The content script's time on the page's main thread, from `fromTs` to `toTs` (trace µs). */
export function contentScriptTime(trace: Trace, scriptOrigin: string, fromTs = -Infinity, toTs = Infinity): ContentScriptTime {
  const entries = trace.spans.filter((span) => entryNames.has(span.name) && span.url?.startsWith(scriptOrigin) === true && span.ts >= fromTs && span.ts < toTs);
  const main = entries[0];
  if (main === undefined) return { scriptingMs: 0, longestEntryMs: 0, forcedLayoutMs: 0, sampledMs: 0, tasks: 0, renderingMs: 0, taskMs: 0, longestTaskMs: 0, longestScriptInTaskMs: 0, longestScriptInTaskThreadMs: 0 };
  const onMain = (span: { pid: number; tid: number }) => span.pid === main.pid && span.tid === main.tid;
  const topEntries = outermost(entries.filter(onMain));
  const scriptSamples = trace.samples.filter((sample) => sample.pid === main.pid && sample.inScript && sample.ts >= fromTs && sample.ts < toTs);
  const tasks = outermost(trace.spans.filter((span) => onMain(span) && isTask(span)));
  const scriptTasks = tasks.filter(
    (task) =>
      topEntries.some((entry) => entry.ts >= task.ts && entry.ts < task.ts + task.dur) ||
      scriptSamples.some((sample) => sample.ts >= task.ts && sample.ts < task.ts + task.dur),
  );
  const forced = outermost(
    trace.spans.filter(
      (span) => onMain(span) && (span.name === 'Layout' || span.name === 'UpdateLayoutTree') && topEntries.some((entry) => span.ts >= entry.ts && span.ts < entry.ts + entry.dur),
    ),
  );
  const rendering = outermost(
    trace.spans.filter(
      (span) =>
        onMain(span) &&
        renderingNames.has(span.name) &&
        scriptTasks.some((task) => span.ts >= task.ts && span.ts < task.ts + task.dur) &&
        !topEntries.some((entry) => span.ts >= entry.ts && span.ts < entry.ts + entry.dur),
    ),
  );
  return {
    scriptingMs: sum(topEntries.map((entry) => entry.dur)) / 1000,
    longestEntryMs: Math.max(0, ...topEntries.map((entry) => entry.dur)) / 1000,
    forcedLayoutMs: sum(forced.map((span) => span.dur)) / 1000,
    sampledMs: sum(scriptSamples.map((sample) => sample.interval)) / 1000,
    tasks: scriptTasks.length,
    renderingMs: sum(rendering.map((span) => span.dur)) / 1000,
    taskMs: sum(scriptTasks.map((task) => task.dur)) / 1000,
    longestTaskMs: Math.max(0, ...scriptTasks.map((task) => task.dur)) / 1000,
    longestScriptInTaskMs:
      Math.max(
        0,
        ...scriptTasks.map((task) => {
          const inTask = (span: { ts: number }) => span.ts >= task.ts && span.ts < task.ts + task.dur;
          return Math.max(sum(topEntries.filter(inTask).map((entry) => entry.dur)), sum(scriptSamples.filter(inTask).map((sample) => sample.interval)));
        }),
      ) / 1000,
    longestScriptInTaskThreadMs:
      Math.max(0, ...scriptTasks.map((task) => sum(topEntries.filter((entry) => entry.ts >= task.ts && entry.ts < task.ts + task.dur).map((entry) => entry.cpu)))) / 1000,
  };
}

/** The page's main thread: the one that parsed its HTML. */
function pageMainThread(trace: Trace): { pid: number; tid: number } | undefined {
  return trace.spans.find((span) => span.name === 'ParseHTML');
}


/** The page's main-thread tasks, outermost only. */
function mainThreadTasks(trace: Trace): TraceSpan[] {
  const main = pageMainThread(trace);
  if (main === undefined) return [];
  return outermost(trace.spans.filter((span) => span.pid === main.pid && span.tid === main.tid && isTask(span)));
}

/** The longest task on the page's main thread, in ms. */
export function longestMainThreadTask(trace: Trace): number {
  return Math.max(0, ...mainThreadTasks(trace).map((task) => task.dur)) / 1000;
}

export type ExtensionInPageTasks = {
  /** The longest main-thread task in which a script of the origin ran, whole (the page's own work in it included). */
  longestTask: { wallMs: number; threadMs: number };
  /** The most the origin's scripts ran in one main-thread task, their entries summed, with the style and layout they forced. */
  mostScriptInOneTask: { wallMs: number; threadMs: number };
};

/**
 * What scripts from `origin` did to the page's main thread, task by task, each figure both as the wall clock ran and
 * as the thread ran: on a machine with fewer free cores than busy threads (this 2-core one, the C2PA engine's worker
 * checking images beside the page) a task's wall time includes the time the system gave other threads.
 */
export function extensionInPageTasks(trace: Trace, origin: string): ExtensionInPageTasks {
  const main = pageMainThread(trace);
  const entries =
    main === undefined
      ? []
      : outermost(trace.spans.filter((span) => span.pid === main.pid && span.tid === main.tid && entryNames.has(span.name) && span.url?.startsWith(origin) === true));
  const tasks = mainThreadTasks(trace)
    .map((task) => ({ task, entries: entries.filter((entry) => entry.ts >= task.ts && entry.ts < task.ts + task.dur) }))
    .filter(({ entries }) => entries.length > 0);
  const most = (values: number[]) => Math.max(0, ...values) / 1000;
  return {
    longestTask: { wallMs: most(tasks.map(({ task }) => task.dur)), threadMs: most(tasks.map(({ task }) => task.cpu)) },
    mostScriptInOneTask: {
      wallMs: most(tasks.map(({ entries }) => sum(entries.map((entry) => entry.dur)))),
      threadMs: most(tasks.map(({ entries }) => sum(entries.map((entry) => entry.cpu)))),
    },
  };
}

/** Spans not inside another of the list (a sorted sweep). */
function outermost(spans: TraceSpan[]): TraceSpan[] {
  const sorted = [...spans].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const result: TraceSpan[] = [];
  let end = -Infinity;
  for (const span of sorted) {
    if (span.ts >= end) {
      result.push(span);
      end = span.ts + span.dur;
    }
  }
  return result;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

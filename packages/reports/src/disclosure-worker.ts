import { decideDisclosure, type DisclosureDecision } from './disclosure-audit.js';
import { buildDisclosureModel, type DisclosureProgramme } from './disclosure-model.js';
import { viewOf, type DisclosureView } from './disclosure.js';

// The disclosure audit in a worker thread: linear programming takes seconds for a real programme, and must not
// hold the api's event loop. The api starts one worker (`new Worker(..., { eval: true })` importing this file's
// ES module build, '@stegvis/reports/audit-worker') and sends it one programme at a time.

export interface AuditRequest {
  id: number;
  programme: DisclosureProgramme;
  k: number;
  timeLimitMs: number;
}

export interface AuditReply {
  id: number;
  decision: Omit<DisclosureDecision, 'values' | 'intervals'> & { intervals: DisclosureDecision['intervals'] };
  view: DisclosureView;
  error?: string;
}

interface Port {
  on(event: 'message', listener: (message: AuditRequest) => void): void;
  postMessage(message: AuditReply): void;
}

// Not a literal, so the package's own build needs no Node types.
const WORKER_THREADS: string = 'node:worker_threads';

/** Answers audit requests on the worker's port until the worker is ended. */
export async function serveDisclosureAudits(): Promise<void> {
  const { parentPort } = (await import(WORKER_THREADS)) as { parentPort: Port | null };
  if (!parentPort) throw new Error('serveDisclosureAudits runs in a worker thread');
  parentPort.on('message', (request) => {
    void audit(request).then((reply) => parentPort.postMessage(reply));
  });
}

/** One audit: the model, the decision, and the view every endpoint applies. Never throws: fails closed. */
export async function audit(request: AuditRequest): Promise<AuditReply> {
  const model = buildDisclosureModel(request.programme);
  const decision = await decideDisclosure(model, { k: request.k, timeLimitMs: request.timeLimitMs });
  const { values: _values, ...rest } = decision;
  void _values;
  return { id: request.id, decision: rest, view: viewOf(decision, model) };
}

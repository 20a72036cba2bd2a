// A worker thread of the analysis pool (analysisPool.ts): analyses YAML documents with the same engine
// and validators as the main thread and sends back plain data (no syntax trees).
import { parentPort } from 'node:worker_threads';
import { analyseToData, createRegistry } from '../engine/index';
import { precompiledValidators } from './validators';
import type { AnalysisRequest, AnalysisResponse } from './analysisPool';
import { exactJson } from './exactJson';

const registry = createRegistry(precompiledValidators());

parentPort?.on('message', (req: AnalysisRequest) => {
  let res: AnalysisResponse;
  try {
    const data = req.docs.map((d) => analyseToData(req.uri, d.text, registry, d.line, req.outline));
    const json = exactJson(data);
    res = json === undefined ? { id: req.id, data } : { id: req.id, json };
  } catch (err) {
    res = { id: req.id, error: String((err as Error)?.stack ?? err) };
  }
  parentPort!.postMessage(res);
});

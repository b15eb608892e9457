// Worker entry used only when scalesim runs from its TypeScript sources (tsx, vitest); the compiled package uses
// worker.js directly and never loads this file. When the pool could bundle the worker (worker-bundle.ts, passed
// in workerData) the thread imports that plain JavaScript; otherwise, and for a task whose model module is
// TypeScript that the bundle does not hold, it registers tsx's hooks itself (Node 20 ignores ESM loaders passed
// in a Worker's execArgv, nodejs/node#47747, tsx#354) and loads the sources through them.
import { workerData } from "node:worker_threads";

let tsx;
const registerTsx = () => {
  tsx ??= import("tsx/esm/api").then(({ register }) => register());
  return tsx;
};

const bundle = workerData?.scalesimWorkerBundle;
let runTask;
if (typeof bundle === "string") {
  ({ default: runTask } = await import(bundle));
} else {
  await registerTsx();
  ({ default: runTask } = await import(new URL("./worker.ts", import.meta.url).href));
}

export default async function runSourceTask(task) {
  if (/\.[cm]?tsx?$/.test(new URL(task.model.module).pathname)) await registerTsx();
  return runTask(task);
}

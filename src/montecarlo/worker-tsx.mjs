// Worker entry used only when scalesim runs from its TypeScript sources (tsx, vitest). Node 20 ignores ESM
// loaders passed in a Worker's execArgv (nodejs/node#47747, tsx#354), so the thread registers tsx's hooks
// itself and then loads worker.ts; the compiled package uses worker.js directly and never loads this file.
import { register } from "tsx/esm/api";

register();
const { default: runTask } = await import(new URL("./worker.ts", import.meta.url).href);

export default runTask;

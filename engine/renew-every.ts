/**
 * @internal How often the run loop's long-lived holders of young objects are renewed: every this many rewinds of
 * a current-instant FIFO (or pops of the heap) its array of events is replaced by a fresh copy
 * (engine/environment.ts), and every this many resumes the resumed-process cell (engine/process.ts). A fresh
 * object is young: storing a young event or process into an old object is a write-barrier call (a remembered-set
 * insertion), storing it into a young one is not. The copy costs one small allocation per 256 uses.
 */
export const RENEW_EVERY = 256;

/**
 * The preset document as a mapping, for the starter scenario `scalesim init` writes.
 */
import { presetDocument } from "../scenario/index.ts";

/** A fresh copy of a preset's document; empty for an unknown name. */
export function presetMapping(name: string): Record<string, unknown> {
  return presetDocument(name) ?? {};
}

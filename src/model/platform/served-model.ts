/**
 * A model on the serving platform, as the platform hands it over, and the state the serving pool keeps for it
 * (popularity, replicas, how it is classified).
 */
import type { ScaleDownStabiliser } from "./hpa.ts";

/** A model the pool serves. */
export interface ServedModel {
  id: number;
  tenant: string;
  memoryGb: number;
  /** Dedicated deployment even in a multi-model pool (e.g. Platinum). */
  dedicated: boolean;
  /** Copies of a dedicated deployment (2 for multi-region). */
  regions: number;
  minReplicas: number;
  maxReplicas: number;
}

/** The serving pool's record of one served model. */
export interface ModelState {
  model: ServedModel;
  /** Position of the model's tenant in the pool's tenant list. */
  tenantIndex: number;
  /** Uniform key drawn at go-live; ascending keys are the Zipf ranks. */
  rankKey: number;
  /** Share of all requests (normalised Zipf weight). */
  weight: number;
  /** Replicas of its dedicated deployment (0 for a pool model). */
  replicas: number;
  /**
   * Of its dedicated deployment: created only for a dedicated model, when the pool uses stabilisation (a window
   * longer than 0 s).
   */
  stabiliser: ScaleDownStabiliser | undefined;
  /** Pool model used every step (kept loaded). */
  hot: boolean;
  /** Dedicated deployment that never leaves its minimum. */
  fixedReplicas: boolean;
}

/**
 * How a classification sees one model: its minimum replicas (at least 1), whether its peak load fits that
 * minimum, and the cost of one of its dedicated pods for one step (all regions).
 */
export interface DeploymentSizing {
  minReplicas: number;
  staticReplicas: boolean;
  podStepCost: number;
}

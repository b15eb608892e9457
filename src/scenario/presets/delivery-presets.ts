/**
 * Delivery-model presets: one per maturity level (guide "Scaling Maturity Model") and one per case study
 * (guide "Case Studies"). A preset sets mechanism parameters — team structure, reuse, feature store,
 * templates, automation, governance — never outcomes: projects per year, cost per project and time to
 * market are what the simulation produces from these parameters (MODEL.md section 5).
 *
 * Sources: hub 15-20 FTE, spokes 5-8 FTE x 3-5 projects (Pattern 13); component reuse rates (Pattern 1);
 * feature store (Pattern 2); template adoption (Pattern 3); deployment templates (Pattern 4); guilds (Pattern
 * 14); level characteristics (maturity table); case studies 1-3. Library completeness per level is our assumption
 * (docs/model.md). The maturity levels set no demand: demand is its own axis (`demand-profiles.ts`,
 * issue 10 point 1); a case study is a whole organisation and keeps its own demand.
 */

/** A preset: one line for `scalesim presets` and a partial scenario document. */
export interface DeliveryPreset {
  description: string;
  document: object;
}

function units(count: number, ratePerMonth: number, prefix = "unit"): object[] {
  const list: object[] = [];
  for (let i = 1; i <= count; i++) list.push({ name: `${prefix}-${i}`, ratePerMonth });
  return list;
}

const level1 = {
  name: "level-1",
  description: "Ad-hoc pilots: no hub, no spokes, a dedicated team formed for each approved pilot",
  organisation: {
    hub: { fte: 0 },
    spokes: { count: 0 },
    pilotTeams: {
      maxConcurrent: 2,
      ftePerTeam: 2.5,
      formationDays: { dist: "pert", min: 30, mode: 60, max: 120 },
    },
    guilds: { enabled: false },
    selfService: { enabled: false },
  },
  portfolio: { balancing: { enabled: false } },
  lifecycle: {
    library: { initialCompleteness: 0 },
    featureStore: { enabled: false },
    modelTemplates: { enabled: false },
    deploymentTemplates: { enabled: false },
    production: { retrainAutomated: false },
  },
  governance: { standards: { enabled: false }, killEarly: { enabled: false }, automatedValidationSaving: 0 },
};

const level2 = {
  name: "level-2",
  description:
    "Repeatable: a small hub, two spokes, starter components, semi-automated deployment, basic standards",
  organisation: {
    hub: { fte: 8, supportShare: 0.4, reviewShare: 0.15 },
    spokes: { count: 2, ftePerSpoke: 5, maxConcurrentProjects: 3 },
    pilotTeams: { maxConcurrent: 2, ftePerTeam: 2.5 },
    guilds: { enabled: false },
    selfService: { enabled: false },
  },
  portfolio: { balancing: { enabled: false } },
  lifecycle: {
    library: { initialCompleteness: 0.3 },
    featureStore: { enabled: false },
    modelTemplates: { enabled: false },
    deploymentTemplates: { enabled: true },
    production: { retrainAutomated: false },
  },
  governance: { standards: { enabled: true }, killEarly: { enabled: false }, automatedValidationSaving: 0 },
};

const level3 = {
  name: "level-3",
  description:
    "Defined: hub of 16, six spokes, rich component library, feature store, templates, CI/CD, standards",
  organisation: {
    hub: { fte: 16, supportShare: 0.5, reviewShare: 0.1 },
    spokes: { count: 6, ftePerSpoke: 6, maxConcurrentProjects: 3 },
    pilotTeams: { maxConcurrent: 0 },
    guilds: { enabled: false },
    selfService: { enabled: false },
  },
  portfolio: { balancing: { enabled: false } },
  lifecycle: {
    library: { initialCompleteness: 0.6 },
    featureStore: { enabled: true },
    modelTemplates: { enabled: true },
    deploymentTemplates: { enabled: true },
    production: { retrainAutomated: false },
  },
  governance: { standards: { enabled: true }, killEarly: { enabled: true }, automatedValidationSaving: 0 },
};

const level4 = {
  name: "level-4",
  description:
    "Managed: hub of 18, ten spokes, self-service, automated retraining, portfolio balancing, guilds",
  organisation: {
    hub: { fte: 18, supportShare: 0.5, reviewShare: 0.1 },
    spokes: { count: 10, ftePerSpoke: 7, maxConcurrentProjects: 4 },
    pilotTeams: { maxConcurrent: 0 },
    guilds: { enabled: true },
    selfService: { enabled: true },
  },
  portfolio: { balancing: { enabled: true } },
  lifecycle: {
    library: { initialCompleteness: 0.85 },
    featureStore: { enabled: true },
    modelTemplates: { enabled: true, effortSaving: 0.6 },
    deploymentTemplates: { enabled: true },
    production: { retrainAutomated: true },
  },
  governance: { standards: { enabled: true }, killEarly: { enabled: true }, automatedValidationSaving: 0 },
};

const level5 = {
  name: "level-5",
  description:
    "Optimizing: hub of 20, twelve spokes, component marketplace, automated governance, self-serve AI",
  organisation: {
    hub: { fte: 20, supportShare: 0.5, reviewShare: 0.1 },
    spokes: { count: 12, ftePerSpoke: 8, maxConcurrentProjects: 5 },
    pilotTeams: { maxConcurrent: 0 },
    guilds: { enabled: true },
    selfService: { enabled: true, supportReduction: 0.7 },
  },
  portfolio: { balancing: { enabled: true } },
  lifecycle: {
    library: { initialCompleteness: 0.95 },
    featureStore: { enabled: true, maxSaving: 0.8 },
    modelTemplates: { enabled: true, effortSaving: 0.7 },
    deploymentTemplates: { enabled: true, timeSaving: 0.9 },
    production: { retrainAutomated: true },
  },
  governance: { standards: { enabled: true }, killEarly: { enabled: true }, automatedValidationSaving: 0.6 },
};

const financialServices = {
  name: "financial-services",
  description:
    "Case study 1: a bank scales from 5 pilots with a roadmap — CoE months 0-3, shared platform 3-6, " +
    "component library 6-9, spokes and guilds 9-18",
  organisation: level1.organisation,
  demand: {
    // demand grows as AI becomes visible: a quarter of the final rate at month 0, full rate by month 18
    businessUnits: units(5, 4, "division").map((u) => ({ ...u, ramp: { months: 18, startFactor: 0.25 } })),
    initialProjects: 5,
  },
  portfolio: { balancing: { enabled: false } },
  lifecycle: level1.lifecycle,
  governance: level1.governance,
  roadmap: {
    investments: [
      {
        name: "Build the AI CoE",
        startMonth: 0,
        durationMonths: 3,
        cost: 1_500_000,
        effects: [
          { path: "organisation.hub.fte", value: 12 },
          { path: "governance.standards.enabled", value: true },
          { path: "organisation.pilotTeams.maxConcurrent", value: 10 },
        ],
      },
      {
        name: "Shared platform (workspace, feature store, CI/CD)",
        startMonth: 3,
        durationMonths: 3,
        cost: 2_000_000,
        effects: [
          { path: "lifecycle.featureStore.enabled", value: true },
          { path: "lifecycle.deploymentTemplates.enabled", value: true },
        ],
      },
      {
        name: "Component library (25 components, model templates)",
        startMonth: 6,
        durationMonths: 3,
        cost: 1_000_000,
        effects: [
          { path: "lifecycle.library.initialCompleteness", value: 0.6 },
          { path: "lifecycle.modelTemplates.enabled", value: true },
        ],
      },
      {
        name: "Spokes wave 1 and guilds",
        startMonth: 9,
        durationMonths: 3,
        cost: 500_000,
        effects: [
          { path: "organisation.spokes.count", value: 3 },
          { path: "organisation.spokes.ftePerSpoke", value: 8 },
          { path: "organisation.spokes.maxConcurrentProjects", value: 5 },
          { path: "organisation.guilds.enabled", value: true },
          { path: "organisation.hub.fte", value: 16 },
        ],
      },
      {
        name: "Spokes wave 2 and self-service",
        startMonth: 12,
        durationMonths: 6,
        cost: 1_000_000,
        effects: [
          { path: "organisation.spokes.count", value: 6 },
          { path: "organisation.selfService.enabled", value: true },
          { path: "organisation.hub.fte", value: 18 },
        ],
      },
    ],
  },
};

const retail = {
  name: "retail",
  description: "Case study 2: 20 brands as tenants of one multi-tenant platform, a level-4 organisation",
  organisation: {
    ...level4.organisation,
    hub: { fte: 20, supportShare: 0.5, reviewShare: 0.1 },
    spokes: { count: 10, ftePerSpoke: 8, maxConcurrentProjects: 5 },
  },
  demand: { businessUnits: units(20, 0.8, "brand") },
  portfolio: level4.portfolio,
  lifecycle: level4.lifecycle,
  governance: level4.governance,
};

const manufacturing = {
  name: "manufacturing",
  description:
    "Case study 3: 40 running projects on dedicated teams; at month 3 all are scored, the bottom 15 killed " +
    "and the top 10 doubled down (switch governance.portfolioReset.enabled off to compare)",
  organisation: {
    ...level2.organisation,
    spokes: { count: 0 },
    pilotTeams: {
      maxConcurrent: 25,
      ftePerTeam: 2,
      formationDays: { dist: "pert", min: 20, mode: 45, max: 90 },
    },
  },
  demand: {
    businessUnits: units(4, 0.5, "plant"),
    initialProjects: 40,
    // an unprioritised portfolio: value spread wide (many small bets, a few big ones), riskier than usual
    annualValue: {
      revenue: { dist: "lognormal", mean: 600_000, sd: 1_200_000 },
      costReduction: { dist: "lognormal", mean: 500_000, sd: 900_000 },
      riskMitigation: { dist: "lognormal", mean: 300_000, sd: 600_000 },
      innovation: { dist: "lognormal", mean: 250_000, sd: 600_000 },
    },
    risk: { low: 35, medium: 40, high: 25 },
    // long-running projects "running unchecked" (guide Pattern 10)
    horizon: { quickWin: 20, medium: 40, longBet: 40 },
  },
  portfolio: { balancing: { enabled: true } },
  lifecycle: { ...level2.lifecycle, horizonEffortMultiplier: { quickWin: 0.6, medium: 1.2, longBet: 2.5 } },
  governance: {
    standards: { enabled: true },
    killEarly: { enabled: false },
    portfolioReset: { enabled: true, atMonth: 3, killBottom: 15, doubleDownTop: 10, staffingMultiplier: 2 },
  },
};

/** Delivery presets by name: level-1 .. level-5 and the three case studies. */
export const deliveryPresets: Record<string, DeliveryPreset> = {
  "level-1": { description: level1.description, document: level1 },
  "level-2": { description: level2.description, document: level2 },
  "level-3": { description: level3.description, document: level3 },
  "level-4": { description: level4.description, document: level4 },
  "level-5": { description: level5.description, document: level5 },
  "financial-services": { description: financialServices.description, document: financialServices },
  retail: { description: retail.description, document: retail },
  manufacturing: { description: manufacturing.description, document: manufacturing },
};

/**
 * The entity prefixes of MLflow's search language (`metrics.rmse`, `params.alpha`, `tags.t`,
 * `attributes.status`), shared by filters and order_by clauses so both read them alike.
 */
export type EntityType = "metric" | "param" | "tag" | "attribute";

/** Prefix as written (lowercased) → entity; the order is the one error messages list. */
export const ENTITY_PREFIXES: Readonly<Record<string, EntityType>> = {
  metric: "metric",
  metrics: "metric",
  param: "param",
  params: "param",
  parameter: "param",
  parameters: "param",
  tag: "tag",
  tags: "tag",
  attribute: "attribute",
  attributes: "attribute",
  attr: "attribute",
  run: "attribute",
};

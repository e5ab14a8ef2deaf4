-- The latest value of each metric (MLflow's latest_metrics), kept by the database itself: after
-- each statement that inserts history rows, the most recent new row of each (run, key) replaces
-- the stored latest value when it is more recent (greater step, then timestamp, then value). A
-- point already logged is not inserted again, so it changes nothing. One statement then writes a
-- whole batch, history and latest values, atomically.
CREATE FUNCTION "Metric_keep_latest"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LatestMetric" ("runId", "key", "value", "isNan", "timestamp", "step")
  SELECT DISTINCT ON ("runId", "key") "runId", "key", "value", "isNan", "timestamp", "step"
  FROM inserted
  ORDER BY "runId", "key", "step" DESC, "timestamp" DESC, "value" DESC
  ON CONFLICT ("runId", "key") DO UPDATE SET
    "value" = excluded."value", "isNan" = excluded."isNan", "timestamp" = excluded."timestamp", "step" = excluded."step"
  WHERE excluded."step" > "LatestMetric"."step"
    OR (excluded."step" = "LatestMetric"."step" AND (excluded."timestamp" > "LatestMetric"."timestamp"
      OR (excluded."timestamp" = "LatestMetric"."timestamp" AND excluded."value" > "LatestMetric"."value")));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Metric_keep_latest" AFTER INSERT ON "Metric"
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION "Metric_keep_latest"();

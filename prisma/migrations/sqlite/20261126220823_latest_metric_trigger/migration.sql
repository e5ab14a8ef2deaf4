-- The latest value of each metric (MLflow's latest_metrics), kept by the database itself: every
-- history row inserted replaces its key's latest value when it is more recent (greater step, then
-- timestamp, then value). A point already logged is not inserted again, so it changes nothing.
-- One statement then writes a whole batch, history and latest values, atomically.
CREATE TRIGGER "Metric_keep_latest" AFTER INSERT ON "Metric"
BEGIN
  INSERT INTO "LatestMetric" ("runId", "key", "value", "isNan", "timestamp", "step")
  VALUES (NEW."runId", NEW."key", NEW."value", NEW."isNan", NEW."timestamp", NEW."step")
  ON CONFLICT ("runId", "key") DO UPDATE SET
    "value" = excluded."value", "isNan" = excluded."isNan", "timestamp" = excluded."timestamp", "step" = excluded."step"
  WHERE excluded."step" > "LatestMetric"."step"
    OR (excluded."step" = "LatestMetric"."step" AND (excluded."timestamp" > "LatestMetric"."timestamp"
      OR (excluded."timestamp" = "LatestMetric"."timestamp" AND excluded."value" > "LatestMetric"."value")));
END;

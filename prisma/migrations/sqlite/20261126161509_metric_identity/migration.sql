-- DropIndex
DROP INDEX "Metric_runId_key_step_timestamp_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Metric_runId_key_step_timestamp_value_isNan_key" ON "Metric"("runId", "key", "step", "timestamp", "value", "isNan");

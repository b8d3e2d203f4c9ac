package dev.trainer.support;

import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.QualityReport;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingConfig;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.serde.JsonEventDeserializer;
import dev.trainer.contracts.serde.JsonEventSerializer;
import dev.trainer.contracts.serde.TrainingRequestedDeserializer;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Jackson reads and writes the event records by reflection: register them for native images. */
@RegisterForReflection(targets = {
        TrainingRequested.class, TrainingRequested.Optimization.class, TrainingRequested.Validation.class,
        TrainingRequested.Costs.class, TrainingConfig.class, TrainingConfig.OptimizationParams.class,
        TrainingConfig.ValidationParams.class, TrainingRequestedDeserializer.class, TrainingStatus.class,
        TrainingStatus.State.class,
        RawCandlesChunk.class, CleanCandlesChunk.class,
        CandleColumns.class, QualityReport.class, SeriesRef.class, BacktestRequest.class,
        BacktestRequest.Costs.class, BacktestResults.class, BacktestResults.TrialError.class,
        BacktestResults.TrialDetail.class,
        OptimizationCompleted.class, OptimizationCompleted.Window.class, ConfigTrained.class,
        BreakerStateChanged.class, ExecutionReported.class, JsonEventSerializer.class, JsonEventDeserializer.class })
public final class ContractsReflection {

    private ContractsReflection() {
    }
}

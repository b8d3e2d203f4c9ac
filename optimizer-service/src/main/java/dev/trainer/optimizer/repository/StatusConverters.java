package dev.trainer.optimizer.repository;

import dev.trainer.training.progress.JobStatus;
import dev.trainer.training.progress.MarketStatus;
import dev.trainer.training.progress.Progression;
import dev.trainer.training.progress.WindowStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The progression's states as the tables store them: the plan's lower-case values, checked by each table. */
public final class StatusConverters {

    private StatusConverters() {
    }

    @Converter(autoApply = true)
    public static class Jobs implements AttributeConverter<JobStatus, String> {
        @Override
        public String convertToDatabaseColumn(JobStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public JobStatus convertToEntityAttribute(String value) {
            return value == null ? null : Progression.fromDb(JobStatus.class, value);
        }
    }

    @Converter(autoApply = true)
    public static class Markets implements AttributeConverter<MarketStatus, String> {
        @Override
        public String convertToDatabaseColumn(MarketStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public MarketStatus convertToEntityAttribute(String value) {
            return value == null ? null : Progression.fromDb(MarketStatus.class, value);
        }
    }

    @Converter(autoApply = true)
    public static class Windows implements AttributeConverter<WindowStatus, String> {
        @Override
        public String convertToDatabaseColumn(WindowStatus status) {
            return status == null ? null : status.dbValue();
        }

        @Override
        public WindowStatus convertToEntityAttribute(String value) {
            return value == null ? null : Progression.fromDb(WindowStatus.class, value);
        }
    }
}

package dev.trainer.validation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainer.domain.lifecycle.SignificanceGate;
import dev.trainer.validation.config.ValidationConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** validation.gate.* to the domain's gate. */
class ValidatorGateSettingsTest {

    private record Settings(boolean enabled, double minDeflatedSharpe, double maxProbabilityOfOverfitting,
            boolean minTrackRecord, Optional<Double> maxPValue) implements ValidationConfig.Gate {
    }

    @Test
    void theSettingsBecomeTheGate() {
        assertEquals(new SignificanceGate(0.95, 0.5, null, true),
                Validator.gate(new Settings(true, 0.95, 0.5, true, Optional.empty())));
        assertEquals(new SignificanceGate(0.9, 0.4, 0.05, false),
                Validator.gate(new Settings(true, 0.9, 0.4, false, Optional.of(0.05))));
    }

    @Test
    void aDisabledGateChecksNothing() {
        assertEquals(SignificanceGate.none(), Validator.gate(new Settings(false, 0.95, 0.5, true, Optional.empty())));
    }

    @Test
    void aThresholdThatIsNoProbabilityIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Validator.gate(new Settings(true, 95, 0.5, true, Optional.empty())));
    }
}
